import { describe, expect, test } from '@jest/globals';
import iconv from 'iconv-lite';
import { decodeBody } from '../../../src/platform/http/charset.js';
import { addMonths, daysBetween, findDates, toDay } from '../../../src/platform/http/dates.js';
import { parseRetryAfter as retryAfterMs } from '../../../src/platform/http/client.js';
import { Semaphore, TokenBucket } from '../../../src/platform/http/limiter.js';
import { parseRobots } from '../../../src/monitor/core/robots.js';
import { hostMatches, isOnHosts, normalizeUrl } from '../../../src/monitor/core/url.js';
import { virtualClock } from '../../helpers/monitor-fixtures.js';

describe('robots.txt', () => {
  const ua = 'GongkaiMonitor/1.0';
  test('the * group applies when there is no group for us; longest match wins, Allow wins ties', () => {
    const r = parseRobots('User-agent: *\nDisallow: /admin\nAllow: /admin/public\nDisallow: /*.pdf$\n', ua);
    expect(r.isAllowed('/')).toBe(true);
    expect(r.isAllowed('/admin/x')).toBe(false);
    expect(r.isAllowed('/admin/public/a')).toBe(true);
    expect(r.isAllowed('/a/b.pdf')).toBe(false);
    expect(r.isAllowed('/a/b.pdf?x=1')).toBe(true);
    expect(r.disallowsAll()).toBe(false);
  });
  test('our own group replaces *; several agents can share a group; comments and blank Disallow are ignored', () => {
    const text =
      '# comment\nUser-agent: *\nDisallow: /\n\nUser-agent: Baiduspider\nUser-agent: gongkaimonitor\nDisallow:   # nothing\nDisallow: /tmp\nCrawl-delay: 2\n';
    const r = parseRobots(text, ua);
    expect(r.isAllowed('/news')).toBe(true);
    expect(r.isAllowed('/tmp/1')).toBe(false);
    expect(r.crawlDelaySeconds).toBe(2);
  });
  test('Disallow: / for us is "disallows all"; robots.txt itself stays allowed', () => {
    const r = parseRobots('User-agent: *\nDisallow: /\n', ua);
    expect(r.disallowsAll()).toBe(true);
    expect(r.isAllowed('/robots.txt')).toBe(true);
  });
  test('Chinese paths compare percent-encoded on both sides', () => {
    const r = parseRobots('User-agent: *\nDisallow: /内部/\n', ua);
    expect(r.isAllowed('/%E5%86%85%E9%83%A8/a')).toBe(false);
  });
});

describe('charset detection', () => {
  const text = '临沧市民政局关于开展养老服务的通知';
  test('Content-Type charset wins; gb2312 and gbk decode as GB18030', () => {
    expect(decodeBody(iconv.encode(text, 'gbk'), 'text/html; charset=gb2312')).toEqual({ text, charset: 'gb18030', source: 'header' });
  });
  test('<meta charset> is used when the header has none', () => {
    const body = Buffer.concat([Buffer.from('<meta charset="GBK">'), iconv.encode(text, 'gbk')]);
    expect(decodeBody(body, 'text/html').text).toContain(text);
  });
  test('undeclared UTF-8 stays UTF-8 (a BOM is dropped); undeclared non-UTF-8 falls back to GB18030', () => {
    expect(decodeBody(Buffer.from('\uFEFF' + text), undefined)).toEqual({ text, charset: 'utf-8', source: 'bom' });
    expect(decodeBody(iconv.encode(text, 'gb18030'), undefined)).toEqual({ text, charset: 'gb18030', source: 'gb18030-fallback' });
  });
  test('a UTF-8 body cut inside a character is still read as UTF-8', () => {
    const cut = Buffer.from(text).subarray(0, 10);
    expect(decodeBody(cut, undefined, { truncated: true }).charset).toBe('utf-8');
  });
});

describe('dates', () => {
  test('2026-11-20, 2026年11月20日, 2026/11/20 and 2026.1.5 are found; impossible dates are not', () => {
    expect(findDates('发布：2026-11-20 | 2026年11月2日 | 2026/11/20 | 2026.1.5 | 2026-02-30 | 12026-01-01 | 2026年11-20')).toEqual([
      '2026-11-20',
      '2026-11-02',
      '2026-11-20',
      '2026-01-05',
    ]);
  });
  test('instants are taken as days in China', () => {
    expect(toDay('2026-11-23T17:30:00Z')).toBe('2026-11-24');
    expect(toDay(new Date('2026-11-23T15:00:00Z'))).toBe('2026-11-23');
    expect(daysBetween('2026-11-10', '2026-11-24')).toBe(14);
    expect(addMonths(new Date('2026-01-31T00:00:00Z'), 1).toISOString().slice(0, 10)).toBe('2026-02-28');
  });
});

describe('limits', () => {
  test('the token bucket lets a burst through and then spaces requests', async () => {
    const clock = virtualClock();
    const bucket = new TokenBucket(4, 2, clock);
    const waits = await Promise.all(Array.from({ length: 5 }, () => bucket.take()));
    expect(waits).toEqual([0, 0, 250, 500, 750]);
  });
  test('the semaphore never lets more than max run', async () => {
    const sem = new Semaphore(2);
    let running = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        sem.run(async () => {
          most = Math.max(most, ++running);
          await new Promise((r) => setTimeout(r, 5));
          running--;
        }),
      ),
    );
    expect(most).toBe(2);
  });
  test('Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('120', 0)).toBe(120_000);
    expect(retryAfterMs(new Date(60_000).toUTCString(), 0)).toBe(60_000);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
  });
});

describe('URLs', () => {
  test('fragments are dropped; mailto, javascript and tel are not links to follow', () => {
    expect(normalizeUrl('/a#b', 'http://x.cn/c')).toBe('http://x.cn/a');
    expect(['mailto:a@b.cn', 'javascript:;', 'tel:123', ''].map((u) => normalizeUrl(u, 'http://x.cn/'))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
  test('site hosts with or without port; allowlist suffixes', () => {
    expect(isOnHosts('http://x.cn:8080/a', ['x.cn:8080'])).toBe(true);
    expect(isOnHosts('http://x.cn:9090/a', ['x.cn:8080'])).toBe(false);
    expect(isOnHosts('http://x.cn/a', ['x.cn'])).toBe(true);
    expect(hostMatches('www.yn.gov.cn', ['.gov.cn'])).toBe(true);
    expect(hostMatches('gov.cn.evil.com', ['.gov.cn'])).toBe(false);
  });
});
