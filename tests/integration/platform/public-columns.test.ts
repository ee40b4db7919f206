import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { publicDocumentsIn } from '../../../src/platform/access/public-columns.js';
import { migratedContext, type TestDatabase } from '../../helpers/database.js';

/*
 * The home page's sections and the feeds read a column's latest documents (`publicDocumentsIn` with a limit), the list
 * pages all of them with `publicDocumentsIn`: the two must agree on which are public (S1) and on their order, on
 * both engines (PostgreSQL sorts undated rows first where SQLite sorts them last).
 */

let t: TestDatabase;
const parent = 'pcparent';
const child = 'pcchild';
const other = 'pcother';

beforeAll(async () => {
  t = await migratedContext();
  const prisma = t.context.sudo().prisma;
  await prisma.column.createMany({
    data: [
      { id: parent, name: '民政动态', slug: 'pc-parent', kind: 'news', order: 0 },
      { id: child, name: '工作动态', slug: 'pc-child', kind: 'news', order: 0, parentId: parent },
      { id: other, name: '通知公告', slug: 'pc-other', kind: 'notice', order: 1 },
    ],
  });
  const at = (minute: number | null) => (minute === null ? null : new Date(Date.UTC(2026, 0, 1, 8, minute)));
  // id, status, disclosure, minute published, columns
  const rows: [string, string, string, number | null, string[]][] = [
    ['pcdoc01', 'published', 'proactive', 1, [parent]],
    ['pcdoc02', 'published', 'proactive', 5, [child]],
    ['pcdoc03', 'published', 'proactive', 5, [parent]], // the same moment as pcdoc02: by id
    ['pcdoc04', 'published', 'proactive', 9, [parent, child]], // in both: once
    ['pcdoc05', 'published', 'notPublic', 20, [parent]], // S1: not public
    ['pcdoc06', 'approved', 'proactive', null, [child]], // S1: not published
    ['pcdoc07', 'published', 'proactive', null, [child]], // published without a date: last
    ['pcdoc08', 'published', 'proactive', 30, [other]], // another column
    ['pcdoc09', 'published', 'onRequest', 7, [child]],
    ['pcdoc10', 'published', 'redacted', 3, [child]],
    ['pcdoc11', 'published', 'proactive', 40, [child]], // the newest, where an undated one is too
    ['pcdoc12', 'published', 'proactive', 12, [child]],
    ['pcdoc13', 'published', 'proactive', 12, [child]], // the same moment in one column: by id
  ];
  for (const [id, status, disclosure, minute, columns] of rows)
    await prisma.document.create({
      data: {
        id,
        title: `文件 ${id}`,
        status,
        disclosure,
        publishedAt: at(minute),
        body: '',
        redactedBody: '',
        columns: { connect: columns.map((c) => ({ id: c })) },
      },
    });
});
afterAll(() => t.close());

describe('the latest public documents of columns', () => {
  test('S1: the latest N of a column and its children are the first N of its whole list, for every N', async () => {
    const prisma = t.context.sudo().prisma;
    const all = await publicDocumentsIn(prisma, [parent, child]);
    const ids = all.map((d) => d.id);
    const disclosures = await prisma.document.findMany({ where: { id: { in: ids } }, select: { disclosure: true } });
    expect(new Set(disclosures.map((d) => d.disclosure))).toEqual(new Set(['proactive', 'redacted']));
    expect(ids).not.toContain('pcdoc06');
    expect(ids).not.toContain('pcdoc08');
    expect(ids.at(-1)).toBe('pcdoc07');
    expect(new Set(ids).size).toBe(ids.length);
    for (let n = 1; n <= all.length + 1; n++) expect(await publicDocumentsIn(prisma, [parent, child], n)).toEqual(all.slice(0, n));
  });
});
