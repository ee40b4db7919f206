import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { seedDemo } from '../../../src/app/demo.js';
import { migratedContext, type TestDatabase } from '../../helpers/database.js';
import { listDb } from '../../../src/platform/db/prisma.js';
import { useTestClock } from '../../helpers/clock.js';

// The demo and this file's dates follow the test clock, not the day the suite runs (trust #17).
useTestClock();

let t: TestDatabase;
beforeAll(async () => {
  t = await migratedContext();
});
afterAll(() => t.close());

async function createError(listKey: string, data: Record<string, unknown>): Promise<string> {
  try {
    await listDb(t.context.sudo(), listKey).createOne({ data });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${listKey} was created without its required fields`);
}

describe('required fields of each list', () => {
  test('User needs a name, a valid username and a password of at least 8 characters', async () => {
    const message = await createError('User', { username: 'a b', password: 'short' });
    expect(message).toMatch(/姓名|name/);
    expect(message).toContain('登录名为 3–40 位');
    expect(message).toMatch(/password|密码/i);
  });

  test('Department needs a name and a code', async () => {
    expect(await createError('Department', { name: '' })).toMatch(/名称|code|代码/);
  });

  test('Column needs a name and a lowercase slug', async () => {
    expect(await createError('Column', { name: '栏目', slug: '政策' })).toContain('路径名只能包含');
  });

  test('Document needs a title, and a reason and redacted text per its disclosure attribute (S1)', async () => {
    expect(await createError('Document', {})).toMatch(/标题|title/);
    expect(await createError('Document', { title: '依申请公开的复函', disclosure: 'onRequest' })).toContain('必须依法依规说明理由');
    expect(
      await createError('Document', { title: '删减后公开的名单', disclosure: 'redacted', disclosureReason: '《条例》第十五条' }),
    ).toContain('删减后的公开文本');
    expect(await createError('Document', { title: '转载', origin: 'reprint', sourceName: '民政部' })).toContain('注明来源和原文链接');
  });

  test('Interpretation needs a title', async () => {
    expect(await createError('Interpretation', { form: 'chart' })).toMatch(/标题|title/);
  });

  test('Media needs a file, and an image needs its text alternative', async () => {
    expect(await createError('Media', { title: '图解', kind: 'image' })).toContain('请上传文件');
  });

  test('SiteSettings needs a 10-character 网站标识码 and an http(s) base URL', async () => {
    const message = await createError('SiteSettings', {
      siteName: '临沧市民政局',
      sponsor: '临沧市民政局',
      siteCode: '12345',
      baseUrl: 'ftp://x',
    });
    expect(message).toContain('网站标识码为 10 位');
    expect(message).toContain('网站地址必须以 http');
  });

  test('a column cannot become its own ancestor', async () => {
    const parent = await t.context.sudo().db.Column.createOne({ data: { name: '上级', slug: 'loop-parent' } });
    const child = await t.context
      .sudo()
      .db.Column.createOne({ data: { name: '下级', slug: 'loop-child', parent: { connect: { id: parent.id } } } });
    await expect(
      t.context.sudo().db.Column.updateOne({ where: { id: String(parent.id) }, data: { parent: { connect: { id: String(child.id) } } } }),
    ).rejects.toThrow(/不能是本栏目或其下级栏目/);
  });
});

describe('what an anonymous visitor can read', () => {
  beforeAll(() => seedDemo(t.context));

  test('S1: only published 主动公开 and 删减后公开 documents, without reasons or the withheld full text', async () => {
    const anonymous = t.context; // no session
    const docs = await anonymous.query.Document.findMany({
      query: 'title status disclosure disclosureReason body redactedBody',
    });
    expect(docs.length).toBeGreaterThan(0);
    for (const doc of docs) {
      expect(doc.status).toBe('published');
      expect(['proactive', 'redacted']).toContain(doc.disclosure);
      expect(doc.disclosureReason).toBeNull();
      if (doc.disclosure === 'redacted') expect(doc.body).toBeNull();
    }
    const all = await t.context.sudo().db.Document.findMany();
    const hidden = all.filter((d) => d.status !== 'published' || !['proactive', 'redacted'].includes(String(d.disclosure)));
    expect(hidden.length).toBeGreaterThanOrEqual(4);
    expect(docs.map((d) => d.title)).not.toEqual(expect.arrayContaining([hidden[0].title]));
  });

  test('no users, no internal columns, no unpublished interpretations', async () => {
    expect(await t.context.query.User.findMany({ query: 'id' })).toEqual([]);
    const columns = await t.context.query.Column.findMany({ query: 'slug visibility' });
    expect(columns.some((c) => c.slug === 'nbtz')).toBe(false);
    expect(columns.every((c) => c.visibility === 'public')).toBe(true);
    const interpretations = await t.context.query.Interpretation.findMany({ query: 'status' });
    expect(interpretations.every((i) => i.status === 'published')).toBe(true);
  });

  test('no writes', async () => {
    await expect(t.context.query.Document.createOne({ data: { title: '匿名投稿' }, query: 'id' })).rejects.toThrow(/Access denied/);
  });
});
