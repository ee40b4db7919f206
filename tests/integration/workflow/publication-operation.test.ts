import { describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { KeystoneSyndicationStore } from '../../../syndication/store.js';
import { publishDueItems } from '../../../src/workflow/operations/scheduled-publishing.js';
import type { SyndicatedItem } from '../../../syndication/core/run.js';
import { syndicatedItem } from '../../helpers/syndicated-item.js';
import { seededApi } from '../../helpers/seeded-api.js';

/*
 * Every way a document or an interpretation goes public or leaves the site goes through one operation
 * (src/workflow/operations/publication.ts), and each leaves its 流转记录: who did it, or 系统 and the cause.
 */
const { state, as, act } = seededApi(['jiuzhu', 'bangongshi', 'lingdao']);
const prisma = () => state.t.context.sudo().prisma;
const page = (p: string) => request(state.app).get(p);

interface Entry {
  action: string | null;
  summary: string;
  actorId: string | null;
  actorName: string;
  actorRole: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string;
  at: Date | null;
}
const entriesOf = async (itemId: string, action: string): Promise<Entry[]> =>
  prisma().auditEntry.findMany({ where: { itemId, action }, orderBy: { at: 'asc' } });
const userId = async (username: string): Promise<string> => (await prisma().user.findFirstOrThrow({ where: { username } })).id;

async function createDocument(data: Record<string, unknown>): Promise<string> {
  const body = await as('jiuzhu', 'mutation($data: DocumentCreateInput!) { createDocument(data: $data) { id } }', { data });
  if (!body.data?.createDocument) throw new Error(JSON.stringify(body.errors));
  return body.data.createDocument.id;
}

/** Through the workflow: 提交审核, 审核通过 (with the 保密审查 conclusion), 审批发布. */
async function approve(id: string): Promise<string> {
  await act('jiuzhu', 'submitDocument', id);
  await act('bangongshi', 'officeApproveDocument', id, ', confidentialityConclusion: "不涉密，同意公开"');
  return (await act('lingdao', 'approveDocument', id)).data?.approveDocument.status;
}

const upstream = (id: string, title: string, policy: SyndicatedItem['policy']) => syndicatedItem('publication-test', id, title, policy);
const store = () => new KeystoneSyndicationStore(state.t.context);

describe('one publication operation, one 流转记录 for each way of publishing', () => {
  // First, while the demo is as seeded.
  test('seed: on the demo database every published document and interpretation has the entry of its publication, by 系统 (演示数据), dated when published', async () => {
    for (const [list, noun] of [
      ['document', '文件'],
      ['interpretation', '解读'],
    ] as const) {
      const args = { where: { status: 'published' }, select: { id: true, publishedAt: true } } as const;
      const published = list === 'document' ? await prisma().document.findMany(args) : await prisma().interpretation.findMany(args);
      expect(published.length).toBeGreaterThan(0);
      for (const item of published) {
        expect(await entriesOf(item.id, 'demoData')).toEqual([
          expect.objectContaining({
            actorId: null,
            actorName: '系统',
            actorRole: null,
            summary: `系统发布演示数据（${noun}）`,
            reason: '演示数据',
            toStatus: 'published',
            at: item.publishedAt,
          }),
        ]);
      }
    }
    // Each seeded document keeps the snapshot of what it published (版本).
    const documents = (await prisma().document.findMany({ where: { status: 'published' }, select: { id: true } })) as { id: string }[];
    expect(await prisma().revision.count({ where: { kind: 'published', documentId: { in: documents.map((d) => d.id) } } })).toBe(
      documents.length,
    );
  });

  test('workflow: 审批发布 by the leader, 撤回 by the office, each with its entry; the page appears and leaves after each commit', async () => {
    const id = await createDocument({ title: '关于调整临时救助标准的通知', disclosure: 'proactive' });
    expect(await approve(id)).toBe('published');
    expect(await entriesOf(id, 'approve')).toEqual([
      expect.objectContaining({
        actorId: await userId('lingdao'),
        actorRole: 'leader',
        fromStatus: 'leaderApproval',
        toStatus: 'published',
      }),
    ]);
    const doc = await prisma().document.findUniqueOrThrow({ where: { id } });
    expect(doc.indexNumber).toMatch(/^11530900015183291L\/\d{4}-\d{5}$/);
    expect(doc.searchText).toContain('关于调整临时救助标准的通知');
    expect(await prisma().revision.count({ where: { documentId: id, kind: 'published' } })).toBe(1);
    expect((await page(`/documents/${id}`)).status).toBe(200);

    expect((await act('bangongshi', 'withdrawDocument', id, ', reason: "标准已调整"')).data?.withdrawDocument.status).toBe('withdrawn');
    expect(await entriesOf(id, 'withdraw')).toEqual([
      expect.objectContaining({
        actorId: await userId('bangongshi'),
        actorRole: 'officeReviewer',
        fromStatus: 'published',
        toStatus: 'withdrawn',
        reason: '标准已调整',
      }),
    ]);
    // The cached page was dropped after the commit.
    expect((await page(`/documents/${id}`)).status).toBe(404);
  });

  test('cascade: the interpretation published with its document (三同步) leaves with it, and its history says who withdrew it (N11)', async () => {
    const id = await createDocument({ title: '临沧市困难群众基本生活救助实施办法', disclosure: 'proactive', requiresInterpretation: true });
    const jd = await as(
      'jiuzhu',
      'mutation($id: ID!) { createInterpretation(data: { title: "图解：困难群众基本生活救助实施办法", form: "chart", documents: { connect: [{ id: $id }] } }) { id } }',
      { id },
    );
    const jdId = jd.data!.createInterpretation.id;
    expect(await approve(id)).toBe('published');
    expect(await entriesOf(jdId, 'approve')).toEqual([expect.objectContaining({ actorRole: 'leader', toStatus: 'published' })]);

    await act('bangongshi', 'withdrawDocument', id, ', reason: "办法已废止"');
    expect((await prisma().interpretation.findUniqueOrThrow({ where: { id: jdId } })).status).toBe('withdrawn');
    expect(await entriesOf(jdId, 'withdraw')).toEqual([
      expect.objectContaining({
        actorId: await userId('bangongshi'),
        summary: expect.stringMatching(/撤回（解读）$/),
        fromStatus: 'published',
        toStatus: 'withdrawn',
        reason: '办法已废止',
      }),
    ]);
  });

  test("schedule: 定时发布 is the system's, at the time the leader approved it for", async () => {
    const scheduledAt = '2030-01-01T01:00:00.000Z';
    const id = await createDocument({ title: '元旦期间临时救助安排', disclosure: 'proactive', scheduledAt });
    expect(await approve(id)).toBe('scheduled');
    expect(await entriesOf(id, 'scheduledPublish')).toEqual([]);
    expect(await publishDueItems(state.t.context, new Date('2030-01-01T01:00:30.000Z'))).toEqual({ documents: 1, interpretations: 0 });
    expect(await entriesOf(id, 'scheduledPublish')).toEqual([
      expect.objectContaining({
        actorId: null,
        actorName: '系统',
        actorRole: null,
        summary: '系统定时发布（文件）',
        fromStatus: 'scheduled',
        toStatus: 'published',
        at: new Date('2030-01-01T01:00:30.000Z'),
      }),
    ]);
    const doc = await prisma().document.findUniqueOrThrow({ where: { id } });
    expect(doc.publishedAt).toEqual(new Date(scheduledAt));
    expect(doc.indexNumber).toBeTruthy();
  });

  test('auto-reprint: a source that publishes at once publishes as 系统 (自动转载)', async () => {
    await store().saveNew(upstream('1', '国务院关于加强困难群众兜底保障的通知', 'auto-publish'));
    const { documentId } = await prisma().upstreamItem.findFirstOrThrow({ where: { dedupKey: 'publication-test:1' } });
    expect(await entriesOf(documentId ?? '', 'autoReprint')).toEqual([
      expect.objectContaining({
        actorId: null,
        actorName: '系统',
        summary: '系统自动转载（文件）',
        toStatus: 'published',
        reason: expect.stringContaining('转载来源'),
      }),
    ]);
    const doc = await prisma().document.findUniqueOrThrow({ where: { id: documentId ?? '' } });
    // Dated as upstream, numbered and found by search like any publication.
    expect(doc).toMatchObject({ status: 'published', publishedAt: new Date('2026-11-20T02:00:00Z') });
    expect(doc.indexNumber).toBeTruthy();
    expect(doc.searchText).toContain('兜底保障');
  });

  test("accepted reprint and upstream edit applied: the office's, each with its entry", async () => {
    await store().saveNew(upstream('2', '国务院关于做好冬春救助工作的通知', 'review'));
    const item = await prisma().upstreamItem.findFirstOrThrow({ where: { dedupKey: 'publication-test:2' } });
    expect(await prisma().auditEntry.count({ where: { action: 'acceptReprint' } })).toBe(0);
    expect((await act('bangongshi', 'acceptUpstreamItem', item.id)).errors).toBeUndefined();
    const { documentId } = await prisma().upstreamItem.findUniqueOrThrow({ where: { id: item.id } });
    const office = await userId('bangongshi');
    expect(await entriesOf(documentId ?? '', 'acceptReprint')).toEqual([
      expect.objectContaining({
        actorId: office,
        actorRole: 'officeReviewer',
        summary: expect.stringMatching(/采用转载（文件）$/),
        toStatus: 'published',
      }),
    ]);

    await store().flagChanged('publication-test:2', upstream('2', '国务院关于做好冬春救助工作的通知（修订）', 'review'));
    expect((await act('bangongshi', 'applyChangeUpstreamItem', item.id)).errors).toBeUndefined();
    expect(await entriesOf(documentId ?? '', 'applyUpstreamChange')).toEqual([
      expect.objectContaining({
        actorId: office,
        fromStatus: 'published',
        toStatus: 'published',
        reason: '原标题：国务院关于做好冬春救助工作的通知',
      }),
    ]);
    const doc = await prisma().document.findUniqueOrThrow({ where: { id: documentId ?? '' } });
    expect(doc.searchText).toContain('（修订）');
    expect(await prisma().revision.count({ where: { documentId, kind: 'published' } })).toBe(2);
  });

  test('revision: the approved 修订 replaces its original, whose history says who published it; the original keeps its 索引号', async () => {
    const id = await createDocument({
      title: '城乡低保申请须知',
      disclosure: 'proactive',
      body: '<p>申请人向户籍所在地乡镇提出申请。</p>',
    });
    expect(await approve(id)).toBe('published');
    const { indexNumber } = await prisma().document.findUniqueOrThrow({ where: { id } });
    // A later publication takes the next serial: the original's number could not be handed out again by chance.
    expect(await approve(await createDocument({ title: '城乡低保资金发放公告', disclosure: 'proactive' }))).toBe('published');
    const copyId = (await act('jiuzhu', 'reviseDocument', id)).data!.reviseDocument.id;
    await as(
      'jiuzhu',
      'mutation($id: ID!) { updateDocument(where: { id: $id }, data: { body: "<p>申请人可向经常居住地乡镇提出申请。</p>" }) { id } }',
      { id: copyId },
    );
    expect((await page(`/documents/${id}`)).text).toContain('户籍所在地');
    expect(await approve(copyId)).toBe('merged');
    expect(await entriesOf(id, 'applyRevision')).toEqual([
      expect.objectContaining({
        actorId: await userId('lingdao'),
        summary: expect.stringMatching(/发布修订稿（文件）$/),
        fromStatus: 'published',
        toStatus: 'published',
      }),
    ]);
    // The copy itself was never public: its 流转记录 takes it from 领导审批 straight to 已并入原文.
    expect((await entriesOf(copyId, 'approve')).at(-1)).toMatchObject({ fromStatus: 'leaderApproval', toStatus: 'merged' });
    expect(await prisma().auditEntry.count({ where: { itemId: copyId, toStatus: 'published' } })).toBe(0);
    const original = await prisma().document.findUniqueOrThrow({ where: { id } });
    expect(original).toMatchObject({ status: 'published', indexNumber });
    expect(original.searchText).toContain('经常居住地');
    expect((await page(`/documents/${id}`)).text).toContain('经常居住地');
  });
});
