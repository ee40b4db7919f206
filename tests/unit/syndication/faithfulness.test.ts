import { describe, expect, test } from '@jest/globals';
import iconv from 'iconv-lite';
import { documentBase, parseFeed, parseFeedPage } from '../../../syndication/core/adapters/index.js';
import { decodeBody } from '../../../src/platform/http/charset.js';
import { parseChineseDate } from '../../../src/platform/http/dates.js';
import { extractDetail } from '../../../syndication/core/extract.js';
import { fixtureBytes, fixtureText } from '../../helpers/syndication-server.js';

/*
 * S9: reading upstream feeds and pages as they are really written — one test per shortfall found when
 * the library met a feed-parser conformance corpus and pages made to look like upstream ones.
 */

const page = (text: string, url: string) => ({ text, url });
const iso = (input: string) => parseChineseDate(input)?.toISOString();

describe('S9 feeds: entities, CDATA and markup in titles', () => {
  const feed = () => parseFeedPage(page(fixtureText('entities-cdata.xml'), 'https://mzt.example.gov.cn/rss.xml'));

  test('S9: named HTML entities (&ldquo; &rdquo; &mdash; &hellip; &middot; &nbsp;) are decoded, not left literal', () => {
    const [first] = feed().items;
    expect(first.title).toBe('关于印发“十五五”民政事业发展规划的通知——解读…');
    expect(first.summary).toBe('各州（市）民政局 ：R&D 与“互联网+民政”');
    // The link keeps its query string, the bare & included.
    expect(first.url).toBe('https://mzt.example.gov.cn/tzgg/202611/t20261121_201.html?a=1&b=2');
  });

  test('S9: CDATA in mid-title stays where it stands', () => {
    expect(feed().items[1].title).toBe('关于“十四五”规划的通知');
    // dcterms:issued dates an item without pubDate.
    expect(feed().items[1].publishedAt?.toISOString()).toBe('2026-11-20T00:00:00.000Z');
  });

  test('S9: markup in a title loses the text of <script> and <style>, and an unreadable date gives none', () => {
    const third = feed().items[2];
    expect(third.title).toBe('社会救助工作要点（2026年）');
    expect(third.publishedAt).toBeUndefined();
  });

  test('S9: undeclared entities and a bare & do not reject the feed: every item is read, with a warning naming the problems', () => {
    const { items, warnings } = feed();
    expect(items).toHaveLength(3);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^订阅源不是格式良好的 XML，已容错解析（第 8 行第 \d+ 列：.*&.*）$/);
    expect(warnings[1]).toBe('订阅源使用了未声明的实体 &middot;、&ldquo;、&rdquo;、&mdash;、&hellip; 等 6 个，已按 HTML 实体解读');
  });
});

describe('S9 feeds: Atom xhtml titles, xml:base, Atom 0.3, entries without link or title', () => {
  const items = () => parseFeed(page(fixtureText('atom-xhtml-base.xml'), 'https://feeds.example.gov.cn/atom.xml'));

  test('S9: an xhtml title is read from its elements; an xhtml summary without its script', () => {
    const [first] = items();
    expect(first.title).toBe('关于养老服务体系建设的实施意见');
    expect(first.summary).toBe('为加快构建居家社区机构相协调的养老服务体系');
  });

  test('S9: links resolve against xml:base of the feed, the entry and the link itself (nested)', () => {
    const [first, second] = items();
    // feed base https://www.example.gov.cn/zcwj/ + entry 202611/ + t20261121_301.html
    expect(first.url).toBe('https://www.example.gov.cn/zcwj/202611/t20261121_301.html');
    // entry base replaced by an absolute one, then the link's own sub/
    expect(second.url).toBe('https://www.example.gov.cn/mz/sub/a/302.html');
    expect(second.title).toBe('婚姻登记预约服务调整公告');
  });

  test('S9: named zones (EDT) and dcterms dates are read', () => {
    const [, second, third] = items();
    expect(second.publishedAt?.toISOString()).toBe('2026-11-20T13:00:00.000Z');
    expect(third.publishedAt?.toISOString()).toBe('2026-11-18T16:00:00.000Z');
  });

  test('S9: an entry without a link keeps its id URL as link; one without link and title keeps its content', () => {
    const all = items();
    expect(all).toHaveLength(4);
    expect(all[2]).toMatchObject({
      url: 'https://www.example.gov.cn/zcwj/202611/t20261119_303.html',
      title: '没有链接、以网址为标识的条目',
    });
    expect(all[3].url).toBeUndefined();
    expect(all[3].title).toBe('');
    expect(all[3].upstreamId).toBe('urn:uuid:00000000-0000-0000-0000-000000000304');
    expect(all[3].content).toEqual({
      html: '<p>关于殡葬服务收费标准的公示。全文如下</p><img src="img/304.png" alt="收费表">',
      baseUrl: 'https://www.example.gov.cn/zcwj/',
    });
  });

  test('S9: Atom 0.3 issued and modified dates, escaped-mode titles', () => {
    const old = parseFeed(page(fixtureText('atom03.xml'), 'https://old.example.gov.cn/atom.xml'));
    expect(old.map((i) => [i.title, i.url, i.publishedAt?.toISOString()])).toEqual([
      ['关于<社会组织>年检的通知', 'https://old.example.gov.cn/a/1.html', '2026-11-16T02:00:00.000Z'],
      ['只有修改日期的条目', 'https://old.example.gov.cn/a/2.html', '2026-11-15T10:00:00.000Z'],
    ]);
  });

  test('S9: the document base is the Content-Location when the response has one', () => {
    const base = documentBase({ url: 'https://www.example.gov.cn/feed', headers: { 'content-location': '/zcwj/rss.xml' } });
    expect(base).toBe('https://www.example.gov.cn/zcwj/rss.xml');
    const feed = '<rss><channel><item><title>甲</title><link>202611/1.html</link></item></channel></rss>';
    expect(parseFeed({ text: feed, url: base })[0].url).toBe('https://www.example.gov.cn/zcwj/202611/1.html');
    expect(parseFeedPage({ text: feed, url: 'https://www.example.gov.cn/feed', baseUrl: base }).items[0].url).toBe(
      'https://www.example.gov.cn/zcwj/202611/1.html',
    );
    expect(documentBase({ url: 'https://www.example.gov.cn/feed', headers: {} })).toBe('https://www.example.gov.cn/feed');
  });
});

describe('S9 encodings without a declaration', () => {
  test('S9: UTF-16 without a BOM is recognised by its zero bytes', () => {
    const decoded = decodeBody(fixtureBytes('rss-utf16le-nobom.xml'), 'application/xml');
    expect(decoded).toMatchObject({ charset: 'utf-16le', source: 'byte-pattern' });
    expect(parseFeed(page(decoded.text, 'https://feed.example.gov.cn/rss.xml'))[0].title).toBe(
      '民政部关于进一步加强社会救助家庭经济状况核对工作的通知',
    );
    const be = iconv.encode(
      '<?xml version="1.0"?><rss><channel><item><title>大端</title><link>https://a.gov.cn/1</link></item></channel></rss>',
      'utf-16be',
    );
    expect(decodeBody(be, null)).toMatchObject({ charset: 'utf-16be', source: 'byte-pattern' });
  });

  test('S9: UTF-32 with a BOM is not misread as UTF-16, and without one is recognised too', () => {
    const text = '<?xml version="1.0"?><rss><channel><item><title>三十二位</title></item></channel></rss>';
    const withBom = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x00]), iconv.encode(text, 'utf-32le')]);
    expect(decodeBody(withBom, null)).toMatchObject({ text, charset: 'utf-32le', source: 'bom' });
    expect(decodeBody(iconv.encode(text, 'utf-32be'), null)).toMatchObject({ text, charset: 'utf-32be', source: 'byte-pattern' });
  });

  test('S9: Big5 and Shift_JIS without a declaration are detected, not decoded as GB18030', () => {
    const big5 = decodeBody(fixtureBytes('rss-big5.big5.xml'), 'text/xml');
    expect(big5).toMatchObject({ charset: 'big5', source: 'detected' });
    expect(parseFeed(page(big5.text, 'https://feed.example.gov.cn/rss.xml')).map((i) => i.title)).toEqual([
      '臺灣地區社會福利機構評鑑結果公告',
      '關於長期照顧服務申請流程說明',
    ]);
    const sjis = iconv.encode(
      '<html><body><p>厚生労働省のお知らせ：介護保険制度の見直しについて、ご意見を募集します。</p></body></html>',
      'shift_jis',
    );
    expect(decodeBody(sjis, 'text/html')).toMatchObject({ charset: 'shift_jis', source: 'detected' });
  });

  test('S9: undeclared GBK is still GB18030', () => {
    const gbk = iconv.encode('<p>临沧市民政局关于做好冬春救助工作的通知，请各县（区）民政局认真贯彻落实。</p>', 'gbk');
    expect(decodeBody(gbk, 'text/html')).toMatchObject({ charset: 'gb18030' });
  });
});

describe('S9 dates: strict, named zones, no time', () => {
  test('N7: a date with an unreadable time is no date, never an invented one', () => {
    expect(parseChineseDate('2013-01-28T09:xx:00Z')).toBeUndefined();
    expect(parseChineseDate('2026-11-20 9:xx')).toBeUndefined();
    expect(parseChineseDate('Fri, 20 Nov 2026 10:30:00 XYZ')).toBeUndefined();
    expect(parseChineseDate('Fri, 31 Feb 2026')).toBeUndefined();
  });

  test('S9: RFC 822 named zones (EDT, PST, UT) and dates without a time', () => {
    expect(iso('Fri, 20 Nov 2026 09:00:00 EDT')).toBe('2026-11-20T13:00:00.000Z');
    expect(iso('Fri, 20 Nov 2026 09:00:00 PST')).toBe('2026-11-20T17:00:00.000Z');
    expect(iso('Fri, 20 Nov 2026 09:00 UT')).toBe('2026-11-20T09:00:00.000Z');
    expect(iso('Mon, 28 Jan 2013')).toBe('2013-01-27T16:00:00.000Z');
    expect(iso('28 Jan 13 08:00 GMT')).toBe('2013-01-28T08:00:00.000Z');
    // Chinese sites mean China Standard Time by CST.
    expect(iso('Tue, 17 Nov 2026 08:00:00 CST')).toBe('2026-11-17T00:00:00.000Z');
  });
});

describe('S9 detail pages: national meta tags, then selectors, then defaults', () => {
  test('S9: a TRS page in GB2312: ArticleTitle and PubDate before any selector, the unlabelled 文号 line, ContentSource as 发文机关', () => {
    const { text, charset } = decodeBody(fixtureBytes('trs-wh.gb2312.html'), 'text/html');
    expect(charset).toBe('gb18030');
    // A configured title selector does not override the page's own metadata.
    const detail = extractDetail({ text, url: 'https://mzt.example.gov.cn/tzgg/202611/t20261123_701.html' }, { title: 'h2.tit' });
    expect(detail.title).toBe('云南省民政厅关于做好2026年社会救助兜底保障工作的通知');
    expect(detail.publishedAt?.toISOString()).toBe('2026-11-23T08:20:00.000Z');
    expect(detail.number).toBe('云民发〔2026〕45号');
    expect(detail.issuer).toBe('云南省民政厅');
    expect(detail.bodyHtml).toContain('现就做好社会救助兜底保障工作通知如下');
  });

  test("S9: a number cited inside the body is not taken for the document's own", () => {
    const html =
      '<html><body><h1>关于某事的通知</h1><div class="TRS_UEDITOR"><p>根据民发〔2025〕12号文件精神，现通知如下。</p></div></body></html>';
    expect(extractDetail({ text: html, url: 'https://a.gov.cn/1.html' }).number).toBeUndefined();
  });
});
