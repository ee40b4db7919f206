import { describe, expect, test } from '@jest/globals';
import { parseChineseDate } from '../../../src/platform/http/dates.js';

const iso = (input: string | number | undefined): string | undefined => parseChineseDate(input)?.toISOString();

describe('S9 dates as Chinese government sites write them (UTC+8)', () => {
  test('S9: 2026-11-20, 2026年11月20日, 2026/11/20 and 2026.11.20 are the same Beijing midnight', () => {
    for (const form of [
      '2026-11-20',
      '2026年11月20日',
      '2026/11/20',
      '2026.11.20',
      '[2026-11-20]',
      '发布时间：2026年11月20日',
      '20261120',
    ]) {
      expect(iso(form)).toBe('2026-11-19T16:00:00.000Z');
    }
    expect(iso('2026年1月5日')).toBe('2026-01-04T16:00:00.000Z');
  });

  test("S9: times, including gov.cn's firstpublishedtime YYYY-MM-DD-HH:mm:ss", () => {
    expect(iso('2026-11-20-17:05:32')).toBe('2026-11-20T09:05:32.000Z');
    expect(iso('2026-11-18 09:30')).toBe('2026-11-18T01:30:00.000Z');
    expect(iso('2026年11月20日 10时30分')).toBe('2026-11-20T02:30:00.000Z');
  });

  test('explicit zones, RFC 822 and epoch milliseconds are honoured', () => {
    expect(iso('2026-11-20T09:15:00+08:00')).toBe('2026-11-20T01:15:00.000Z');
    expect(iso('2026-11-15T16:00:00Z')).toBe('2026-11-15T16:00:00.000Z');
    expect(iso('Fri, 20 Nov 2026 10:30:00 +0800')).toBe('2026-11-20T02:30:00.000Z');
    expect(iso('Wed, 18 Nov 2026 09:00:00 GMT')).toBe('2026-11-18T09:00:00.000Z');
    // Chinese sites mean China Standard Time by CST, not US Central.
    expect(iso('Tue, 17 Nov 2026 08:00:00 CST')).toBe('2026-11-17T00:00:00.000Z');
    expect(iso(1763539200000)).toBe('2025-11-19T08:00:00.000Z');
    expect(iso('1763539200000')).toBe('2025-11-19T08:00:00.000Z');
  });

  test('N7: impossible or missing dates give undefined, never an invented date', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026年11月', '无', '', '   ', undefined, 'Nov 20']) {
      expect(parseChineseDate(bad)).toBeUndefined();
    }
  });
});
