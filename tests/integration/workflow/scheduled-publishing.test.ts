import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { publishDueItems } from '../../../src/workflow/operations/scheduled-publishing.js';
import { migratedContext, type TestDatabase } from '../../helpers/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await migratedContext();
});
afterAll(() => t.close());

test('scheduled documents and their interpretations go live together once their time has come', async () => {
  const p = t.context.prisma;
  const db = t.context.sudo().db;
  const at = new Date('2026-11-24T09:00:00+08:00');
  const doc = await db.Document.createOne({
    data: { title: '定时发布的通知', status: 'scheduled', publishedAt: at, disclosure: 'proactive' },
  });
  const later = await db.Document.createOne({
    data: { title: '明天发布的通知', status: 'scheduled', publishedAt: new Date('2026-11-25T09:00:00+08:00') },
  });
  const jd = await db.Interpretation.createOne({ data: { title: '定时发布的解读', status: 'scheduled', publishedAt: at } });
  const draft = await db.Document.createOne({ data: { title: '草稿', status: 'draft', publishedAt: at } });

  expect(await publishDueItems(t.context, new Date('2026-11-24T08:59:00+08:00'))).toEqual({ documents: 0, interpretations: 0 });
  expect(await publishDueItems(t.context, new Date('2026-11-24T09:00:30+08:00'))).toEqual({ documents: 1, interpretations: 1 });

  const status = async (id: unknown) => (await p.document.findUnique({ where: { id: String(id) } }))!.status;
  expect(await status(doc.id)).toBe('published');
  expect((await p.interpretation.findUnique({ where: { id: String(jd.id) } }))!.status).toBe('published');
  expect(await status(later.id)).toBe('scheduled');
  expect(await status(draft.id)).toBe('draft');
  // A second tick finds nothing left to do.
  expect(await publishDueItems(t.context, new Date('2026-11-24T09:01:00+08:00'))).toEqual({ documents: 0, interpretations: 0 });
});
