import { afterEach, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { copyAsset } from '../../../syndication/core/assets.js';
import { dedupKey } from '../../../syndication/core/dedup.js';
import { HttpFetcher } from '../../../syndication/core/fetch.js';
import { MemoryStore } from '../../../syndication/core/memory-store.js';
import { runSource, shouldRun, type RunDeps, type SyndicatedItem } from '../../../syndication/core/run.js';
import { rewriteAssetUrls } from '../../../src/platform/content/sanitize.js';
import type { SourceConfig } from '../../../syndication/core/source-config.js';
import { fixtureText, silentLogger, startFixtureServer, type FixtureServer } from '../../helpers/syndication-server.js';
import { loopbackAllowed } from '../../helpers/outbound.js';

const LIST_PATH = '/zhengce/zuixin/ZUIXINZHENGCE.json';
const TEMPLATE_TITLE = '国务院办公厅关于进一步加强困难群众基本生活保障工作的通知';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

interface Entry {
  TITLE: string;
  URL: string;
  DOCRELPUBTIME: string;
}

/** A fake www.gov.cn: the JSON list and detail pages, with ETags, editable by the tests. */
class Upstream {
  list: Entry[] = [];
  /** Served instead of the list JSON when set (an empty list, an error page …). */
  listBody?: string;
  listStatus = 200;
  listHeaders: Record<string, string> = {};
  readonly details = new Map<string, string>();
  readonly detailStatus = new Map<string, number>();

  constructor(readonly server: FixtureServer) {
    this.list = JSON.parse(fixtureText('ZUIXINZHENGCE.json', server.origin)) as Entry[];
    for (const [i, entry] of this.list.entries()) {
      if (entry.TITLE) this.details.set(new URL(entry.URL, server.origin).pathname, detailPage(String(7000001 + i), entry.TITLE));
    }
    server.route(LIST_PATH, (req, res) => {
      if (this.listStatus !== 200) {
        res.writeHead(this.listStatus, this.listHeaders).end();
        return;
      }
      const body = this.listBody ?? JSON.stringify(this.list);
      const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
      if (req.headers['if-none-match'] === etag) res.writeHead(304, { etag }).end();
      else res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', etag }).end(body);
    });
    server.route('*', (req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      if (path.endsWith('.png')) {
        res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
        return;
      }
      const html = this.details.get(path);
      const status = this.detailStatus.get(path) ?? (html ? 200 : 404);
      if (status !== 200 || !html) {
        res.writeHead(status).end();
        return;
      }
      const etag = `"${createHash('sha1').update(html).digest('hex')}"`;
      if (req.headers['if-none-match'] === etag) res.writeHead(304, { etag }).end();
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag }).end(html);
    });
  }

  get listUrl(): string {
    return this.server.url(LIST_PATH);
  }

  /** Detail paths of the listed entries with a title (the ones the adapter keeps). */
  paths(): string[] {
    return this.list.filter((e) => e.TITLE).map((e) => new URL(e.URL, this.server.origin).pathname);
  }

  hits(path: string): number {
    return this.server.requests.filter((r) => r.path.split('?')[0] === path).length;
  }

  addEntry(n: number, title: string): string {
    const path = `/zhengce/content/202611/content_${n}.htm`;
    this.list.unshift({ TITLE: title, URL: this.server.url(path), DOCRELPUBTIME: '2026-11-21' });
    this.details.set(path, detailPage(String(n), title));
    return path;
  }
}

function detailPage(manuscriptId: string, title: string): string {
  return fixtureText('gov-cn-content.htm').replaceAll(TEMPLATE_TITLE, title).replace('content="7000001"', `content="${manuscriptId}"`);
}

const upstreams: Upstream[] = [];

async function upstream(): Promise<Upstream> {
  const u = new Upstream(await startFixtureServer());
  upstreams.push(u);
  return u;
}

afterEach(async () => {
  await Promise.all(upstreams.splice(0).map((u) => u.server.close()));
});

function sourceFor(u: Upstream, overrides: Partial<SourceConfig> = {}): SourceConfig {
  return {
    key: 'gov-cn-zuixin',
    name: '中国政府网·最新政策',
    level: 'state-council',
    adapter: 'json-list',
    listUrls: [u.listUrl],
    detail: {},
    schedule: '15 8-20/2 * * *',
    targetColumn: 'gwy',
    policy: 'review',
    enabled: true,
    allowedHosts: ['127.0.0.1'],
    ...overrides,
  };
}

let clock = new Date('2026-11-21T01:00:00Z');

function deps(store: MemoryStore, extra: Partial<RunDeps> = {}): RunDeps {
  return {
    store,
    fetcher: new HttpFetcher({ retries: 0, proxy: false, outbound: loopbackAllowed, sleep: async () => {} }),
    now: () => clock,
    log: silentLogger,
    ...extra,
  };
}

const keyOf = (u: Upstream, path: string): string => dedupKey('gov-cn-zuixin', { url: u.server.url(path) });

describe('S9 runSource over the in-memory store', () => {
  test('S9: a first run saves every listed document, extracted, sanitized and attributed, for review', async () => {
    const u = await upstream();
    const store = new MemoryStore();
    const record = await runSource(sourceFor(u), deps(store));

    expect(record).toMatchObject({ ok: true, itemsSeen: 5, itemsNew: 5, itemsChanged: 0, itemsSkipped: 0, itemFailures: [] });
    expect(store.items()).toHaveLength(5);
    const first = store.entries.get(keyOf(u, '/zhengce/content/202611/content_7000001.htm'))!;
    expect(first.status).toBe('queued');
    const item: SyndicatedItem = first.item;
    expect(item).toMatchObject({
      sourceKey: 'gov-cn-zuixin',
      sourceName: '中国政府网·最新政策',
      sourceLevel: 'state-council',
      targetColumn: 'gwy',
      policy: 'review',
      url: u.server.url('/zhengce/content/202611/content_7000001.htm'),
      listUrl: u.listUrl,
      upstreamId: '7000001',
      title: TEMPLATE_TITLE,
      number: '国办发〔2026〕41号',
      issuer: '国务院办公厅',
      fetchedAt: clock,
    });
    expect(item.publishedAt?.toISOString()).toBe('2026-11-20T09:05:32.000Z');
    expect(item.writtenAt?.toISOString()).toBe('2026-11-14T16:00:00.000Z');
    expect(item.bodyHtml).toContain('<p class="text-center">国办发〔2026〕41号</p>');
    expect(item.bodyHtml).not.toMatch(/script|onerror|_hmt|evil\.example/);
    expect(item.images).toEqual([{ url: u.server.url('/zhengce/content/202611/W020261120512345678901.png'), alt: '低保标准调整示意图' }]);
    expect(item.attachments).toEqual([
      { url: u.server.url('/zhengce/content/202611/P020261120512345678902.pdf'), name: '困难群众基本生活保障工作任务分工.pdf' },
    ]);
    expect(item.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(item.etag).toMatch(/^"/);

    const state = store.states.get('gov-cn-zuixin')!;
    expect(state).toMatchObject({ consecutiveFailures: 0, itemsSeen: 5, itemsNew: 5, lastSuccessAt: clock, lastRunAt: clock });
    expect(state.lists[u.listUrl]).toMatchObject({ itemCount: 5 });
    expect(state.lists[u.listUrl].etag).toMatch(/^"/);
    expect(store.runs).toHaveLength(1);
  });

  test('S9: a second run saves nothing: the list answers 304 and no detail page is fetched again', async () => {
    const u = await upstream();
    const store = new MemoryStore();
    await runSource(sourceFor(u), deps(store));
    const requestsBefore = u.server.requests.length;
    const second = await runSource(sourceFor(u), deps(store));
    expect(second).toMatchObject({ ok: true, itemsSeen: 0, itemsNew: 0 });
    expect(u.server.requests.length - requestsBefore).toBe(1); // the list only
    expect(u.server.requests.at(-1)!.headers['if-none-match']).toMatch(/^"/);
    expect(store.items()).toHaveLength(5);
  });

  test('S9: when the list changes only the new document is saved; known ones are re-checked with a conditional GET', async () => {
    const u = await upstream();
    const store = new MemoryStore();
    await runSource(sourceFor(u), deps(store));
    const newPath = u.addEntry(7000010, '国务院关于印发《养老服务体系建设规划》的通知');
    const record = await runSource(sourceFor(u), deps(store));
    expect(record).toMatchObject({ ok: true, itemsSeen: 6, itemsNew: 1, itemsChanged: 0, itemsKnown: 5 });
    expect(store.items()).toHaveLength(6);
    expect(store.entries.get(keyOf(u, newPath))!.item.upstreamId).toBe('7000010');
    // Every known page was asked for with its ETag and answered 304.
    const recheck = u.server.requests.filter((r) => r.path === '/zhengce/content/202611/content_7000001.htm').at(-1)!;
    expect(recheck.headers['if-none-match']).toMatch(/^"/);
  });

  test('S9: rejected and deleted items never come back, and their pages are not even fetched', async () => {
    const u = await upstream();
    const store = new MemoryStore();
    await runSource(sourceFor(u), deps(store));
    const [, rejected, deleted] = u.paths();
    store.setStatus(keyOf(u, rejected), 'rejected');
    store.setStatus(keyOf(u, deleted), 'deleted');
    const hitsBefore = [u.hits(rejected), u.hits(deleted)];
    u.addEntry(7000011, '新的一篇'); // bust the list's ETag so every item is looked at
    const record = await runSource(sourceFor(u), deps(store));
    expect(record.itemsNew).toBe(1);
    expect([u.hits(rejected), u.hits(deleted)]).toEqual(hitsBefore);
    expect(store.entries.get(keyOf(u, rejected))!.status).toBe('rejected');
    expect(store.entries.get(keyOf(u, deleted))!.status).toBe('deleted');
    expect(store.items()).toHaveLength(6);
  });

  test('S9: an upstream edit of a reprinted document is flagged once, never overwritten; a re-indented page is not an edit', async () => {
    const u = await upstream();
    const store = new MemoryStore();
    await runSource(sourceFor(u), deps(store));
    const [editedPath, reformattedPath] = u.paths();
    const edited = keyOf(u, editedPath);
    store.setStatus(edited, 'reprinted');
    const original = store.entries.get(edited)!.item.bodyHtml;

    u.details.set(editedPath, u.details.get(editedPath)!.replace('各地要统筹最低生活保障', '各地要在2027年底前统筹最低生活保障'));
    u.details.set(
      reformattedPath,
      u.details
        .get(reformattedPath)!
        .replace('<p>各省、自治区', '\n\n   <p>各省、自治区')
        .replace('</head>', '<meta name="x" content="new template"></head>'),
    );
    u.addEntry(7000012, '新的一篇');
    const record = await runSource(sourceFor(u), deps(store));
    expect(record).toMatchObject({ ok: true, itemsNew: 1, itemsChanged: 1 });

    const entry = store.entries.get(edited)!;
    expect(entry.status).toBe('reprinted');
    expect(entry.item.bodyHtml).toBe(original); // the reprint is untouched
    expect(entry.changes).toHaveLength(1);
    expect(entry.changes[0].bodyHtml).toContain('各地要在2027年底前统筹最低生活保障');
    expect(store.entries.get(keyOf(u, reformattedPath))!.changes).toHaveLength(0);

    u.addEntry(7000013, '又一篇');
    const again = await runSource(sourceFor(u), deps(store));
    expect(again.itemsChanged).toBe(0);
    expect(store.entries.get(edited)!.changes).toHaveLength(1);
  });

  test('S9: a list that parses to nothing after having items is an error (a redesign), not "nothing new"', async () => {
    const u = await upstream();
    const store = new MemoryStore();
    await runSource(sourceFor(u), deps(store));
    u.listBody = '[]';
    const record = await runSource(sourceFor(u), deps(store));
    expect(record.ok).toBe(false);
    expect(record.error).toBe(`列表解析结果为空（上次有 5 条），可能是网站改版，请检查列表选择器或字段名：${u.listUrl}`);
    const state = store.states.get('gov-cn-zuixin')!;
    expect(state).toMatchObject({ consecutiveFailures: 1, lastErrorAt: clock });
    expect(state.nextAttemptAfter?.toISOString()).toBe('2026-11-21T01:15:00.000Z');
    expect(state.lists[u.listUrl].itemCount).toBe(5); // still what it was
    expect(store.items()).toHaveLength(5);
  });

  test('S9: a malformed feed is a clear error, nothing is lost, and the run after the fix carries on without duplicates', async () => {
    const u = await upstream();
    const [a, b] = u.paths();
    const feed = (items: string): string =>
      `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>${items}</channel></rss>`;
    const good = feed(
      `<item><title>甲</title><link>${u.server.url(a)}</link><guid isPermaLink="false">a-1</guid></item><item><title>乙</title><link>${u.server.url(b)}</link><guid isPermaLink="false">b-2</guid></item>`,
    );
    let body = good;
    u.server.route('/rss.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body);
    });
    const source = sourceFor(u, { key: 'rss-source', adapter: 'feed', listUrls: [u.server.url('/rss.xml')] });
    const store = new MemoryStore();
    expect((await runSource(source, deps(store))).itemsNew).toBe(2);

    // Broken beyond recovery: not one item can be read from it.
    body = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>改版中</title></rss>';
    const broken = await runSource(source, deps(store));
    expect(broken.ok).toBe(false);
    expect(broken.error).toMatch(
      /^订阅源格式错误，无法解析出条目（订阅源不是格式良好的 XML，已容错解析（第 1 行第 \d+ 列：.+））：http:\/\/127\.0\.0\.1:\d+\/rss\.xml$/,
    );
    expect(store.items()).toHaveLength(2);
    expect(store.states.get('rss-source')!.consecutiveFailures).toBe(1);

    body = good;
    const fixed = await runSource(source, deps(store));
    expect(fixed).toMatchObject({ ok: true, itemsNew: 0, itemsKnown: 2 });
    expect(store.states.get('rss-source')!.consecutiveFailures).toBe(0);
    expect(store.items().map((i) => i.title)).toEqual([TEMPLATE_TITLE, '国务院关于加快发展银发经济"适老化"改造的意见']);
  });

  test('S9: a crash mid-run (the store fails on item 3) is resumed by the next run without duplicates', async () => {
    const u = await upstream();
    const store = new MemoryStore();
    let saves = 0;
    let crash = true;
    const saveNew = store.saveNew.bind(store);
    store.saveNew = async (item) => {
      if (crash && ++saves === 3) throw new Error('数据库连接中断');
      await saveNew(item);
    };

    await expect(runSource(sourceFor(u), deps(store))).rejects.toThrow('数据库连接中断');
    expect(store.items()).toHaveLength(2);
    expect(store.runs).toHaveLength(0);
    expect(store.states.get('gov-cn-zuixin')).toBeUndefined(); // no ETag kept: the list is read in full again

    crash = false;
    const record = await runSource(sourceFor(u), deps(store));
    expect(record).toMatchObject({ ok: true, itemsNew: 3, itemsKnown: 2 });
    const urls = store.items().map((i) => i.url);
    expect(urls).toHaveLength(5);
    expect(new Set(urls).size).toBe(5);
  });

  test('S9: a failing item is recorded and does not stop the run; the list is read in full next time so it is retried', async () => {
    const u = await upstream();
    const [, missing] = u.paths();
    u.detailStatus.set(missing, 404);
    const store = new MemoryStore();
    const record = await runSource(sourceFor(u), deps(store));
    expect(record.ok).toBe(true);
    expect(record.itemsNew).toBe(4);
    expect(record.itemFailures).toEqual([
      {
        url: u.server.url(missing),
        title: '国务院关于加快发展银发经济"适老化"改造的意见',
        message: `上游网站返回 HTTP 404：${u.server.url(missing)}`,
      },
    ]);
    expect(store.states.get('gov-cn-zuixin')!.lists[u.listUrl].etag).toBeUndefined();

    u.detailStatus.delete(missing);
    const retry = await runSource(sourceFor(u), deps(store));
    expect(retry).toMatchObject({ ok: true, itemsNew: 1, itemFailures: [] });
    expect(store.items()).toHaveLength(5);
  });

  test('S9: when every detail page fails (detail pages redesigned) the run is a failure', async () => {
    const u = await upstream();
    for (const path of u.paths()) u.details.set(path, '<html><body><div class="new-layout"><h2>标题</h2></div></body></html>');
    const record = await runSource(sourceFor(u), deps(new MemoryStore()));
    expect(record.ok).toBe(false);
    expect(record.error).toMatch(/^所有条目均采集失败（5 条），请检查详情页选择器：详情页中找不到/);
  });

  test('N9: a list link to a host outside the source is not followed (a hijacked list)', async () => {
    const u = await upstream();
    u.list.push({ TITLE: '即时比分 娱乐城', URL: 'http://bet365-example.invalid/x.html', DOCRELPUBTIME: '2026-11-20' });
    const store = new MemoryStore();
    const record = await runSource(sourceFor(u), deps(store));
    expect(record).toMatchObject({ ok: true, itemsNew: 5, itemsSkipped: 1 });
    expect(store.items().some((i) => i.title.includes('娱乐城'))).toBe(false);
  });

  test('S9: consecutive failures back off (15, 30, 60 min …), shouldRun waits, a success resets; a long Retry-After is honoured', async () => {
    const u = await upstream();
    const store = new MemoryStore();
    const source = sourceFor(u);
    u.listStatus = 500;
    clock = new Date('2026-11-21T01:00:00Z');
    for (const minutes of [15, 30, 60]) {
      const record = await runSource(source, deps(store));
      expect(record.ok).toBe(false);
      expect(record.error).toBe(`上游网站返回 HTTP 500：${u.listUrl}`);
      expect(record.state.nextAttemptAfter!.getTime() - clock.getTime()).toBe(minutes * 60_000);
    }
    const state = store.states.get(source.key)!;
    expect(state.consecutiveFailures).toBe(3);
    expect(shouldRun(state, new Date(clock.getTime() + 59 * 60_000), source)).toBe(false);
    expect(shouldRun(state, new Date(clock.getTime() + 60 * 60_000), source)).toBe(true);

    u.listStatus = 503;
    u.listHeaders = { 'retry-after': '10800' };
    const limited = await runSource(source, deps(store));
    // The 4th failure's backoff would be 2 h; the server asked for 3 h.
    expect(limited.state.nextAttemptAfter!.getTime() - clock.getTime()).toBe(3 * 60 * 60_000);
    u.listHeaders = { 'retry-after': '36000' };
    const longer = await runSource(source, deps(store));
    expect(longer.state.nextAttemptAfter!.getTime() - clock.getTime()).toBe(10 * 60 * 60_000);

    u.listStatus = 200;
    const ok = await runSource(source, deps(store));
    expect(ok.ok).toBe(true);
    expect(ok.state.consecutiveFailures).toBe(0);
    expect(ok.state.nextAttemptAfter).toBeUndefined();
    expect(ok.state.lastError).toContain('HTTP 503'); // the last error stays visible as history
  });

  test('S9: auto-publish sources are saved as reprinted; localizeAssets copies images and rewrites the body', async () => {
    const u = await upstream();
    const store = new MemoryStore();
    const fetcher = new HttpFetcher({ retries: 0, proxy: false, outbound: loopbackAllowed });
    const copied: string[] = [];
    const record = await runSource(
      sourceFor(u, { policy: 'auto-publish' }),
      deps(store, {
        fetcher,
        localizeAssets: async (item) => {
          const local = new Map<string, string>();
          for (const image of item.images) {
            const asset = await copyAsset(image.url, { fetcher, type: 'image', name: image.alt });
            copied.push(asset.filename);
            local.set(image.url, `/media/syndication/${asset.sha256.slice(0, 12)}.png`);
          }
          return { ...item, bodyHtml: rewriteAssetUrls(item.bodyHtml, item.url, (url) => local.get(url)) };
        },
      }),
    );
    expect(record.itemsNew).toBe(5);
    expect(copied).toHaveLength(5);
    expect(copied[0]).toBe('低保标准调整示意图.png');
    const item = store.items()[0];
    expect(store.entries.get(item.dedupKey)!.status).toBe('reprinted');
    expect(item.bodyHtml).toMatch(/<img src="\/media\/syndication\/[0-9a-f]{12}\.png" alt="低保标准调整示意图" \/>/);
  });

  test('S9: an invalid configuration is recorded as a failed run with the Chinese reasons', async () => {
    const u = await upstream();
    const store = new MemoryStore();
    const record = await runSource(sourceFor(u, { schedule: 'hourly' }), deps(store));
    expect(record.ok).toBe(false);
    expect(record.error).toBe('来源配置无效：schedule：采集计划不是有效的 cron 表达式：hourly');
    expect(u.server.requests).toHaveLength(0);
  });
});
