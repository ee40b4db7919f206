import { expect, test } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { demoPassword } from '../../src/app/demo.js';
import { artifactPath, serviceAndBrowser } from '../helpers/browser.js';

const running = serviceAndBrowser();

async function signIn(context: BrowserContext, page: Page, username: string) {
  await context.clearCookies();
  await page.goto(`${running.service.url}/admin/signin`);
  await page.waitForSelector('input[name=identity]');
  await page.fill('input[name=identity]', username);
  await page.fill('input[name=password]', demoPassword);
  await page.click('button[type=submit]');
  await page.waitForURL((url) => !url.pathname.endsWith('/signin'));
}

/** Clicks a workflow action on an item page, fills its field if it has one, and confirms. */
async function act(page: Page, url: string, label: string, screenshot: string, fill?: string) {
  await page.goto(url);
  await page.getByRole('button', { name: label, exact: true }).click();
  const confirm = page.getByRole('button', { name: `确定${label}` });
  await confirm.waitFor();
  if (fill) await page.locator('[role=dialog] textarea, [role=alertdialog] textarea').first().fill(fill);
  await page.screenshot({ path: artifactPath(screenshot) });
  await confirm.click();
  await confirm.waitFor({ state: 'detached' });
}

test('S5: an editor drafts a document with its interpretation; the office and the leader approve; both are published together', async () => {
  const context = await running.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const title = `关于提高城乡最低生活保障标准的通知（${Date.now()}）`;

  await signIn(context, page, 'jiuzhu');
  // A department editor's navigation: 待办 with its count, and the eight lists she works with, nothing else.
  await page.goto(`${running.service.url}/admin`);
  const nav = page.getByRole('navigation').first();
  // jiuzhu has work waiting in the demo (a returned draft, messages): the count comes with the tasks.
  await nav.getByRole('link', { name: /^待办（\d+）$/ }).waitFor();
  await nav.getByRole('link', { name: '政策解读' }).waitFor();
  const entries = await nav.getByRole('link').allInnerTexts();
  expect(entries).toHaveLength(9);
  expect(entries[0]).toMatch(/^待办（\d+）$/);
  for (const hidden of ['用户', '栏目', '转载来源', '网站设置', '登录记录', '操作日志']) expect(entries).not.toContain(hidden);
  await page.screenshot({ path: artifactPath('workflow-0-editor-navigation.png') });
  await page.goto(`${running.service.url}/admin/documents/create`);
  await page.getByRole('textbox', { name: '标题', exact: true }).fill(title);
  // 公开属性 starts empty (S1): the editor must choose it, as 五公开类别; both are plain choices (issue 16).
  await page.getByRole('radio', { name: '主动公开' }).click();
  await page.getByRole('button', { name: /五公开类别/ }).click();
  await page.getByRole('option', { name: '执行公开' }).click();
  await page.getByLabel('需要政策解读').check();
  // Reprint-only fields show only on a reprint: not on this local document, until 来源类型 says 转载.
  const sourceUrl = page.getByRole('textbox', { name: '原文链接' });
  expect(await sourceUrl.count()).toBe(0);
  await page.getByRole('button', { name: /来源类型/ }).click();
  await page.getByRole('option', { name: '转载' }).click();
  await sourceUrl.waitFor();
  await page.getByRole('button', { name: /来源类型/ }).click();
  await page.getByRole('option', { name: '本站' }).click();
  await sourceUrl.waitFor({ state: 'detached' });
  await page.getByRole('option', { name: '本站' }).waitFor({ state: 'detached' });
  await page.screenshot({ path: artifactPath('workflow-1-draft.png'), fullPage: true });
  await page.getByRole('button', { name: '创建' }).click();
  await page.waitForURL(/\/admin\/documents\/(?!create)[a-z0-9]+$/);
  const documentUrl = page.url();

  // On its page, a local document shows no reprint field; a reprint shows where it comes from.
  await page.getByRole('textbox', { name: '标题', exact: true }).waitFor();
  await page.getByText('来源类型').first().waitFor();
  expect(await page.getByText('原文链接', { exact: true }).count()).toBe(0);
  const found = await page.request.post(`${running.service.url}/api/graphql`, {
    data: { query: '{ documents(where: { origin: { equals: "reprint" } }, take: 1) { id } }' },
  });
  const reprintId = ((await found.json()) as { data: { documents: { id: string }[] } }).data.documents[0].id;
  await page.goto(`${running.service.url}/admin/documents/${reprintId}`);
  await page.getByText('原文链接', { exact: true }).first().waitFor();

  await page.goto(`${running.service.url}/admin/interpretations/create`);
  // The form is drawn again when its last queries answer, and a picker drawn again forgets what was typed in it:
  // on a busy machine, as a person would, wait for the page, and type again when the text did not stay.
  await page.waitForLoadState('networkidle');
  await page.getByRole('textbox', { name: '标题', exact: true }).fill(`图解：${title}`);
  const picker = page.getByRole('combobox', { name: '解读的文件' });
  const option = page.getByRole('option', { name: title });
  for (let attempt = 1; ; attempt++) {
    if ((await picker.inputValue()) !== '最低生活保障标准') await picker.fill('最低生活保障标准');
    try {
      await option.waitFor({ timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt >= 6) throw error;
    }
  }
  await option.click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '创建' }).click();
  await page.waitForURL(/\/admin\/interpretations\/(?!create)[a-z0-9]+$/);

  await act(page, documentUrl, '提交审核', 'workflow-2-submit.png');
  await signIn(context, page, 'bangongshi');
  await page.goto(`${running.service.url}/admin`);
  await page.getByRole('link', { name: title, exact: true }).waitFor();
  await page.screenshot({ path: artifactPath('workflow-3-office-todo.png') });
  await act(page, documentUrl, '审核通过', 'workflow-4-office-review.png', '经保密审查，不涉及国家秘密、工作秘密和个人隐私，同意公开');
  await signIn(context, page, 'lingdao');
  await act(page, documentUrl, '审批发布', 'workflow-5-leader-approve.png');
  await page.goto(documentUrl);
  await page.screenshot({ path: artifactPath('workflow-6-published.png'), fullPage: true });

  // Both reach the public at once, linked both ways.
  const response = await page.request.post(`${running.service.url}/api/graphql`, {
    headers: { 'content-type': 'application/json', cookie: '' },
    data: {
      query: `{ documents(where: { title: { equals: ${JSON.stringify(title)} } }) { status interpretations { title status documents { title } } } }`,
    },
  });
  const { data } = await response.json();
  expect(data.documents).toEqual([
    { status: 'published', interpretations: [{ title: `图解：${title}`, status: 'published', documents: [{ title }] }] },
  ]);
  await context.close();
});

test('S1: a document without a disclosure attribute is not created by the form; an older one is returned, and the dialog says why in Chinese', async () => {
  const context = await running.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(context, page, 'jiuzhu');
  await page.goto(`${running.service.url}/admin/documents/create`);
  await page.getByRole('textbox', { name: '标题', exact: true }).fill('没有公开属性的草稿');
  await page.getByRole('button', { name: '创建' }).click();
  await page.getByText('请选择公开属性').first().waitFor();
  expect(page.url()).toMatch(/\/admin\/documents\/create$/);
  // A draft saved without one (through the API, or before the form asked) is returned on submission.
  const created = await page.request.post(`${running.service.url}/api/graphql`, {
    data: { query: 'mutation { createDocument(data: { title: "没有公开属性的草稿" }) { id } }' },
  });
  const { data } = (await created.json()) as { data: { createDocument: { id: string } } };
  await page.goto(`${running.service.url}/admin/documents/${data.createDocument.id}`);
  await page.getByRole('button', { name: '提交审核', exact: true }).click();
  const confirm = page.getByRole('button', { name: '确定提交审核' });
  await confirm.click();
  await page
    .locator('[role=dialog] [data-gongkai-refusal]')
    .getByText(/已退文：未明确公开属性/)
    .waitFor();
  expect(await page.getByText('未能提交审核').count()).toBe(0);
  await page.screenshot({ path: artifactPath('workflow-8-returned-error.png') });
  await context.close();
});
