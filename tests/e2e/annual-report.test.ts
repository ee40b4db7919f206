import fs from 'node:fs';
import { expect, test } from '@jest/globals';
import { artifactPath, seriousViolations, serviceAndBrowser } from '../helpers/browser.js';
import { serviceDemoClock } from '../helpers/service.js';

// N14: the published demo annual report, reached from the homepage, on screen and printed on A4.
const running = serviceAndBrowser();

test('N14: the annual report of last year is reachable from the homepage, passes axe-core, and prints as the official tables on A4', async () => {
  // The demo's report of last year (2025's as of the demo's story day), published on 23 January.
  const year = 2025 + (await serviceDemoClock(running.service)).everyYear('2026-01-23').shiftYears;
  const page = await running.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const hosts = new Set<string>();
  page.on('request', (req) => hosts.add(new URL(req.url()).host));
  await page.goto(`${running.service.url}/`);
  await page.getByRole('link', { name: '政府信息公开工作年度报告', exact: true }).click();
  await page.waitForURL(/\/disclosure\/annual-reports$/);
  await page.getByRole('link', { name: `临沧市民政局${year}年政府信息公开工作年度报告` }).click();
  await page.waitForURL(new RegExp(`/disclosure/annual-reports/${year}$`));
  await page.getByRole('heading', { level: 1, name: `临沧市民政局${year}年政府信息公开工作年度报告` }).waitFor();
  await page.screenshot({ path: artifactPath('annual-report-screen.png'), fullPage: true });

  // The report's stylesheet applies (the CSP allows no inline style): ruled tables, 仿宋 text.
  const border = await page.evaluate(() => getComputedStyle(document.querySelector('.annual-report td')!).borderTopStyle);
  expect(border).toBe('solid');
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('.annual-report')!).fontFamily)).toContain('FangSong');

  // N16 on the report page too.
  expect(await seriousViolations(page)).toEqual([]);

  // Printed: the site frame goes, the report stays, every table fits the A4 width.
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => ({
    header: getComputedStyle(document.querySelector('.site-header')!).display,
    footer: getComputedStyle(document.querySelector('.site-footer')!).display,
    report: getComputedStyle(document.querySelector('.annual-report')!).display,
  }));
  expect(printed).toEqual({ header: 'none', footer: 'none', report: 'block' });
  await page.screenshot({ path: artifactPath('annual-report-print.png'), fullPage: true });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: false });
  fs.writeFileSync(artifactPath('annual-report.pdf'), pdf);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(2);
  expect(pages).toBeLessThanOrEqual(6);
  // A4 at 96 dpi is 794 px wide; less the 18 mm margins each side: about 658 px for the tables.
  await page.setViewportSize({ width: 658, height: 900 });
  const overflowing = await page.evaluate(
    () =>
      Array.from(document.querySelectorAll('.annual-report table')).filter(
        (t) => t.scrollWidth > (t.parentElement as HTMLElement).clientWidth + 1,
      ).length,
  );
  expect(overflowing).toBe(0);
  await page.close();
  expect([...hosts]).toEqual([new URL(running.service.url).host]);
}, 120_000);
