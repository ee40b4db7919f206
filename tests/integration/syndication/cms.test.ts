import http from 'node:http';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { runDueSources, runSyndicationSource, isDue } from '../../../syndication/runner.js';
import { KeystoneSyndicationStore } from '../../../syndication/store.js';
import { sourceConfigOf } from '../../../syndication/source-item.js';
import { runSource, type SyndicatedItem, type SyndicationStore } from '../../../syndication/core/run.js';
import { HttpFetcher } from '../../../syndication/core/fetch.js';
import { seededApi } from '../../helpers/seeded-api.js';
import { loopbackAllowed } from '../../helpers/outbound.js';

// Read when the server is made (in beforeAll), after this line.
process.env.MEDIA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-syndication-media-'));
const { state, as } = seededApi(['jiuzhu', 'bangongshi', 'xinxi']);

// A gov.cn-like upstream on this machine: a JSON list, detail pages, an image and a PDF.
const png = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2b3a8a80000000049454e44ae426082',
  'hex',
);
const upstream = {
  list: [] as { TITLE: string; URL: string; DOCRELPUBTIME: string }[],
  bodies: new Map<string, string>(),
  requests: [] as string[],
};
let server: http.Server;
let base = '';

function detailPage(id: string) {
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="manuscriptId" content="m-${id}">
<meta name="firstpublishedtime" content="2026-11-20-10:00:00"><title>t</title></head><body>
<div class="share-title">国务院关于第${id}项工作的通知</div>
<table class="bd1"><tr><td>发文机关：</td><td>国务院</td><td>发文字号：</td><td>国发〔2026〕${id}号</td></tr></table>
<div class="TRS_UEDITOR">${upstream.bodies.get(id)}<p><img src="/img/${id}.png" alt="示意图${id}"></p><p><a href="/files/${id}.pdf">附件${id}：实施方案</a></p><script>alert(1)</script></div>
</body></html>`;
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    upstream.requests.push(url);
    // An upstream that has been tampered with, sending the crawler to the cloud's metadata service.
    if (url === '/redirect-to-metadata') return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (url === '/list.json') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(upstream.list));
    const detail = /^\/content_(\d+)\.htm$/.exec(url);
    if (detail && upstream.bodies.has(detail[1]))
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(detailPage(detail[1]));
    if (/^\/img\/\d+\.png$/.test(url)) return res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    if (/^\/files\/\d+\.pdf$/.test(url)) return res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4\n%test\n');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const id of ['1', '2', '3']) upstream.bodies.set(id, `<p>第${id}项工作的正文，请各地认真贯彻落实。</p>`);
  upstream.list = ['1', '2'].map((id) => ({
    TITLE: `国务院关于第${id}项工作的通知`,
    URL: `/content_${id}.htm`,
    DOCRELPUBTIME: '2026-11-20',
  }));
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** 网站设置 → 内网访问白名单, saved by the info-construction section through the API. */
async function setAllowList(text: string) {
  const saved = await as('xinxi', `mutation($t: String!) { updateSiteSettings(data: { outboundAllowList: $t }) { id } }`, { t: text });
  expect(saved.errors).toBeUndefined();
}

// The upstream of these tests is on this machine: the section allow-lists it, as an intranet mirror would be.
beforeAll(() => setAllowList('127.0.0.1'));

/** The same store without saveNewMany: a run hands it one new item at a time. */
const oneByOne = (store: KeystoneSyndicationStore): SyndicationStore => ({
  knownItem: (key) => store.knownItem(key),
  knownItems: (keys) => store.knownItems(keys),
  saveNew: (item) => store.saveNew(item),
  flagChanged: (key, item) => store.flagChanged(key, item),
  touch: (key, validators) => store.touch(key, validators),
  sourceState: (key) => store.sourceState(key),
  recordRun: (key, record) => store.recordRun(key, record),
});

const get = (p: string) => request(state.app).get(p);
const items = () => state.t.context.prisma.upstreamItem.findMany({ orderBy: { title: 'asc' } });

async function createSource(key: string, policy: 'review' | 'auto-publish', listPath = '/list.json') {
  const gwy = await state.t.context.prisma.column.findFirstOrThrow({ where: { slug: 'gwy' } });
  return state.t.context.sudo().db.SyndicationSource.createOne({
    data: {
      key,
      name: '测试上游·最新政策',
      level: 'state-council',
      adapter: 'json-list',
      listUrls: `${base}${listPath}`,
      schedule: '*/5 * * * *',
      policy,
      enabled: true,
      targetColumn: { connect: { id: gwy.id } },
    },
  });
}

describe('S9: syndication in the CMS', () => {
  test('S9: a due source is run; its new items wait in the queue, its health is recorded', async () => {
    await createSource('test-review', 'review');
    const { ran } = await runDueSources(state.t.context, { now: new Date('2026-11-24T02:00:00Z') });
    expect(ran).toContain('test-review');
    const queued = await items();
    expect(queued.map((i: { status: string }) => i.status)).toEqual(['queued', 'queued']);
    expect(queued[0].number).toBe('国发〔2026〕1号');
    // Hostile upstream markup is gone, images and attachments are local copies.
    expect(queued[0].bodyHtml).not.toContain('<script');
    expect(queued[0].bodyHtml).toMatch(/src="\/media\/[\w.-]+\.png"/);
    expect(queued[0].bodyHtml).toMatch(/href="\/media\/[\w.-]+\.pdf"/);
    const source = await state.t.context.prisma.syndicationSource.findFirstOrThrow({ where: { key: 'test-review' } });
    expect({ seen: source.itemsSeen, added: source.itemsNew, failures: source.consecutiveFailures, error: source.lastError }).toEqual({
      seen: 2,
      added: 2,
      failures: 0,
      error: '',
    });
    expect(source.lastSuccessAt).not.toBeNull();
    // Not due again within the same five minutes.
    expect((await runDueSources(state.t.context, { now: new Date('2026-11-24T02:03:00Z') })).ran).not.toContain('test-review');
  });

  test('S9: a department proposes, the office accepts: the reprint is public with its source and original link', async () => {
    const [first] = await items();
    const refused = await as('jiuzhu', `mutation($id: ID!) { acceptUpstreamItem(where: { id: $id }) { id } }`, { id: first.id });
    expect(refused.errors?.[0].extensions?.code).toBe('SYNDICATION_REFUSED');
    const proposed = await as(
      'jiuzhu',
      `mutation($id: ID!) { proposeUpstreamItem(where: { id: $id }, note: "与我市工作相关") { id status } }`,
      { id: first.id },
    );
    expect(proposed.data?.proposeUpstreamItem.status).toBe('proposed');
    const accepted = await as('bangongshi', `mutation($id: ID!) { acceptUpstreamItem(where: { id: $id }) { id status document { id } } }`, {
      id: first.id,
    });
    expect(accepted.errors).toBeUndefined();
    const docId = accepted.data?.acceptUpstreamItem.document.id;
    const doc = await state.t.context.prisma.document.findUniqueOrThrow({
      where: { id: docId },
      include: { columns: true, inlineMedia: true, attachments: true },
    });
    expect(doc).toMatchObject({
      status: 'published',
      origin: 'reprint',
      disclosure: 'proactive',
      documentNumber: '国发〔2026〕1号',
      issuingAuthority: '国务院',
      sourceName: '测试上游·最新政策',
    });
    expect(doc.confidentialityConclusion).toContain('转载');
    expect(doc.indexNumber).toMatch(/^11530900015183291L\/2026-\d{5}$/);
    expect(doc.columns.map((c: { slug: string }) => c.slug)).toEqual(['gwy']);
    const page = await get(`/documents/${docId}`);
    expect(page.text).toContain('来源：测试上游·最新政策');
    expect(page.text).toContain(`href="${base}/content_1.htm"`);
    expect(page.text).toContain('第1项工作的正文');
    expect((await get('/columns/gwy')).text).toContain('国务院关于第1项工作的通知');
    // The copies are served to the public now that a public document shows them.
    const image = /src="(\/media\/[\w.-]+\.png)"/.exec(page.text)![1];
    expect((await get(image)).status).toBe(200);
    expect(doc.inlineMedia).toHaveLength(1);
    expect(doc.attachments).toHaveLength(1);
    // Copied whole, with their checksum, like every upload (issue 14 #2).
    for (const media of [...doc.inlineMedia, ...doc.attachments] as { sha256: string; file_filename: string }[]) {
      expect(media.sha256).toBe(
        createHash('sha256')
          .update(fs.readFileSync(path.join(process.env.MEDIA_DIR!, media.file_filename)))
          .digest('hex'),
      );
    }
  });

  test('S9: a rejected item is remembered and never comes back', async () => {
    const second = (await items())[1];
    expect(
      (await as('bangongshi', `mutation($id: ID!) { rejectUpstreamItem(where: { id: $id }) { id } }`, { id: second.id })).errors?.[0]
        .message,
    ).toContain('原因');
    const rejected = await as(
      'bangongshi',
      `mutation($id: ID!) { rejectUpstreamItem(where: { id: $id }, reason: "与本地无关") { id status } }`,
      { id: second.id },
    );
    expect(rejected.data?.rejectUpstreamItem.status).toBe('rejected');
    await runSyndicationSource(state.t.context, 'test-review');
    const after = await items();
    expect(after).toHaveLength(2);
    expect(after[1].status).toBe('rejected');
  });

  test('S9: an upstream edit of a reprinted document is flagged, never applied silently; the office applies it', async () => {
    upstream.bodies.set('1', '<p>第1项工作的正文（修订版），请各地认真贯彻落实。</p>');
    const record = await runSyndicationSource(state.t.context, 'test-review');
    expect(record.itemsChanged).toBe(1);
    const flagged = (await items())[0];
    expect(flagged.changedUpstream).toBe(true);
    const docBefore = await state.t.context.prisma.document.findUniqueOrThrow({ where: { id: flagged.documentId ?? '' } });
    expect(docBefore.reprintBody).not.toContain('修订版');
    // The same edit is flagged once.
    expect((await runSyndicationSource(state.t.context, 'test-review')).itemsChanged).toBe(0);
    expect((await get(`/documents/${flagged.documentId}`)).text).not.toContain('修订版');
    const applied = await as('bangongshi', `mutation($id: ID!) { applyChangeUpstreamItem(where: { id: $id }) { id changedUpstream } }`, {
      id: flagged.id,
    });
    expect(applied.data?.applyChangeUpstreamItem.changedUpstream).toBe(false);
    expect((await get(`/documents/${flagged.documentId}`)).text).toContain('修订版');
    expect(await state.t.context.prisma.revision.count({ where: { documentId: flagged.documentId } })).toBe(2);
  });

  test('S9: an auto-publish source publishes at once; an empty list where there were items is an error', async () => {
    upstream.list = [{ TITLE: '国务院关于第3项工作的通知', URL: '/content_3.htm', DOCRELPUBTIME: '2026-11-21' }];
    await createSource('test-auto', 'auto-publish');
    await runSyndicationSource(state.t.context, 'test-auto');
    const item = await state.t.context.prisma.upstreamItem.findFirstOrThrow({ where: { title: '国务院关于第3项工作的通知' } });
    expect(item.status).toBe('reprinted');
    expect((await get('/columns/gwy')).text).toContain('国务院关于第3项工作的通知');

    upstream.list = [];
    const record = await runSyndicationSource(state.t.context, 'test-auto');
    expect(record.ok).toBe(false);
    const source = await state.t.context.prisma.syndicationSource.findFirstOrThrow({ where: { key: 'test-auto' } });
    expect(source.consecutiveFailures).toBe(1);
    expect(source.lastError).not.toBe('');
    expect(source.nextAttemptAfter).not.toBeNull();
  });

  test('S9: the demo sources are the five real ones, disabled and saying why', async () => {
    const demo = await state.t.context.prisma.syndicationSource.findMany({ where: { key: { notIn: ['test-review', 'test-auto'] } } });
    expect(new Set(demo.map((s: { level: string }) => s.level))).toEqual(
      new Set(['state-council', 'province', 'ministry', 'city', 'provincial-department']),
    );
    for (const source of demo) {
      expect(source.enabled).toBe(false);
      expect(source.note).toContain('无法访问互联网');
    }
    // Only the info-construction section manages sources.
    const denied = await as(
      'jiuzhu',
      `mutation { createSyndicationSource(data: { key: "x", name: "x", level: "city", adapter: "feed", listUrls: "https://example.org/feed" }) { id } }`,
    );
    expect(denied.errors?.length).toBeGreaterThan(0);
    const invalid = await as(
      'xinxi',
      `mutation { createSyndicationSource(data: { key: "bad", name: "坏来源", level: "city", adapter: "html-list", listUrls: "not a url", schedule: "every day" }) { id } }`,
    );
    expect(invalid.errors?.[0].message).toMatch(/列表地址|cron/);
  });

  test('S9: a run killed mid-way and run again imports every item exactly once', async () => {
    upstream.list = ['4', '5', '6', '7'].map((id) => ({
      TITLE: `国务院关于第${id}项工作的通知`,
      URL: `/content_${id}.htm`,
      DOCRELPUBTIME: '2026-11-22',
    }));
    for (const id of ['4', '5', '6', '7']) upstream.bodies.set(id, `<p>第${id}项工作的正文。</p>`);
    await createSource('test-crash', 'review');
    // The process dies while saving the third item: one by one, the first two are saved; in a batch
    // (one insert), none is.
    class Dying extends KeystoneSyndicationStore {
      saved = 0;
      override async saveNew(item: SyndicatedItem) {
        if (++this.saved === 3) throw new Error('killed');
        return super.saveNew(item);
      }
    }
    class DyingInBatch extends Dying {
      override async saveNewMany(batch: SyndicatedItem[]) {
        if (batch.length >= 3) throw new Error('killed');
        return super.saveNewMany(batch);
      }
    }
    const source = await state.t.context.prisma.syndicationSource.findFirstOrThrow({ where: { key: 'test-crash' } });
    const config = await sourceConfigOf(source, state.t.context);
    const fetcher = new HttpFetcher({ proxy: false, outbound: loopbackAllowed });
    const count = () =>
      state.t.context.prisma.upstreamItem.count({
        where: { title: { in: ['4', '5', '6', '7'].map((id) => `国务院关于第${id}项工作的通知`) } },
      });
    await expect(runSource(config, { store: new DyingInBatch(state.t.context), fetcher })).rejects.toThrow('killed');
    expect(await count()).toBe(0);
    await expect(runSource(config, { store: oneByOne(new Dying(state.t.context)), fetcher })).rejects.toThrow('killed');
    expect(await count()).toBe(2);
    await runSyndicationSource(state.t.context, 'test-crash');
    await runSyndicationSource(state.t.context, 'test-crash');
    expect(await count()).toBe(4);
  });

  test('S9: an item saved again (two runs at once, or a run repeated) is neither doubled nor an error, queued or published', async () => {
    await createSource('test-twice', 'review');
    const store = new KeystoneSyndicationStore(state.t.context);
    const item = (key: string, policy: SyndicatedItem['policy']): SyndicatedItem => ({
      dedupKey: key,
      sourceKey: 'test-twice',
      sourceName: '测试上游·最新政策',
      sourceLevel: 'state-council',
      targetColumn: 'gwy',
      policy,
      url: `${base}/${key}.htm`,
      listUrl: `${base}/list.json`,
      title: `国务院关于${key}的通知`,
      bodyHtml: '<p>正文。</p>',
      images: [],
      attachments: [],
      contentHash: 'h',
      fetchedAt: new Date('2026-11-24T02:00:00Z'),
    });
    for (const policy of ['review', 'auto-publish'] as const) {
      const key = `twice-${policy}`;
      await store.saveNew(item(key, policy));
      await expect(store.saveNew(item(key, policy))).resolves.toBeUndefined();
      // In a batch with a new item: the new one is saved, the known one left as it is.
      await expect(store.saveNewMany([item(key, policy), item(`${key}-new`, policy)])).resolves.toBeUndefined();
      expect(await state.t.context.prisma.upstreamItem.count({ where: { dedupKey: key } })).toBe(1);
      expect(await state.t.context.prisma.upstreamItem.count({ where: { dedupKey: `${key}-new` } })).toBe(1);
      expect(await state.t.context.prisma.document.count({ where: { title: `国务院关于${key}的通知` } })).toBe(
        policy === 'auto-publish' ? 1 : 0,
      );
      expect(await store.knownItems([key, 'never-seen'])).toEqual(
        new Map([
          [key, { status: policy === 'auto-publish' ? 'reprinted' : 'queued', contentHash: 'h', etag: undefined, lastModified: undefined }],
        ]),
      );
    }
  });

  test('a schedule is due when one of its ticks passed since the last run', () => {
    expect(isDue('0 8 * * *', null, new Date('2026-11-24T00:30:00Z'))).toBe(true);
    expect(isDue('0 8 * * *', new Date('2026-11-23T23:00:00Z'), new Date('2026-11-24T00:30:00Z'))).toBe(true); // 08:00 Beijing = 00:00 UTC
    expect(isDue('0 8 * * *', new Date('2026-11-24T00:10:00Z'), new Date('2026-11-24T00:30:00Z'))).toBe(false);
  });
});

describe('trust #10: a 转载来源 cannot reach this machine or the intranet', () => {
  const source = async (key: string, listUrls: string, policy = 'auto-publish') => {
    const gwy = await state.t.context.prisma.column.findFirstOrThrow({ where: { slug: 'gwy' } });
    return as('xinxi', `mutation($data: SyndicationSourceCreateInput!) { createSyndicationSource(data: $data) { id } }`, {
      data: {
        key,
        name: '内网探测',
        level: 'city',
        adapter: 'json-list',
        listUrls,
        schedule: '*/5 * * * *',
        policy,
        enabled: true,
        targetColumn: { connect: { id: gwy.id } },
      },
    });
  };
  const published = () => state.t.context.prisma.document.count({ where: { status: 'published', origin: 'reprint' } });

  test('trust #10: a list on 127.0.0.1, localhost or 169.254.169.254 is refused when saved, with the reason in Chinese', async () => {
    await setAllowList('');
    for (const url of [
      `${base}/list.json`,
      base.replace('127.0.0.1', 'localhost') + '/graphql',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]:5432/',
    ]) {
      const refused = await source('probe-refused', url);
      expect(refused.errors?.[0].message).toContain('指向本机、内网或保留地址');
      expect(refused.errors?.[0].message).toContain('内网访问白名单');
    }
    // An invalid allow-list is refused too, saying which entry.
    const bad = await as('xinxi', `mutation { updateSiteSettings(data: { outboundAllowList: "10.0.0.0/33" }) { id } }`);
    expect(bad.errors?.[0].message).toContain('“10.0.0.0/33”不是有效的网段');
    // Nobody but the section reads the intranet's layout.
    const anonymous = await as(null, '{ siteSettings { siteName outboundAllowList } }');
    expect(anonymous.data?.siteSettings?.outboundAllowList ?? null).toBeNull();
    await setAllowList('127.0.0.1');
  });

  test('trust #10: a run whose address is refused at connect time records why and publishes nothing', async () => {
    const before = await published();
    upstream.list = [{ TITLE: '内部通讯录', URL: '/content_1.htm', DOCRELPUBTIME: '2026-11-21' }];
    expect((await source('probe-later', `${base}/list.json`)).errors).toBeUndefined();
    upstream.requests.length = 0;
    // The allow-list is withdrawn after the source was saved: the connection itself is refused.
    await setAllowList('');
    const record = await runSyndicationSource(state.t.context, 'probe-later');
    expect(record.ok).toBe(false);
    // The section can still disable it (its address is checked when it is changed, and at every connection).
    const disabled = await as(
      'xinxi',
      `mutation { updateSyndicationSource(where: { key: "probe-later" }, data: { enabled: false }) { enabled } }`,
    );
    expect(disabled.errors).toBeUndefined();
    const moved = await as(
      'xinxi',
      `mutation($u: String!) { updateSyndicationSource(where: { key: "probe-later" }, data: { listUrls: $u }) { id } }`,
      { u: `${base}/list2.json` },
    );
    expect(moved.errors?.[0].message).toContain('指向本机、内网或保留地址');
    const saved = await state.t.context.prisma.syndicationSource.findFirstOrThrow({ where: { key: 'probe-later' } });
    expect(saved.lastError).toContain(`已拒绝访问 ${base}/list.json`);
    expect(saved.consecutiveFailures).toBe(1);
    expect(upstream.requests).toEqual([]);
    expect(await published()).toBe(before);
    await setAllowList('127.0.0.1');
  });

  test('trust #10: an allowed upstream whose detail page redirects to the metadata address: the item fails, nothing is published', async () => {
    const before = await published();
    upstream.list = [{ TITLE: '跳转到元数据', URL: '/redirect-to-metadata', DOCRELPUBTIME: '2026-11-21' }];
    expect((await source('probe-redirect', `${base}/list.json`)).errors).toBeUndefined();
    const record = await runSyndicationSource(state.t.context, 'probe-redirect');
    expect(record.itemFailures[0].message).toContain('已拒绝访问 http://169.254.169.254/latest/meta-data/');
    expect(await published()).toBe(before);
  });
});

describe('trust #17: a 转载来源 is updated field by field', () => {
  test('trust #17: a partial update through GraphQL (only the note, only enabled) keeps every other field and passes validation', async () => {
    // A demo source (the State Council's), as the section finds it in the Admin UI.
    const item = await state.t.context.prisma.syndicationSource.findFirstOrThrow({
      where: { level: 'state-council' },
      orderBy: { key: 'asc' },
    });
    const note = await as(
      'xinxi',
      `mutation($id: ID!) { updateSyndicationSource(where: { id: $id }, data: { note: "核实于 11 月" }) { id note listUrls adapter schedule selectors targetColumn { id } } }`,
      { id: item.id },
    );
    expect(note.errors).toBeUndefined();
    expect(note.data?.updateSyndicationSource).toMatchObject({
      note: '核实于 11 月',
      listUrls: item.listUrls,
      adapter: item.adapter,
      schedule: item.schedule,
      targetColumn: { id: item.targetColumnId },
    });
    const stored = await state.t.context.prisma.syndicationSource.findUnique({ where: { id: item.id } });
    expect({ ...stored, note: item.note, updatedAt: undefined }).toMatchObject({ ...item, updatedAt: undefined });
    const disabled = await as(
      'xinxi',
      `mutation($id: ID!) { updateSyndicationSource(where: { id: $id }, data: { enabled: false }) { enabled } }`,
      { id: item.id },
    );
    expect(disabled.errors).toBeUndefined();
    expect(disabled.data?.updateSyndicationSource.enabled).toBe(false);
    // A partial update that is wrong is still refused, for what it changes.
    const wrong = await as(
      'xinxi',
      `mutation($id: ID!) { updateSyndicationSource(where: { id: $id }, data: { schedule: "every day" }) { id } }`,
      { id: item.id },
    );
    expect(wrong.errors?.[0].message).toMatch(/cron|采集计划/);
  });
});
