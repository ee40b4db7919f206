import { expect, test } from '@jest/globals';
import { artifactPath, seriousViolations, serviceAndBrowser } from '../helpers/browser.js';

const running = serviceAndBrowser();

test('N16: the public pages render on a desktop and a 375-px phone, pass axe-core, and fetch nothing from another host', async () => {
  for (const [device, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 375, height: 800 }],
  ] as const) {
    const page = await running.browser.newPage({ viewport });
    const hosts = new Set<string>();
    page.on('request', (req) => hosts.add(new URL(req.url()).host));
    const visit = async (name: string) => {
      await page.screenshot({ path: artifactPath(`site-${name}-${device}.png`), fullPage: true });
      expect({ page: name, violations: await seriousViolations(page) }).toEqual({ page: name, violations: [] });
      // Nothing overflows sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    };
    await page.goto(`${running.service.url}/`);
    await visit('home');
    await page.getByRole('link', { name: '政策文件' }).first().click();
    await page.waitForURL(/\/columns\/zcwj$/);
    await visit('column');
    // The document with an interpretation (the column holds other 实施细则 too).
    await page
      .getByRole('link', { name: /全面推进民政政务公开工作的实施细则/ })
      .first()
      .click();
    await page.waitForURL(/\/documents\//);
    await visit('document');
    await page
      .getByRole('link', { name: /》解读$/ })
      .first()
      .click();
    await page.waitForURL(/\/interpretations\//);
    await visit('interpretation');
    // Search works with the keyboard and without JavaScript.
    await page.getByRole('searchbox', { name: '搜索本站' }).fill('低保');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    await page.getByText(/共找到 \d+ 条结果/).waitFor();
    await visit('search');
    await page.goto(`${running.service.url}/columns/zfxxgk`);
    await page.getByRole('link', { name: '主动公开目录' }).click();
    await page.waitForURL(/\/disclosure\/catalogue$/);
    await visit('catalogue');
    // 大字版 by keyboard; the choice follows the reader to the next page.
    const textSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main')!).fontSize));
    const standard = await textSize();
    await page.getByRole('checkbox', { name: '大字版' }).focus();
    await page.keyboard.press('Space');
    expect(await textSize()).toBeGreaterThanOrEqual(standard * 1.3);
    await page.goto(`${running.service.url}/`);
    expect(await textSize()).toBeGreaterThanOrEqual(standard * 1.3);
    await visit('home-large-text');
    expect([...hosts]).toEqual([new URL(running.service.url).host]);
    await page.close();
  }
});

test('N16: the site works without JavaScript, 大字版 included', async () => {
  const context = await running.browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${running.service.url}/columns/tzgg`);
  // A phone starts with the page, not 17 column links: they fold into 栏目导航, a disclosure without JavaScript.
  const menuLink = page.getByRole('navigation', { name: '主栏目（手机）' }).getByRole('link', { name: '通知公告' });
  expect(await menuLink.isVisible()).toBe(false);
  expect(await page.getByRole('navigation', { name: '主栏目', exact: true }).isVisible()).toBe(false);
  await page.getByText('栏目导航').click();
  await menuLink.waitFor({ state: 'visible' });
  await page.screenshot({ path: artifactPath('site-menu-open-no-js-phone.png') });
  await page.getByText('栏目导航').click();
  await menuLink.waitFor({ state: 'hidden' });
  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main')!).fontSize));
  const standard = await size();
  await page.getByText('大字版').click();
  expect(await size()).toBeGreaterThanOrEqual(standard * 1.3);
  await page.screenshot({ path: artifactPath('site-large-text-no-js-phone.png'), fullPage: true });
  await page.getByRole('searchbox', { name: '搜索本站' }).fill('养老');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\?q=/);
  await page.getByText(/共找到 \d+ 条结果/).waitFor();
  await context.close();
});
