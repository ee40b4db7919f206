import { describe, expect, test } from '@jest/globals';
import { seededApi } from '../../helpers/seeded-api.js';

/*
 * Issue 16: the 文件 list offers, on the items selected, the workflow actions the signed-in role takes. Keystone
 * runs each item through the item's own action (the same transition as on its page): each item is done or
 * refused on its own, with the operation's Chinese reason, and an item the user may not act on is refused.
 */
const { state, as } = seededApi(['jiuzhu', 'yanglao', 'bangongshi', 'lingdao']);
const prisma = () => state.t.context.sudo().prisma;

type Body = Awaited<ReturnType<typeof as>>;

async function draft(username: string, title: string): Promise<string> {
  const body = await as(username, 'mutation($data: DocumentCreateInput!) { createDocument(data: $data) { id } }', {
    data: { title, disclosure: 'proactive' },
  });
  if (!body.data?.createDocument) throw new Error(JSON.stringify(body.errors));
  return body.data.createDocument.id;
}

/** A bulk action as the list's dialog sends it: one entry per selected item, the dialog's fields on each. */
function bulk(username: string, mutation: string, ids: string[], args: Record<string, string> = {}): Promise<Body> {
  const input = mutation[0].toUpperCase() + mutation.slice(1, -1) + 'Args';
  return as(username, `mutation($data: [${input}!]!) { results: ${mutation}(data: $data) { id status } }`, {
    data: ids.map((id) => ({ where: { id }, ...args })),
  });
}

/** Per selected item: its new status, or the reason it was refused (as the dialog lists them). */
function perItem(body: Body, ids: string[]): string[] {
  const results = (body.data?.results ?? []) as ({ id: string; status: string } | null)[];
  return ids.map((_, i) => {
    const refused = (body.errors ?? []).filter((e) => (e as { path?: unknown[] }).path?.[1] === i).map((e) => e.message);
    return refused.length ? `拒绝：${refused.join('；')}` : (results[i]?.status ?? '无结果');
  });
}

const statusesOf = async (ids: string[]) =>
  (await prisma().document.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } }))
    .sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))
    .map((d) => d.status);

/** The 流转记录 of items, as comparable rows (without ids, times and titles). */
const trail = async (ids: string[]) =>
  (
    await prisma().auditEntry.findMany({
      where: { documentId: { in: ids } },
      orderBy: { at: 'asc' },
      select: { documentId: true, action: true, fromStatus: true, toStatus: true, actorName: true, reason: true },
    })
  ).map(({ documentId, ...row }) => ({ item: ids.indexOf(documentId!), ...row }));

async function actionModes(username: string): Promise<Record<string, unknown>> {
  const body = await as(username, '{ keystone { adminMeta { list(key: "Document") { actions { key listView { actionMode } } } } } }');
  expect(body.errors).toBeUndefined();
  const actions = body.data!.keystone.adminMeta.list.actions as { key: string; listView: { actionMode: unknown } }[];
  return Object.fromEntries(actions.map((a) => [a.key, a.listView.actionMode]));
}

describe('issue 16: bulk workflow actions in the 文件 list', () => {
  test('each role is offered the bulk actions it takes, and no other', async () => {
    const enabled = async (username: string) =>
      Object.entries(await actionModes(username))
        .filter(([, mode]) => mode === 'enabled')
        .map(([key]) => key)
        .sort();
    expect(await enabled('jiuzhu')).toEqual(['recallSubmission', 'submit']);
    expect(await enabled('bangongshi')).toEqual(['officeApprove', 'returnToDrafter', 'startReview', 'withdraw']);
    expect(await enabled('lingdao')).toEqual(['approve', 'returnToDrafter', 'withdraw']);
  });

  test("bulk 提交审核 by a department editor: her drafts are submitted, another department's draft is refused and untouched", async () => {
    const own1 = await draft('jiuzhu', '社会救助科批量提交测试一');
    const foreign = await draft('yanglao', '养老服务科的草稿（不应被他科提交）');
    const own2 = await draft('jiuzhu', '社会救助科批量提交测试二');
    const ids = [own1, foreign, own2];

    const body = await bulk('jiuzhu', 'submitDocuments', ids);
    // Another department's draft is not hers to read: refused as if it did not exist (trust #4), the others done.
    expect(perItem(body, ids)).toEqual(['submitted', '拒绝：无法对该文件执行“提交审核”：它可能不存在，或您没有权限', 'submitted']);
    expect(await statusesOf(ids)).toEqual(['submitted', 'draft', 'submitted']);
    // The refused item leaves no trace: no 流转记录, no checks written on it.
    expect((await trail(ids)).filter((row) => row.item === 1)).toEqual([]);
    expect((await prisma().document.findUniqueOrThrow({ where: { id: foreign } })).preflightFindings).toBeNull();

    // Another department's published document she can read: refused by the workflow, with why.
    const jiuzhu = await prisma().user.findFirstOrThrow({ where: { username: 'jiuzhu' } });
    const theirs = await prisma().document.findFirstOrThrow({
      where: { status: 'published', departmentId: { not: null }, NOT: { departmentId: jiuzhu.departmentId } },
      select: { id: true },
    });
    const recall = await bulk('jiuzhu', 'recallSubmissionDocuments', [theirs.id, own1]);
    expect(perItem(recall, [theirs.id, own1])).toEqual(['拒绝：科室编辑不能执行“撤回提交”（只能处理本科室的文件）', 'draft']);
    expect(await statusesOf([theirs.id])).toEqual(['published']);
  });

  test('a bulk step writes the same 流转记录 as the single step on the item page (one operation, not a copy)', async () => {
    const single = await draft('jiuzhu', '单条提交的文件');
    const many = await draft('jiuzhu', '批量提交的文件');
    const one = await as('jiuzhu', 'mutation($id: ID!) { submitDocument(where: { id: $id }) { status } }', { id: single });
    expect(one.data?.submitDocument.status).toBe('submitted');
    expect(perItem(await bulk('jiuzhu', 'submitDocuments', [many]), [many])).toEqual(['submitted']);
    const [a, b] = [await trail([single]), await trail([many])];
    expect(a).toHaveLength(1);
    expect(b).toEqual(a);
  });

  test('审核通过 for several items asks its conclusion once; a draft among them is refused with its state', async () => {
    const d1 = await draft('jiuzhu', '批量审核测试一');
    const d2 = await draft('jiuzhu', '批量审核测试二');
    const stillDraft = await draft('jiuzhu', '仍是草稿的文件');
    await bulk('jiuzhu', 'submitDocuments', [d1, d2]);
    const ids = [d1, stillDraft, d2];
    const conclusion = '经保密审查，不涉及国家秘密、工作秘密和个人隐私，同意公开';

    // S4: without the conclusion every item is refused, none moves.
    const empty = await bulk('bangongshi', 'officeApproveDocuments', ids, { confidentialityConclusion: ' ' });
    expect(perItem(empty, ids)).toEqual([
      '拒绝：审核通过前须填写保密审查结论（S4）',
      '拒绝：状态为“草稿”的文件不能“审核通过”',
      '拒绝：审核通过前须填写保密审查结论（S4）',
    ]);
    expect(await statusesOf(ids)).toEqual(['submitted', 'draft', 'submitted']);

    const body = await bulk('bangongshi', 'officeApproveDocuments', ids, { confidentialityConclusion: conclusion });
    expect(perItem(body, ids)).toEqual(['leaderApproval', '拒绝：状态为“草稿”的文件不能“审核通过”', 'leaderApproval']);
    const reviewed = await prisma().document.findMany({
      where: { id: { in: [d1, d2] } },
      select: { confidentialityConclusion: true, confidentialityReviewedById: true },
    });
    const office = await prisma().user.findFirstOrThrow({ where: { username: 'bangongshi' } });
    expect(reviewed).toEqual([
      { confidentialityConclusion: conclusion, confidentialityReviewedById: office.id },
      { confidentialityConclusion: conclusion, confidentialityReviewedById: office.id },
    ]);

    // The office may not publish: 审批发布 is the leader's, for each item.
    expect(perItem(await bulk('bangongshi', 'approveDocuments', [d1]), [d1])).toEqual(['拒绝：局办公室不能执行“审批发布”']);
    const published = await bulk('lingdao', 'approveDocuments', [d1, d2]);
    expect(perItem(published, [d1, d2])).toEqual(['published', 'published']);

    // 撤回 with its reason once for both; an editor may not withdraw at all.
    expect(perItem(await bulk('jiuzhu', 'withdrawDocuments', [d1], { reason: '政策调整' }), [d1])).toEqual([
      '拒绝：科室编辑不能执行“撤回”（只能处理本科室的文件）',
    ]);
    const withdrawn = await bulk('lingdao', 'withdrawDocuments', [d1, d2], { reason: '政策调整，停止执行' });
    expect(perItem(withdrawn, [d1, d2])).toEqual(['withdrawn', 'withdrawn']);
    expect(await statusesOf([d1, d2])).toEqual(['withdrawn', 'withdrawn']);
  });

  test('signed out, every item is refused and nothing moves', async () => {
    const d = await draft('jiuzhu', '未登录时的批量提交');
    const body = await bulk('', 'submitDocuments', [d]);
    expect(perItem(body, [d])[0]).toMatch(/^拒绝：/);
    expect(await statusesOf([d])).toEqual(['draft']);
  });
});
