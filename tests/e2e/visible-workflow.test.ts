import { describe, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { artifactPath, serviceAndBrowser, signedInAt, graphqlAs } from '../helpers/browser.js';

/*
 * Issue 16, finding 4, as the department editor (jiuzhu, 社会救助科) who met it, at a desktop width and a
 * phone's: the office returns her draft with a reason; she finds it marked 已退文 in the list, the return
 * and its reason among her 新消息 on 待办, its 流转记录 and versions on its page, and previews it as the
 * public would see it. Screenshots: test-artifacts/issue16-flow-*.png.
 */

const running = serviceAndBrowser();
const widths = [1280, 375] as const;
// A retried test drafts anew: each attempt's title is its own.
let attempt = 0;

const signedIn = (width: number, username: string) => signedInAt(running, width, username);

const graphql = <T>(page: Page, query: string, variables: Record<string, unknown> = {}) => graphqlAs<T>(running, page, query, variables);

describe.each(widths)('at %i px', (width) => {
  test('4. a returned draft is marked in the list, told in 新消息, traced on its page, and can be previewed', async () => {
    const editor = await signedIn(width, 'jiuzhu');
    const office = await signedIn(width, 'bangongshi');
    const title = `关于做好临时救助资金发放工作的通知（${width}-${++attempt}）`;
    const reason = '请补充资金来源和发放标准';
    try {
      const { createDocument } = await graphql<{ createDocument: { id: string } }>(
        editor.page,
        'mutation($data: DocumentCreateInput!) { createDocument(data: $data) { id } }',
        { data: { title, disclosure: 'proactive', openCategory: 'execution', formationDate: '2026-12-01' } },
      );
      const id = createDocument.id;
      await graphql(editor.page, 'mutation($id: ID!) { submitDocument(where: { id: $id }) { id } }', { id });
      await graphql(office.page, 'mutation($id: ID!) { startReviewDocument(where: { id: $id }) { id } }', { id });
      await graphql(office.page, 'mutation($id: ID!, $r: String!) { returnToDrafterDocument(where: { id: $id }, reason: $r) { id } }', {
        id,
        r: reason,
      });

      // 新消息 on 待办: the return and its reason.
      const page = editor.page;
      await page.goto(`${running.service.url}/admin`);
      const notice = page.getByRole('link', { name: `文件《${title}》已被张丽退文，原因：${reason}。请修改后重新提交。` });
      await notice.waitFor();
      await page.screenshot({ path: artifactPath(`issue16-flow-notice-${width}.png`), fullPage: true });

      // The list, filtered on 已退文, marks the draft.
      await page.goto(`${running.service.url}/admin/documents?filter=${encodeURIComponent('flowMark_matches_["returned"]')}`);
      const row = page.locator('[role=row]', { hasText: title });
      await row.waitFor();
      expect(await row.innerText()).toContain('已退文');
      await page.screenshot({ path: artifactPath(`issue16-flow-list-${width}.png`) });

      // The item page: its 流转记录 with actor, action and reason, and its version.
      await page.goto(`${running.service.url}/admin/documents/${id}`);
      const trail = page.getByRole('group', { name: '流转记录和版本' });
      await trail.getByText(reason).waitFor();
      const text = await trail.innerText();
      for (const expected of ['杨晓梅', '张丽', '提交审核', '开始审核', '退文', '第 1 版（提交稿）']) expect(text).toContain(expected);
      // The item page may render once more as its data settles: wait for the trail again before the picture.
      await trail.getByText(reason).waitFor();
      await page.screenshot({ path: artifactPath(`issue16-flow-item-${width}.png`), fullPage: true });

      // 预览: the draft as the public would see it, in a new window.
      const link = page.getByRole('link', { name: '按公众看到的样子预览（新窗口）' });
      const [preview] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
      await preview.waitForLoadState();
      expect(await preview.locator('h1').first().innerText()).toContain(title);
      await preview.screenshot({ path: artifactPath(`issue16-flow-preview-${width}.png`) });

      // 养老服务科's editor gets neither the draft nor its preview link.
      const neighbour = await signedIn(width, 'yanglao');
      try {
        const seen = await graphql<{ document: unknown }>(neighbour.page, 'query($id: ID!) { document(where: { id: $id }) { preview } }', {
          id,
        });
        expect(seen.document).toBeNull();
      } finally {
        await neighbour.context.close();
      }
    } finally {
      await editor.context.close();
      await office.context.close();
    }
  });
});
