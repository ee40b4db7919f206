import { expect, test } from '@jest/globals';
import { artifactPath, seriousViolations, serviceAndBrowser } from '../helpers/browser.js';
import { serviceDemoClock } from '../helpers/service.js';

// N17: the published demo 网站工作年度报表, reached from the home page.
const running = serviceAndBrowser();

test('N17: the website annual report of last year is reachable from the home page and passes axe-core', async () => {
  const year = 2025 + (await serviceDemoClock(running.service)).everyYear('2026-01-23').shiftYears;
  const page = await running.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${running.service.url}/`);
  // 首页显著位置: the latest report above the columns, and the list of all in every page's footer.
  await page.screenshot({ path: artifactPath('website-report-home.png') });
  expect(await page.locator('.site-footer').getByRole('link', { name: '政府网站工作年度报表', exact: true }).getAttribute('href')).toBe(
    '/disclosure/website-reports',
  );
  await page
    .locator('.home-report')
    .getByRole('link', { name: `临沧市民政局政府网站工作年度报表（${year}年度）` })
    .click();
  await page.waitForURL(new RegExp(`/disclosure/website-reports/${year}$`));
  await page.getByRole('heading', { level: 1, name: `临沧市民政局政府网站工作年度报表（${year}年度）` }).waitFor();
  expect(await page.getByRole('row', { name: /网站总访问量/ }).textContent()).toMatch(/网站总访问量（单位：次）\d+/);
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('.annual-report td')!).borderTopStyle)).toBe('solid');
  await page.screenshot({ path: artifactPath('website-report-screen.png'), fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
  await page.close();
}, 120_000);
