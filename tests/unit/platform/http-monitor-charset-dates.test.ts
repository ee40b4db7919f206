import { describe, expect, test } from '@jest/globals';
import iconv from 'iconv-lite';
import { decodeBody } from '../../../src/platform/http/charset.js';
import { findDate, findDates, toDay, toInstant } from '../../../src/platform/http/dates.js';

/*
 * The monitor's charset decoding and date reading, pinned before its HTTP stack and the syndication's
 * become one (the syndication's own are pinned in tests/unit/syndication/{charset,dates}.test.ts).
 */
const text = '临沧市民政局养老服务通知';
const bom = Buffer.from([0xef, 0xbb, 0xbf]);

describe('monitor charset decoding', () => {
  test('S8: GBK and GB18030 four-byte characters under a gbk, gb2312 or gb18030 header decode as GB18030', () => {
    const rare = '𠀀镕堃';
    for (const label of ['gbk', 'GB2312', 'gb18030', '"GBK"']) {
      const decoded = decodeBody(iconv.encode(text + rare, 'gb18030'), `text/html; charset=${label}`);
      expect(decoded.charset).toBe('gb18030');
      expect(decoded.text).toBe(text + rare);
    }
  });

  test('S8: UTF-8 under a UTF-8 header, and undeclared UTF-8 with a BOM (dropped)', () => {
    expect(decodeBody(Buffer.from(text), 'text/html; charset=UTF-8')).toMatchObject({ text, charset: 'utf-8' });
    expect(decodeBody(Buffer.concat([bom, Buffer.from(text)]), 'text/html')).toMatchObject({ text, charset: 'utf-8' });
  });

  test('S8: <meta http-equiv> GBK with no header charset; an unknown header charset is ignored', () => {
    const page = Buffer.concat([
      Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>'),
      iconv.encode(text, 'gbk'),
    ]);
    expect(decodeBody(page, 'text/html').text).toContain(text);
    expect(decodeBody(page, 'text/html; charset=klingon')).toMatchObject({ charset: 'gb18030' });
  });

  test('S8: undeclared GBK falls back to GB18030; undeclared UTF-16 with a BOM is read as UTF-16', () => {
    expect(decodeBody(iconv.encode(`<p>${text}</p>`, 'gbk'), undefined)).toMatchObject({ text: `<p>${text}</p>`, charset: 'gb18030' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    expect(decodeBody(utf16, undefined)).toMatchObject({ text, charset: 'utf-16le' });
  });

  test('S8: a BOM wins over the header (was: the header won and the page was garbled; the stricter syndication order is kept)', () => {
    expect(decodeBody(Buffer.concat([bom, Buffer.from(text)]), 'text/html; charset=gbk')).toMatchObject({ text, charset: 'utf-8' });
  });

  test('S8: a header that says UTF-8 over GBK bytes is not trusted (was: trusted and garbled; the stricter syndication rule is kept)', () => {
    expect(decodeBody(iconv.encode(`<p>${text}</p>`, 'gbk'), 'text/html; charset=utf-8')).toMatchObject({
      text: `<p>${text}</p>`,
      charset: 'gb18030',
    });
  });

  test('S8: short undeclared GBK that scores as high for EUC-KR as for GB18030 is GB18030 (the syndication detector read it as EUC-KR)', () => {
    expect(decodeBody(iconv.encode(text, 'gbk'), 'text/html')).toMatchObject({ text, charset: 'gb18030' });
  });
});

describe('monitor dates', () => {
  test('N2: the day of every date form a list page prints, in order, with impossible ones left out', () => {
    expect(findDates('[2026-11-20] 2026年1月5日 2026/3/9 2026.12.31 2026-02-29 2024-02-29 1899-01-01')).toEqual([
      '2026-11-20',
      '2026-01-05',
      '2026-03-09',
      '2026-12-31',
      '2024-02-29',
    ]);
    expect(findDate('发布日期：2026年11月20日 10:30')).toBe('2026-11-20');
    expect(findDate('无日期')).toBeUndefined();
    // The first valid day, past impossible and untrusted ones (2026-02-30, 2026年11-20).
    expect(findDate('2026-02-30 2026年11-20 2025/7/1 2026-11-20')).toBe('2025-07-01');
  });

  test('N2: toDay reads days, instants (in China), RFC dates and dates inside text', () => {
    expect(toDay('2026-11-20')).toBe('2026-11-20');
    expect(toDay('2026-02-30')).toBeUndefined();
    expect(toDay('2026-11-19T16:30:00Z')).toBe('2026-11-20');
    expect(toDay('Fri, 20 Nov 2026 15:00:00 GMT')).toBe('2026-11-20');
    expect(toDay('Fri, 20 Nov 2026 17:00:00 GMT')).toBe('2026-11-21');
    expect(toDay('发布于2026年11月20日')).toBe('2026-11-20');
    expect(toDay('不是日期')).toBeUndefined();
    expect(toDay(null)).toBeUndefined();
  });

  test('N5: toInstant takes a bare day as midnight in China and an ISO instant as it is', () => {
    expect(toInstant('2026-11-20')?.toISOString()).toBe('2026-11-19T16:00:00.000Z');
    expect(toInstant('2026-11-20T08:00:00+08:00')?.toISOString()).toBe('2026-11-20T00:00:00.000Z');
    expect(toInstant('rubbish')).toBeUndefined();
  });
});
