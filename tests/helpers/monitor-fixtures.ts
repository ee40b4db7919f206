/**
 * Local fixture sites for the monitor's tests: plain node:http servers on loopback addresses
 * (127.0.0.1 is "our" site, 127.0.0.2 / 127.0.0.3 stand for other hosts), pages built from a small
 * template with the footer N10 expects, and a virtual clock so rate limits and backoff cost no time.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock, CrawlResult, CrawledPage } from '../../src/monitor/core/types.js';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
export type Routes = Record<string, string | Handler>;

export interface Served {
  url: string;
  origin: string;
  host: string;
  port: number;
  /** Requests seen, in order ('METHOD path'). */
  requests: string[];
  /** Most requests in flight at once. */
  maxInFlight: number;
  close(): Promise<void>;
}

/** Serve routes (exact path + query, else path, else '*') on a loopback address; unknown paths are 404. */
export async function serve(routes: Routes, address = '127.0.0.1'): Promise<Served> {
  const sockets = new Set<import('node:net').Socket>();
  let inFlight = 0;
  const served = { requests: [] as string[], maxInFlight: 0 } as Served;
  const server = http.createServer((req, res) => {
    inFlight++;
    served.maxInFlight = Math.max(served.maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    served.requests.push(`${req.method} ${req.url}`);
    const url = new URL(req.url ?? '/', 'http://x');
    const route = routes[url.pathname + url.search] ?? routes[url.pathname] ?? routes['*'];
    if (typeof route === 'function') return route(req, res);
    if (typeof route === 'string') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(req.method === 'HEAD' ? undefined : route);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(req.method === 'HEAD' ? undefined : page({ title: '页面不存在', body: '<p>您访问的页面不存在。</p>' }));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  const { port } = server.address() as AddressInfo;
  served.port = port;
  served.host = `${address}:${port}`;
  served.origin = `http://${address}:${port}`;
  served.url = `${served.origin}/`;
  served.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return served;
}

/** A port on which nothing listens (connection refused). */
export async function deadPort(address = '127.0.0.1'): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A clock whose sleeps return at once and advance virtual time; `slept` records each wait. */
export function virtualClock(start = Date.parse('2026-11-24T02:00:00Z')): Clock & { slept: number[]; elapsed(): number } {
  let t = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => t,
    sleep: async (ms) => {
      slept.push(ms);
      // Concurrent sleepers overlap: time moves to the latest wake-up, not the sum.
      const wake = t + ms;
      await Promise.resolve();
      t = Math.max(t, wake);
    },
    elapsed: () => t - start,
  };
}

/** The day the fixture sites are checked on (Beijing time 10:00, 24 Nov 2026). */
export const NOW = new Date('2026-11-24T02:00:00Z');

/** 'YYYY-MM-DD' `days` before NOW. */
export function daysAgo(days: number): string {
  return new Date(Date.parse('2026-11-24') - days * 86_400_000).toISOString().slice(0, 10);
}

export interface FooterOptions {
  sponsor?: boolean;
  contact?: boolean;
  siteCode?: string | false;
  icp?: boolean;
  police?: boolean;
  mark?: boolean;
  errorReportHref?: string | false;
}

/** The footer N10 expects; each element can be left out. */
export function footer(o: FooterOptions = {}): string {
  const parts = [
    o.sponsor === false ? '' : '<p>主办单位：临沧市民政局</p>',
    o.contact === false ? '' : '<p>联系电话：0883-2123456　地址：临沧市临翔区南塘街</p>',
    o.siteCode === false ? '' : `<span>网站标识码：${o.siteCode ?? '5309000001'}</span>`,
    o.icp === false ? '' : '<span>滇ICP备05003121号</span>',
    o.police === false ? '' : '<span>滇公网安备53090202000117号</span>',
    o.mark === false ? '' : '<span class="dzjg" aria-label="党政机关网站标识">党政机关</span>',
    o.errorReportHref === false ? '' : `<a href="${o.errorReportHref ?? '/zhaocuo'}">我为政府网站找错</a>`,
  ];
  return `<footer>${parts.join('\n')}</footer>`;
}

export interface PageOptions {
  title: string;
  body: string;
  head?: string;
  footer?: FooterOptions | false;
  search?: boolean;
  /** N18 metadata in the head: the site's and a column's (named by the title) unless false; an article's with its date and URL. */
  metadata?: false | { article: { date: string; url: string } };
}

/** The national web-page specification's tags (N18) for a fixture page. */
export function metadataHead(title: string, metadata: PageOptions['metadata']): string {
  if (metadata === false) return '';
  const tag = (name: string, content: string) => `<meta name="${name}" content="${content}">`;
  const tags = [
    tag('SiteName', '临沧市民政局'),
    tag('SiteDomain', 'mzj.lincang.gov.cn'),
    tag('SiteIDCode', '5309000001'),
    tag('ColumnName', title),
    tag('ColumnDescription', `${title}栏目`),
    tag('ColumnKeywords', title),
    tag('ColumnType', '综合'),
  ];
  if (metadata?.article) {
    tags.push(
      tag('ArticleTitle', title),
      tag('PubDate', `${metadata.article.date} 09:00`),
      tag('ContentSource', '临沧市民政局'),
      tag('Keywords', '民政'),
      tag('Author', '临沧市民政局'),
      tag('Description', title),
      tag('Url', metadata.article.url),
    );
  }
  return tags.join('');
}

/** A page of a government site: header with search, body, footer. */
export function page(o: PageOptions): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${o.title} - 临沧市民政局</title>${metadataHead(o.title, o.metadata)}${o.head ?? ''}</head>
<body>
<header><a href="/">临沧市民政局</a>${o.search === false ? '' : '<form action="/search" method="get"><input type="search" name="q"><button>搜索</button></form>'}</header>
<main><h1>${o.title}</h1>
${o.body}
</main>
${o.footer === false ? '' : footer(o.footer ?? {})}
</body></html>`;
}

/** A column list page: dated links to documents. */
export function listPage(
  title: string,
  items: Array<{ href: string; title: string; date: string }>,
  opts: Partial<PageOptions> = {},
): string {
  const list = items.length
    ? `<ul>${items.map((i) => `<li><a href="${i.href}">${i.title}</a> <span>${i.date}</span></li>`).join('')}</ul>`
    : '<ul><li class="empty">暂无内容</li></ul>';
  return page({ title, body: list, ...opts });
}

/** A minimal crawl result for unit tests of checks. */
export function crawlOf(pages: Partial<CrawledPage>[], baseUrl = 'http://127.0.0.1:8080/'): CrawlResult {
  const host = new URL(baseUrl).host;
  return {
    baseUrl,
    siteHosts: [host],
    startedAt: NOW.toISOString(),
    finishedAt: NOW.toISOString(),
    pages: pages.map((p) => ({
      url: baseUrl,
      finalUrl: p.url ?? baseUrl,
      status: 200,
      redirects: [],
      isHtml: true,
      depth: 0,
      fetchedAt: NOW.toISOString(),
      elapsedMs: 5,
      bytes: 100,
      truncated: false,
      errors: [],
      jsRedirects: [],
      text: '',
      links: [],
      scripts: [],
      images: [],
      forms: [],
      labels: [],
      ...p,
    })),
    external: [],
    cloaking: [],
    robots: { url: `${baseUrl}robots.txt`, status: 404, disallowAll: false, blocked: 0 },
    notes: [],
    stats: { requests: pages.length, retries: 0, skippedByBudget: 0, externalLinks: 0, externalSkipped: 0 },
  };
}
