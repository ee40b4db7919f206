import { describe, expect, test } from '@jest/globals';
import iconv from 'iconv-lite';
import { decodeBody } from '../../../src/platform/http/charset.js';
import { findDates, parseChineseDate } from '../../../src/platform/http/dates.js';
import { HostLimiter } from '../../../src/platform/http/limiter.js';
import { virtualClock } from '../../helpers/monitor-fixtures.js';

/* The shared HTTP client's parts, where the monitor's and the syndication's uses meet. */
describe('one per-host limiter', () => {
  test('S9: concurrency per host: the third request to a host waits for a slot, another host does not; a slot is given back once', async () => {
    const limiter = new HostLimiter(2);
    const a1 = await limiter.acquire('a:80');
    const a2 = await limiter.acquire('a:80');
    let third = false;
    const waiting = limiter.acquire('a:80').then((release) => {
      third = true;
      return release;
    });
    const b1 = await limiter.acquire('b:80');
    await Promise.resolve();
    expect(third).toBe(false);
    expect(limiter.active('a:80')).toBe(2);
    a1();
    a1(); // a second call gives nothing back twice
    const a3 = await waiting;
    expect(third).toBe(true);
    expect(limiter.active('a:80')).toBe(2);
    for (const release of [a2, a3, b1]) release();
    expect(limiter.active('a:80')).toBe(0);
    expect(limiter.active('b:80')).toBe(0);
  });

  test('S8: rate and concurrency together: a burst of 2, then one every 500 ms, on the virtual clock', async () => {
    const clock = virtualClock();
    const limiter = new HostLimiter({ perHost: 1, ratePerSecond: 2, burst: 2, clock });
    for (let i = 0; i < 4; i++) (await limiter.acquire('a:80'))();
    expect(clock.elapsed()).toBe(1_000);
    limiter.delayUntil('a:80', clock.now() + 5_000);
    (await limiter.acquire('a:80'))();
    expect(clock.elapsed()).toBeGreaterThanOrEqual(5_500);
  });

  test('an invalid concurrency is refused', () => {
    expect(() => new HostLimiter(0)).toThrow(RangeError);
  });
});

describe('one charset decoder for both callers', () => {
  const text = '临沧市民政局';
  test('S9: the override (a source setting) and S8: a body cut at the cap, through the same options', () => {
    expect(decodeBody(iconv.encode(text, 'gbk'), 'text/html; charset=utf-8', { override: 'gbk' })).toMatchObject({
      text,
      charset: 'gb18030',
      source: 'override',
    });
    expect(decodeBody(Buffer.from(text).subarray(0, 8), 'text/html', { truncated: true }).charset).toBe('utf-8');
    // Not cut: an incomplete last character means the bytes are not UTF-8.
    expect(decodeBody(Buffer.from(text).subarray(0, 8), 'text/html').charset).not.toBe('utf-8');
  });
});

describe('one date module', () => {
  test('N2 and S9: a day in text and an upstream date read the same Beijing calendar day', () => {
    for (const form of ['2026-11-20', '2026年11月20日', '2026/11/20', '2026.11.20']) {
      expect(findDates(`发布日期：${form}`)).toEqual(['2026-11-20']);
      expect(parseChineseDate(form)?.toISOString()).toBe('2026-11-19T16:00:00.000Z');
    }
    expect(findDates('2026-02-30')).toEqual([]);
    expect(parseChineseDate('2026-02-30')).toBeUndefined();
  });
});
