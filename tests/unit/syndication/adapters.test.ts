import { describe, expect, test } from '@jest/globals';
import {
  parseFeed,
  parseFeedPage,
  parseGovSearchApi,
  parseHtmlList,
  parseJsonList,
  parseList,
} from '../../../syndication/core/adapters/index.js';
import { decodeXmlEntities } from '../../../syndication/core/adapters/entities.js';
import { decodeBody } from '../../../src/platform/http/charset.js';
import { SyndicationError } from '../../../syndication/core/errors.js';
import { fixtureBytes, fixtureText } from '../../helpers/syndication-server.js';

const page = (text: string, url: string) => ({ text, url });

describe('S9 feed adapter (RSS 2.0, Atom, RDF)', () => {
  test('S9: RSS 2.0 items with guid kept as a string, entities, CDATA, relative links and CST dates', () => {
    const items = parseFeed(page(fixtureText('rss2.xml'), 'https://mzt.example.gov.cn/rss.xml'));
    expect(items).toHaveLength(3); // the item without any link is skipped
    expect(items[0]).toEqual({
      url: 'https://mzt.example.gov.cn/tzgg/202611/t20261120_001.html',
      title: '关于开展“民政服务进万家” & 志愿服务活动的通知',
      upstreamId: '00123',
      publishedAt: new Date('2026-11-20T02:30:00Z'),
      summary: '各州（市）民政局：为深入开展 志愿服务 & 关爱活动……',
      issuer: '省民政厅办公室',
      content: { html: '<p>全文</p>', baseUrl: 'https://mzt.example.gov.cn/rss.xml' },
    });
    expect(items[1].title).toBe('临沧市低保标准公示');
    expect(items[1].url).toBe('https://mzt.example.gov.cn/tzgg/202611/t20261118_002.html');
    expect(items[1].upstreamId).toBeUndefined();
    expect(items[2].url).toBe('https://mzt.example.gov.cn/tzgg/202611/t20261117_003.html');
    expect(items[2].publishedAt?.toISOString()).toBe('2026-11-17T00:00:00.000Z');
  });

  test('S9: Atom entries: the alternate link, html titles as text, published before updated', () => {
    const items = parseFeed(page(fixtureText('atom.xml'), 'https://www.example.gov.cn/zcwj/atom.xml'));
    expect(items).toEqual([
      {
        url: 'https://www.example.gov.cn/zcwj/202611/t20261120_101.html',
        title: '某市人民政府办公室关于印发养老服务体系建设方案的通知',
        upstreamId: 'urn:uuid:1f0c8c3a-6a3e-4b8e-9a0d-000000000101',
        publishedAt: new Date('2026-11-20T01:15:00Z'),
        summary: '为加快构建居家社区机构相协调的养老服务体系……',
        issuer: '某市人民政府办公室',
      },
      {
        url: 'https://www.example.gov.cn/zcwj/202611/t20261115_102.html',
        title: '某市民政局关于2026年度社会组织年检结果的公告',
        upstreamId: 'urn:uuid:1f0c8c3a-6a3e-4b8e-9a0d-000000000102',
        publishedAt: new Date('2026-11-15T16:00:00Z'),
      },
    ]);
  });

  test('S9: RDF (RSS 1.0) items are siblings of the channel, dated by dc:date', () => {
    const items = parseFeed(page(fixtureText('rdf.xml'), 'https://rdf.example.gov.cn/index.rdf'));
    expect(items.map((i) => [i.title, i.url, i.upstreamId, i.publishedAt?.toISOString()])).toEqual([
      [
        '关于殡葬服务收费公示的公告',
        'https://rdf.example.gov.cn/a/1.html',
        'https://rdf.example.gov.cn/a/1.html',
        '2026-11-19T00:00:00.000Z',
      ],
      [
        '关于婚姻登记预约服务调整的公告',
        'https://rdf.example.gov.cn/a/2.html',
        'https://rdf.example.gov.cn/a/2.html',
        '2026-11-17T16:00:00.000Z',
      ],
    ]);
    expect(items[0].issuer).toBe('某部门');
  });

  test('S9: a feed in GB2312 (XML prolog) decodes and parses', () => {
    const { text } = decodeBody(fixtureBytes('rss-gb2312.gbk.xml'), 'text/xml');
    expect(parseFeed(page(text, 'http://www.lincang.example.gov.cn/rss.xml'))[0].title).toBe('临沧市民政局关于做好冬春救助工作的通知');
  });

  test('S9: a malformed feed is recovered: its items are read and the warning names line and column', () => {
    const { items, warnings } = parseFeedPage(page(fixtureText('malformed.xml'), 'https://mzt.example.gov.cn/rss.xml'));
    expect(items.map((i) => [i.title, i.url])).toEqual([['未闭合的条目', 'https://mzt.example.gov.cn/tzgg/1.html']]);
    expect(warnings).toEqual([expect.stringMatching(/^订阅源不是格式良好的 XML，已容错解析（第 8 行第 \d+ 列：.*）$/)]);
  });

  test('S9: a malformed feed that yields no item is a clear Chinese error naming line and column', () => {
    const parse = () =>
      parseFeed(page('<?xml version="1.0"?><rss><channel><title>改版</title></rss>', 'https://mzt.example.gov.cn/rss.xml'));
    expect(parse).toThrow(SyndicationError);
    expect(parse).toThrow(
      /^订阅源格式错误，无法解析出条目（订阅源不是格式良好的 XML，已容错解析（第 1 行第 \d+ 列：.*））：https:\/\/mzt\.example\.gov\.cn\/rss\.xml$/,
    );
    try {
      parse();
    } catch (error) {
      expect((error as SyndicationError).kind).toBe('malformed-feed');
    }
  });

  test('S9: well-formed XML that is not a feed, and an HTML error page, are refused', () => {
    expect(() => parseFeed(page('<?xml version="1.0"?><html><body>维护中</body></html>', 'https://x.gov.cn/rss'))).toThrow(
      '无法识别的订阅源格式',
    );
    expect(() => parseFeed(page('<html><body><p>系统维护<br></body></html>', 'https://x.gov.cn/rss'))).toThrow('订阅源格式错误');
  });

  test('S9: entities declared in a DOCTYPE are never expanded (billion laughs)', () => {
    const started = performance.now();
    const items = parseFeed(page(fixtureText('entity-bomb.xml'), 'https://bomb.example.gov.cn/rss'));
    expect(items[0].title).toBe('炸弹 &lol9;');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('entity decoding is one pass, knows the HTML named entities and ignores invalid code points', () => {
    expect(decodeXmlEntities('&amp;lt; &#20013;&#x6587; &quot;x&apos; &nbsp;&copy; &#0; &#xD800; &unknownentity; R&D')).toBe(
      '&lt; 中文 "x\' \u00a0© \uFFFD \uFFFD &unknownentity; R&D',
    );
  });
});

describe('S9 JSON list adapter', () => {
  test('S9: gov.cn ZUIXINZHENGCE.json with default fields; relative URLs resolved; untitled entries skipped', () => {
    const items = parseJsonList(page(fixtureText('ZUIXINZHENGCE.json'), 'https://www.gov.cn/zhengce/zuixin/ZUIXINZHENGCE.json'));
    expect(items).toHaveLength(5);
    expect(items[0]).toEqual({
      url: 'https://www.gov.cn/zhengce/content/202611/content_7000001.htm',
      title: '国务院办公厅关于进一步加强困难群众基本生活保障工作的通知',
      publishedAt: new Date('2026-11-19T16:00:00Z'),
    });
    expect(items[1].title).toBe('国务院关于加快发展银发经济"适老化"改造的意见');
    expect(items[2].url).toBe('https://www.gov.cn/zhengce/content/202611/content_7000003.htm');
  });

  test('S9: configured field names and a path to the array', () => {
    const json = JSON.stringify({ data: { rows: [{ bt: '通知', lj: 'a/1.html', rq: '2026年11月3日', id: 42, wh: '民发〔2026〕9号' }] } });
    const items = parseJsonList(page(json, 'https://x.gov.cn/list/data.json'), {
      items: 'data.rows',
      title: 'bt',
      url: 'lj',
      publishedAt: 'rq',
      id: 'id',
      number: 'wh',
    });
    expect(items).toEqual([
      {
        url: 'https://x.gov.cn/list/a/1.html',
        title: '通知',
        publishedAt: new Date('2026-11-02T16:00:00Z'),
        upstreamId: '42',
        number: '民发〔2026〕9号',
      },
    ]);
  });

  test('S9: JSON that does not parse, or without an array, is a clear error', () => {
    expect(() => parseJsonList(page('<html>502 Bad Gateway</html>', 'https://www.gov.cn/x.json'))).toThrow(
      /^JSON 列表无法解析（https:\/\/www\.gov\.cn\/x\.json）/,
    );
    expect(() => parseJsonList(page('{"a":1}', 'https://www.gov.cn/x.json'))).toThrow('JSON 列表格式不符：顶层不是数组');
  });
});

describe('S9 国务院政策文件库 search API adapter', () => {
  test('S9: searchVO.listVO with <em> stripped, 发文字号, 发文机关, dates', () => {
    const items = parseGovSearchApi(
      page(fixtureText('zhengceku-search.json'), 'https://sousuo.www.gov.cn/search-gov/data?t=zhengcelibrary_gw'),
    );
    expect(items).toHaveLength(2);
    expect(items[0]).toEqual({
      url: 'https://www.gov.cn/zhengce/content/202611/content_7000002.htm',
      title: '国务院关于加快发展养老服务业促进银发经济的意见',
      publishedAt: new Date('2026-11-18T16:00:00Z'),
      number: '国发〔2026〕18号',
      issuer: '国务院',
      summary: '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：为积极应对人口老龄化，发展养老服务……',
    });
    expect(items[1].url).toBe('https://sousuo.www.gov.cn/zhengce/content/202611/content_7000001.htm');
  });

  test('S9: results grouped under catMap are read too; an answer without searchVO is an error', () => {
    const grouped = JSON.stringify({
      searchVO: { catMap: { gongwen: { listVO: [{ title: '甲', url: 'https://www.gov.cn/1.htm', pubtimeStr: '2026.11.01' }] } } },
    });
    expect(parseGovSearchApi(page(grouped, 'https://sousuo.www.gov.cn/s')).map((i) => i.title)).toEqual(['甲']);
    expect(() => parseGovSearchApi(page('{"code":500,"msg":"系统繁忙"}', 'https://sousuo.www.gov.cn/s'))).toThrow(
      '政策文件库接口返回的数据中没有 searchVO（https://sousuo.www.gov.cn/s）：系统繁忙',
    );
  });
});

describe('S9 HTML list adapter', () => {
  test('S9: 民政部 通知公告: rows of table.article, full titles from the title attribute, javascript: links skipped', () => {
    const items = parseHtmlList(page(fixtureText('mca-tzgg.html'), 'https://www.mca.gov.cn/n152/n165/index.html'), {
      item: 'table.article tr',
      link: 'a.artitlelist',
    });
    expect(items).toEqual([
      {
        url: 'https://www.mca.gov.cn/n152/n165/c1662004999980007101/content.html',
        title: '民政部关于开展2026年全国养老服务机构质量提升专项行动的通知',
        publishedAt: new Date('2026-11-18T16:00:00Z'),
      },
      {
        url: 'https://www.mca.gov.cn/n152/n165/c1662004999980007102/content.html',
        title: '民政部办公厅关于做好今冬明春困难群众救助帮扶工作的通知',
        publishedAt: new Date('2026-11-11T16:00:00Z'),
      },
    ]);
  });

  test('S9: the item may itself be the link (table.article a.artitlelist)', () => {
    const items = parseHtmlList(page(fixtureText('mca-tzgg.html'), 'https://www.mca.gov.cn/n152/n165/index.html'), {
      item: 'table.article a.artitlelist',
    });
    expect(items.map((i) => i.url)).toHaveLength(2);
    expect(items[0].publishedAt).toBeUndefined();
  });

  test('S9: a TRS list page in GBK: titles, three date forms, relative and absolute links', () => {
    const { text } = decodeBody(fixtureBytes('trs-list.gbk.html'), 'text/html');
    const items = parseList(
      { adapter: 'html-list', list: { item: 'ul.list > li.list-item', title: '.text', link: 'a', date: '.time' } },
      page(text, 'https://www.yn.gov.cn/zwgk/zcwj/yzf/'),
    );
    expect(items.map((i) => [i.title, i.url, i.publishedAt?.toISOString()])).toEqual([
      [
        '云南省人民政府关于印发云南省社会救助提质增效行动方案的通知',
        'https://www.yn.gov.cn/zwgk/zcwj/yzf/202611/t20261118_1000001.html',
        '2026-11-17T16:00:00.000Z',
      ],
      [
        '云南省人民政府关于表彰朱镕基式好干部和王堃同志的决定',
        'https://www.yn.gov.cn/zwgk/zcwj/yzf/202611/t20261110_1000002.html',
        '2026-11-09T16:00:00.000Z',
      ],
      [
        '云南省人民政府关于调整全省城乡低保标准的通知',
        'http://www.yn.gov.cn/zwgk/zcwj/yzf/202611/t20261102_1000003.html',
        '2026-11-01T16:00:00.000Z',
      ],
    ]);
  });

  test('selectors that match nothing give an empty list (the run turns that into an error)', () => {
    expect(parseHtmlList(page(fixtureText('mca-tzgg.html'), 'https://www.mca.gov.cn/'), { item: 'ul.news li' })).toEqual([]);
  });
});
