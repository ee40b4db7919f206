import { expect, test } from '@jest/globals';
import { artifactPath, seriousViolations, serviceAndBrowser } from '../helpers/browser.js';

const running = serviceAndBrowser();

test('N6, N19, N16: the guide page and the normative-document library, on a desktop and a phone, pass axe-core; a form downloads; the library filters by keyboard', async () => {
  for (const [device, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 375, height: 800 }],
  ] as const) {
    const page = await running.browser.newPage({ viewport });
    const visit = async (name: string) => {
      await page.screenshot({ path: artifactPath(`guides-${name}-${device}.png`), fullPage: true });
      expect({ page: name, violations: await seriousViolations(page) }).toEqual({ page: name, violations: [] });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    };
    // 办事指南 from the column, as a visitor finds it.
    await page.goto(`${running.service.url}/columns/bszn`);
    await visit('column');
    await page.getByRole('link', { name: '最低生活保障申请办事指南' }).click();
    await page.waitForURL(/\/documents\//);
    for (const label of [
      '事项名称',
      '设定依据',
      '申请条件',
      '办理材料',
      '办理地点',
      '办理机构',
      '收费标准',
      '办理时间',
      '咨询电话',
      '投诉电话',
      '办理流程',
      '法定时限',
      '承诺时限',
      '在线办理',
    ]) {
      await expect(page.getByRole('heading', { name: label, level: 2 }).count()).resolves.toBe(1);
    }
    await visit('guide');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '最低生活保障申请书（空白表格）' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    // The library: in force by default; the repealed one by choosing its status with the keyboard.
    await page.goto(`${running.service.url}/columns/zcwj`);
    await page.getByRole('link', { name: '现行有效行政规范性文件' }).click();
    await page.waitForURL(/\/disclosure\/normative-documents$/);
    await expect(page.getByRole('link', { name: '临沧市最低生活保障实施办法', exact: true }).count()).resolves.toBe(0);
    await visit('library');
    await page.getByLabel('效力状态').selectOption('repealed');
    await page.getByRole('button', { name: '筛选' }).press('Enter');
    await page.waitForURL(/status=repealed/);
    await page.getByRole('link', { name: '临沧市最低生活保障实施办法', exact: true }).click();
    await page.waitForURL(/\/documents\//);
    await expect(page.getByRole('note').textContent()).resolves.toMatch(
      /本文件已于\d{4}年7月1日废止，详见《临沧市最低生活保障审核确认实施办法》/,
    );
    await visit('repealed');
    await page.close();
  }
});
