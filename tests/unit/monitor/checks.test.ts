import { describe, expect, test } from '@jest/globals';
import { n5Interaction } from '../../../src/monitor/core/checks/n5-interaction.js';
import { n7SeriousErrors } from '../../../src/monitor/core/checks/n7-serious-errors.js';
import { n8BrokenLinks } from '../../../src/monitor/core/checks/n8-broken-links.js';
import { matchKeywords, n9Security } from '../../../src/monitor/core/checks/n9-security.js';
import { n10Footer } from '../../../src/monitor/core/checks/n10-footer.js';
import { n11InterpretationLinks } from '../../../src/monitor/core/checks/n11-interpretation-links.js';
import { s1NonPublic } from '../../../src/monitor/core/checks/s1-non-public.js';
import { allChecks, runChecks } from '../../../src/monitor/core/checks/index.js';
import { defaultRulesConfig, resolveConfig } from '../../../src/monitor/core/config.js';
import { columnKindFromCms } from '../../../src/monitor/core/cms-kinds.js';
import { columnKey, inferColumnKind } from '../../../src/monitor/core/columns.js';
import type { CheckInput, CrawledPage, OwnSiteKnowledge, PageLink } from '../../../src/monitor/core/types.js';
import { crawlOf, NOW } from '../../helpers/monitor-fixtures.js';

const base = 'http://127.0.0.1:8080/';
const input = (over: Partial<CheckInput> = {}): CheckInput => ({
  baseUrl: base,
  crawl: crawlOf([]),
  now: NOW,
  config: defaultRulesConfig,
  ...over,
});
const link = (path: string, text = '链接', extra: Partial<PageLink> = {}): PageLink => ({
  url: new URL(path, base).toString(),
  raw: path,
  text,
  internal: path.startsWith('/'),
  ...extra,
});
const pageAt = (path: string, over: Partial<CrawledPage> = {}): Partial<CrawledPage> => ({
  url: new URL(path, base).toString(),
  finalUrl: new URL(path, base).toString(),
  ...over,
});

describe('N5 interaction', () => {
  const run = (knowledge: OwnSiteKnowledge) => n5Interaction.run(input({ knowledge }));
  test('N5: a message unanswered for more than 3 months is a veto; 3 months less a day is not', () => {
    expect(run({ messages: [{ id: 'a', submittedAt: '2026-08-23T02:00:00Z' }] })).toEqual([
      expect.objectContaining({ code: 'N5.unanswered', severity: 'veto' }),
    ]);
    const recent = run({ messages: [{ id: 'b', submittedAt: '2026-08-25T02:00:00Z' }] });
    expect(recent.map((f) => f.code)).toEqual(['N5.late-publication']);
  });
  test('N5: a reply published more than 2 months after the message costs a point', () => {
    const found = run({
      messages: [
        {
          id: 'c',
          submittedAt: '2026-06-01T02:00:00Z',
          repliedAt: '2026-06-10T02:00:00Z',
          publishedAt: '2026-08-05T02:00:00Z',
          showsReplyTime: true,
          showsSubmittedTime: true,
        },
      ],
    });
    expect(found).toEqual([expect.objectContaining({ code: 'N5.late-publication', severity: 'deduction', points: 1 })]);
  });
  test('N5: a published reply must show both the submission and the reply time', () => {
    const found = run({
      messages: [
        {
          id: 'd',
          submittedAt: '2026-11-01T02:00:00Z',
          repliedAt: '2026-11-02T02:00:00Z',
          publishedAt: '2026-11-03T02:00:00Z',
          showsSubmittedTime: true,
          showsReplyTime: false,
        },
      ],
    });
    expect(found).toEqual([expect.objectContaining({ code: 'N5.times-missing', message: '公开的留言答复未显示答复时间' })]);
  });
  test('N5: answered and published in time is fine', () => {
    expect(
      run({
        messages: [
          {
            id: 'e',
            submittedAt: '2026-11-01',
            repliedAt: '2026-11-05',
            publishedAt: '2026-11-06',
            showsSubmittedTime: true,
            showsReplyTime: true,
          },
        ],
      }),
    ).toEqual([]);
  });
});

describe('N7 serious errors', () => {
  const crawlWith = (...texts: string[]) => crawlOf(texts.map((text, i) => pageAt(`/p${i}`, { text })));
  test('N7: three serious errors are deductions, a fourth makes it a veto', () => {
    const three = n7SeriousErrors.run(input({ crawl: crawlWith('中华人名共和国', '习进平同志', '截止目前') }));
    expect(three.map((f) => [f.subject, f.severity, f.points])).toEqual([
      ['中华人名共和国', 'deduction', 2],
      ['习进平', 'deduction', 2],
      ['截止目前', 'deduction', 2],
    ]);
    const four = n7SeriousErrors.run(input({ crawl: crawlWith('中华人名共和国', '习进平同志', '截止目前', '再接再励') }));
    expect(four.every((f) => f.severity === 'veto')).toBe(true);
  });
  test('N7: the same error on several pages is one finding that counts each page', () => {
    const found = n7SeriousErrors.run(input({ crawl: crawlWith('中华人民共合国', '中华人民共合国', '正确的中华人民共和国') }));
    expect(found).toEqual([
      expect.objectContaining({ subject: '中华人民共合国', points: 4, pages: { count: 2, examples: [`${base}p0`, `${base}p1`] } }),
    ]);
  });
  test('N7: the lists are editable: leader pairs given by the caller are used', () => {
    const config = resolveConfig({ seriousErrors: { leaders: [{ wrong: '张三局常', right: '张三局长' }] } });
    expect(n7SeriousErrors.run(input({ crawl: crawlWith('张三局常讲话'), config }))[0]).toMatchObject({
      message: '领导人姓名职务错误：“张三局常”应为“张三局长”',
    });
  });
  test('N7: a publish date after the day of the check is a warning (faked date)', () => {
    expect(n7SeriousErrors.run(input({ crawl: crawlWith('发布日期：2027-03-01 来源：本站') }))).toEqual([
      expect.objectContaining({ code: 'N7.future-date', severity: 'warning' }),
    ]);
    expect(n7SeriousErrors.run(input({ crawl: crawlWith('发布日期：2026-11-24') }))).toEqual([]);
  });
});

describe('N8 broken links', () => {
  test('N8: a broken link on 2,000 pages is one finding with the count, one point', () => {
    const pages = Array.from({ length: 2000 }, (_, i) => pageAt(`/p${i}`, { links: [link('/gone')] }));
    const crawl = crawlOf([...pages, pageAt('/gone', { status: 404, referrer: `${base}p0` })]);
    const found = n8BrokenLinks.run(input({ crawl }));
    expect(found).toEqual([expect.objectContaining({ code: 'N8.broken', points: 1, pages: { count: 2000, examples: expect.any(Array) } })]);
    expect(found[0].pages!.examples).toHaveLength(10);
  });
});

describe('N9 keyword matching', () => {
  const sec = defaultRulesConfig.security;
  test('N9: gambling brand names in any case and 网投 are found', () => {
    expect(matchKeywords('欢迎访问BET365官网', sec).map((h) => h.keyword)).toEqual(['BET365']);
    expect(
      matchKeywords('188bet 正规网投平台', sec)
        .map((h) => h.keyword)
        .sort(),
    ).toEqual(['188bet', '网投'].sort());
  });
  test('N9: ordinary government words are not gambling: 电网投资, 管网投入, 互联网投诉, alphabet365, 打击赌博', () => {
    expect(matchKeywords('农村电网投资、城市管网投入、互联网投诉渠道、alphabet365、严厉打击赌博违法犯罪、老年人棋牌室', sec)).toEqual([]);
  });
});

describe('N9 on page facts', () => {
  const run = (pages: Partial<CrawledPage>[]) => n9Security.run(input({ crawl: crawlOf(pages) }));
  test('N9: a script that redirects only phones or search visitors (client-side) is a veto', () => {
    const code =
      'var ua=navigator.userAgent.toLowerCase();if(/android|iphone/.test(ua)||document.referrer.indexOf("baidu")>-1){window.location.href="http://bad.cn/"}';
    const found = run([pageAt('/a', { scripts: [{ inline: code }], jsRedirects: ['http://bad.cn/'] })]);
    expect(found.map((f) => [f.code, f.severity]).sort()).toEqual([
      ['N9.cloaking-script', 'veto'],
      ['N9.injected-redirect', 'veto'],
    ]);
  });
  test('N9: a meta refresh to another host is an injected redirect; an HTTP redirect off the site is a warning', () => {
    expect(run([pageAt('/a', { metaRefresh: 'http://bad.cn/' })]).map((f) => f.code)).toEqual(['N9.injected-redirect']);
    expect(run([pageAt('/b', { finalUrl: 'http://other.cn/', redirects: ['http://other.cn/'] })]).map((f) => [f.code, f.severity])).toEqual(
      [['N9.offsite-redirect', 'warning']],
    );
  });
  test('N9: allowlisted script hosts, trusted hosts and hidden internal links (skip links) are not findings', () => {
    const found = run([
      pageAt('/a', {
        scripts: [{ src: 'https://hm.baidu.com/hm.js?x' }, { src: 'https://www.yn.gov.cn/search.js' }, { src: `${base}static/site.js` }],
        links: [
          link('#content', '跳到正文', { url: `${base}`, hidden: 'left:-999px' }),
          link('https://www.gov.cn/', '中国政府网', { hidden: 'display:none' }),
        ],
        metaRefresh: `${base}new`,
      }),
    ]);
    expect(found).toEqual([]);
  });
  test('N9: the allowlist is editable', () => {
    const config = resolveConfig({ security: { ...defaultRulesConfig.security, scriptAllowlist: [] } });
    const found = n9Security.run(input({ crawl: crawlOf([pageAt('/a', { scripts: [{ src: 'https://hm.baidu.com/hm.js' }] })]), config }));
    expect(found.map((f) => f.code)).toEqual(['N9.foreign-script']);
  });
});

describe('N10 footer elements', () => {
  const full = '主办单位：临沧市民政局 联系电话：0883-2123456 网站标识码：5309000001 滇ICP备05003121号 滇公网安备53090202000117号';
  const good = (path: string, text = full): Partial<CrawledPage> =>
    pageAt(path, {
      text,
      labels: ['党政机关网站标识'],
      forms: [{ action: `${base}search`, inputs: ['search:q'] }],
      links: [link('https://zfwzzc.www.gov.cn/', '我为政府网站找错')],
    });
  test('N10: a complete footer with search and 找错 passes', () => {
    expect(n10Footer.run(input({ crawl: crawlOf([good('/'), good('/a')]) }))).toEqual([]);
  });
  test('N10: an element missing on many pages is one deduction with a page count', () => {
    const pages = [good('/')];
    for (let i = 0; i < 50; i++) pages.push(good(`/p${i}`, full.replace(/滇公网安备\d+号/, '')));
    const found = n10Footer.run(input({ crawl: crawlOf(pages) }));
    expect(found).toEqual([expect.objectContaining({ code: 'N10.police', points: 2, pages: { count: 50, examples: expect.any(Array) } })]);
  });
  test('N10: a 网站标识码 that is not 10 characters is reported', () => {
    const found = n10Footer.run(input({ crawl: crawlOf([good('/', full.replace('5309000001', '530900001'))]) }));
    expect(found.map((f) => f.code)).toEqual(['N10.site-code-format']);
  });
  test('N10: each element, the 党政机关 mark, search and 找错 are required', () => {
    const bare = pageAt('/', { text: '正文' });
    expect(n10Footer.run(input({ crawl: crawlOf([bare]) })).map((f) => f.code)).toEqual([
      'N10.sponsor',
      'N10.contact',
      'N10.site-code',
      'N10.icp',
      'N10.police',
      'N10.party-gov-mark',
      'N10.search',
      'N10.error-report',
    ]);
  });
  test('N10: the 党政机关 mark is also found as the conac.cn image or link', () => {
    const img = pageAt('/', { text: full, images: [{ src: 'https://bszs.conac.cn/img/red.png', alt: '' }] });
    expect(n10Footer.run(input({ crawl: crawlOf([img]) })).map((f) => f.code)).not.toContain('N10.party-gov-mark');
  });
});

describe('N11 interpretations linked both ways', () => {
  test('N11: from the CMS, a one-way link and a late interpretation are deductions', () => {
    const knowledge: OwnSiteKnowledge = {
      documents: [{ id: 'd1', title: '实施办法', publishedAt: '2026-11-02', interpretationIds: [] }],
      interpretations: [{ id: 'j1', title: '实施办法解读', publishedAt: '2026-11-10', documentIds: ['d1'] }],
    };
    // 2026-11-02 is a Monday: three working days later is Thursday 5 November.
    expect(
      n11InterpretationLinks
        .run(input({ knowledge }))
        .map((f) => f.code)
        .sort(),
    ).toEqual(['N11.late', 'N11.one-way']);
    knowledge.documents![0].interpretationIds = ['j1'];
    knowledge.interpretations![0].publishedAt = '2026-11-05';
    expect(n11InterpretationLinks.run(input({ knowledge }))).toEqual([]);
  });
  test('N11: on the crawl, a 解读 page whose document does not link back is a deduction on the document page', () => {
    const jd = pageAt('/jd/1', { title: '实施办法政策解读', links: [link('/doc/1', '《实施办法》')] });
    const doc = pageAt('/doc/1', { title: '实施办法', links: [link('/')] });
    const found = n11InterpretationLinks.run(input({ crawl: crawlOf([jd, doc]) }));
    expect(found).toEqual([expect.objectContaining({ code: 'N11.one-way', page: `${base}doc/1` })]);
    const docBack = pageAt('/doc/1', { title: '实施办法', links: [link('/jd/1', '实施办法政策解读')] });
    expect(n11InterpretationLinks.run(input({ crawl: crawlOf([jd, docBack]) }))).toEqual([]);
  });
});

describe('S1 non-public documents', () => {
  test('S1: a link to a non-public document (by id through the URL template, or by URL) is a veto', () => {
    const crawl = crawlOf([
      pageAt('/', { links: [link('/documents/77', '内部方案'), link('/files/secret.pdf', '附件')] }),
      pageAt('/documents/77', { status: 404 }),
    ]);
    const knowledge: OwnSiteKnowledge = {
      nonPublicDocuments: [
        { id: '77', title: '内部方案' },
        { id: '78', urls: ['/files/secret.pdf'] },
      ],
    };
    expect(s1NonPublic.run(input({ crawl, knowledge })).map((f) => [f.code, f.subject])).toEqual([
      ['S1.linked', '77'],
      ['S1.linked', '78'],
    ]);
  });
  test('S1: a non-public URL that redirects to a login page is not a leak', () => {
    const crawl = crawlOf([pageAt('/documents/77', { finalUrl: `${base}login`, redirects: [`${base}login`] })]);
    expect(s1NonPublic.run(input({ crawl, knowledge: { nonPublicDocuments: [{ id: '77' }] } }))).toEqual([]);
  });
});

describe('check registry', () => {
  test('every rule has exactly one registered check', () => {
    expect(allChecks.map((c) => c.id)).toEqual(['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8', 'N9', 'N10', 'N11', 'N18', 'N19', 'S1']);
  });
  test('a check that throws becomes a note; the others still run', () => {
    const boom = {
      id: 'X1',
      title: '坏检查',
      run: () => {
        throw new Error('boom');
      },
    };
    const out = runChecks(input({ knowledge: { homeLatestDate: null } }), [boom, ...allChecks]);
    expect(out.notes).toEqual([expect.objectContaining({ code: 'check-error-X1', message: expect.stringContaining('boom') })]);
    expect(out.findings.map((f) => f.code)).toContain('N2.no-date');
  });
  test('CMS column kinds map to N3 kinds; foreign column names are classified', () => {
    expect(['news', 'notice', 'policy', 'interpretation', 'personnel', 'reprint', 'guide'].map(columnKindFromCms)).toEqual([
      'news',
      'notice',
      'policy',
      'policy',
      'personnel',
      'policy',
      'other',
    ]);
    expect(['民政动态', '通知公告', '政策文件', '人事任免', '规划计划', '机构概况'].map(inferColumnKind)).toEqual([
      'news',
      'notice',
      'policy',
      'personnel',
      'plan',
      'other',
    ]);
    expect(columnKey('http://x.cn/tzgg/index_3.html')).toBe('http://x.cn/tzgg/index.html');
    expect(columnKey('http://x.cn/columns/news?page=2&sort=a')).toBe('http://x.cn/columns/news?sort=a');
  });
});
