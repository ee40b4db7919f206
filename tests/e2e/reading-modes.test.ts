import { expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { artifactPath, seriousViolations, serviceAndBrowser } from '../helpers/browser.js';

// N16 (GB/T 37668): the reading modes beside 大字版, switched by keyboard, remembered from page to page,
// and checked with axe-core in each mode on a desktop and a 375-px phone.
const running = serviceAndBrowser();

const modes = [
  { id: 'high-contrast', label: '高对比度' },
  { id: 'wide-spacing', label: '加大行距' },
  { id: 'strong-focus', label: '焦点高亮' },
] as const;

const style = (page: Page, selector: string, property: string) =>
  page.evaluate(([s, p]) => getComputedStyle(document.querySelector(s)!).getPropertyValue(p), [selector, property] as const);

async function interpretationUrl(page: Page): Promise<string> {
  await page.goto(`${running.service.url}/columns/zcjd`);
  // The 图解 of the 2026 低保 standards: the interpretation the issue asks to read in every mode.
  const href = await page.locator('a[href^="/interpretations/"]', { hasText: '图解' }).first().getAttribute('href');
  return `${running.service.url}${href}`;
}

test('N16: each reading mode works by keyboard, is remembered on the next page and passes axe-core at 1280 and 375 px', async () => {
  for (const [device, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 375, height: 800 }],
  ] as const) {
    for (const mode of modes) {
      const context = await running.browser.newContext({ viewport });
      const page = await context.newPage();
      const jd = await interpretationUrl(page);
      await page.goto(jd);
      const before = {
        background: await style(page, '.page', 'background-color'),
        lineHeight: parseFloat(await style(page, 'main p', 'line-height')),
      };
      await page.getByRole('checkbox', { name: mode.label }).focus();
      await page.keyboard.press('Space');
      if (mode.id === 'high-contrast') {
        expect(before.background).not.toBe('rgb(0, 0, 0)');
        expect(await style(page, '.page', 'background-color')).toBe('rgb(0, 0, 0)');
        expect(await style(page, 'main p', 'color')).toBe('rgb(255, 255, 255)');
      }
      if (mode.id === 'wide-spacing') {
        const fontSize = parseFloat(await style(page, 'main p', 'font-size'));
        expect(parseFloat(await style(page, 'main p', 'line-height'))).toBeGreaterThanOrEqual(fontSize * 2.2 - 0.5);
        expect(parseFloat(await style(page, 'main p', 'line-height'))).toBeGreaterThan(before.lineHeight);
      }
      if (mode.id === 'strong-focus') {
        // The keyboard focus on the search box is ringed, thick and in two colours.
        await page.getByRole('searchbox', { name: '搜索本站' }).focus();
        expect(parseFloat(await style(page, '#site-q', 'outline-width'))).toBeGreaterThanOrEqual(4);
        expect(await style(page, '#site-q', 'box-shadow')).toContain('8px');
        for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('A');
        await page.screenshot({ path: artifactPath(`modes-strong-focus-keyboard-${device}.png`) });
      }
      // Remembered: the next page opens in the same mode, and in the next visit too.
      await page.goto(`${running.service.url}/`);
      expect(await page.getByRole('checkbox', { name: mode.label }).isChecked()).toBe(true);
      for (const [name, url] of [
        ['home', `${running.service.url}/`],
        ['interpretation', jd],
      ] as const) {
        await page.goto(url);
        await page.screenshot({ path: artifactPath(`modes-${mode.id}-${name}-${device}.png`), fullPage: true });
        expect({ mode: mode.id, page: name, violations: await seriousViolations(page) }).toEqual({
          mode: mode.id,
          page: name,
          violations: [],
        });
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
      }
      await context.close();
    }
  }
  // Every mode at two widths, each page checked by axe-core: minutes on a busy two-core machine.
}, 300_000);

test('N16: all modes at once with 大字版 still pass axe-core', async () => {
  const context = await running.browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  const jd = await interpretationUrl(page);
  await page.goto(jd);
  // As a reader with a mouse: the visible labels switch the modes.
  for (const label of ['大字版', ...modes.map((m) => m.label)]) await page.locator('label', { hasText: label }).click();
  for (const label of ['大字版', ...modes.map((m) => m.label)])
    expect(await page.getByRole('checkbox', { name: label }).isChecked()).toBe(true);
  await page.screenshot({ path: artifactPath('modes-all-interpretation-phone.png'), fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();
});

test("N16: 朗读 reads the article through the browser's own speech synthesis, and stops on a second press", async () => {
  const context = await running.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Records what is spoken instead of speaking (a test machine has no voices); nothing leaves the browser.
  await context.addInitScript(() => {
    const spoken: string[] = [];
    (window as unknown as { spoken: string[] }).spoken = spoken;
    let speaking = false;
    Object.defineProperty(window.speechSynthesis, 'speaking', { get: () => speaking });
    window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
      speaking = true;
      spoken.push(`${u.lang}:${u.text}`);
    };
    window.speechSynthesis.cancel = () => {
      speaking = false;
    };
  });
  const page = await context.newPage();
  const hosts = new Set<string>();
  page.on('request', (req) => hosts.add(new URL(req.url()).host));
  await page.goto(await interpretationUrl(page));
  const title = (await page.locator('main h1').first().innerText()).trim();
  const button = page.getByRole('button', { name: '朗读' });
  await button.focus();
  await page.keyboard.press('Enter');
  const spoken = await page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);
  expect(spoken.length).toBeGreaterThan(1);
  expect(spoken.every((s) => s.startsWith('zh-CN:'))).toBe(true);
  expect(spoken.join('')).toContain(title);
  const stop = page.getByRole('button', { name: '停止朗读' });
  expect(await stop.getAttribute('aria-pressed')).toBe('true');
  await stop.click();
  expect(await page.getByRole('button', { name: '朗读' }).getAttribute('aria-pressed')).toBe('false');
  expect([...hosts]).toEqual([new URL(running.service.url).host]);
  await context.close();
});

test('N16: without JavaScript the modes still switch and 朗读 is not offered', async () => {
  const context = await running.browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${running.service.url}/columns/tzgg`);
  expect(await page.getByRole('button', { name: '朗读' }).count()).toBe(0);
  await page.getByText('高对比度').click();
  expect(await style(page, '.page', 'background-color')).toBe('rgb(0, 0, 0)');
  await page.screenshot({ path: artifactPath('modes-high-contrast-no-js-phone.png'), fullPage: true });
  await context.close();
});
