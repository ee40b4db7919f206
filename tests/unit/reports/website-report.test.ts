import { describe, expect, test } from '@jest/globals';
import {
  averageDays,
  buildWebsiteReport,
  missingWebsiteReportFigures,
  renderWebsiteReportBody,
  websiteReportEntries,
  websiteReportText,
  type WebsiteReportData,
} from '../../../src/reports/core/website-report.js';

const identity = {
  siteName: '临沧市民政局',
  baseUrl: 'https://mzj.lincang.gov.cn',
  sponsor: '临沧市民政局',
  icpNumber: '滇ICP备05003121号',
  policeRecordNumber: '滇公网安备53090202000117号',
  siteCode: '5309000012',
};
const data: WebsiteReportData = {
  uniqueVisitors: 40000,
  pageViews: 120000,
  documentsPublished: 30,
  newsPublished: 20,
  cataloguePublished: 25,
  topicsMaintained: 6,
  interpretations: 5,
  interpretationMaterials: 3,
  interpretationProducts: 2,
  hotspotResponses: 1,
  messagesReceived: 10,
  messagesClosed: 9,
  averageHandlingDays: 3.5,
  repliesPublished: 8,
  surveys: 2,
  surveyOpinions: 14,
  surveyResultsPublished: 1,
  securityAssessments: 12,
  securityProblemsFound: 7,
  securityProblemsFixed: 6,
};
const complete = Object.fromEntries(
  websiteReportEntries.filter((e) => e.required).map((e) => [e.key, e.kind === 'count' ? 0 : e.kind === 'yesNo' ? 'no' : '某']),
);

describe('N17 网站工作年度报表 (pure)', () => {
  test('N17: every required figure missing is named; 0 and 否 count as filled in', () => {
    expect(missingWebsiteReportFigures(identity, complete)).toEqual([]);
    const { registeredUsers: _r, phone: _p, ...without } = complete;
    expect(missingWebsiteReportFigures(identity, { ...without, headName: '  ' })).toEqual([
      '办事服务：注册用户数',
      '单位负责人',
      '联系电话',
    ]);
    expect(missingWebsiteReportFigures({ ...identity, icpNumber: '' }, complete)).toEqual(['ICP备案号（请在网站设置中填写）']);
    // Optional figures (微博, 创新发展) never block publication.
    expect(websiteReportEntries.filter((e) => !e.required).map((e) => e.key)).toContain('weiboName');
  });

  test('N17: the sections follow 国办函〔2018〕12号; totals add the typed-in figures to the generated ones', () => {
    const report = buildWebsiteReport({
      year: 2025,
      identity,
      data,
      entries: { ...complete, overviewUpdates: 4, mediaCommentaries: 2, serviceCatalogue: 'yes' },
      filledOn: '2026-01-23',
    });
    expect(report.sections.map((s) => s.heading)).toEqual([
      '网站基本信息',
      '信息发布（单位：条）',
      '专栏专题（单位：个）',
      '解读回应',
      '办事服务',
      '互动交流',
      '智能问答',
      '安全防护',
      '移动新媒体',
      '创新发展',
      '填报信息',
    ]);
    const value = (heading: string, label: string) =>
      report.sections.find((s) => s.heading === heading)!.rows.find((r) => r.label === label)!.value;
    expect(value('信息发布（单位：条）', '总数')).toBe('34');
    expect(value('解读回应', '解读信息发布：总数（单位：条）')).toBe('7');
    expect(value('办事服务', '是否发布服务事项目录')).toBe('是');
    expect(value('互动交流', '留言办理：平均办理时间（单位：天）')).toBe('3.5');
    expect(value('填报信息', '填报日期')).toBe('2026-01-23');
    expect(report).toMatchObject({ title: '临沧市民政局政府网站工作年度报表（2025年度）', deadline: '2026-01-31', missing: [] });
    expect(websiteReportText(report)).toContain('必填数据齐全，可以发布（公布期限：2026-01-31）');
  });

  test('N17: 平均办理时间 in days to one decimal, none without a closed message; the page escapes what was typed', () => {
    expect(averageDays([])).toBeNull();
    expect(averageDays([86_400_000, 2 * 86_400_000, 86_400_000 * 1.25])).toBe(1.4);
    const report = buildWebsiteReport({
      year: 2025,
      identity,
      data: { ...data, averageHandlingDays: null },
      entries: { ...complete, innovation: '<script>x</script>' },
    });
    const html = renderWebsiteReportBody(report);
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).toContain('<tr><th scope="row">留言办理：平均办理时间（单位：天）</th><td>—</td></tr>');
    expect(websiteReportText(buildWebsiteReport({ year: 2025, identity, data, entries: {} }))).toMatch(
      /尚缺 \d+ 项必填数据，不能发布：\n {2}信息发布：概况类信息更新量/,
    );
  });
});
