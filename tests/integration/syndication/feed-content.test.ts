import { afterEach, describe, expect, test } from '@jest/globals';
import iconv from 'iconv-lite';
import { HttpFetcher } from '../../../syndication/core/fetch.js';
import { MemoryStore } from '../../../syndication/core/memory-store.js';
import { runSource, type RunDeps } from '../../../syndication/core/run.js';
import type { SourceConfig } from '../../../syndication/core/source-config.js';
import {
  fixtureBytes,
  fixtureText,
  serve,
  silentLogger,
  startFixtureServer,
  type FixtureServer,
} from '../../helpers/syndication-server.js';
import { loopbackAllowed } from '../../helpers/outbound.js';

/*
 * S9: a feed that carries its documents whole (content:encoded), read through a real run: the feed's
 * content stands in for a detail page that answers 404, or is always the body, per source; a feed
 * recovered from errors still brings its items, with a warning on the source's health.
 */

const servers: FixtureServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const clock = new Date('2026-11-24T02:00:00Z');

function deps(store: MemoryStore): RunDeps {
  return {
    store,
    fetcher: new HttpFetcher({ retries: 0, proxy: false, outbound: loopbackAllowed, sleep: async () => {} }),
    now: () => clock,
    log: silentLogger,
  };
}

/** The full-content feed with its links on the fixture server; detail pages answer 404 unless given. */
async function upstream(details: Record<string, string> = {}): Promise<FixtureServer> {
  const server = await startFixtureServer();
  servers.push(server);
  server.route(
    '/rss.xml',
    serve(fixtureText('full-content.xml').replaceAll('https://mzt.example.gov.cn', server.origin), 'application/rss+xml'),
  );
  for (const [path, html] of Object.entries(details)) server.route(path, serve(html, 'text/html; charset=utf-8'));
  return server;
}

function source(server: FixtureServer, overrides: Partial<SourceConfig> = {}): SourceConfig {
  return {
    key: 'mzt-quanwen',
    name: '云南省民政厅·全文',
    level: 'provincial-department',
    adapter: 'feed',
    listUrls: [server.url('/rss.xml')],
    schedule: '0 9 * * *',
    targetColumn: 'smzt',
    policy: 'review',
    enabled: true,
    allowedHosts: ['127.0.0.1'],
    ...overrides,
  };
}

const detailPage = (title: string, number: string) =>
  `<html><head><meta name="ArticleTitle" content="${title}"><meta name="PubDate" content="2026-11-22 09:30"></head><body><h1>${title}</h1><p class="wh">${number}</p><div class="TRS_UEDITOR"><p>详情页正文。</p></div></body></html>`;

describe('S9 feed content as a source', () => {
  test('S9: detail pages answering 404: the feed content is the body (default setting), nothing fails, a warning says so', async () => {
    const server = await upstream();
    const store = new MemoryStore();
    const record = await runSource(source(server), deps(store));
    expect(record).toMatchObject({ ok: true, itemsNew: 3, itemFailures: [] });
    const items = store.items();
    expect(items.map((i) => i.title)).toEqual([
      '关于做好2026年冬春困难群众救助工作的通知',
      '关于开展社会救助政策宣传月活动的通知',
      '临时救助工作规程（修订）已印发',
    ]);
    const [first, , third] = items;
    expect(first.bodyHtml).toContain('为切实保障困难群众温暖过冬');
    expect(first.bodyHtml).not.toContain('track()');
    expect(first.url).toBe(server.url('/qw/202611/t20261122_401.html'));
    // Relative links of the content resolve against the feed's base, as feed readers do.
    expect(first.attachments).toEqual([{ url: server.url('/files/401.pdf'), name: '附件：救助对象统计表.pdf' }]);
    expect(first.publishedAt?.toISOString()).toBe('2026-11-22T02:00:00.000Z');
    // The entry without link or title: its content, attributed to the feed.
    expect(third.url).toBe(server.url('/rss.xml'));
    expect(record.warnings.filter((w) => w.startsWith('详情页不可用，已使用订阅源中的全文'))).toHaveLength(2);
    expect(store.states.get('mzt-quanwen')!.lastWarning).toContain('详情页不可用，已使用订阅源中的全文');
  });

  test('S9: "never": the 404 detail pages fail their items as before (the link-less one too)', async () => {
    const server = await upstream();
    const record = await runSource(source(server, { feedContent: 'never' }), deps(new MemoryStore()));
    expect(record.ok).toBe(false);
    expect(record.itemFailures).toHaveLength(3);
    expect(record.itemFailures[2].message).toBe('条目没有链接，且本来源不使用订阅源全文');
  });

  test('S9: "always": the body is the feed content, while 发文字号 and dates still come from the detail page', async () => {
    const server = await upstream({
      '/qw/202611/t20261122_401.html': detailPage('云南省民政厅关于做好2026年冬春困难群众救助工作的通知', '云民发〔2026〕50号'),
    });
    const store = new MemoryStore();
    const record = await runSource(source(server, { feedContent: 'always' }), deps(store));
    expect(record.itemsNew).toBe(3);
    const [first] = store.items();
    expect(first.bodyHtml).toContain('为切实保障困难群众温暖过冬');
    expect(first.bodyHtml).not.toContain('详情页正文');
    expect(first).toMatchObject({ title: '云南省民政厅关于做好2026年冬春困难群众救助工作的通知', number: '云民发〔2026〕50号' });
    expect(first.publishedAt?.toISOString()).toBe('2026-11-22T01:30:00.000Z');
  });

  test('S9: "on-detail-failure" with a working detail page reprints the detail page', async () => {
    const server = await upstream({ '/qw/202611/t20261122_401.html': detailPage('详情页标题', '云民发〔2026〕51号') });
    const store = new MemoryStore();
    await runSource(source(server), deps(store));
    expect(store.items()[0]).toMatchObject({ title: '详情页标题', number: '云民发〔2026〕51号' });
    expect(store.items()[0].bodyHtml).toContain('详情页正文');
  });
});

describe('S9 recovered feeds and encodings through a run', () => {
  test('S9: a feed with undeclared entities, a bare & and CDATA in mid-title brings its items, and the health warns', async () => {
    const server = await startFixtureServer();
    servers.push(server);
    server.route(
      '/rss.xml',
      serve(fixtureText('entities-cdata.xml').replaceAll('https://mzt.example.gov.cn', server.origin), 'application/rss+xml'),
    );
    server.route('*', serve('<html><body><div class="TRS_UEDITOR"><p>正文</p></div></body></html>', 'text/html; charset=utf-8'));
    const store = new MemoryStore();
    const record = await runSource(source(server, { key: 'entities' }), deps(store));
    expect(record.error).toBeUndefined();
    expect(record).toMatchObject({ ok: true, itemsNew: 3 });
    expect(store.items().map((i) => i.title)).toEqual([
      '关于印发“十五五”民政事业发展规划的通知——解读…',
      '关于“十四五”规划的通知',
      '社会救助工作要点（2026年）',
    ]);
    const state = store.states.get('entities')!;
    expect(state.consecutiveFailures).toBe(0);
    expect(state.lastWarning).toMatch(/订阅源不是格式良好的 XML，已容错解析（第 8 行.*；订阅源使用了未声明的实体 &middot;/);

    // A clean run clears the warning.
    server.route(
      '/rss.xml',
      serve('<rss><channel><item><title>甲</title><link>/a.html</link></item></channel></rss>', 'application/rss+xml'),
    );
    await runSource(source(server, { key: 'entities' }), deps(store));
    expect(store.states.get('entities')!.lastWarning).toBeUndefined();
  });

  test('S9: a Big5 feed served without a charset and a UTF-16 one without a BOM are read', async () => {
    const server = await startFixtureServer();
    servers.push(server);
    // The fixtures' links pointed at this server, each file kept in its own encoding.
    const local = (name: string, charset: string) =>
      iconv.encode(iconv.decode(fixtureBytes(name), charset).replaceAll('https://feed.example.gov.cn', server.origin), charset);
    server.route('/big5.xml', serve(local('rss-big5.big5.xml', 'big5'), 'application/xml'));
    server.route('/u16.xml', serve(local('rss-utf16le-nobom.xml', 'utf-16le'), 'application/xml'));
    server.route('*', serve('<html><body><div class="TRS_UEDITOR"><p>正文</p></div></body></html>', 'text/html; charset=utf-8'));
    const store = new MemoryStore();
    const big5 = await runSource(source(server, { key: 'big5', listUrls: [server.url('/big5.xml')] }), deps(store));
    const u16 = await runSource(source(server, { key: 'u16', listUrls: [server.url('/u16.xml')] }), deps(store));
    expect([big5.itemsNew, u16.itemsNew]).toEqual([2, 1]);
    // The detail pages have no title of their own: the list's, read in the right encoding.
    expect(
      store
        .items()
        .map((i) => i.title)
        .sort(),
    ).toEqual(
      ['關於長期照顧服務申請流程說明', '臺灣地區社會福利機構評鑑結果公告', '民政部关于进一步加强社会救助家庭经济状况核对工作的通知'].sort(),
    );
  });
});
