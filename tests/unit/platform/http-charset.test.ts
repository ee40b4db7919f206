import { describe, expect, test } from '@jest/globals';
import iconv from 'iconv-lite';
import { charsetFromContentType, declaredCharset, decodeBody, normalizeCharset } from '../../../src/platform/http/charset.js';
import { fixtureBytes } from '../../helpers/syndication-server.js';

const gbk = (text: string): Buffer => iconv.encode(text, 'gbk');

describe('S9 charset detection', () => {
  test('S9: GBK with the charset in the Content-Type header', () => {
    const decoded = decodeBody(gbk('<p>临沧市民政局关于低保的通知</p>'), 'text/html; charset=GBK');
    expect(decoded).toEqual({ text: '<p>临沧市民政局关于低保的通知</p>', charset: 'gb18030', source: 'header' });
  });

  test('S9: GBK declared only in <meta http-equiv>, read as GB18030 (镕, 堃, 喆 are outside GB2312)', () => {
    const decoded = decodeBody(fixtureBytes('trs-detail.gbk.html'), 'text/html');
    expect(decoded.source).toBe('meta');
    expect(decoded.charset).toBe('gb18030');
    expect(decoded.text).toContain('朱镕基同志曾指出');
    expect(decoded.text).toContain('镕、堃、喆');
  });

  test('S9: <meta charset> and quoted header parameters', () => {
    expect(decodeBody(gbk('<meta charset="gb2312"><p>民政</p>'), null).text).toBe('<meta charset="gb2312"><p>民政</p>');
    expect(charsetFromContentType('text/html; charset="gb2312"')).toBe('gb2312');
    expect(charsetFromContentType('application/json')).toBeUndefined();
  });

  test('S9: an XML prolog with encoding="gb2312"', () => {
    const decoded = decodeBody(fixtureBytes('rss-gb2312.gbk.xml'), 'application/xml');
    expect(decoded.source).toBe('xml-prolog');
    expect(decoded.text).toContain('临沧市民政局关于做好冬春救助工作的通知');
    expect(declaredCharset(Buffer.from('<?xml version="1.0" encoding="GBK"?><rss/>'))).toEqual({ charset: 'GBK', source: 'xml-prolog' });
  });

  test('S9: a header that says UTF-8 over GBK bytes is not trusted (garbled reprints)', () => {
    const bytes = gbk('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head><body>社会救助</body></html>');
    const decoded = decodeBody(bytes, 'text/html; charset=utf-8');
    expect(decoded.source).toBe('meta');
    expect(decoded.text).toContain('社会救助');
  });

  test('S9: no declaration at all: UTF-8 when valid, else GB18030', () => {
    expect(decodeBody(Buffer.from('养老服务', 'utf8'))).toEqual({ text: '养老服务', charset: 'utf-8', source: 'utf-8-valid' });
    expect(decodeBody(gbk('养老服务'))).toEqual({ text: '养老服务', charset: 'gb18030', source: 'gb18030-fallback' });
  });

  test('S8: UTF-8 is decoded once and gives the same text as before, whole or cut at the size cap', () => {
    const page = Buffer.from('<html><body>民政服务\u{20BB7}\uFEFF通知</body></html>', 'utf8');
    expect(decodeBody(page, 'text/html; charset=utf-8')).toEqual({ text: iconv.decode(page, 'utf-8'), charset: 'utf-8', source: 'header' });
    expect(decodeBody(page, 'text/html')).toEqual({ text: iconv.decode(page, 'utf-8'), charset: 'utf-8', source: 'utf-8-valid' });
    // Cut inside 通 (3 bytes): the incomplete last character reads as U+FFFD, the rest as UTF-8.
    const cut = page.subarray(0, page.indexOf(Buffer.from('通')) + 2);
    const decoded = decodeBody(cut, 'text/html; charset=utf-8', { truncated: true });
    expect(decoded).toEqual({ text: iconv.decode(cut, 'utf-8'), charset: 'utf-8', source: 'header' });
    expect(decoded.text.endsWith('\uFEFF\uFFFD')).toBe(true);
    // Not cut at the cap, the same bytes are not UTF-8: the header is not trusted.
    expect(decodeBody(cut, 'text/html; charset=utf-8').charset).toBe('gb18030');
  });

  test('a BOM wins over the header; the source override wins over everything', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('婚姻登记', 'utf8')]);
    expect(decodeBody(withBom, 'text/html; charset=gbk')).toEqual({ text: '婚姻登记', charset: 'utf-8', source: 'bom' });
    expect(decodeBody(gbk('殡葬管理'), 'text/html; charset=utf-8', 'GB2312')).toEqual({
      text: '殡葬管理',
      charset: 'gb18030',
      source: 'override',
    });
  });

  test('charset labels are normalised; unknown ones are ignored', () => {
    expect(normalizeCharset('GB2312')).toBe('gb18030');
    expect(normalizeCharset('x-gbk')).toBe('gb18030');
    expect(normalizeCharset('UTF8')).toBe('utf-8');
    expect(normalizeCharset('Big5')).toBe('big5');
    expect(normalizeCharset('klingon')).toBeUndefined();
    expect(decodeBody(Buffer.from('ok'), 'text/plain; charset=klingon').source).toBe('utf-8-valid');
  });
});
