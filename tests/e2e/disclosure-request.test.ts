import { expect, test } from '@jest/globals';
import { artifactPath, serviceAndBrowser } from '../helpers/browser.js';

const running = serviceAndBrowser();

test('N13: a person applies for disclosure in Chromium: a mistake is shown by its field with the typing kept, then a query code', async () => {
  const page = await running.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${running.service.url}/disclosure/apply`);
  await page.getByLabel('姓名 *').fill('浏览器测试申请人');
  await page.getByLabel('证件号码 *').fill('530902198503120041'); // wrong check character
  await page.getByLabel('联系电话 *').fill('13800001111');
  await page.getByLabel('电子邮箱').fill('tester@example.cn');
  await page.getByLabel(/所需政府信息的名称/).fill('2026年临时救助资金发放情况');
  await page.getByLabel('电子邮件', { exact: true }).check();
  await page.screenshot({ path: artifactPath('requests-apply-filled.png'), fullPage: true });
  // The guard refuses a post within 3 seconds of the page: a person takes longer.
  await page.waitForTimeout(3_200);
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.getByText('居民身份证号码不正确').first().waitFor();
  expect(await page.getByLabel('姓名 *').inputValue()).toBe('浏览器测试申请人');
  expect(await page.getByLabel(/所需政府信息的名称/).inputValue()).toBe('2026年临时救助资金发放情况');
  await page.screenshot({ path: artifactPath('requests-apply-error.png'), fullPage: true });

  await page.getByLabel('证件号码 *').fill('53090219850312004X');
  await page.waitForTimeout(3_200);
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.getByText('申请已提交').first().waitFor();
  const code = await page.locator('.query-code').innerText();
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  expect(page.url()).not.toContain(code);
  await page.screenshot({ path: artifactPath('requests-thanks.png'), fullPage: true });
  await page.getByRole('link', { name: '办理进度查询' }).click();
  await page.getByLabel('查询码').fill(code);
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByText('已提交，待确认收到').waitFor();
  expect(page.url()).not.toContain(code);
  expect(await page.content()).not.toContain('浏览器测试申请人');
  await page.screenshot({ path: artifactPath('requests-query.png'), fullPage: true });
  await page.close();
});
