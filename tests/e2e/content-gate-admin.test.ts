import { expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { artifactPath, serviceAndBrowser, signInThroughApi } from '../helpers/browser.js';

// N7, N19: the office keeps the 规范表述词库 in the Admin UI; an editor reads it and cannot change it.
const running = serviceAndBrowser();

async function signIn(page: Page, username: string): Promise<void> {
  if (page.url().startsWith(running.service.url)) await page.evaluate(() => localStorage.clear());
  await signInThroughApi(page, running.service.url, username);
}

test('N7: the office adds a dictionary entry in the Admin UI; an editor sees the dictionary read-only', async () => {
  const context = await running.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, 'bangongshi');
  await page.goto(`${running.service.url}/admin/content-rules`);
  await page.getByText('十三五规划', { exact: true }).first().waitFor();
  await page.screenshot({ path: artifactPath('content-gate-admin-list-office.png'), fullPage: true });

  await page.goto(`${running.service.url}/admin/content-rules/create`);
  await page.getByLabel('词语').fill('临沧市民证局');
  // 类别 may be left empty (not every kind has one): its 留空 box comes first.
  await page.getByRole('checkbox', { name: '留空' }).uncheck();
  await page.getByRole('button', { name: /类别/ }).click();
  await page.getByRole('option', { name: '规范名称错误' }).click();
  await page.getByLabel('正确写法或现行表述').fill('临沧市民政局');
  await page.getByLabel('来源依据').fill('临沧市机构编制委员会文件');
  await page.screenshot({ path: artifactPath('content-gate-admin-create-office.png'), fullPage: true });
  await page.getByRole('button', { name: /^创建/ }).last().click();
  await page.waitForURL(/\/admin\/content-rules\/[^/]+$/);
  expect(await page.getByLabel('词语').inputValue()).toBe('临沧市民证局');

  await signIn(page, 'jiuzhu');
  await page.goto(`${running.service.url}/admin/content-rules?search=${encodeURIComponent('民证')}`);
  await page.getByText('临沧市民证局', { exact: true }).first().waitFor();
  expect(await page.getByText('新建词条').count()).toBe(0);
  await page.screenshot({ path: artifactPath('content-gate-admin-list-editor.png'), fullPage: true });
  await page.getByText('临沧市民证局', { exact: true }).first().click();
  await page.waitForURL(/\/admin\/content-rules\/[^/]+$/);
  await page.getByLabel('来源依据').waitFor();
  await page.screenshot({ path: artifactPath('content-gate-admin-item-editor.png'), fullPage: true });
  expect(await page.getByLabel('来源依据').inputValue()).toBe('临沧市机构编制委员会文件');
  expect(await page.getByLabel('词语').isEditable()).toBe(false);
  expect(await page.getByRole('button', { name: /删除/ }).count()).toBe(0);
  await page.screenshot({ path: artifactPath('content-gate-admin-item-editor.png'), fullPage: true });
  await context.close();
});
