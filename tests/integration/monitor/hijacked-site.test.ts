import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { monitorSite, type KeyedFinding, type MonitorReport } from '../../../src/monitor/core/index.js';
import { NOW, page, serve, virtualClock, type Routes, type Served } from '../../helpers/monitor-fixtures.js';
import { externalSite, healthySite } from '../../helpers/monitor-sites.js';
import { loopbackAllowed } from '../../helpers/outbound.js';

/*
 * A healthy site with one hijacked page per N9 technique, all linked from /topics. Other hosts:
 * 127.0.0.2 is an ordinary site (where hidden links and redirects point), 127.0.0.3 an expired
 * domain that now serves gambling.
 */
let site: Served;
let other: Served;
let gambling: Served;
let report: MonitorReport;

function hijackedPages(otherOrigin: string, gamblingOrigin: string): Routes {
  const p = (title: string, body: string, head = '') => page({ title, body, head, footer: { errorReportHref: `${otherOrigin}/zhaocuo` } });
  const link = (path: string) => `<a href="${otherOrigin}${path}">友情链接</a>`;
  return {
    // The seed's own case: the bureau's name replaced by gambling spam.
    '/t/keyword': p('实施细则', '<p>进一步细化《365bet网投印发&lt;关于全面推进民政政务公开工作实施方案&gt;的通知》</p>'),
    '/t/hidden-inline': p('链接一', `<p>正文</p><a href="${otherOrigin}/1" style="display:none">友情链接</a>`),
    '/t/hidden-ancestor': p('链接二', `<div style="visibility: hidden">${link('/2')}</div>`),
    '/t/hidden-class': p('链接三', `<div class="yc">${link('/3')}</div>`, '<style>.yc { display: none }</style>'),
    '/t/hidden-id': p('链接四', `<div id="lk">${link('/4')}</div>`, '<style>#lk{position:absolute;left:-9999px;top:0}</style>'),
    '/t/hidden-font': p('链接五', `<p style="font-size:0px">${link('/5')}</p>`),
    '/t/hidden-box': p('链接六', `<div style="height:0;overflow:hidden">${link('/6')}</div>`),
    '/t/hidden-indent': p('链接七', `<div style="text-indent:-9999px">${link('/7')}</div>`),
    '/t/hidden-color': p('链接八', `<div style="background-color:#FFF"><a href="${otherOrigin}/8" style="color:white">友情链接</a></div>`),
    '/t/foreign-script': p('统计', '<p>正文</p>', `<script src="${otherOrigin}/tongji.js"></script>`),
    '/t/packed': p(
      '加壳',
      '<p>正文</p><script>eval(function(p,a,c,k,e,d){e=function(c){return c};while(c--)if(k[c])p=p.replace(new RegExp(e(c),"g"),k[c]);return p}("0 1=2",3,3,"var|x|1".split("|"),0,{}))</script>',
    ),
    '/t/docwrite': p('写入', '<p>正文</p><script>document.write(unescape("%3Ca%20href%3D%22http%3A//x%22%3E%3C/a%3E"));</script>'),
    '/t/charcode': p('拼接', '<p>正文</p><script>var u=String.fromCharCode(104,116,116,112,58,47,47,49,50,55,46,48);</script>'),
    '/t/hex': p('转义', `<p>正文</p><script>var s="${'\\x68\\x74\\x74\\x70'.repeat(6)}";</script>`),
    '/t/mobile': (req, res) => {
      if (/iPhone|Android|Mobile/i.test(req.headers['user-agent'] ?? '')) {
        res.writeHead(302, { location: `${otherOrigin}/m` });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(p('手机', '<p>正文</p>'));
    },
    '/t/baidu': (req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const fromSearch = /baidu\.com/.test(req.headers.referer ?? '');
      res.end(p('搜索', `<p>正文</p>${fromSearch ? `<script>location.href="${otherOrigin}/b";</script>` : ''}`));
    },
    // Spam for the search spider only, so the site ranks for it while visitors see nothing.
    '/t/spider': (req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const spider = /Baiduspider/i.test(req.headers['user-agent'] ?? '');
      res.end(spider ? '<html><head><title>澳门新葡京 即时比分</title></head><body>百家乐</body></html>' : p('爬虫', '<p>正文</p>'));
    },
    '/t/outbound': p('外链', `<p>相关链接：<a href="${gamblingOrigin}/old-partner">原合作网站</a></p>`),
  };
}

const expectedPages: Record<string, string[]> = {
  'N9.keyword': ['/t/keyword'],
  'N9.hidden-link': [
    '/t/hidden-inline',
    '/t/hidden-ancestor',
    '/t/hidden-class',
    '/t/hidden-id',
    '/t/hidden-font',
    '/t/hidden-box',
    '/t/hidden-indent',
    '/t/hidden-color',
  ],
  'N9.foreign-script': ['/t/foreign-script'],
  'N9.obfuscated-script': ['/t/packed', '/t/docwrite', '/t/charcode', '/t/hex'],
  'N9.mobile-redirect': ['/t/mobile'],
  'N9.search-referrer-redirect': ['/t/baidu'],
  'N9.outbound-gambling': ['/t/outbound'],
  'N9.cloaked-content': ['/t/spider'],
};

const pagesOf = (findings: KeyedFinding[]) =>
  [...new Set(findings.flatMap((f) => f.pages?.examples ?? [f.page!]))].map((u) => new URL(u).pathname).sort();

beforeAll(async () => {
  other = await serve({ ...externalSite(), '*': page({ title: '某网站', body: '<p>普通网站</p>' }) }, '127.0.0.2');
  gambling = await serve(
    { '*': '<html><head><title>澳门新葡京娱乐城</title></head><body>百家乐 真人视讯 即时比分 在线投注</body></html>' },
    '127.0.0.3',
  );
  const routes = hijackedPages(other.origin, gambling.origin);
  const topics = Object.keys(routes)
    .map((path) => `<li><a href="${path}">专题</a></li>`)
    .join('');
  site = await serve({
    ...healthySite(other.origin, '<a href="/topics">专题专栏</a>'),
    '/topics': page({ title: '专题专栏', body: `<ul>${topics}</ul>`, footer: { errorReportHref: `${other.origin}/zhaocuo` } }),
    ...routes,
  });
  report = await monitorSite({
    baseUrl: site.url,
    now: () => NOW,
    clock: virtualClock(),
    crawl: { outbound: loopbackAllowed, cloaking: { maxPages: 100 } },
  });
});
afterAll(async () => {
  await Promise.all([site.close(), other.close(), gambling.close()]);
});

describe('N9 security on a hijacked site', () => {
  test('N9 is the only rule that fires, and every N9 finding is a veto', () => {
    expect([...new Set(report.findings.map((f) => f.ruleId))]).toEqual(['N9']);
    expect(report.findings.every((f) => f.severity === 'veto')).toBe(true);
    expect(report.score.passed).toBe(false);
    expect(report.score.reasons[0]).toContain('单项否决：N9');
  });

  test('N9: N9 findings are on the hijacked pages and nowhere else', () => {
    expect(pagesOf(report.findings)).toEqual(Object.values(expectedPages).flat().sort());
  });

  test.each(Object.entries(expectedPages))('N9: %s is found exactly on its pages', (code, pages) => {
    const found = report.findings.filter((f) => f.code === code);
    expect(found.length).toBeGreaterThan(0);
    expect(pagesOf(found)).toEqual([...pages].sort());
  });

  test('N9: the seed\'s "365bet网投" is caught by the brand pattern and the keyword', () => {
    const subjects = report.findings.filter((f) => f.code === 'N9.keyword').map((f) => f.subject);
    expect(subjects).toEqual(expect.arrayContaining(['365bet', '网投']));
    expect(report.findings.find((f) => f.subject === '网投')!.evidence).toContain('365bet网投印发');
  });

  test('N9: hidden links to one host are one finding listing every page', () => {
    const f = report.findings.find((x) => x.code === 'N9.hidden-link')!;
    expect(f.pages?.count).toBe(8);
    expect(f.evidence).toContain('display:none');
  });

  test('N9: each obfuscation pattern is reported under its own label', () => {
    const labels = report.findings.filter((f) => f.code === 'N9.obfuscated-script').map((f) => f.subject);
    expect(labels).toHaveLength(4);
    expect(labels.join(' ')).toMatch(/eval\(function/);
    expect(labels.join(' ')).toMatch(/unescape/);
    expect(labels.join(' ')).toMatch(/fromCharCode/);
    expect(labels.join(' ')).toMatch(/\\x/);
  });

  test('N9: the outbound link to the re-registered domain names the gambling text it now serves', () => {
    const f = report.findings.find((x) => x.code === 'N9.outbound-gambling')!;
    expect(f.subject).toBe('127.0.0.3');
    expect(f.message).toContain('赌博');
    expect(f.evidence).toContain('/old-partner');
  });

  test('N9: findings carry Chinese messages and fix hints', () => {
    for (const f of report.findings) {
      expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(f.hint).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
