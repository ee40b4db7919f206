import { expect, test } from '@jest/globals';
import { demoPassword } from '../../src/app/demo.js';
import { demoDocuments } from '../../src/workflow/seed.js';
import { artifactPath, serviceAndBrowser } from '../helpers/browser.js';
import { startService } from '../helpers/service.js';

const running = serviceAndBrowser();

// The demo was seeded before the start (tests/helpers/service.ts); the first start's own seeding is tested as the README runs it.
test('gongkai start serves the demo site: the office reviewer signs in to the Admin UI and finds every demo document', async () => {
  const page = await running.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${running.service.url}/admin`);
  await page.waitForURL(/\/admin\/signin/);
  await page.fill('input[name=identity]', 'bangongshi');
  await page.fill('input[name=password]', demoPassword);
  await page.screenshot({ path: artifactPath('admin-signin.png') });
  await page.click('button[type=submit]');
  await page.waitForURL((url) => !url.pathname.endsWith('/signin'));

  await page.goto(`${running.service.url}/admin/documents`);
  // Every demo document is listed (titles are cut short in the table, so count them).
  await page.getByText(`共 ${demoDocuments.length} 条`).waitFor({ timeout: 30_000 });
  await page.screenshot({ path: artifactPath('admin-documents.png'), fullPage: true });
  // The table renders the rows in view: scroll down until the reprints (titled …（转载示例）) show.
  const reprint = page.getByText(/（转载示例）/).first();
  for (let scrolls = 0; scrolls < 20 && !(await reprint.isVisible()); scrolls++) {
    await page.mouse.move(700, 500);
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(200);
  }
  await reprint.waitFor();

  const health = await page.request.get(`${running.service.url}/healthz`);
  expect(await health.json()).toEqual({ status: 'ok' });
});

test('a wrong password keeps the visitor on the sign-in page', async () => {
  const page = await running.browser.newPage();
  await page.goto(`${running.service.url}/admin/signin`);
  await page.waitForSelector('input[name=identity]');
  await page.fill('input[name=identity]', 'jiuzhu');
  await page.fill('input[name=password]', 'not-the-password');
  await page.click('button[type=submit]');
  await page.waitForTimeout(1000);
  expect(new URL(page.url()).pathname).toBe('/admin/signin');
});

test('on a fresh install without accounts the Admin UI leads to the first-run screen', async () => {
  const empty = await startService({}, ['--no-demo']);
  try {
    const page = await running.browser.newPage();
    await page.goto(`${empty.url}/admin`);
    await page.waitForURL(/\/setup$/);
    await page.fill('#name', '王管理');
    await page.fill('#username', 'wang');
    await page.fill('#password', 'first-admin-password');
    await page.screenshot({ path: artifactPath('first-run-setup.png') });
    await page.click('button[type=submit]');
    await page.waitForURL(/\/admin\/signin$/);
    await page.waitForSelector('input[name=identity]');
    await page.fill('input[name=identity]', 'wang');
    await page.fill('input[name=password]', 'first-admin-password');
    await page.click('button[type=submit]');
    await page.getByText('用户').first().waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).pathname).not.toBe('/admin/signin');
  } finally {
    await empty.stop();
  }
});

test('trust #8: after five wrong passwords the sign-in page says in Chinese when to try again, even to the right password; the admin reads it in 登录记录', async () => {
  const context = await running.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const attempt = async (password: string, expected: RegExp) => {
    await page.goto(`${running.service.url}/admin/signin`);
    await page.waitForSelector('input[name=identity]');
    await page.fill('input[name=identity]', 'guihua');
    await page.fill('input[name=password]', password);
    await page.click('button[type=submit]');
    await page.getByText(expected).first().waitFor();
  };
  for (let i = 0; i < 5; i++) await attempt(`wrong-password-${i}`, /登录名或密码不正确/);
  await attempt(demoPassword, /该账号登录失败次数过多，已暂时锁定：请于 \d{4}-\d\d-\d\d \d\d:\d\d（北京时间）之后再试/);
  await page.screenshot({ path: artifactPath('admin-signin-locked.png') });
  expect(new URL(page.url()).pathname).toBe('/admin/signin');

  await context.clearCookies();
  await page.goto(`${running.service.url}/admin/signin`);
  await page.fill('input[name=identity]', 'admin');
  await page.fill('input[name=password]', demoPassword);
  await page.click('button[type=submit]');
  await page.waitForURL((url) => !url.pathname.endsWith('/signin'));
  await page.goto(`${running.service.url}/admin/sign-in-records`);
  await page.getByText('已锁定').first().waitFor({ timeout: 30_000 });
  await page.getByRole('heading', { name: '登录记录' }).waitFor();
  await page.screenshot({ path: artifactPath('admin-sign-in-records.png'), fullPage: true });
  await context.close();
});

test('trust #13: 退出登录 ends the session on the server: the cookie taken before it opens nothing', async () => {
  const context = await running.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${running.service.url}/admin/signin`);
  await page.fill('input[name=identity]', 'shezu');
  await page.fill('input[name=password]', demoPassword);
  await page.click('button[type=submit]');
  await page.waitForURL((url) => !url.pathname.endsWith('/signin'));
  const session = (await context.cookies()).find((c) => c.name === 'gongkai-session');
  expect(session).toBeDefined();
  const whoAmI = async () => {
    const res = await fetch(`${running.service.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `gongkai-session=${session!.value}`, connection: 'close' },
      body: JSON.stringify({ query: '{ authenticatedItem { ... on User { username } } }' }),
    });
    return ((await res.json()) as { data: { authenticatedItem: { username: string } | null } }).data.authenticatedItem;
  };
  expect(await whoAmI()).toEqual({ username: 'shezu' });
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL(/\/admin\/signin/);
  expect(await whoAmI()).toBeNull();
  await context.close();
});
