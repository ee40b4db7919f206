import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { monitorSite, type MonitorReport, type ProbeRecord } from '../../../src/monitor/core/index.js';
import { daysAgo, listPage, NOW, page, serve, virtualClock, type Routes, type Served } from '../../helpers/monitor-fixtures.js';
import { loopbackAllowed } from '../../helpers/outbound.js';

/*
 * A site with every veto condition the crawl and the CMS can show, but none of N9's (see the
 * hijacked site): N1 probes, a stale home page (N2), five overdue news columns (N3), five empty
 * columns (N4), an unanswered message (N5), four serious errors (N7), a link to a non-public
 * document (S1). Seen as a foreign site (dates from its list pages), with the CMS's messages and
 * non-public documents.
 */
let site: Served;
let report: MonitorReport;

const newsColumns = ['民政动态', '工作动态', '要闻', '图片新闻', '基层动态'];
const emptyColumns = ['社会组织', '婚姻登记', '殡葬管理', '慈善事业', '区划地名'];

beforeAll(async () => {
  const plain = (title: string, body: string) => page({ title, body, footer: { errorReportHref: false } });
  const routes: Routes = {
    '/': plain(
      '首页',
      `<ul>${[1, 2, 3].map((n) => `<li><a href="/d/${n}">旧信息${n}</a> ${daysAgo(20 + n)}</li>`).join('')}</ul>
       ${newsColumns.map((n, i) => `<a href="/news/${i}">${n}</a>`).join('')}
       ${emptyColumns.map((n, i) => `<a href="/empty/${i}">${n}</a>`).join('')}
       <a href="/typos">通报</a> <a href="/documents/secret-1">内部工作方案</a> <a href="/zhaocuo">我为政府网站找错</a>`,
    ),
    '/typos': plain('通报', '<p>依据中华人民共合国有关法律，学习习近乎总书记讲话，坚持社会主意核心价值观，一如继往地推进。</p>'),
    '/documents/secret-1': plain('内部工作方案', '<p>不公开</p>'),
    '/zhaocuo': plain('找错', ''),
  };
  newsColumns.forEach((name, i) => {
    routes[`/news/${i}`] = listPage(
      name,
      [1, 2, 3].map((n) => ({ href: `/d/${n}`, title: `旧信息${n}`, date: daysAgo(30 + n) })),
      { footer: { errorReportHref: false } },
    );
  });
  emptyColumns.forEach((name, i) => {
    routes[`/empty/${i}`] = listPage(name, [], { footer: { errorReportHref: false } });
  });
  for (const n of [1, 2, 3]) routes[`/d/${n}`] = plain(`旧信息${n}`, `<p>发布日期：${daysAgo(20 + n)}</p>`);
  site = await serve(routes);
  // 10 of 168 hourly probes failed: 6 %.
  const probes: ProbeRecord[] = Array.from({ length: 168 }, (_, i) => ({
    url: site.url,
    at: new Date(NOW.getTime() - i * 3600_000).toISOString(),
    ok: i % 17 !== 5,
  }));
  report = await monitorSite({
    crawl: { outbound: loopbackAllowed },
    baseUrl: site.url,
    now: () => NOW,
    clock: virtualClock(),
    probeHistory: probes,
    knowledge: {
      messages: [{ id: 'm9', title: '低保为何停发', submittedAt: '2026-07-01T02:00:00Z' }],
      nonPublicDocuments: [{ id: 'secret-1', title: '内部工作方案' }],
    },
  });
});
afterAll(() => site.close());

describe('single vetoes (单项否决) on a failing site', () => {
  const vetoRules = ['N1', 'N2', 'N3', 'N4', 'N5', 'N7', 'S1'];

  test('the site fails on exactly the vetoes it has, and the score lists them', () => {
    expect([...new Set(report.score.vetoes.map((v) => v.ruleId))].sort()).toEqual(vetoRules.sort());
    expect(report.score.passed).toBe(false);
    expect(report.score.reasons[0]).toBe(`单项否决：N1、N2、N3、N4、N5、N7、S1（${report.score.vetoes.length} 项）`);
    // Nothing else fires (N9 has its own fixture; the footer is complete).
    expect([...new Set(report.findings.map((f) => f.ruleId))].sort()).toEqual(vetoRules.sort());
  });

  test('N1: 6 % failed probes over the week is a veto', () => {
    expect(report.findings.filter((f) => f.ruleId === 'N1')).toEqual([
      expect.objectContaining({ code: 'N1.unavailable', severity: 'veto', evidence: expect.stringContaining('失败 10 次') }),
    ]);
  });

  test('N2: a home page whose newest item is 21 days old is a veto', () => {
    expect(report.findings.filter((f) => f.ruleId === 'N2')).toEqual([
      expect.objectContaining({ code: 'N2.stale', severity: 'veto', message: '首页已 21 天未更新（超过 2 周为单项否决）' }),
    ]);
  });

  test('N3: five news columns a month old are a veto, each column listed', () => {
    const n3 = report.findings.filter((f) => f.ruleId === 'N3');
    expect(n3.filter((f) => f.severity === 'veto')).toHaveLength(1);
    expect(
      n3
        .filter((f) => f.code === 'N3.overdue')
        .map((f) => new URL(f.page!).pathname)
        .sort(),
    ).toEqual(newsColumns.map((_, i) => `/news/${i}`));
  });

  test('N4: five empty columns are a veto, found on their pages only', () => {
    const n4 = report.findings.filter((f) => f.ruleId === 'N4');
    expect(n4.every((f) => f.severity === 'veto')).toBe(true);
    expect(n4.map((f) => new URL(f.page!).pathname).sort()).toEqual(emptyColumns.map((_, i) => `/empty/${i}`));
  });

  test('N5: a message unanswered for more than 3 months is a veto', () => {
    expect(report.findings.filter((f) => f.ruleId === 'N5')).toEqual([
      expect.objectContaining({ code: 'N5.unanswered', severity: 'veto' }),
    ]);
  });

  test('N7: four serious errors (state name, leader name, typos) are more than 3: a veto on the page that has them', () => {
    const n7 = report.findings.filter((f) => f.ruleId === 'N7');
    expect(n7.map((f) => f.subject).sort()).toEqual(['一如继往', '中华人民共合国', '习近乎', '社会主意'].sort());
    expect(n7.every((f) => f.severity === 'veto' && f.page === `${site.origin}/typos`)).toBe(true);
    expect(n7.find((f) => f.subject === '中华人民共合国')!.message).toContain('应为“中华人民共和国”');
  });

  test('S1: a non-public document linked from and reachable on the public site is a veto', () => {
    const s1 = report.findings.filter((f) => f.ruleId === 'S1');
    expect(s1.map((f) => f.code).sort()).toEqual(['S1.linked', 'S1.reachable']);
    expect(s1.find((f) => f.code === 'S1.linked')).toMatchObject({ page: site.url, message: expect.stringContaining('内部工作方案') });
  });
});
