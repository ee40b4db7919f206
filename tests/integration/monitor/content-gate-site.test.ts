import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { monitorSite, type MonitorReport } from '../../../src/monitor/core/index.js';
import { NOW, page, serve, virtualClock, type Served } from '../../helpers/monitor-fixtures.js';
import { loopbackAllowed } from '../../helpers/outbound.js';

/*
 * The content gate's dictionary (规范表述词库) on a site seen from the outside, with the starting dictionary
 * (as `gongkai monitor URL` checks a county's site): what a submission would have refused or warned about
 * is found on published pages, each page judged as of its own publication day.
 */
let site: Served;
let report: MonitorReport;

beforeAll(async () => {
  const dated = (title: string, day: string, text: string) => page({ title, body: `<p>发布日期：${day}</p><p>${text}</p>` });
  site = await serve({
    '/': page({
      title: '首页',
      body: ['plan', 'old-plan', 'state', 'leader', 'leader-old', 'past'].map((p) => `<a href="/${p}">${p}</a>`).join(' '),
    }),
    '/plan': dated('养老服务体系建设推进情况', '2026-11-10', '按照十三五规划要求，我市继续推进居家社区养老服务设施建设。'),
    '/old-plan': dated('2019年工作总结', '2019-12-20', '认真落实十三五规划，养老床位达到规划目标。'),
    '/state': dated('学习社会救助法', '2026-11-12', '依据《中华人民共国社会救助法》，经全国人大常务委员会审议通过。'),
    '/leader': dated('局领导调研', '2026-11-20', '王建华局长一行到临翔区调研社区养老服务中心。'),
    '/leader-old': dated('局领导调研（2024年）', '2024-03-01', '王建华局长一行到临翔区调研社区养老服务中心。'),
    '/past': dated('机构改革回顾', '2026-11-15', '原国家卫生计生委承担的老龄工作职责划入民政部。'),
  });
  report = await monitorSite({ crawl: { outbound: loopbackAllowed }, baseUrl: site.url, now: () => NOW, clock: virtualClock() });
});
afterAll(() => site.close());

const on = (rule: string) => report.findings.filter((f) => f.ruleId === rule);

describe('the content gate on any site (N7, N19)', () => {
  test('N7: a wrong state-name variant and a wrong official name from the dictionary are serious errors', () => {
    const n7 = on('N7').filter((f) => f.code === 'N7.serious-error');
    expect(n7.map((f) => f.subject).sort()).toEqual(['中华人民共国', '全国人大常务委员会'].sort());
    expect(n7.find((f) => f.subject === '中华人民共国')).toMatchObject({
      page: `${site.origin}/state`,
      severity: 'deduction',
      message: '国家名称错误：“中华人民共国”应为“中华人民共和国”',
    });
    expect(n7.find((f) => f.subject === '全国人大常务委员会')!.message).toBe(
      '规范名称错误：“全国人大常务委员会”应为“全国人民代表大会常务委员会”',
    );
  });

  test("N7: a leader's title on a page published after the term ended is found; the same words from within the term are not", () => {
    const leader = on('N7').filter((f) => f.code === 'N7.leader-title');
    expect(leader).toEqual([expect.objectContaining({ subject: '王建华局长', page: `${site.origin}/leader`, severity: 'deduction' })]);
    expect(leader[0].message).toContain('王建华已于 2025-06-30 卸任局长');
  });

  test('N19: "十三五规划" as current on a page of 2026 warns; the 2019 summary and a page speaking of the past (原…) do not', () => {
    expect(on('N19')).toEqual([
      expect.objectContaining({
        code: 'N19.outdated-expression',
        severity: 'warning',
        subject: '十三五规划',
        page: `${site.origin}/plan`,
        message: expect.stringContaining('请改为““十四五”规划”'),
      }),
    ]);
  });

  test("the office's own dictionary replaces the starting one", async () => {
    const own = await monitorSite({
      crawl: { outbound: loopbackAllowed, maxPages: 10 },
      baseUrl: site.url,
      now: () => NOW,
      clock: virtualClock(),
      rules: {
        contentGate: [
          { kind: 'outdated', term: '居家社区养老服务设施', replacement: '居家社区养老服务网络', retiredOn: '2026-01-01', source: '示例' },
        ],
      },
    });
    expect(own.findings.filter((f) => f.ruleId === 'N19').map((f) => f.subject)).toEqual(['居家社区养老服务设施']);
    expect(own.findings.some((f) => f.code === 'N7.leader-title' || f.subject === '全国人大常务委员会')).toBe(false);
  });
});
