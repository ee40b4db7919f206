import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import iconv from 'iconv-lite';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { Requester, type RequesterOptions } from '../../../src/monitor/core/http.js';
import { OutboundPolicy } from '../../../src/platform/http/outbound.js';
import { deadPort, serve, virtualClock, type Served } from '../../helpers/monitor-fixtures.js';
import { loopbackAllowed } from '../../helpers/outbound.js';

/*
 * What the monitor's HTTP layer does today, pinned against a local server before the two HTTP stacks
 * become one: error codes and messages, the body cap after decompression, redirects, HEAD, what is
 * sent, and the refusal of this machine's addresses.
 */
let s: Served;
const seen: { path: string; method: string; headers: Record<string, string | string[] | undefined> }[] = [];
// Timers of slow handlers must not keep Jest alive after the servers close.
const later = (ms: number, fn: () => void) => setTimeout(fn, ms).unref();

function requester(o: Partial<RequesterOptions> = {}): Requester {
  return new Requester({
    userAgent: 'gongkai-monitor/test',
    timeoutMs: 2_000,
    maxBodyBytes: 64 * 1024,
    maxRedirects: 3,
    maxRetries: 2,
    maxRetryAfterMs: 60_000,
    backoffMs: 1_000,
    requestsPerSecond: 0,
    burst: 1,
    clock: virtualClock(),
    outbound: loopbackAllowed,
    ...o,
  });
}

beforeAll(async () => {
  s = await serve({
    '*': (req, res) => {
      seen.push({ path: req.url ?? '', method: req.method ?? '', headers: req.headers });
      const path = (req.url ?? '').split('?')[0];
      switch (path) {
        case '/ok':
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<p>民政</p>');
          return;
        case '/gbk':
          res.writeHead(200, { 'content-type': 'text/html; charset=gbk' }).end(iconv.encode('<p>临沧市民政局</p>', 'gbk'));
          return;
        case '/gzip':
          res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync('<p>gzip 正文</p>'));
          return;
        case '/deflate':
          res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'deflate' }).end(deflateSync('<p>deflate 正文</p>'));
          return;
        case '/br':
          res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' }).end(brotliCompressSync('<p>br 正文</p>'));
          return;
        case '/bomb':
          // 1 MB of zeros that travel as about 1 KB: the cap counts what comes out of the decompressor.
          res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(1024 * 1024, 'a')));
          return;
        case '/big':
          res.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.alloc(200 * 1024, 'b'));
          return;
        case '/pdf':
          res.writeHead(200, { 'content-type': 'application/pdf' }).end(Buffer.alloc(1000, 'p'));
          return;
        case '/hang':
          res.writeHead(200, { 'content-type': 'text/html' });
          res.write('<html>');
          return;
        case '/silent':
          return;
        case '/redirect':
          res.writeHead(302, { location: '/ok#fragment' }).end();
          return;
        case '/see-other':
          res.writeHead(303, { location: '/ok' }).end();
          return;
        case '/loop-a':
          res.writeHead(301, { location: '/loop-b' }).end();
          return;
        case '/loop-b':
          res.writeHead(301, { location: '/loop-a' }).end();
          return;
        case '/chain':
          res.writeHead(302, { location: `/chain?n=${Number(new URL(req.url ?? '', 'http://x').searchParams.get('n') ?? 0) + 1}` }).end();
          return;
        case '/to-metadata':
          res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
          return;
        case '/nowhere':
          res.writeHead(302).end();
          return;
        case '/busy':
          res.writeHead(503, { 'retry-after': '3' }).end();
          return;
        case '/busy-long':
          res.writeHead(429, { 'retry-after': '7200' }).end();
          return;
        case '/missing':
          res.writeHead(404, { 'content-type': 'text/html' }).end('<p>没有</p>');
          return;
        case '/slowish':
          later(300, () => res.writeHead(200, { 'content-type': 'text/html' }).end('late'));
          return;
        default:
          res.writeHead(404).end();
      }
    },
  });
});
afterAll(async () => {
  await s.close();
});

const chain = (path: string) => `${s.url}${path.replace(/^\//, '')}`;

describe('monitor HTTP: what is sent and what comes back', () => {
  test('S8: the User-Agent, Accept-Language and Accept-Encoding are sent; the body comes back raw with status and headers', async () => {
    const r = requester();
    const res = await r.fetch(chain('/gbk'));
    r.close();
    expect(res.status).toBe(200);
    expect(res.error).toBeUndefined();
    expect(iconv.decode(res.body, 'gbk')).toBe('<p>临沧市民政局</p>');
    expect(res.headers['content-type']).toBe('text/html; charset=gbk');
    expect(res.finalUrl).toBe(chain('/gbk'));
    const sent = seen.filter((x) => x.path === '/gbk').at(-1);
    expect(sent?.headers['user-agent']).toBe('gongkai-monitor/test');
    expect(sent?.headers['accept-language']).toBe('zh-CN,zh;q=0.9');
    expect(String(sent?.headers['accept-encoding'])).toMatch(/gzip/);
    expect(r.requests).toBe(1);
  });

  test('S8: gzip, deflate and br bodies are decompressed', async () => {
    const r = requester();
    const bodies = await Promise.all(['/gzip', '/deflate', '/br'].map(async (p) => (await r.fetch(chain(p))).body.toString('utf8')));
    r.close();
    expect(bodies).toEqual(['<p>gzip 正文</p>', '<p>deflate 正文</p>', '<p>br 正文</p>']);
  });

  test('S8: a body over the cap keeps the first bytes and ends as body-too-large, counted after decompression', async () => {
    const r = requester({ maxBodyBytes: 64 * 1024 });
    const big = await r.fetch(chain('/big'));
    const bomb = await r.fetch(chain('/bomb'));
    r.close();
    for (const res of [big, bomb]) {
      expect(res.status).toBe(200);
      expect(res.truncated).toBe(true);
      expect(res.bytes).toBe(64 * 1024);
      expect(res.body.length).toBe(64 * 1024);
      expect(res.error).toEqual({ code: 'body-too-large', message: '页面超过 64 KB，只检查了前 64 KB' });
    }
  });

  test('S8: a non-HTML body is not read; HEAD reads no body', async () => {
    const r = requester();
    const pdf = await r.fetch(chain('/pdf'));
    const head = await r.fetch(chain('/ok'), { method: 'HEAD' });
    r.close();
    expect(pdf).toMatchObject({ status: 200, bytes: 0 });
    expect(pdf.body.length).toBe(0);
    expect(head).toMatchObject({ status: 200, bytes: 0 });
    expect(seen.filter((x) => x.path === '/ok' && x.method === 'HEAD')).toHaveLength(1);
  });

  test('N1: one deadline covers headers and body: a page that never finishes and a server that never answers time out', async () => {
    const r = requester({ timeoutMs: 150 });
    const [hang, silent] = await Promise.all([r.fetch(chain('/hang')), r.fetch(chain('/silent'))]);
    r.close();
    expect(hang.status).toBe(200);
    expect(hang.error).toEqual({ code: 'timeout', message: '0.2 秒内未完成加载' });
    expect(silent.status).toBeNull();
    expect(silent.error).toEqual({ code: 'timeout', message: '0.2 秒内未完成加载' });
    expect(silent.elapsedMs).toBeLessThan(1_500);
  });

  test('N1: a per-request timeout overrides the default', async () => {
    const r = requester({ timeoutMs: 5_000 });
    const res = await r.fetch(chain('/slowish'), { timeoutMs: 100 });
    r.close();
    expect(res.error?.code).toBe('timeout');
  });

  test('N8: an error status is returned as it is, with its body, and no error', async () => {
    const r = requester();
    const res = await r.fetch(chain('/missing'));
    r.close();
    expect(res.status).toBe(404);
    expect(res.error).toBeUndefined();
    expect(res.body.toString()).toBe('<p>没有</p>');
  });

  test('N1: a refused connection and a bad URL are page errors, never exceptions', async () => {
    const port = await deadPort();
    const r = requester();
    const refused = await r.fetch(`http://127.0.0.1:${port}/`);
    const bad = await r.fetch('http://exa mple.com/');
    r.close();
    expect(refused.status).toBeNull();
    expect(refused.error).toEqual({ code: 'connection-refused', message: '连接被拒绝（ECONNREFUSED）' });
    expect(bad.error).toEqual({ code: 'invalid-url', message: '网址无效：http://exa mple.com/' });
  });
});

describe('monitor HTTP: redirects', () => {
  test('S8: redirects are followed, the fragment dropped, each hop listed; 303 turns HEAD into GET', async () => {
    const r = requester();
    const res = await r.fetch(chain('/redirect'));
    const other = await r.fetch(chain('/see-other'), { method: 'HEAD' });
    r.close();
    expect(res).toMatchObject({ status: 200, url: chain('/redirect'), finalUrl: chain('/ok'), redirects: [chain('/ok')] });
    expect(res.body.toString()).toBe('<p>民政</p>');
    expect(other).toMatchObject({ status: 200, finalUrl: chain('/ok') });
    expect(other.body.toString()).toBe('<p>民政</p>');
  });

  test('N8: a redirect loop and too many redirects are page errors that name the hops', async () => {
    const r = requester({ maxRedirects: 3 });
    const loop = await r.fetch(chain('/loop-a'));
    const many = await r.fetch(chain('/chain'));
    r.close();
    expect(loop.error).toEqual({
      code: 'redirect-loop',
      message: `重定向循环：${chain('/loop-a')} → ${chain('/loop-b')} → ${chain('/loop-a')}`,
    });
    expect(loop.status).toBe(301);
    expect(many.error).toEqual({ code: 'too-many-redirects', message: '重定向超过 3 次' });
    expect(many.redirects).toHaveLength(3);
  });

  test('S8: a hop the caller refuses (robots.txt) ends the chain at the 3xx; a 3xx without Location is returned as it is', async () => {
    const r = requester();
    const stopped = await r.fetch(chain('/redirect'), {}, () => false);
    const nowhere = await r.fetch(chain('/nowhere'));
    r.close();
    expect(stopped).toMatchObject({ status: 302, finalUrl: chain('/redirect'), redirects: [] });
    expect(stopped.error).toBeUndefined();
    expect(nowhere).toMatchObject({ status: 302, finalUrl: chain('/nowhere') });
    expect(nowhere.error).toBeUndefined();
  });
});

describe('monitor HTTP: politeness', () => {
  test('S8: 503 with Retry-After is waited for on the clock and retried; the host waits, and the retries are counted', async () => {
    const clock = virtualClock();
    const r = requester({ clock, maxRetries: 2 });
    const res = await r.fetch(chain('/busy'));
    r.close();
    expect(clock.slept).toEqual([3_000, 3_000]);
    expect(res.retries).toBe(2);
    expect(r.retries).toBe(2);
    expect(r.requests).toBe(3);
    expect(res.error).toEqual({ code: 'rate-limited', message: '重试 2 次后仍返回 HTTP 503' });
  });

  test('S8: a Retry-After beyond the limit is not waited for', async () => {
    const clock = virtualClock();
    const r = requester({ clock, maxRetryAfterMs: 60_000 });
    const res = await r.fetch(chain('/busy-long'));
    r.close();
    expect(clock.slept).toEqual([]);
    expect(res.error).toEqual({ code: 'rate-limited', message: '服务器要求 7200 秒后重试（HTTP 429），超过等待上限' });
  });

  test('S8: the per-host token bucket spaces requests on the clock; a Crawl-delay slows one host down', async () => {
    const clock = virtualClock();
    const r = requester({ clock, requestsPerSecond: 2, burst: 2 });
    for (let i = 0; i < 4; i++) await r.fetch(chain('/ok'));
    const spaced = clock.elapsed();
    r.buckets.slowDown(new URL(s.url).host, 0.1);
    await r.fetch(chain('/ok'));
    await r.fetch(chain('/ok'));
    r.close();
    // Two in the burst, then one every 500 ms.
    expect(spaced).toBe(1_000);
    expect(clock.elapsed() - spaced).toBeGreaterThanOrEqual(10_000);
  });
});

describe('trust #10: the monitor refuses this machine and the intranet', () => {
  test('trust #10: without an allow-list, 127.0.0.1 and localhost are refused with the reason in Chinese', async () => {
    const r = requester({ outbound: OutboundPolicy.none });
    const literal = await r.fetch(chain('/ok'));
    const named = await r.fetch(chain('/ok').replace('127.0.0.1', 'localhost'));
    r.close();
    expect(literal.status).toBeNull();
    expect(literal.error?.code).toBe('refused-address');
    expect(literal.error?.message).toContain('地址 127.0.0.1 属于本机、内网');
    expect(named.error?.code).toBe('refused-address');
    expect(named.error?.message).toContain('localhost 解析到的地址');
  });

  test('trust #10: an allowed host that redirects to the metadata address is stopped at that hop', async () => {
    const r = requester();
    const res = await r.fetch(chain('/to-metadata'));
    r.close();
    expect(res.redirects).toEqual(['http://169.254.169.254/latest/meta-data/']);
    expect(res.error?.code).toBe('refused-address');
    expect(res.error?.message).toContain('169.254.169.254');
  });
});
