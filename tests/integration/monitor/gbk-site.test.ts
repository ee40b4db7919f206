import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import iconv from 'iconv-lite';
import { crawl, evaluateCrawl, type CrawlResult } from '../../../src/monitor/core/index.js';
import { NOW, serve, virtualClock, type Handler, type Served } from '../../helpers/monitor-fixtures.js';
import { loopbackAllowed } from '../../helpers/outbound.js';

/* Many county sites still serve GBK: declared in Content-Type, only in <meta>, or not at all. */
let site: Served;
let result: CrawlResult;

const gbk =
  (html: string, contentType: string): Handler =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': contentType });
    res.end(iconv.encode(html, 'gbk'));
  };

beforeAll(async () => {
  site = await serve({
    '/': gbk(
      '<html><head><title>临沧市民政局首页</title></head><body><a href="/meta">通知公告</a><a href="/none">政策文件</a></body></html>',
      'text/html; charset=GBK',
    ),
    '/meta': gbk(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>通知公告</title></head><body>关于开展养老服务质量提升行动的通知</body></html>',
      'text/html',
    ),
    '/none': gbk('<html><head><title>政策文件</title></head><body>进一步细化《365bet网投印发的通知》</body></html>', 'text/html'),
  });
  result = await crawl({ outbound: loopbackAllowed, baseUrl: site.url, clock: virtualClock(), cloaking: { enabled: false } });
});
afterAll(() => site.close());

describe('GBK sites', () => {
  test('charset from Content-Type, from <meta>, and the GB18030 fallback all decode', () => {
    const byPath = Object.fromEntries(result.pages.map((p) => [new URL(p.url).pathname, p]));
    expect(byPath['/']).toMatchObject({ charset: 'gb18030', title: '临沧市民政局首页' });
    expect(byPath['/meta']).toMatchObject({ charset: 'gb18030', title: '通知公告' });
    expect(byPath['/meta'].text).toContain('关于开展养老服务质量提升行动的通知');
    expect(byPath['/none']).toMatchObject({ charset: 'gb18030', title: '政策文件' });
  });

  test('N9: gambling spam in a GBK page without any charset declaration is found', () => {
    const report = evaluateCrawl(result, { now: NOW });
    const n9 = report.findings.filter((f) => f.ruleId === 'N9');
    expect(n9.map((f) => f.subject).sort()).toEqual(['365bet', '网投']);
    expect(n9.every((f) => f.page === `${site.origin}/none`)).toBe(true);
  });
});
