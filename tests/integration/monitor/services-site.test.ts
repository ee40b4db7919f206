import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { monitorSite, type MonitorReport } from '../../../src/monitor/core/index.js';
import { NOW, page, serve, virtualClock, type Routes, type Served } from '../../helpers/monitor-fixtures.js';
import { externalSite, healthySite } from '../../helpers/monitor-sites.js';
import { loopbackAllowed } from '../../helpers/outbound.js';

/*
 * N6 and N19 on a site seen from the outside (its page text only): a healthy site with three service
 * guides — one complete whose form and online service work, one whose form download fails (404) and
 * which lacks two elements, one whose "form" is an error page served with 200 and whose online-service
 * link is gone — and a recruitment notice past its closing day.
 */
let site: Served;
let external: Served;
let report: MonitorReport;

const elements = (omit: string[] = []) =>
  [
    ['事项名称', '最低生活保障对象认定'],
    ['设定依据', '《社会救助暂行办法》第二章'],
    ['申请条件', '共同生活的家庭成员人均收入低于当地最低生活保障标准'],
    ['办理材料', '最低生活保障申请书；居民身份证、户口簿复印件'],
    ['办理地点', '户籍所在地乡镇人民政府（街道办事处）'],
    ['办理机构', '县（区）民政局'],
    ['收费标准', '不收费'],
    ['办理时间', '法定工作日9:00—17:30'],
    ['咨询电话', '0883-2123456'],
    ['投诉电话', '0883-2127890'],
    ['办理流程', '申请—受理—调查核实—公示—审核确认'],
    ['法定时限', '30个工作日'],
    ['承诺时限', '20个工作日'],
  ]
    .filter(([label]) => !omit.includes(label))
    .map(([label, value]) => `<h2>${label}</h2><p>${value}</p>`)
    .join('\n');

const guide = (title: string, body: string, links: string) => page({ title, body: `${body}\n<p>${links}</p>` });

beforeAll(async () => {
  external = await serve({ ...externalSite(), '/zwfw/dibao': page({ title: '一网通办', body: '<p>在线申请</p>' }) }, '127.0.0.2');
  const routes: Routes = {
    ...healthySite(
      external.origin,
      '<a href="/guides/1">低保办事指南</a> <a href="/guides/2">临时救助办事指南</a> <a href="/guides/3">特困人员认定办事指南</a> <a href="/notices/zhaopin">2026年公开招聘工作人员公告（报名）</a>',
    ),
    '/guides/1': guide(
      '最低生活保障申请办事指南',
      elements(),
      `<a href="/files/dibao.pdf">最低生活保障申请书下载</a> <a href="${external.origin}/zwfw/dibao">在线办理</a>`,
    ),
    '/guides/2': guide(
      '临时救助申请办事指南',
      elements(['收费标准', '投诉电话']),
      `<a href="/files/linshi.docx">临时救助申请审批表</a> <a href="${external.origin}/zwfw/dibao">在线办理</a>`,
    ),
    '/guides/3': guide(
      '特困人员认定办事指南',
      elements(),
      `<a href="/files/tekun.pdf">特困人员救助供养申请书下载</a> <a href="${external.origin}/zwfw/gone">网上办理</a>`,
    ),
    '/files/dibao.pdf': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end('%PDF-1.4\n%…\n');
    },
    // An attachment lost on the server: the CMS answers its own error page, with 200.
    '/files/tekun.pdf': page({ title: '提示', body: '<p>文件不存在或已被删除</p>' }),
    '/notices/zhaopin': page({ title: '2026年公开招聘工作人员公告', body: '<p>报名时间为2026年5月18日9:00至2026年5月22日17:00。</p>' }),
  };
  site = await serve(routes);
  report = await monitorSite({ crawl: { outbound: loopbackAllowed }, baseUrl: site.url, now: () => NOW, clock: virtualClock() });
});
afterAll(async () => {
  await site.close();
  await external.close();
});

const of = (rule: string) => report.findings.filter((f) => f.ruleId === rule);

describe('N6 and N19 on a site read from its pages', () => {
  test('N6: a form that does not download is the 服务不实用 veto, on the guide that links it', () => {
    const vetoes = of('N6').filter((f) => f.severity === 'veto');
    expect(vetoes.map((f) => [f.code, new URL(f.page!).pathname, new URL(f.subject!).pathname])).toEqual(
      expect.arrayContaining([
        ['N6.form-download', '/guides/2', '/files/linshi.docx'],
        ['N6.form-download', '/guides/3', '/files/tekun.pdf'],
        ['N6.online-service', '/guides/3', '/zwfw/gone'],
      ]),
    );
    expect(vetoes).toHaveLength(3);
    expect(vetoes.find((f) => f.subject!.endsWith('tekun.pdf'))!.evidence).toContain('返回的是网页而不是文件');
    expect(report.score.passed).toBe(false);
    expect(report.score.reasons.join()).toContain('单项否决：N6');
  });

  test('N6: each missing element of a guide is a deduction naming it; a complete guide costs nothing', () => {
    const missing = of('N6').filter((f) => f.code === 'N6.missing-element');
    expect(missing.map((f) => [new URL(f.page!).pathname, f.message])).toEqual([
      ['/guides/2', '办事指南要素不全：《临时救助申请办事指南》缺少“收费标准”'],
      ['/guides/2', '办事指南要素不全：《临时救助申请办事指南》缺少“投诉电话”'],
    ]);
    expect(missing.every((f) => f.severity === 'deduction' && f.points === 2)).toBe(true);
    expect(of('N6').filter((f) => f.page?.endsWith('/guides/1'))).toEqual([]);
  });

  test('N19: a recruitment notice past its closing day is reported as still shown as current', () => {
    expect(of('N19').map((f) => [new URL(f.page!).pathname, f.code, f.evidence])).toEqual([
      ['/notices/zhaopin', 'N19.time-passed', '截止2026年5月22日'],
    ]);
  });
});
