import { beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { previewIsValid, previewPath } from '../../../src/workflow/preview.js';
import { publishDueItems } from '../../../src/workflow/operations/scheduled-publishing.js';
import { seededApi } from '../../helpers/seeded-api.js';

const { state, as, act } = seededApi(['jiuzhu', 'yanglao', 'bangongshi', 'lingdao']);

const paragraph = (text: string) => `<p>${text}</p>`;

async function publish(id: string) {
  await act('jiuzhu', 'submitDocument', id);
  await act('bangongshi', 'officeApproveDocument', id, ', confidentialityConclusion: "不涉密，同意公开"');
  return act('lingdao', 'approveDocument', id);
}

describe('revisions of published documents', () => {
  let originalId: string;
  beforeAll(async () => {
    const created = await as(
      'jiuzhu',
      'mutation { createDocument(data: { title: "临时救助申请须知", disclosure: "proactive", body: "<p>申请人向户籍所在地乡镇提出申请。</p>" }) { id } }',
    );
    originalId = created.data!.createDocument.id;
    expect((await publish(originalId)).data?.approveDocument.status).toBe('published');
  });

  test('each publication keeps an immutable snapshot, which nobody can change through the API', async () => {
    const revisions = await state.t.context.prisma.revision.findMany({ where: { documentId: originalId }, orderBy: { at: 'asc' } });
    expect(revisions.map((r) => [r.kind, r.number])).toEqual([
      ['submitted', 1],
      ['published', 1],
    ]);
    expect((await as('lingdao', 'mutation { updateRevision(where: { id: "x" }, data: {}) { id } }')).errors?.[0].message).toMatch(
      /Cannot query field/,
    );
  });

  test('an edit to a published document goes through the workflow again while the published version stays up', async () => {
    const revised = await act('jiuzhu', 'reviseDocument', originalId);
    const copyId = revised.data!.reviseDocument.id;
    expect(copyId).not.toBe(originalId);
    expect((await act('yanglao', 'reviseDocument', originalId)).errors?.[0].extensions?.code).toBe('WORKFLOW_FORBIDDEN');
    // Reopening gives the same open revision.
    expect((await act('jiuzhu', 'reviseDocument', originalId)).data!.reviseDocument.id).toBe(copyId);

    await as(
      'jiuzhu',
      'mutation($id: ID!) { updateDocument(where: { id: $id }, data: { body: "<p>申请人可向户籍所在地或经常居住地乡镇提出申请。</p>" }) { id } }',
      { id: copyId },
    );
    const publicBefore = await as(null, '{ documents(where: { title: { equals: "临时救助申请须知" } }) { id body } }');
    expect(publicBefore.data!.documents).toEqual([{ id: originalId, body: paragraph('申请人向户籍所在地乡镇提出申请。') }]);

    // Approving the revision applies it to the original; the copy is kept as merged.
    expect((await publish(copyId)).data?.approveDocument.status).toBe('merged');
    const publicAfter = await as(null, '{ documents(where: { title: { equals: "临时救助申请须知" } }) { id body } }');
    expect(publicAfter.data!.documents).toEqual([{ id: originalId, body: paragraph('申请人可向户籍所在地或经常居住地乡镇提出申请。') }]);
    expect((await state.t.context.prisma.document.findUniqueOrThrow({ where: { id: copyId } })).status).toBe('merged');
    const published = await state.t.context.prisma.revision.findMany({
      where: { documentId: originalId, kind: 'published' },
      orderBy: { number: 'asc' },
    });
    expect(published.map((r) => r.number)).toEqual([1, 2]);
  });

  test('a reviewer compares the version returned with the one resubmitted, side by side', async () => {
    const created = await as(
      'jiuzhu',
      'mutation { createDocument(data: { title: "养老服务补贴发放通知", disclosure: "proactive", body: "<p>补贴标准为每人每月100元。</p><p>按季度发放。</p>" }) { id } }',
    );
    const id = created.data!.createDocument.id;
    await act('jiuzhu', 'submitDocument', id);
    expect(
      (await as('bangongshi', 'query($id: ID!) { revisionComparison(documentId: $id) { rows { label } } }', { id })).data!
        .revisionComparison,
    ).toBeNull();
    await act('bangongshi', 'returnToDrafterDocument', id, ', reason: "请核实补贴标准"');
    await as(
      'jiuzhu',
      'mutation($id: ID!) { updateDocument(where: { id: $id }, data: { body: "<p>补贴标准为每人每月120元。</p><p>按季度发放。</p>" }) { id } }',
      { id },
    );
    await act('jiuzhu', 'submitDocument', id);

    const res = await as(
      'bangongshi',
      'query($id: ID!) { revisionComparison(documentId: $id) { beforeLabel afterLabel rows { label before after changed } } }',
      { id },
    );
    const comparison = res.data!.revisionComparison;
    expect(comparison.beforeLabel).toMatch(/^提交稿第 1 版/);
    expect(comparison.afterLabel).toMatch(/^提交稿第 2 版/);
    const changed = comparison.rows.filter((r: { changed: boolean }) => r.changed);
    expect(changed).toEqual([
      { label: '正文', before: '补贴标准为每人每月100元。', after: '', changed: true },
      { label: '正文', before: '', after: '补贴标准为每人每月120元。', changed: true },
    ]);
    expect(comparison.rows).toContainEqual({ label: '正文', before: '按季度发放。', after: '按季度发放。', changed: false });
    // Another department's editor cannot read the comparison.
    expect(
      (await as('yanglao', 'query($id: ID!) { revisionComparison(documentId: $id) { beforeLabel } }', { id })).data!.revisionComparison,
    ).toBeNull();
  });

  test('scheduled publication records the published snapshot when it goes live', async () => {
    const created = await as(
      'jiuzhu',
      'mutation { createDocument(data: { title: "春节期间临时救助安排", disclosure: "proactive", scheduledAt: "2030-01-01T01:00:00.000Z" }) { id } }',
    );
    const id = created.data!.createDocument.id;
    expect((await publish(id)).data?.approveDocument.status).toBe('scheduled');
    expect(await publishDueItems(state.t.context, new Date('2030-01-01T01:00:01.000Z'))).toMatchObject({ documents: 1 });
    expect(await state.t.context.prisma.revision.count({ where: { documentId: id, kind: 'published' } })).toBe(1);
  });
});

describe('preview links', () => {
  test('a reviewer gets a signed link that shows the unpublished page as it will look, masked, and that expires', async () => {
    const created = await as(
      'jiuzhu',
      'mutation { createDocument(data: { title: "待审核的通知", disclosure: "proactive", body: "<p>联系电话0883-2123456。<script>alert(1)</script></p>" }) { id } }',
    );
    const id = created.data!.createDocument.id;
    await act('jiuzhu', 'submitDocument', id);
    const tasks = (await as('bangongshi', '{ myTasks { id kind previewUrl } }')).data!.myTasks as { id: string; previewUrl: string }[];
    const link = tasks.find((task) => task.id === id)!.previewUrl;
    expect(link).toMatch(/^\/preview\/documents\//);

    const page = await request(state.app).get(link);
    expect(page.status).toBe(200);
    expect(page.text).toContain('待审核的通知');
    expect(page.text).toContain('尚未公开');
    // A script in a body is no part of it: the editor's HTML is sanitized when saved and again when shown.
    expect(page.text).toContain('联系电话0883-2123456。');
    expect(page.text).not.toContain('alert(1)');
    expect(page.headers['cache-control']).toBe('no-store');

    expect((await request(state.app).get(link.replace(id, 'someone-else'))).status).toBe(403);
    expect((await request(state.app).get(link.replace(/signature=[^&]+/, 'signature=forged'))).status).toBe(403);
    const yesterday = new Date(Date.now() - 25 * 3600 * 1000);
    const old = previewPath(id, yesterday);
    const [, query] = old.split('?');
    const params = new URLSearchParams(query);
    expect(previewIsValid(id, params.get('expires')!, params.get('signature')!)).toBe(false);
    expect((await request(state.app).get(old)).status).toBe(403);
  });
});
