/**
 * Breadth-first same-site crawler (S8 daily monitoring). Polite: robots.txt for our user agent and
 * '*', a concurrency limit, a token bucket per host, backoff on 429/503 honouring Retry-After. Bounded:
 * a deadline per request (N1's 15 s), a body cap, a redirect limit, a page budget. After the crawl it
 * fetches a sample of pages as a phone and as a search-engine visitor (N9 cloaking) and checks the
 * outbound links once each (N8, N9). Failures end up on the page or as report notes, never thrown.
 */
import { decodeBody } from '../../platform/http/charset.js';
import { extractPage, extractRedirects, extractText } from './extract.js';
import { Requester, type Fetched } from './http.js';
import type { OutboundPolicy } from '../../platform/http/outbound.js';
import { Semaphore } from '../../platform/http/limiter.js';
import { allowAllRobots, parseRobots, type Robots } from './robots.js';
import {
  systemClock,
  type Clock,
  type CloakProbe,
  type CloakVariant,
  type CrawledPage,
  type CrawlResult,
  type ExternalLinkResult,
  type Note,
  type PageError,
} from './types.js';
import { hostOf, isOnHosts, normalizeUrl, pathAndQuery } from './url.js';

// Header values must be Latin-1: no Chinese here.
export const defaultUserAgent = 'GongkaiMonitor/1.0 (government website monitor; gongkai)';
export const desktopBrowserUA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';
export const mobileBrowserUA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
export const searchEngineReferer = 'https://www.baidu.com/s?wd=%E6%B0%91%E6%94%BF%E5%B1%80';
export const searchSpiderUA = 'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)';

export interface CrawlProgress {
  phase: 'robots' | 'crawl' | 'cloaking' | 'external' | 'done';
  done: number;
  total: number;
  url?: string;
}

export interface CrawlOptions {
  baseUrl: string;
  userAgent?: string;
  /** Page budget (same-site URLs fetched). Default 2000. */
  maxPages?: number;
  /** Same-site requests in flight. Default 4. */
  concurrency?: number;
  /** Per host. Default 5. */
  requestsPerSecond?: number;
  /** Token bucket size. Default 2. */
  burst?: number;
  /** Whole-request deadline. Default 15 000 ms (N1). */
  timeoutMs?: number;
  /** Default 5 MB. */
  maxBodyBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Retries after 429/503. Default 2. */
  maxRetries?: number;
  /** Longest Retry-After waited for. Default 120 000 ms. */
  maxRetryAfterMs?: number;
  /** Backoff base without Retry-After. Default 1000 ms. */
  backoffMs?: number;
  /** Default true. */
  respectRobots?: boolean;
  /** More hosts that are this site (e.g. 'www.example.gov.cn' besides 'example.gov.cn'). */
  siteHosts?: string[];
  external?: {
    enabled?: boolean;
    /** Default 4. */
    concurrency?: number;
    /** Unique outbound URLs checked. Default 300. */
    maxLinks?: number;
    timeoutMs?: number;
    /** Fetch the target's text (N9: re-registered domains). Default true. */
    inspectContent?: boolean;
    /** Default 1 MB. */
    maxInspectBytes?: number;
  };
  cloaking?: {
    enabled?: boolean;
    /** Pages fetched as phone and as search visitor, in crawl order from the home page. Default 20. */
    maxPages?: number;
  };
  keepHtml?: boolean;
  /** Accept invalid HTTPS certificates (they are still noted). Default false. */
  insecure?: boolean;
  /**
   * Which addresses may be reached (issue 14 #10): pages, redirects, robots.txt, outbound links. Default:
   * public addresses and `GONGKAI_OUTBOUND_ALLOW`. The own-site monitor trusts the site's own origin.
   */
  outbound?: OutboundPolicy;
  clock?: Clock;
  signal?: AbortSignal;
  onProgress?: (p: CrawlProgress) => void;
}

const sniffHtml = (body: Buffer) => /<(!doctype html|html|head|body|a\s|div|p>|title)/i.test(body.subarray(0, 2048).toString('latin1'));

/** Crawl a site. Throws only on an invalid base URL. */
export async function crawl(options: CrawlOptions): Promise<CrawlResult> {
  const base = normalizeUrl(options.baseUrl);
  if (!base) throw new TypeError(`Invalid base URL: ${options.baseUrl}`);
  const clock = options.clock ?? systemClock;
  const userAgent = options.userAgent ?? defaultUserAgent;
  const maxPages = options.maxPages ?? 2000;
  const concurrency = options.concurrency ?? 4;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const siteHosts = [hostOf(base), ...(options.siteHosts ?? [])];
  const origin = new URL(base).origin;
  const notes: Note[] = [];
  const startedAt = new Date(clock.now()).toISOString();
  const progress = options.onProgress ?? (() => {});
  const requester = new Requester({
    userAgent,
    timeoutMs,
    maxBodyBytes: options.maxBodyBytes ?? 5 * 1024 * 1024,
    maxRedirects: options.maxRedirects ?? 5,
    maxRetries: options.maxRetries ?? 2,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 120_000,
    backoffMs: options.backoffMs ?? 1000,
    requestsPerSecond: options.requestsPerSecond ?? 5,
    burst: options.burst ?? 2,
    clock,
    signal: options.signal,
    insecure: options.insecure,
    outbound: options.outbound,
  });

  const robotsInfo: CrawlResult['robots'] = { url: `${origin}/robots.txt`, status: null, disallowAll: false, blocked: 0 };
  const stats: CrawlResult['stats'] = { requests: 0, retries: 0, skippedByBudget: 0, externalLinks: 0, externalSkipped: 0 };
  const finish = (pages: CrawledPage[], external: ExternalLinkResult[], cloaking: CloakProbe[]): CrawlResult => {
    progress({ phase: 'done', done: pages.length, total: pages.length });
    stats.requests = requester.requests;
    stats.retries = requester.retries;
    return {
      baseUrl: base,
      siteHosts,
      startedAt,
      finishedAt: new Date(clock.now()).toISOString(),
      pages,
      external,
      cloaking,
      robots: robotsInfo,
      notes,
      stats: { ...stats },
    };
  };

  try {
    // robots.txt ---------------------------------------------------------------------------------
    progress({ phase: 'robots', done: 0, total: 1, url: robotsInfo.url });
    let robots: Robots = allowAllRobots;
    if (options.respectRobots !== false) {
      const res = await requester.fetch(robotsInfo.url, { maxBytes: 512 * 1024, readBody: () => true });
      robotsInfo.status = res.status;
      if (res.status !== null && res.status >= 200 && res.status < 300 && !res.error) {
        robots = parseRobots(decodeBody(res.body, res.headers['content-type']).text, userAgent);
        if (robots.crawlDelaySeconds) {
          requester.buckets.slowDown(hostOf(base), 1 / robots.crawlDelaySeconds);
          notes.push({ code: 'robots-crawl-delay', message: `robots.txt 要求抓取间隔 ${robots.crawlDelaySeconds} 秒，已按此放慢` });
        }
      } else if (res.status === null || res.status >= 500) {
        notes.push({
          code: 'robots-unavailable',
          message: `robots.txt 无法读取（${res.error?.message ?? 'HTTP ' + res.status}），按允许抓取处理`,
          url: robotsInfo.url,
        });
      }
    }
    const allowed = (url: string) => !isOnHosts(url, siteHosts) || robots.isAllowed(pathAndQuery(url));
    if (robots.disallowsAll() || !allowed(base)) {
      robotsInfo.disallowAll = true;
      notes.push({
        code: 'robots-disallow-all',
        message:
          'robots.txt 禁止本监测程序抓取整个网站，本次未检查任何页面。请在 robots.txt 中对监测程序放行（User-agent: GongkaiMonitor / Allow: /），或在本单位网站的监测设置中关闭“遵守 robots.txt”。',
        url: robotsInfo.url,
      });
      return finish([], [], []);
    }

    // Same-site breadth-first crawl ------------------------------------------------------------------
    const pages: CrawledPage[] = [];
    const queue: Array<{ url: string; depth: number; referrer?: string }> = [{ url: base, depth: 0 }];
    let head = 0;
    const known = new Set<string>([base]);
    const overBudget = new Set<string>();
    let active = 0;
    progress({ phase: 'crawl', done: 0, total: 1, url: base });

    const enqueue = (url: string, depth: number, referrer: string) => {
      if (known.has(url) || overBudget.has(url)) return;
      if (!robots.isAllowed(pathAndQuery(url))) {
        known.add(url);
        robotsInfo.blocked++;
        return;
      }
      if (queue.length >= maxPages) {
        overBudget.add(url);
        return;
      }
      known.add(url);
      queue.push({ url, depth, referrer });
    };

    const crawlOne = async (item: { url: string; depth: number; referrer?: string }) => {
      const res = await requester.fetch(item.url, {}, allowed);
      const page = toPage(item, res, siteHosts, clock, options.keepHtml ?? false);
      pages.push(page);
      if (res.redirects.length) for (const hop of res.redirects) if (isOnHosts(hop, siteHosts)) known.add(hop);
      // Links are followed from our own pages only, not from where an offsite redirect ended.
      if (isOnHosts(page.finalUrl, siteHosts))
        for (const link of page.links) if (link.internal) enqueue(link.url, item.depth + 1, item.url);
      progress({ phase: 'crawl', done: pages.length, total: queue.length, url: item.url });
    };

    await new Promise<void>((resolve) => {
      const pump = () => {
        while (active < concurrency && head < queue.length && !options.signal?.aborted) {
          const item = queue[head++];
          active++;
          crawlOne(item)
            .catch((err: unknown) =>
              notes.push({ code: 'crawler-error', message: `抓取时发生内部错误：${(err as Error)?.message ?? err}`, url: item.url }),
            )
            .finally(() => {
              active--;
              pump();
            });
        }
        if (active === 0 && (head >= queue.length || options.signal?.aborted)) resolve();
      };
      pump();
    });
    if (options.signal?.aborted) {
      notes.push({ code: 'aborted', message: '检查被取消，结果不完整' });
      // Pages cut off by the cancellation say nothing about the site.
      for (let i = pages.length - 1; i >= 0; i--) if (pages[i].errors.some((e) => e.code === 'aborted')) pages.splice(i, 1);
    }
    stats.skippedByBudget = overBudget.size;
    if (overBudget.size)
      notes.push({
        code: 'page-budget',
        message: `达到页面上限 ${maxPages}，另有 ${overBudget.size} 个本站网址未检查`,
        count: overBudget.size,
      });
    if (robotsInfo.blocked)
      notes.push({
        code: 'robots-blocked',
        message: `robots.txt 禁止抓取的本站网址 ${robotsInfo.blocked} 个，未检查`,
        count: robotsInfo.blocked,
      });
    for (const page of pages) {
      const first = page.errors[0];
      if (first && ['body-too-large', 'redirect-loop', 'too-many-redirects'].includes(first.code))
        notes.push({ code: `page-${first.code}`, message: first.message, url: page.url });
    }
    // Keep crawl order stable for reports (workers finish out of order).
    const order = new Map(queue.map((q, i) => [q.url, i]));
    pages.sort((a, b) => (order.get(a.url) ?? 0) - (order.get(b.url) ?? 0));
    if (pages[0] && pages[0].status === null) {
      // Refused by the outbound check (issue 14 #10): nothing was checked, which is not the site's fault.
      const refused = pages[0].errors[0]?.code === 'refused-address';
      notes.push({
        code: refused ? 'home-refused' : 'home-unreachable',
        message: `首页${refused ? '不允许访问' : '无法访问'}：${pages[0].errors[0]?.message ?? '无响应'}`,
        url: pages[0].url,
      });
    }

    if (options.signal?.aborted) return finish(pages, [], []);
    const [cloaking, external] = await Promise.all([checkCloaking(pages), checkExternal(pages)]);
    return finish(pages, external, cloaking);

    // ----------------------------------------------------------------------------------------------
    async function checkCloaking(all: CrawledPage[]): Promise<CloakProbe[]> {
      if (options.cloaking?.enabled === false) return [];
      const htmlPages = all.filter((p) => p.isHtml && p.status === 200 && isOnHosts(p.finalUrl, siteHosts));
      const limit = options.cloaking?.maxPages ?? 20;
      // Scripts that look at the visitor's device or origin are always worth a second look.
      const suspicious = htmlPages.filter((p) => p.scripts.some((s) => /navigator\.userAgent|document\.referrer/i.test(s.inline ?? '')));
      const chosen = [...new Set([...htmlPages.slice(0, limit), ...suspicious.slice(0, limit)])];
      const sem = new Semaphore(concurrency);
      let done = 0;
      return Promise.all(
        chosen.map((page) =>
          sem.run(async (): Promise<CloakProbe> => {
            const variants: CloakVariant[] = [];
            for (const [kind, ua, referer] of [
              ['desktop', desktopBrowserUA, undefined],
              ['mobile', mobileBrowserUA, undefined],
              ['search-referrer', desktopBrowserUA, searchEngineReferer],
              // Hijacked pages often show their spam to search spiders only, to rank for it.
              ['spider', searchSpiderUA, undefined],
            ] as const) {
              const res = await requester.fetch(page.url, { userAgent: ua, headers: referer ? { referer } : {}, maxBytes: 1024 * 1024 });
              const html = res.body.length ? decodeBody(res.body, res.headers['content-type'], { truncated: res.truncated }).text : '';
              const facts = html ? extractRedirects(html, res.finalUrl) : { jsRedirects: [] };
              const content = html ? extractText(html, 20_000) : { title: undefined, text: undefined };
              variants.push({
                kind,
                userAgent: ua,
                referer,
                status: res.status,
                finalUrl: res.finalUrl,
                jsRedirects: facts.jsRedirects,
                metaRefresh: facts.metaRefresh,
                title: content.title,
                text: content.text,
                error: res.error,
              });
            }
            progress({ phase: 'cloaking', done: ++done, total: chosen.length, url: page.url });
            return { url: page.url, variants };
          }),
        ),
      );
    }

    async function checkExternal(all: CrawledPage[]): Promise<ExternalLinkResult[]> {
      const ext = options.external ?? {};
      const referrers = new Map<string, string[]>();
      const counts = new Map<string, number>();
      for (const page of all) {
        if (!isOnHosts(page.finalUrl, siteHosts)) continue;
        for (const link of page.links) {
          if (link.internal) continue;
          const list = referrers.get(link.url) ?? [];
          if (!list.includes(page.url)) {
            if (list.length < 5) list.push(page.url);
            counts.set(link.url, (counts.get(link.url) ?? 0) + 1);
          }
          referrers.set(link.url, list);
        }
      }
      stats.externalLinks = referrers.size;
      if (ext.enabled === false || referrers.size === 0) return [];
      const maxLinks = ext.maxLinks ?? 300;
      const urls = [...referrers.keys()].slice(0, maxLinks);
      if (referrers.size > maxLinks) {
        stats.externalSkipped = referrers.size - maxLinks;
        notes.push({
          code: 'external-budget',
          message: `外部链接共 ${referrers.size} 个，只检查了前 ${maxLinks} 个`,
          count: referrers.size - maxLinks,
        });
      }
      const sem = new Semaphore(ext.concurrency ?? 4);
      const inspect = ext.inspectContent !== false;
      const maxInspect = ext.maxInspectBytes ?? 1024 * 1024;
      const extTimeout = ext.timeoutMs ?? timeoutMs;
      const isHtmlType = (ct: string | undefined) => !ct || /html/i.test(ct);
      const rootCache = new Map<string, Promise<string | undefined>>();
      const getText = (res: Fetched) =>
        res.body.length && isHtmlType(res.headers['content-type'] as string | undefined)
          ? extractText(decodeBody(res.body, res.headers['content-type'], { truncated: res.truncated }).text)
          : undefined;
      const rootText = (url: string) => {
        const root = new URL(url).origin + '/';
        let p = rootCache.get(root);
        if (!p) {
          p = requester
            .fetch(root, { timeoutMs: extTimeout, maxBytes: maxInspect, readBody: (_s, ct) => isHtmlType(ct) })
            .then((r) => (r.status !== null && r.status < 400 ? getText(r)?.text : undefined));
          rootCache.set(root, p);
        }
        return p;
      };
      let done = 0;
      return Promise.all(
        urls.map((url) =>
          sem.run(async (): Promise<ExternalLinkResult> => {
            let method: 'HEAD' | 'GET' = 'HEAD';
            let res = await requester.fetch(url, { method: 'HEAD', timeoutMs: extTimeout });
            const headFailed = res.error || res.status === null || res.status >= 400;
            if (headFailed || (inspect && isHtmlType(res.headers['content-type'] as string | undefined))) {
              // Servers that refuse HEAD get a GET; so does every page whose text we inspect.
              method = 'GET';
              res = await requester.fetch(url, {
                timeoutMs: extTimeout,
                maxBytes: maxInspect,
                readBody: (_s, ct) => inspect && isHtmlType(ct),
              });
            }
            const ok = !res.error && res.status !== null && res.status < 400;
            const result: ExternalLinkResult = {
              url,
              finalUrl: res.finalUrl,
              status: res.status,
              method,
              ok,
              error: res.error && res.error.code !== 'body-too-large' ? res.error : undefined,
              elapsedMs: res.elapsedMs,
              referrers: referrers.get(url) ?? [],
              referrerCount: counts.get(url) ?? 0,
            };
            if (inspect) {
              const text = ok ? getText(res) : undefined;
              result.title = text?.title;
              result.text = text?.text;
              if (!text && res.status !== null) result.rootText = await rootText(res.finalUrl);
            }
            progress({ phase: 'external', done: ++done, total: urls.length, url });
            return result;
          }),
        ),
      );
    }
  } finally {
    requester.close();
  }
}

function toPage(
  item: { url: string; depth: number; referrer?: string },
  res: Fetched,
  siteHosts: string[],
  clock: Clock,
  keepHtml: boolean,
): CrawledPage {
  const contentType = (res.headers['content-type'] as string | undefined) ?? undefined;
  const isHtml = contentType ? /text\/html|application\/xhtml\+xml/i.test(contentType) : res.body.length > 0 && sniffHtml(res.body);
  const errors: PageError[] = res.error ? [res.error] : [];
  const page: CrawledPage = {
    url: item.url,
    finalUrl: res.finalUrl,
    status: res.status,
    redirects: res.redirects,
    contentType,
    isHtml,
    depth: item.depth,
    referrer: item.referrer,
    fetchedAt: new Date(clock.now()).toISOString(),
    ttfbMs: res.ttfbMs,
    elapsedMs: res.elapsedMs,
    bytes: res.bytes,
    truncated: res.truncated,
    errors,
    jsRedirects: [],
    text: '',
    links: [],
    scripts: [],
    images: [],
    forms: [],
    labels: [],
  };
  if (isHtml && res.body.length) {
    const { text: html, charset } = decodeBody(res.body, contentType, { truncated: res.truncated });
    page.charset = charset;
    try {
      Object.assign(page, extractPage(html, res.finalUrl, siteHosts));
    } catch (err) {
      // Cheerio is lenient; this is for the unforeseen, so one page cannot end the crawl.
      errors.push({ code: 'network', message: `页面解析失败：${(err as Error).message}` });
    }
    if (keepHtml) page.html = html;
  }
  return page;
}
