import { expect, test } from '@jest/globals';
import { artifactPath, seriousViolations, serviceAndBrowser } from '../helpers/browser.js';

const running = serviceAndBrowser();

test('S2, S11: the public reads a consultation, comments through the form, and reads an adoption report', async () => {
  for (const [device, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 375, height: 800 }],
  ] as const) {
    const page = await running.browser.newPage({ viewport });
    const visit = async (name: string) => {
      await page.screenshot({ path: artifactPath(`consultation-${name}-${device}.png`), fullPage: true });
      expect({ page: name, violations: await seriousViolations(page) }).toEqual({ page: name, violations: [] });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    };
    await page.goto(`${running.service.url}/columns/zqyj`);
    await page.getByRole('link', { name: /最低生活保障审核确认实施细则/ }).click();
    await page.waitForURL(/\/consultations\/\w+$/);
    await page.getByRole('heading', { name: '如何提出意见' }).waitFor();
    // Shown comments are masked (N15) and never carry the commenter's contact.
    const text = await page.locator('main').innerText();
    expect(text).toContain('139****5678');
    expect(text).not.toContain('13900000001');
    expect(text).not.toContain('希望增加对外出务工人员'); // still awaiting moderation
    await visit('page');

    await page.getByRole('link', { name: '在线提交意见' }).click();
    await page.getByLabel('意见内容（必填）').fill('建议在细则中写明，申请人可以委托村（居）民委员会代为提出申请。');
    await page.getByLabel('联系方式（必填，不公开）').fill('不方便留');
    await page.waitForTimeout(3500); // a person takes longer than the guard's 3 s
    await page.getByRole('button', { name: '提交意见' }).click();
    await page.getByText('提交未成功，请修改以下内容：').waitFor();
    // Nothing typed is lost.
    expect(await page.getByLabel('意见内容（必填）').inputValue()).toContain('委托村（居）民委员会');
    await visit('form-errors');

    await page.getByLabel('联系方式（必填，不公开）').fill(device === 'desktop' ? '13800000021' : 'demo.phone@example.com');
    await page.waitForTimeout(3500);
    await page.getByRole('button', { name: '提交意见' }).click();
    await page.getByRole('heading', { name: '意见已提交' }).waitFor();
    const code = await page.locator('.query-code').innerText();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(page.url()).not.toContain(code);
    await visit('thanks');

    await page.goto(`${running.service.url}/consultations`);
    await page.getByRole('link', { name: '意见采纳情况' }).first().click();
    await page.getByRole('heading', { name: '意见采纳情况', exact: true }).waitFor();
    const report = await page.locator('#report').innerText();
    expect(report).toContain('由财政全额承担失能老年人护理费用');
    expect(report).toContain('不替代家庭赡养义务');
    await visit('report');
    await page.close();
  }
});
