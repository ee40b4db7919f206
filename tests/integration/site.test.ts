import { beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { paragraphsToDocument } from '../../src/seed/demo.js';
import { pageNumber } from '../../src/site/routes.js';
import { seededApi } from '../helpers/seeded-api.js';

const { state, act } = seededApi(['jiuzhu', 'bangongshi', 'lingdao']);
const get = (path: string) => request(state.app).get(path);

async function publicDoc(title: string) {
  return state.t.context.prisma.document.findFirst({ where: { title, status: 'published' } });
}

describe('the public website (first pages)', () => {
  let rules: { id: string };
  beforeAll(async () => {
    rules = await publicDoc('临沧市民政局关于全面推进民政政务公开工作的实施细则');
  });

  test('N10: every page carries the footer elements and the 我为政府网站找错 entry', async () => {
    for (const path of ['/', '/columns/zcwj', `/documents/${rules.id}`, '/no-such-page']) {
      const res = await get(path);
      for (const element of ['主办单位：临沧市民政局', '网站标识码：5309000042', '滇ICP备05003121号', '滇公网安备53090202000117号', '党政机关网站标识', '我为政府网站找错']) {
        expect(res.text).toContain(element);
      }
    }
  });

  test('home and column pages list only public documents, newest first, with pagination', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.text).toContain('lang="zh-CN"');
    expect(home.text).toContain('民政动态');
    const column = await get('/columns/zcwj');
    expect(column.status).toBe(200);
    expect(column.text).toContain('实施细则');
    expect(column.text).not.toMatch(/内部工作意见|立法修改意见/);
    expect((await get('/columns/nbtz')).status).toBe(404); // an internal column
    expect((await get('/columns/zcwj?page=99')).status).toBe(404);
  });

  test('N11: a document links to its interpretations and the interpretation back to it', async () => {
    const page = await get(`/documents/${rules.id}`);
    expect(page.text).toMatch(/索引号.*11530900015183291L\/2017-00001/s);
    const jd = await state.t.context.prisma.interpretation.findFirst({ where: { documents: { some: { id: rules.id } } } });
    expect(page.text).toContain(`/interpretations/${jd.id}`);
    const interpretation = await get(`/interpretations/${jd.id}`);
    expect(interpretation.status).toBe(200);
    expect(interpretation.text).toContain(`/documents/${rules.id}`);
  });

  test('S1: non-public documents are not found, and a 删减后公开 document shows only its redacted text', async () => {
    const hidden = await state.t.context.prisma.document.findMany({ where: { NOT: { status: 'published' } } });
    for (const doc of hidden) expect((await get(`/documents/${doc.id}`)).status).toBe(404);
    const redacted = await state.t.context.prisma.document.findFirst({ where: { disclosure: 'redacted', status: 'published' } });
    const page = await get(`/documents/${redacted.id}`);
    expect(page.text).toContain('本文件依法删减部分内容后公开');
    expect(page.text).not.toContain('内部留存');
  });

  test('N15: phone and ID numbers in published text are masked on the page', async () => {
    await state.t.context.sudo().db.Document.createOne({
      data: { title: '测试掩码公告', status: 'published', disclosure: 'proactive', publishedAt: new Date(), body: paragraphsToDocument(['联系人手机13812341234，身份证号350102199001011234。']) },
    });
    const doc = await publicDoc('测试掩码公告');
    const page = await get(`/documents/${doc.id}`);
    expect(page.text).toContain('138****1234');
    expect(page.text).toContain('35*************234');
    expect(page.text).not.toContain('13812341234');
  });

  test('a withdrawn document disappears from its page, its columns and the home page at once', async () => {
    const news = await state.t.context.prisma.document.findFirst({ where: { status: 'published', columns: { some: { slug: 'mzdt' } } }, orderBy: { publishedAt: 'desc' } });
    expect((await get('/')).text).toContain(news.title);
    await act('bangongshi', 'withdrawDocument', news.id, ', reason: "信息有误"');
    expect((await get(`/documents/${news.id}`)).status).toBe(404);
    expect((await get('/columns/mzdt')).text).not.toContain(news.title);
    expect((await get('/')).text).not.toContain(news.title);
  });

  test('security headers forbid inline script, and an unchanged page answers 304', async () => {
    const res = await get('/');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(res.text).not.toMatch(/<script|style=/);
    const again = await get('/').set('If-None-Match', res.headers.etag);
    expect(again.status).toBe(304);
  });

  test('search finds Chinese text in public documents and interpretations, by category, never what was withheld', async () => {
    const res = await get('/search?q=' + encodeURIComponent('低保'));
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/共找到 \d+ 条结果/);
    expect(res.text).toContain('[文件]');
    expect(res.text).toContain('[解读]');
    const onlyJd = await get('/search?type=interpretations&q=' + encodeURIComponent('低保'));
    expect(onlyJd.text).not.toContain('[文件]');
    // The withheld part of a 删减后公开 document and non-public documents are not searchable.
    expect((await get('/search?q=' + encodeURIComponent('内部留存'))).text).toContain('没有找到相关内容');
    expect((await get('/search?q=' + encodeURIComponent('立法修改意见'))).text).toContain('没有找到相关内容');
    expect((await get('/search')).status).toBe(200);
  });

  test('hostile query strings get a 400 or a 404, never a 500 or reflected markup', async () => {
    for (const path of ['/search?q=' + 'x'.repeat(51), '/search?q=a&type=everything', '/search?q=a&page=0', '/columns/zcwj?page=abc', '/columns/zcwj?page=-1', '/columns/zcwj?page=1e9', '/columns/zcwj?page=1&page=2']) {
      expect((await get(path)).status).toBe(400);
    }
    for (const path of ['/documents/%3Cscript%3Ealert(1)%3C%2Fscript%3E', '/columns/%3Cscript%3E', "/documents/1' OR '1'='1", '/interpretations/..%2F..%2Fetc%2Fpasswd']) {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('<script>alert');
    }
    const reflected = await get('/search?q=' + encodeURIComponent('<script>alert(1)</script>'));
    expect(reflected.status).toBe(200);
    expect(reflected.text).not.toContain('<script>alert(1)');
    expect(reflected.text).toContain('&lt;script&gt;');
    expect((await get('/search?q=' + encodeURIComponent("%' OR 1=1 --"))).status).toBe(200);
    expect(pageNumber('2')).toBe(2);
    expect(pageNumber(undefined)).toBe(1);
    expect(pageNumber(['1'])).toBeNull();
  });
});
