import { describe, expect, test } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { artifactPath, serviceAndBrowser, signedInAt, graphqlAs } from '../helpers/browser.js';

/*
 * Issue 16, as the editors who met it, at a desktop width and a phone's:
 *  2. Every action dialog checks its own fields before anything is sent (the message next to the field), and
 *     a refusal from the server is shown in the dialog, once, whole, in Chinese, never only as a toast.
 *     A picture's alt text is asked in its form before it is saved.
 *  3. Required choices (公开属性, 五公开类别, 办理结果) are plain choices the form checks, and 规章或规范性文件
 *     is one picker whose first option is “neither”: no 留空 box anywhere.
 * Screenshots: test-artifacts/issue16-*.png.
 */

const running = serviceAndBrowser();
const widths = [1280, 375] as const;

const signedIn = (width: number, username: string) => signedInAt(running, width, username);

const graphql = <T>(page: Page, query: string, variables: Record<string, unknown> = {}) => graphqlAs<T>(running, page, query, variables);

/** Opens an item page and an action's dialog. */
async function openAction(page: Page, url: string, label: string): Promise<{ dialog: Locator; confirm: Locator }> {
  await page.goto(url);
  const button = page.getByRole('button', { name: label, exact: true });
  // At 375 px Keystone may fold the actions into a menu behind “…” (the breadcrumbs have one too).
  const more = page.locator('xpath=//button[@aria-label="…"][not(ancestor::nav)]');
  await page.getByText('编号').first().waitFor();
  await button.or(more).first().waitFor();
  if (await button.isVisible()) await button.click();
  else {
    // On a busy machine the menu may not open from the first click (the page is still rendering): open it again.
    const item = page.getByRole('menuitem', { name: label, exact: true });
    for (let attempt = 1; !(await item.isVisible()); attempt++) {
      if (attempt > 3) throw new Error(`“…”菜单中没有“${label}”`);
      if (attempt > 1) await page.keyboard.press('Escape');
      await more.click();
      await item.waitFor({ timeout: 5_000 }).catch(() => undefined);
    }
    // Chosen with the keyboard: on a phone the menu can open partly below the screen, where a click scrolls it shut.
    await item.focus();
    await page.keyboard.press('Enter');
  }
  const dialog = page.locator('[role=dialog], [role=alertdialog]').last();
  const confirm = dialog.getByRole('button', { name: `确定${label}` });
  await confirm.waitFor();
  return { dialog, confirm };
}

/** The refusal shown in a dialog: its text, which must appear there exactly once, and no toast besides. */
async function inlineRefusal(page: Page, dialog: Locator, expected: RegExp): Promise<string> {
  const notice = dialog.locator('[data-gongkai-refusal]');
  await notice.waitFor();
  const text = (await notice.innerText()).trim();
  expect(text).toMatch(expected);
  expect(text).not.toMatch(/[A-Za-z]{2,}/);
  // Once: the dialog holds the message a single time, and it is not clipped (its box is as tall as its text).
  const dialogText = await dialog.innerText();
  expect(dialogText.split(text).length - 1).toBe(1);
  const clipped = await notice.evaluate((el) => [...el.querySelectorAll('*')].some((e) => e.scrollWidth > e.clientWidth + 1));
  expect(clipped).toBe(false);
  // No toast-only failure: the dialog is still open and nothing says 未能… elsewhere.
  expect(await page.getByText(/^未能/).count()).toBe(0);
  return text;
}

describe.each(widths)('at %i px', (width) => {
  test('2. 审核通过 (局办公室): an empty 保密审查结论 is refused in the dialog before it is sent; the S4 refusal is shown inline', async () => {
    const { context, page } = await signedIn(width, 'bangongshi');
    const { documents } = await graphql<{ documents: { id: string }[] }>(
      page,
      '{ documents(where: { status: { in: ["submitted", "officeReview"] } }, take: 1) { id } }',
    );
    const url = `${running.service.url}/admin/documents/${documents[0].id}`;
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/graphql')) posts.push(request.postData() ?? '');
    });
    const { dialog, confirm } = await openAction(page, url, '审核通过');
    const before = posts.length;
    await confirm.click();
    // Checked by the dialog: the message is under the field, nothing was sent, the dialog stays.
    await dialog.getByText('请填写保密审查结论（S4）').waitFor();
    expect(posts.slice(before).filter((p) => p.includes('officeApprove'))).toEqual([]);
    await page.screenshot({ path: artifactPath(`issue16-office-approve-empty-${width}.png`) });
    // A conclusion of blanks passes the form; the server's S4 refusal is shown in the dialog.
    await dialog.locator('textarea').first().fill('   ');
    await confirm.click();
    await inlineRefusal(page, dialog, /^审核通过前须填写保密审查结论（S4）$/);
    await page.screenshot({ path: artifactPath(`issue16-office-approve-refused-${width}.png`) });
    const after = await graphql<{ document: { status: string } }>(page, `{ document(where: { id: "${documents[0].id}" }) { status } }`);
    expect(['submitted', 'officeReview']).toContain(after.document.status);
    await context.close();
  });

  test('2. 提交审核 (科室编辑): the S1 refusal of a draft without 公开属性 is shown in the dialog, not behind 详情', async () => {
    const { context, page } = await signedIn(width, 'jiuzhu');
    // An older draft, saved before 公开属性 was asked in the form.
    const { createDocument } = await graphql<{ createDocument: { id: string } }>(
      page,
      'mutation($title: String!) { createDocument(data: { title: $title }) { id } }',
      { title: `未明确公开属性的旧草稿（${width}）` },
    );
    const { dialog, confirm } = await openAction(page, `${running.service.url}/admin/documents/${createDocument.id}`, '提交审核');
    await confirm.click();
    const text = await inlineRefusal(page, dialog, /^已退文：未明确公开属性/);
    expect(text).toContain('公开属性');
    await page.screenshot({ path: artifactPath(`issue16-submit-refused-${width}.png`) });
    await context.close();
  });

  test('2. 分办 (局办公室): a message without 承办科室 is refused in the dialog with what to do', async () => {
    const { context, page } = await signedIn(width, 'bangongshi');
    const { messages } = await graphql<{ messages: { id: string }[] }>(
      page,
      '{ messages(where: { status: { equals: "received" }, department: null }, take: 1) { id } }',
    );
    expect(messages.length).toBe(1);
    const { dialog, confirm } = await openAction(page, `${running.service.url}/admin/messages/${messages[0].id}`, '分办');
    await confirm.click();
    await inlineRefusal(page, dialog, /^请先选择承办科室并保存，再分办$/);
    await page.screenshot({ path: artifactPath(`issue16-assign-refused-${width}.png`) });
    await context.close();
  });

  test('2, 3. 答复 (局办公室): 办理结果 is a plain required choice, checked in the dialog', async () => {
    const { context, page } = await signedIn(width, 'bangongshi');
    const { disclosureRequests } = await graphql<{ disclosureRequests: { id: string }[] }>(
      page,
      '{ disclosureRequests(where: { closedOn: null, receivedOn: { not: null } }, take: 1) { id } }',
    );
    const { dialog, confirm } = await openAction(
      page,
      `${running.service.url}/admin/disclosure-requests/${disclosureRequests[0].id}`,
      '答复',
    );
    expect(await dialog.getByText('留空').count()).toBe(0);
    const outcome = dialog.getByRole('button', { name: /办理结果/ });
    expect(await outcome.isDisabled()).toBe(false);
    await confirm.click();
    await dialog.getByText('请选择办理结果').waitFor();
    await page.screenshot({ path: artifactPath(`issue16-answer-outcome-required-${width}.png`) });
    await context.close();
  });

  test('2. 图片 (科室编辑): the alt text is asked in the picture’s form, in Chinese, before it is saved', async () => {
    const { context, page } = await signedIn(width, 'jiuzhu');
    await page.goto(`${running.service.url}/admin/media/create`);
    await page.getByRole('textbox', { name: '标题', exact: true }).fill('低保标准示意图');
    await page.getByRole('button', { name: '创建' }).click();
    await page.getByText('请填写替代文本').first().waitFor();
    expect(page.url()).toMatch(/\/admin\/media\/create$/);
    await page.screenshot({ path: artifactPath(`issue16-alt-text-required-${width}.png`), fullPage: true });
    await context.close();
  });

  test('3. 新建文件 (科室编辑): required choices are plain and checked; 规章或规范性文件 starts at “neither”; no 留空 box', async () => {
    const { context, page } = await signedIn(width, 'jiuzhu');
    await page.goto(`${running.service.url}/admin/documents/create`);
    await page.getByRole('textbox', { name: '标题', exact: true }).fill(`表单检查（${width}）`);
    await page.getByText('规章或规范性文件').first().waitFor();
    // Keystone's 留空 box sits in a group named after its field.
    for (const label of ['公开属性', '五公开类别', '规章或规范性文件']) {
      expect(await page.locator(`[role=group][aria-label="${label}"]`).getByText('留空').count()).toBe(0);
    }
    expect(await page.getByRole('radio', { name: '主动公开' }).isDisabled()).toBe(false);
    expect(await page.getByRole('button', { name: /五公开类别/ }).isDisabled()).toBe(false);
    const regulatory = page.getByRole('button', { name: /规章或规范性文件/ });
    expect(await regulatory.isDisabled()).toBe(false);
    expect(await regulatory.innerText()).toContain('不属于规章或规范性文件');
    await page.getByRole('button', { name: '创建' }).click();
    await page.getByText('请选择公开属性').first().waitFor();
    await page.getByText('请选择五公开类别').first().waitFor();
    expect(page.url()).toMatch(/\/admin\/documents\/create$/);
    // The form scrolls inside the page: each message is shown where it is, next to its field.
    await page.getByText('请选择公开属性').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath(`issue16-document-form-disclosure-${width}.png`) });
    await page.getByText('请选择五公开类别').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath(`issue16-document-form-${width}.png`) });
    await context.close();
  });
});
