import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import iconv from 'iconv-lite';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { CookieJar } from 'tough-cookie';
import { extractDetail } from '../../../syndication/core/extract.js';
import { FetchError, HttpFetcher, parseRetryAfter, USER_AGENT, type FetcherOptions } from '../../../syndication/core/fetch.js';
import { fixtureBytes, serve, startFixtureServer, type FixtureServer } from '../../helpers/syndication-server.js';
import { loopbackAllowed } from '../../helpers/outbound.js';
import { OutboundPolicy } from '../../../src/platform/http/outbound.js';
import { copyAsset } from '../../../syndication/core/assets.js';

let server: FixtureServer;
const sleeps: number[] = [];
const NOW = Date.parse('2026-11-20T02:00:00Z');

/** A fetcher whose backoff sleeps are recorded, not slept. */
function fetcher(options: FetcherOptions = {}): HttpFetcher {
  return new HttpFetcher({
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    now: () => NOW,
    random: () => 0,
    proxy: false,
    outbound: loopbackAllowed,
    ...options,
  });
}

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FetchError) return error;
    throw error;
  }
  throw new Error('expected a FetchError');
}

function counter() {
  let count = 0;
  return {
    next: () => ++count,
    get count() {
      return count;
    },
  };
}

beforeAll(async () => {
  server = await startFixtureServer({
    '/utf8': serve('<p>民政</p>', 'text/html; charset=utf-8'),
    '/gbk-header': serve(iconv.encode('<p>临沧市民政局</p>', 'gbk'), 'text/html; charset=GBK'),
    '/trs-detail': serve(fixtureBytes('trs-detail.gbk.html'), 'text/html'),
    '/never': () => {
      // Accepts the request and never answers.
    },
    '/trickle': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('a');
      // Then nothing more: the total timeout must cut it, not an idle timer.
      const timer = setInterval(() => res.write('a'), 50);
      res.on('close', () => clearInterval(timer));
    },
    '/big-declared': serve(Buffer.alloc(4096, 'x'), 'text/plain'),
    '/big-chunked': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      for (let i = 0; i < 10; i++) res.write(Buffer.alloc(512, 'y'));
      res.end();
    },
    '/gzip-bomb': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
      res.end(gzipSync(Buffer.alloc(1024 * 1024, 'z')));
    },
    '/not-found': (_req, res) => {
      res.writeHead(404).end();
    },
    '/conditional': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"' && req.headers['if-modified-since'] === 'Fri, 20 Nov 2026 01:00:00 GMT') {
        res.writeHead(304, { etag: '"v1"' }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', etag: '"v1"', 'last-modified': 'Fri, 20 Nov 2026 01:00:00 GMT' }).end('[]');
    },
    // The ministry's WAF: no cookie → 302 to the same page with the cookie set; without it again → 403.
    '/n152/n165/index.html': (req, res) => {
      const hasCookie = (req.headers.cookie ?? '').includes('https_waf_cookie=ok-123');
      if (hasCookie) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<table class="article"></table>');
      } else {
        res
          .writeHead(302, { location: '/waf/check?next=/n152/n165/index.html', 'set-cookie': 'https_waf_cookie=ok-123; Path=/; HttpOnly' })
          .end();
      }
    },
    '/waf/check': (req, res) => {
      // The second hop must already carry the cookie set on the 302.
      if (!(req.headers.cookie ?? '').includes('https_waf_cookie=ok-123')) {
        res.writeHead(403).end('no cookie');
        return;
      }
      res.writeHead(302, { location: 'http://' + req.headers.host + '/n152/n165/index.html' }).end();
    },
    '/nowhere': (_req, res) => {
      res.writeHead(302).end();
    },
    '/loop': (_req, res) => {
      res.writeHead(302, { location: '/loop' }).end();
    },
  });
});

afterAll(async () => {
  await server.close();
});

describe('S9 polite fetch layer', () => {
  test('S9: the User-Agent names the product (non-ASCII percent-encoded) and the final URL and charset are returned', async () => {
    const result = await fetcher().fetchText(server.url('/utf8'));
    expect(result).toMatchObject({ status: 200, url: server.url('/utf8'), text: '<p>民政</p>', charset: 'utf-8', notModified: false });
    const request = server.requests.filter((r) => r.path === '/utf8').at(-1)!;
    expect(decodeURIComponent(String(request.headers['user-agent']))).toBe(USER_AGENT);
    expect(request.headers['user-agent']).toMatch(/^gongkai\/0\.1 \(\+%E6%94%BF/);
    expect(request.headers['accept-language']).toBe('zh-CN,zh;q=0.9');
  });

  test('S9: GBK decoded from the Content-Type charset', async () => {
    expect((await fetcher().fetchText(server.url('/gbk-header'))).text).toBe('<p>临沧市民政局</p>');
  });

  test('S9: a TRS detail page in GBK, declared only in its <meta>, is fetched and extracted', async () => {
    const page = await fetcher().fetchText(server.url('/trs-detail'));
    expect(page.charset).toBe('gb18030');
    const detail = extractDetail(page, { title: 'meta[name=ArticleTitle]', body: '.trs_editor_view' });
    expect(detail.title).toBe('云南省人民政府关于印发云南省社会救助提质增效行动方案的通知');
    expect(detail.number).toBe('云政发〔2026〕31号');
    expect(detail.bodyHtml).toContain('镕、堃、喆');
    expect(detail.attachments[0]).toEqual({ url: server.url('/P020261118654321.docx'), name: '云南省社会救助提质增效行动方案.docx' });
  });

  test('S9: a server that never answers times out with a Chinese message', async () => {
    const started = performance.now();
    const error = await failure(fetcher({ timeoutMs: 300, retries: 0 }).fetchText(server.url('/never')));
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(`请求超时（0.3 秒）：${server.url('/never')}`);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  test('S9: the timeout covers the whole body, not only the wait for headers', async () => {
    const error = await failure(fetcher({ timeoutMs: 400, retries: 0 }).fetchText(server.url('/trickle')));
    expect(error.kind).toBe('timeout');
  });

  test('S9: a body over the cap is refused, whether declared, chunked or gzip-expanded', async () => {
    const small = fetcher({ maxBytes: 1024, retries: 0 });
    for (const path of ['/big-declared', '/big-chunked', '/gzip-bomb']) {
      const error = await failure(small.fetchText(server.url(path)));
      expect(error.kind).toBe('too-large');
      expect(error.message).toBe(`响应内容超过大小上限（1 KB）：${server.url(path)}`);
      expect(error.retryable).toBe(false);
    }
    expect((await fetcher({ maxBytes: 2 * 1024 * 1024 }).fetchText(server.url('/gzip-bomb'))).text).toHaveLength(1024 * 1024);
  });

  test('S9: deflate and br bodies are decompressed; response headers come back lower-case, repeated ones joined', async () => {
    server.route('/deflate', (_req, res) => {
      res
        .writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-encoding': 'deflate', 'X-Trace': ['a', 'b'] })
        .end(deflateSync('救助'));
    });
    server.route('/br', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-encoding': 'br' }).end(brotliCompressSync('养老'));
    });
    const f = fetcher();
    const deflated = await f.fetchText(server.url('/deflate'));
    expect(deflated.text).toBe('救助');
    expect(deflated.headers['x-trace']).toBe('a, b');
    expect(deflated.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect((await f.fetchText(server.url('/br'))).text).toBe('养老');
    const bytes = await f.fetchBytes(server.url('/br'));
    expect(bytes.bytes.toString('utf8')).toBe('养老');
  });

  test('S9: 5xx is retried with exponential backoff, then succeeds', async () => {
    const hits = counter();
    server.route('/flaky', (_req, res) => {
      if (hits.next() <= 2) res.writeHead(502).end();
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('好了');
    });
    sleeps.length = 0;
    const result = await fetcher({ retries: 3, backoffBaseMs: 1000 }).fetchText(server.url('/flaky'));
    expect(result.text).toBe('好了');
    expect(hits.count).toBe(3);
    expect(sleeps).toEqual([1000, 2000]);
  });

  test('S9: a dropped connection is retried', async () => {
    const hits = counter();
    server.route('/reset', (req, res) => {
      if (hits.next() === 1) req.socket.destroy();
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
    sleeps.length = 0;
    expect((await fetcher().fetchText(server.url('/reset'))).text).toBe('ok');
    expect(sleeps).toEqual([1000]);
  });

  test('S9: retries give up after the configured number, with the attempts counted', async () => {
    server.route('/down', (_req, res) => {
      res.writeHead(500).end();
    });
    sleeps.length = 0;
    const error = await failure(fetcher({ retries: 2, backoffBaseMs: 500 }).fetchText(server.url('/down')));
    expect(error).toMatchObject({ kind: 'http-status', status: 500, attempts: 3 });
    expect(error.message).toBe(`上游网站返回 HTTP 500：${server.url('/down')}`);
    expect(sleeps).toEqual([500, 1000]);
  });

  test('S9: 404 is not retried', async () => {
    sleeps.length = 0;
    const error = await failure(fetcher().fetchText(server.url('/not-found')));
    expect(error).toMatchObject({ kind: 'http-status', status: 404, attempts: 1 });
    expect(sleeps).toEqual([]);
  });

  test('S9: Retry-After in seconds on 429 is honoured instead of the backoff', async () => {
    const hits = counter();
    server.route('/rate-limited', (_req, res) => {
      if (hits.next() === 1) res.writeHead(429, { 'retry-after': '7' }).end();
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
    sleeps.length = 0;
    await fetcher().fetchText(server.url('/rate-limited'));
    expect(sleeps).toEqual([7000]);
  });

  test('S9: Retry-After as an HTTP date on 503 is measured against the injected clock', async () => {
    const hits = counter();
    server.route('/maintenance', (_req, res) => {
      if (hits.next() === 1) res.writeHead(503, { 'retry-after': new Date(NOW + 12_000).toUTCString() }).end();
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
    sleeps.length = 0;
    await fetcher().fetchText(server.url('/maintenance'));
    expect(sleeps).toEqual([12_000]);
  });

  test('S9: a Retry-After beyond the cap fails fast and carries the wait for the scheduler', async () => {
    server.route('/come-back-later', (_req, res) => {
      res.writeHead(503, { 'retry-after': '3600' }).end();
    });
    sleeps.length = 0;
    const error = await failure(fetcher({ maxRetryAfterMs: 60_000 }).fetchText(server.url('/come-back-later')));
    expect(error).toMatchObject({ kind: 'http-status', status: 503, retryAfterMs: 3_600_000, attempts: 1 });
    expect(sleeps).toEqual([]);
  });

  test('S9: conditional GET sends the stored ETag and Last-Modified and reports a 304 as not modified', async () => {
    const f = fetcher();
    const first = await f.fetchText(server.url('/conditional'));
    expect(first).toMatchObject({
      status: 200,
      notModified: false,
      etag: '"v1"',
      lastModified: 'Fri, 20 Nov 2026 01:00:00 GMT',
      text: '[]',
    });
    const second = await f.fetchText(server.url('/conditional'), { etag: first.etag, lastModified: first.lastModified });
    expect(second).toMatchObject({ status: 304, notModified: true, text: '', etag: '"v1"', lastModified: 'Fri, 20 Nov 2026 01:00:00 GMT' });
  });

  test("S9: the ministry's WAF cookie set on a 302 is sent on the next hops and kept for later requests", async () => {
    const f = fetcher();
    const result = await f.fetchText(server.url('/n152/n165/index.html'));
    expect(result.status).toBe(200);
    expect(result.url).toBe(server.url('/n152/n165/index.html'));
    expect(result.text).toContain('table class="article"');
    const before = server.requests.length;
    await f.fetchText(server.url('/n152/n165/index.html'));
    expect(server.requests.length - before).toBe(1); // no redirect dance the second time
    // The same fetcher with a jar that drops cookies is stopped by the WAF: the cookie is what passes.
    const forgetful = new CookieJar();
    (forgetful as unknown as { setCookie: () => Promise<undefined> }).setCookie = async () => undefined;
    const blocked = await failure(fetcher({ cookieJar: forgetful }).fetchText(server.url('/n152/n165/index.html')));
    expect(blocked).toMatchObject({ kind: 'http-status', status: 403 });
  });

  test("S9: more than 5 redirects, a redirect loop (stopped at the first repeat, stricter than before: the monitor's rule), or a redirect to nowhere, is an error", async () => {
    server.route('/chain', (req, res) => {
      const n = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('n') ?? 0);
      res.writeHead(302, { location: `/chain?n=${n + 1}` }).end();
    });
    const before = server.requests.filter((r) => r.path.startsWith('/chain')).length;
    const error = await failure(fetcher().fetchText(server.url('/chain')));
    expect(error.kind).toBe('too-many-redirects');
    expect(error.message).toBe(`重定向次数超过 5 次：${server.url('/chain')}`);
    expect(server.requests.filter((r) => r.path.startsWith('/chain')).length - before).toBe(6);
    const loopsBefore = server.requests.filter((r) => r.path === '/loop').length;
    const loop = await failure(fetcher().fetchText(server.url('/loop')));
    expect(loop.kind).toBe('too-many-redirects');
    expect(loop.message).toBe(`重定向循环：${server.url('/loop')} → ${server.url('/loop')}`);
    expect(server.requests.filter((r) => r.path === '/loop').length - loopsBefore).toBe(1);
    const nowhere = await failure(fetcher().fetchText(server.url('/nowhere')));
    expect(nowhere.message).toBe(`上游网站返回 HTTP 302 但没有给出跳转地址：${server.url('/nowhere')}`);
  });

  test('S9: at most 2 requests in flight per host; other hosts are not held up', async () => {
    const inFlight = new Map<string, number>();
    const peak = new Map<string, number>();
    server.route('/slow', (req, res) => {
      const host = String(req.headers.host).split(':')[0];
      inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
      peak.set(host, Math.max(peak.get(host) ?? 0, inFlight.get(host)!));
      setTimeout(() => {
        inFlight.set(host, inFlight.get(host)! - 1);
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      }, 80);
    });
    const f = fetcher();
    const other = server.url('/slow').replace('127.0.0.1', 'localhost');
    await Promise.all([
      ...Array.from({ length: 6 }, () => f.fetchText(server.url('/slow'))),
      ...Array.from({ length: 3 }, () => f.fetchText(other)),
    ]);
    expect(peak.get('127.0.0.1')).toBe(2);
    expect(peak.get('localhost')).toBe(2);
    expect(f.limiter.active('127.0.0.1')).toBe(0);
  });

  test('S9: a refused connection is a network error; a non-http URL is refused before any request', async () => {
    const closed = await startFixtureServer();
    const url = closed.url('/');
    await closed.close();
    const error = await failure(fetcher({ retries: 0 }).fetchText(url));
    expect(error.kind).toBe('network');
    expect(error.message).toBe(`网络错误（ECONNREFUSED）：${url}`);
    const invalid = await failure(fetcher().fetchText('file:///etc/passwd'));
    expect(invalid.kind).toBe('invalid-url');
    expect(invalid.message).toBe('只支持 http 和 https 网址：file:///etc/passwd');
  });

  test('Retry-After parsing', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(new Date(NOW + 5000).toUTCString(), NOW)).toBe(5000);
    expect(parseRetryAfter(new Date(NOW - 5000).toUTCString(), NOW)).toBe(0);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
  });
});

describe('trust #10: upstream requests never reach this machine or the intranet', () => {
  // A fetcher as production makes it: no allow-list at all.
  const guarded = (options: FetcherOptions = {}) => fetcher({ outbound: OutboundPolicy.none, retries: 2, ...options });
  const requestsTo = (path: string) => server.requests.filter((r) => r.path === path).length;

  test('trust #10: a list on 127.0.0.1 is refused before any byte is sent, with the reason in Chinese, and not retried', async () => {
    server.route('/intranet-secret', serve('{"secret":true}', 'application/json'));
    const error = await failure(guarded().fetchText(server.url('/intranet-secret')));
    expect(error.kind).toBe('refused-address');
    expect(error.retryable).toBe(false);
    expect(error.attempts).toBe(1);
    expect(error.message).toContain(`已拒绝访问 ${server.url('/intranet-secret')}`);
    expect(error.message).toContain('内网访问白名单');
    expect(requestsTo('/intranet-secret')).toBe(0);
  });

  test('trust #10: a name that resolves to 127.0.0.1 (localhost) is refused after DNS, like the address', async () => {
    const url = server.url('/intranet-secret').replace('127.0.0.1', 'localhost');
    const error = await failure(guarded().fetchText(url));
    expect(error.kind).toBe('refused-address');
    expect(error.message).toMatch(/localhost 解析到的地址 (127\.0\.0\.1|::1)/);
    expect(requestsTo('/intranet-secret')).toBe(0);
  });

  test('trust #10: the metadata address, IPv6 loopback and IPv4-mapped IPv6 are refused', async () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      'http://100.100.100.200/latest/meta-data/',
      `http://[::1]:${new URL(server.origin).port}/`,
      `http://[::ffff:127.0.0.1]:${new URL(server.origin).port}/`,
      'http://10.0.0.1/',
      'http://[fd00::1]/',
    ]) {
      expect(await failure(guarded({ timeoutMs: 2000 }).fetchBytes(url))).toMatchObject({ kind: 'refused-address' });
    }
  });

  test('trust #10: an allowed host that redirects to a refused one is stopped at that hop', async () => {
    // Only 127.0.0.1 is on the allow-list (an intranet mirror of the upstream, say); the redirect goes elsewhere.
    const onlyThisHost = OutboundPolicy.parse('127.0.0.1');
    server.route('/to-metadata', (_req, res) => void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/iam' }).end());
    server.route(
      '/to-other-loopback',
      (_req, res) => void res.writeHead(302, { location: server.url('/intranet-secret').replace('127.0.0.1', '127.0.0.2') }).end(),
    );
    const toMetadata = await failure(guarded({ outbound: onlyThisHost }).fetchText(server.url('/to-metadata')));
    expect(toMetadata).toMatchObject({ kind: 'refused-address', url: 'http://169.254.169.254/latest/meta-data/iam' });
    expect(toMetadata.message).toContain('169.254.169.254');
    const toOther = await failure(guarded({ outbound: onlyThisHost }).fetchText(server.url('/to-other-loopback')));
    expect(toOther.kind).toBe('refused-address');
    expect(requestsTo('/intranet-secret')).toBe(0);
    // The allow-list itself works: the allowed host is fetched.
    expect((await guarded({ outbound: onlyThisHost }).fetchText(server.url('/utf8'))).text).toBe('<p>民政</p>');
  });

  test('trust #10: an image or attachment on a refused address is not copied', async () => {
    await expect(copyAsset('http://127.0.0.1:9/x.png', { fetcher: guarded(), type: 'image' })).rejects.toMatchObject({
      kind: 'refused-address',
    });
  });
});
