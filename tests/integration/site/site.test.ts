import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { paragraphsToHtml } from '../../../src/platform/demo/rich-text.js';
import { pageNumber } from '../../../src/site/kit.js';
import { pageCacheFor } from '../../../src/platform/page-cache/cache.js';
import { publishDueItems } from '../../../src/workflow/operations/scheduled-publishing.js';
import { seededApi } from '../../helpers/seeded-api.js';

// Read when the server is made (in beforeAll), after this line.
process.env.MEDIA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-site-media-'));
const { state, act } = seededApi(['jiuzhu', 'bangongshi', 'lingdao']);
const get = (path: string) => request(state.app).get(path);

async function publicDoc(title: string) {
  return state.t.context.prisma.document.findFirstOrThrow({ where: { title, status: 'published' } });
}

describe('the public website (first pages)', () => {
  let rules: { id: string };
  beforeAll(async () => {
    rules = await publicDoc('临沧市民政局关于全面推进民政政务公开工作的实施细则');
  });

  test('N10: every page carries the footer elements and the 我为政府网站找错 entry', async () => {
    for (const path of ['/', '/columns/zcwj', `/documents/${rules.id}`, '/no-such-page']) {
      const res = await get(path);
      for (const element of [
        '主办单位：临沧市民政局',
        '网站标识码：5309000042',
        '滇ICP备05003121号',
        '滇公网安备53090202000117号',
        '党政机关网站标识',
        '我为政府网站找错',
      ]) {
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
    // 成文日期 reads the same on both engines (a DATE on PostgreSQL).
    expect(page.text).toMatch(/成文日期<\/th><td>\d{4}-\d{2}-\d{2}</);
    const jd = await state.t.context.prisma.interpretation.findFirstOrThrow({ where: { documents: { some: { id: rules.id } } } });
    expect(page.text).toContain(`/interpretations/${jd.id}`);
    const interpretation = await get(`/interpretations/${jd.id}`);
    expect(interpretation.status).toBe(200);
    expect(interpretation.text).toContain(`/documents/${rules.id}`);
  });

  test('S1: non-public documents are not found, and a 删减后公开 document shows only its redacted text', async () => {
    const hidden = await state.t.context.prisma.document.findMany({ where: { NOT: { status: 'published' } } });
    for (const doc of hidden) expect((await get(`/documents/${doc.id}`)).status).toBe(404);
    const redacted = await state.t.context.prisma.document.findFirstOrThrow({ where: { disclosure: 'redacted', status: 'published' } });
    const page = await get(`/documents/${redacted.id}`);
    expect(page.text).toContain('本文件依法删减部分内容后公开');
    expect(page.text).not.toContain('内部留存');
  });

  test('S1: pages asked for at once are read together, and each still shows only its own item, or nothing when it is not public', async () => {
    const prisma = state.t.context.prisma;
    const shown = await prisma.document.findMany({ where: { status: 'published', disclosure: 'proactive' }, take: 6 });
    const hidden = await prisma.document.findMany({ where: { NOT: { status: 'published' } }, take: 6 });
    const jds = await prisma.interpretation.findMany({ where: { status: 'published' } });
    const draftJds = await prisma.interpretation.findMany({ where: { NOT: { status: 'published' } } });
    expect(shown.length).toBeGreaterThan(2);
    expect(hidden.length).toBeGreaterThan(2);
    // One at a time first (each alone in its batch), then all together: the same bytes.
    const urls = [
      ...shown.map((d) => `/documents/${d.id}`),
      ...hidden.map((d) => `/documents/${d.id}`),
      ...jds.map((j) => `/interpretations/${j.id}`),
      ...draftJds.map((j) => `/interpretations/${j.id}`),
    ];
    const alone = new Map<string, { status: number; text: string }>();
    for (const url of urls) {
      pageCacheFor(state.t.context).clear();
      const res = await get(url);
      alone.set(url, { status: res.status, text: res.text });
    }
    pageCacheFor(state.t.context).clear();
    const together = await Promise.all(urls.map((url) => get(url)));
    together.forEach((res, i) => {
      expect({ url: urls[i], status: res.status, text: res.text }).toEqual({ url: urls[i], ...alone.get(urls[i])! });
    });
    for (const d of shown) expect(alone.get(`/documents/${d.id}`)!.text).toContain(d.title);
    for (const d of hidden) expect(alone.get(`/documents/${d.id}`)!.status).toBe(404);
    for (const j of draftJds) expect(alone.get(`/interpretations/${j.id}`)!.status).toBe(404);
  });

  test('N15: phone and ID numbers in published text are masked on the page', async () => {
    await state.t.context.sudo().db.Document.createOne({
      data: {
        title: '测试掩码公告',
        status: 'published',
        disclosure: 'proactive',
        publishedAt: new Date(),
        body: paragraphsToHtml(['联系人手机13812341234，身份证号350102199001011234。']),
      },
    });
    const doc = await publicDoc('测试掩码公告');
    const page = await get(`/documents/${doc.id}`);
    expect(page.text).toContain('138****1234');
    expect(page.text).toContain('35*************234');
    expect(page.text).not.toContain('13812341234');
  });

  test('a withdrawn document disappears at once from every cached page that showed it', async () => {
    const news = await state.t.context.prisma.document.findFirstOrThrow({
      where: { status: 'published', columns: { some: { slug: 'mzdt' } }, catalogueEntries: { some: {} } },
      orderBy: { publishedAt: 'desc' },
    });
    const entry = await state.t.context.prisma.catalogueEntry.findFirstOrThrow({ where: { documents: { some: { id: news.id } } } });
    const showing = [
      '/',
      `/documents/${news.id}`,
      '/columns/mzdt',
      '/feed.xml',
      '/atom.xml',
      '/columns/mzdt/feed.xml',
      '/sitemap.xml',
      '/search?q=' + encodeURIComponent(news.title.slice(0, 8)),
      '/disclosure/catalogue',
      `/disclosure/catalogue/${entry.id}`,
    ];
    // The search page marks the words searched for: read its text without the marks.
    const shown = async (path: string) => (await get(path)).text.replace(/<\/?mark>/g, '');
    for (const path of showing) expect(await shown(path)).toContain(path === '/sitemap.xml' ? news.id : news.title);
    const cache = pageCacheFor(state.t.context);
    for (const path of showing) expect(cache.get(path)).toBeDefined();
    await get('/columns/zcwj');
    const unrelated = cache.get('/columns/zcwj');

    await act('bangongshi', 'withdrawDocument', news.id, ', reason: "信息有误"');
    expect((await get(`/documents/${news.id}`)).status).toBe(404);
    for (const path of showing.slice(2)) expect(await shown(path)).not.toContain(path === '/sitemap.xml' ? news.id : news.title);
    expect((await get('/')).text).not.toContain(news.title);
    // Precise: a page that did not show the document is still the cached one.
    expect(cache.get('/columns/zcwj')).toBe(unrelated);
  });

  test('a scheduled document appears at once on the cached pages of its column when it goes live', async () => {
    const mzdt = await state.t.context.prisma.column.findFirstOrThrow({ where: { slug: 'mzdt' } });
    expect((await get('/columns/mzdt')).status).toBe(200);
    const { id } = await state.t.context.sudo().db.Document.createOne({
      data: {
        title: '定时发布的民政动态',
        status: 'scheduled',
        disclosure: 'proactive',
        publishedAt: new Date(Date.now() - 1000),
        columns: { connect: [{ id: mzdt.id }] },
        body: paragraphsToHtml(['正文']),
      },
    });
    expect((await get('/columns/mzdt')).text).not.toContain('定时发布的民政动态');
    await publishDueItems(state.t.context);
    expect((await get('/columns/mzdt')).text).toContain('定时发布的民政动态');
    expect((await get('/')).text).toContain('定时发布的民政动态');
    expect((await get(`/documents/${id}`)).status).toBe(200);
  });

  test('cached pages are the same bytes with a strong ETag, for GET and HEAD', async () => {
    const first = await get('/columns/tzgg');
    const second = await get('/columns/tzgg');
    expect(second.text).toBe(first.text);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(second.headers['cache-control']).toBe('no-cache');
    const head = await request(state.app).head('/columns/tzgg');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(first.text)));
  });

  test('S3: the 政府信息公开 section shows the 主动公开目录 by area of the 五公开, with public documents only', async () => {
    expect((await get('/columns/zfxxgk')).text).toContain('href="/disclosure/catalogue"');
    const catalogue = await get('/disclosure/catalogue');
    expect(catalogue.status).toBe(200);
    for (const text of [
      '决策公开',
      '执行公开',
      '管理公开',
      '服务公开',
      '结果公开',
      '社会救助标准',
      '信息形成或变更之日起10个工作日内',
      '社会救助科',
      '临沧市民政局政府信息公开指南',
    ]) {
      expect(catalogue.text).toContain(text);
    }
    // A non-public document classified into the catalogue never shows there.
    const secret = await state.t.context.prisma.document.findFirstOrThrow({ where: { disclosure: 'notPublic' } });
    const entry = await state.t.context.prisma.catalogueEntry.findFirstOrThrow({ where: { subject: '决策预公开' } });
    await state.t.context
      .sudo()
      .db.CatalogueEntry.updateOne({ where: { id: entry.id }, data: { documents: { connect: [{ id: secret.id }] } } });
    expect((await get('/disclosure/catalogue')).text).not.toContain(secret.title);
    const page = await get(`/disclosure/catalogue/${entry.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('决策预公开');
    expect(page.text).not.toContain(secret.title);
    expect((await get(`/disclosure/catalogue/${entry.id}?page=x`)).status).toBe(400);
    expect((await get('/disclosure/catalogue/nosuchentry')).status).toBe(404);
  });

  test('N16: 大字版, 高对比度, 加大行距 and 焦点高亮 switches on every page that work without JavaScript; 朗读 only with it', async () => {
    for (const path of ['/', '/columns/tzgg', '/search?q=%E4%BD%8E%E4%BF%9D', '/mailbox/new', '/nosuchpage']) {
      const page = await get(path);
      expect(page.text).toMatch(
        /<input type="checkbox" id="large-text" class="mode-toggle large-text-toggle">\s*<input type="checkbox" id="high-contrast" class="mode-toggle high-contrast-toggle">\s*<input type="checkbox" id="wide-spacing" class="mode-toggle wide-spacing-toggle">\s*<input type="checkbox" id="strong-focus" class="mode-toggle strong-focus-toggle">\s*<div class="page">/,
      );
      for (const [id, label] of [
        ['large-text', '大字版'],
        ['high-contrast', '高对比度'],
        ['wide-spacing', '加大行距'],
        ['strong-focus', '焦点高亮'],
      ]) {
        expect(page.text).toContain(`<label for="${id}" class="mode-switch ${id}-switch">${label}</label>`);
      }
      // Hidden until the script finds the browser's speech synthesis.
      expect(page.text).toContain('<button type="button" id="read-aloud" class="mode-switch read-aloud" hidden>朗读</button>');
    }
    const css = await get('/static/site.css');
    expect(css.text).toMatch(/\.large-text-toggle:checked ~ \.page \{ font-size: 24px/);
    expect(css.text).toContain(
      '.high-contrast-toggle:checked ~ .page, .high-contrast-toggle:checked ~ .page * { background-color: #000 !important; color: #fff !important;',
    );
    expect(css.text).toContain(
      '.wide-spacing-toggle:checked ~ .page, .wide-spacing-toggle:checked ~ .page * { line-height: 2.2 !important;',
    );
    const script = await get('/static/modes.js');
    expect(script.status).toBe(200);
    expect(script.text).toContain('speechSynthesis');
    // No third party: the script names no other host.
    expect(script.text).not.toMatch(/https?:\/\//);
  });

  test('security headers forbid inline script, and an unchanged page answers 304', async () => {
    const res = await get('/');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    // Scripts only from files of ours (the 大字版 switch); no inline script or style.
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc="\/static\/)|style=/);
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

  test('search by several words finds what holds them all, in any order, with the words marked', async () => {
    const total = (text: string) => Number(/共找到 (\d+) 条结果/.exec(text)![1]);
    const one = await get('/search?q=' + encodeURIComponent('低保'));
    const both = await get('/search?q=' + encodeURIComponent('低保 救助'));
    expect(total(both.text)).toBeGreaterThan(0);
    expect(total(both.text)).toBeLessThanOrEqual(total(one.text));
    expect(both.text).toContain('（同时含有各个词）');
    // Any order, and a full-width space too.
    expect(total((await get('/search?q=' + encodeURIComponent('救助\u3000低保'))).text)).toBe(total(both.text));
    // Each word is marked in the titles and excerpts.
    const results = both.text.slice(both.text.indexOf('<ol class="results">'), both.text.indexOf('</ol>'));
    expect(results).toContain('<mark>低保</mark>');
    expect(results).toContain('<mark>救助</mark>');
    expect(total((await get('/search?q=' + encodeURIComponent('低保 没有这个词'))).text)).toBe(0);
  });

  test('hostile query strings get a 400 or a 404, never a 500 or reflected markup', async () => {
    for (const path of [
      '/search?q=' + 'x'.repeat(51),
      '/search?q=a&type=everything',
      '/search?q=a&page=0',
      '/columns/zcwj?page=abc',
      '/columns/zcwj?page=-1',
      '/columns/zcwj?page=1e9',
      '/columns/zcwj?page=1&page=2',
    ]) {
      expect((await get(path)).status).toBe(400);
    }
    for (const path of [
      '/documents/%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      '/columns/%3Cscript%3E',
      "/documents/1' OR '1'='1",
      '/interpretations/..%2F..%2Fetc%2Fpasswd',
    ]) {
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

  test('S1: a stored file is served to the public only while a public item shows it; staff see all', async () => {
    const prisma = state.t.context.sudo().prisma;
    const store = async (name: string) => {
      fs.writeFileSync(path.join(process.env.MEDIA_DIR!, name), '%PDF-1.4 test');
      return prisma.media.create({ data: { title: name, kind: 'attachment', file_filename: name, file_filesize: 13 } });
    };
    const draft = await prisma.document.findFirstOrThrow({ where: { status: 'draft' } });
    const published = await prisma.document.findFirstOrThrow({
      where: { status: 'published', disclosure: 'proactive', columns: { some: { slug: 'tzgg' } } },
    });
    const hidden = await store('2026-11-hidden.pdf');
    const shown = await store('2026-11-shown.pdf');
    await prisma.document.update({ where: { id: draft.id }, data: { attachments: { connect: [{ id: hidden.id }] } } });
    await prisma.document.update({ where: { id: published.id }, data: { attachments: { connect: [{ id: shown.id }] } } });
    expect((await get('/media/2026-11-hidden.pdf')).status).toBe(404);
    expect((await get('/media/..%2F..%2Fpackage.json')).status).toBe(404);
    expect((await request(state.app).get('/media/2026-11-hidden.pdf').set('cookie', state.cookies.bangongshi)).status).toBe(200);
    expect((await get('/media/2026-11-shown.pdf')).status).toBe(200);
    await act('bangongshi', 'withdrawDocument', published.id, ', reason: "附件有误"');
    expect((await get('/media/2026-11-shown.pdf')).status).toBe(404);
  });
});
