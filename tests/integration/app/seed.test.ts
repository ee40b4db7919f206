import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { demoDocuments, demoInterpretations } from '../../../src/workflow/seed.js';
import { isEmpty, seedDemo } from '../../../src/app/demo.js';
import { migratedContext, type TestDatabase } from '../../helpers/database.js';
import { useTestClock } from '../../helpers/clock.js';
import { plainText } from '../../../src/platform/content/plain-text.js';

// The demo and this file's dates follow the test clock, not the day the suite runs (trust #17).
useTestClock();

let t: TestDatabase;
beforeAll(async () => {
  t = await migratedContext();
});
afterAll(() => t.close());

async function snapshot() {
  const p = t.context.prisma;
  return {
    departments: await p.department.findMany({ orderBy: { id: 'asc' } }),
    users: await p.user.findMany({ orderBy: { id: 'asc' } }),
    columns: await p.column.findMany({ orderBy: { id: 'asc' } }),
    documents: await p.document.findMany({ orderBy: { id: 'asc' } }),
    interpretations: await p.interpretation.findMany({ orderBy: { id: 'asc' } }),
    settings: await p.siteSettings.findMany(),
  };
}

describe('the demo seed', () => {
  test('fills an empty site with the column tree, accounts and content', async () => {
    expect(await isEmpty(t.context)).toBe(true);
    const { created } = await seedDemo(t.context);
    expect(created.Document).toBe(demoDocuments.length);
    expect(created.Interpretation).toBe(demoInterpretations.length);
    expect(await isEmpty(t.context)).toBe(false);
    const top = await t.context.sudo().query.Column.findMany({ where: { parent: null }, orderBy: { order: 'asc' }, query: 'name' });
    expect(top.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        '机构概况',
        '政府信息公开',
        '政策文件',
        '政策解读',
        '通知公告',
        '民政动态',
        '社会救助',
        '养老服务',
        '婚姻登记',
        '殡葬管理',
        '社会组织',
        '互动交流',
        '上级文件',
      ]),
    );
    const gk = await t.context.sudo().query.Column.findOne({ where: { slug: 'zfxxgk' }, query: 'children { name }' });
    expect(gk!.children.map((c: { name: string }) => c.name).join()).toMatch(/指南.*制度.*(目录|主动公开).*年报/);
  });

  test('publishes the bureau rules with their interpretation, with the hijacked text restored (N9, N11)', async () => {
    const [rules] = await t.context.sudo().query.Document.findMany({
      where: { title: { contains: '政务公开工作的实施细则' }, status: { equals: 'published' } },
      query: 'title body interpretations { title status }',
    });
    const text = plainText(rules.body);
    expect(text).toContain('临沧市民政局印发<关于全面推进民政政务公开工作实施方案>');
    expect(text).toContain('依据《临沧市民政局舆情应对工作管理暂行办法》');
    expect(text).not.toMatch(/365bet|网投/);
    expect(rules.interpretations).toEqual([expect.objectContaining({ status: 'published' })]);
  });

  test('is idempotent: running it again changes nothing', async () => {
    const before = await snapshot();
    const { created } = await seedDemo(t.context);
    expect(Object.values(created).every((n) => n === 0)).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  test('is idempotent on a later day too: a demo seeded earlier is completed on its own day, nothing made twice', async () => {
    const before = await snapshot();
    // Ten months on, the demo's dates, years and 索引号 would all be different for a new demo.
    const { created } = await seedDemo(t.context, { now: new Date('2027-09-15T10:00:00+08:00') });
    expect(Object.entries(created).filter(([, n]) => n !== 0)).toEqual([]);
    expect(await snapshot()).toEqual(before);
    expect(await t.context.prisma.message.count()).toBe(8);
  });
});
