import { expect, test } from '@jest/globals';
import { demoPassword } from '../../src/seed/demo.js';
import { demoDocuments } from '../../src/seed/demo-content.js';
import { artifactPath, serviceAndBrowser } from '../helpers/browser.js';
import { startService } from '../helpers/service.js';

const running = serviceAndBrowser();

test('gongkai start serves the demo site: the office reviewer signs in to the Admin UI and finds every demo document', async () => {
  expect(running.service.output()).toContain('已导入演示数据');
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
  // The table renders the rows in view; the newest (reprints and interaction columns) come first.
  await page.getByText('省民政厅文件').first().waitFor();

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
