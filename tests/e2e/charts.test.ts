import { expect, test } from '@jest/globals';
import { demoPassword } from '../../src/app/demo.js';
import { artifactPath, seriousViolations, serviceAndBrowser } from '../helpers/browser.js';

const running = serviceAndBrowser();

/** The address of the demo 图解, found as a reader finds it: in the 政策解读 column. */
async function tujieUrl(): Promise<string> {
  const res = await fetch(`${running.service.url}/columns/zcjd`);
  const match = /href="(\/interpretations\/[a-z0-9]+)"[^>]*>图解：/.exec(await res.text());
  if (!match) throw new Error('图解 not listed in 政策解读');
  return `${running.service.url}${match[1]}`;
}

test('N16: the 图解 shows its two charts drawn from data, with sentence and table, on a desktop and a 375-px phone', async () => {
  const url = await tujieUrl();
  for (const [device, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 375, height: 800 }],
  ] as const) {
    const page = await running.browser.newPage({ viewport });
    const hosts = new Set<string>();
    page.on('request', (req) => hosts.add(new URL(req.url()).host));
    await page.goto(url);
    const charts = page.locator('figure.chart');
    expect(await charts.count()).toBe(2);
    // Each picture is drawn (an SVG with its bars) and fits the page; its data table is there for screen readers.
    for (let i = 0; i < 2; i++) {
      const box = await charts.nth(i).locator('.chart-image svg').boundingBox();
      expect(box && box.width > 200 && box.height > 150 && box.x + box.width <= viewport.width).toBe(true);
      expect(await charts.nth(i).locator('table th[scope=row]').count()).toBeGreaterThanOrEqual(2);
    }
    await expect(page.getByRole('table', { name: /数据表：.*低保标准调整/ }).count()).resolves.toBe(1);
    expect(await page.locator('.chart-summary').first().textContent()).toBe(
      '城市低保标准由800元提高到840元，增幅5%；农村低保标准由500元提高到530元，增幅6%。',
    );
    await page.screenshot({ path: artifactPath(`tujie-charts-${device}.png`), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    expect([...hosts]).toEqual([new URL(running.service.url).host]);
    await page.close();
  }
});

test('N16: in the Admin UI the chart block shows in the editor with what the site will say', async () => {
  const context = await running.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${running.service.url}/admin/signin`);
  await page.waitForSelector('input[name=identity]');
  await page.fill('input[name=identity]', 'jiuzhu');
  await page.fill('input[name=password]', demoPassword);
  await page.click('button[type=submit]');
  await page.waitForURL((u) => !u.pathname.endsWith('/signin'));
  const id = new URL(await tujieUrl()).pathname.split('/').pop();
  await page.goto(`${running.service.url}/admin/interpretations/${id}`);
  // The chart block in the editor: its form (kind, title, unit, source, the table as pasted) and what the site will say.
  const card = page.getByRole('group', { name: '图表：2026年城乡低保标准调整（每人每月）' });
  await card.waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const preview = card.getByText(/2 行数据，网站将自动生成图表和数据表。要点：城市低保标准由800元提高到840元/);
  await preview.scrollIntoViewIfNeeded();
  await page.screenshot({ path: artifactPath('admin-chart-block.png') });
  const table = card.getByRole('textbox', { name: /数据表/ });
  expect(await table.inputValue()).toBe('类别\t调整前\t调整后\n城市低保标准\t800\t840\n农村低保标准\t500\t530');
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: artifactPath('admin-chart-block-editing.png') });
  await context.close();
});
