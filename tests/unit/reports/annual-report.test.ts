// clock-sensitive: also runs at each fixed today (tests/run-at-fixed-days.mjs).
import { describe, expect, test } from '@jest/globals';
import {
  annualReportDeadline,
  annualReportTiming,
  buildAnnualReport,
  checkRequestTable,
  annualReportCss,
  renderAnnualReportBody,
  renderAnnualReportHtml,
  requestTable,
  type AnnualReportInput,
  type DisclosureRequestRecord,
} from '../../../src/reports/core/annual-report.js';

const zeroCases = { upheld: 0, corrected: 0, other: 0, pending: 0 };

const requests: DisclosureRequestRecord[] = [
  // Carried over from 2025: one closed in 2026, one still open at the end of 2026.
  { applicant: 'naturalPerson', receivedOn: '2025-12-20', outcome: 'disclosed', closedOn: '2026-01-15' },
  { applicant: 'business', receivedOn: '2025-12-28', outcome: null, closedOn: null },
  // Closed in 2025: not in the 2026 report at all.
  { applicant: 'naturalPerson', receivedOn: '2025-03-01', outcome: 'disclosed', closedOn: '2025-03-20' },
  // New in 2026.
  { applicant: 'naturalPerson', receivedOn: '2026-02-13', outcome: 'partlyDisclosed', closedOn: '2026-03-10' },
  { applicant: 'naturalPerson', receivedOn: '2026-05-06', outcome: 'withheldThirdPartyRights', closedOn: '2026-05-20' },
  { applicant: 'naturalPerson', receivedOn: '2026-06-01', outcome: 'unavailableNotHeld', closedOn: '2026-06-10' },
  { applicant: 'legalServices', receivedOn: '2026-07-01', outcome: 'notProcessedRepeated', closedOn: '2026-07-02' },
  { applicant: 'research', receivedOn: '2026-09-30', outcome: 'otherFeeUnpaid', closedOn: '2026-11-03' },
  // New in 2026, answered in 2027: carried to next year.
  { applicant: 'naturalPerson', receivedOn: '2026-12-20', outcome: 'disclosed', closedOn: '2027-01-10' },
  // Received in 2027: not in the 2026 report.
  { applicant: 'naturalPerson', receivedOn: '2027-01-05', outcome: null, closedOn: null },
];

const input: AnnualReportInput = {
  year: 2026,
  organ: '临沧市民政局',
  overview: '2026年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。\n主动公开、依申请公开工作有序开展。',
  problems: '政策解读形式仍较单一。',
  otherMatters: '本年度未收取信息处理费。',
  documents: [
    { kind: 'normativeDocument', issuedOn: '2024-05-01' },
    { kind: 'normativeDocument', issuedOn: '2025-03-01', repealedOn: '2026-06-30' },
    { kind: 'normativeDocument', issuedOn: '2026-04-01' },
    { kind: 'normativeDocument', issuedOn: '2026-08-01', repealedOn: '2027-01-15' },
    { kind: 'normativeDocument', issuedOn: '2027-01-02' },
  ],
  decisions: { licensing: 12, penalty: 0, enforcement: 0 },
  feesTenThousandYuan: 0,
  requests,
  review: { upheld: 1, corrected: 0, other: 0, pending: 1 },
  litigationDirect: zeroCases,
  litigationAfterReview: { upheld: 0, corrected: 1, other: 0, pending: 0 },
};

const row = (report: ReturnType<typeof requestTable>, key: string) => report.rows.find((r) => r.key === key)!;

describe('N14 table 二 主动公开', () => {
  test('N14: issued, repealed and in force at the end of the year', () => {
    const report = buildAnnualReport(input);
    expect(report.proactive.regulatory).toEqual([
      { kind: 'rule', label: '规章', issued: 0, repealed: 0, inForce: 0 },
      { kind: 'normativeDocument', label: '行政规范性文件', issued: 2, repealed: 1, inForce: 3 },
    ]);
    expect(report.proactive).toMatchObject({ licensing: 12, penalty: 0, enforcement: 0, feesTenThousandYuan: 0 });
  });
});

describe('N14 table 三 requests', () => {
  test('N14: rows in the official order, with their printed numbering', () => {
    const table = requestTable(input);
    expect(table.rows).toHaveLength(2 + 21 + 2);
    expect(table.rows.map((r) => r.label).slice(0, 5)).toEqual([
      '一、本年新收政府信息公开申请数量',
      '二、上年结转政府信息公开申请数量',
      '（一）予以公开',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      '1.属于国家秘密',
    ]);
    expect(table.rows.at(-2)!.label).toBe('（七）总计');
    expect(table.rows.at(-1)!.label).toBe('四、结转下年度继续办理');
    expect(row(table, 'withheldStateSecret').group).toBe('（三）不予公开');
  });

  test('N14: new, carried over, results and carried to next year, per applicant and in total', () => {
    const table = requestTable(input);
    expect(row(table, 'newRequests')).toMatchObject({ total: 6, counts: { naturalPerson: 4, research: 1, legalServices: 1, business: 0 } });
    expect(row(table, 'carriedOver')).toMatchObject({ total: 2, counts: { naturalPerson: 1, business: 1 } });
    expect(row(table, 'disclosed').total).toBe(1);
    expect(row(table, 'partlyDisclosed').total).toBe(1);
    expect(row(table, 'withheldThirdPartyRights').total).toBe(1);
    expect(row(table, 'otherFeeUnpaid').counts.research).toBe(1);
    expect(row(table, 'totalHandled')).toMatchObject({
      total: 6,
      counts: { naturalPerson: 4, research: 1, legalServices: 1, business: 0 },
    });
    expect(row(table, 'carriedToNextYear')).toMatchObject({ total: 2, counts: { naturalPerson: 1, business: 1 } });
    // 6 + 2 = 6 + 2.
    expect(checkRequestTable(table)).toEqual([]);
    expect(buildAnnualReport(input).failures).toEqual([]);
  });

  test("N14: 上年结转 taken from last year's report that disagrees with the records fails 一 + 二 = 三 + 四, with the row named in Chinese", () => {
    const report = buildAnnualReport({ ...input, carriedOverFromLastYear: { naturalPerson: 2, business: 1 } });
    expect(report.failures).toEqual([
      {
        where: '自然人：一、二、三、四',
        message: '自然人：一、本年新收（4）+ 二、上年结转（2）= 6，不等于 三、本年度办理结果总计（4）+ 四、结转下年度继续办理（1）= 5',
      },
      {
        where: '总计：一、二、三、四',
        message: '总计：一、本年新收（6）+ 二、上年结转（3）= 9，不等于 三、本年度办理结果总计（6）+ 四、结转下年度继续办理（2）= 8',
      },
    ]);
  });

  test('N14: a hand-edited table whose (七) or 总计 does not add up fails', () => {
    const table = requestTable(input);
    row(table, 'totalHandled').counts.naturalPerson = 5;
    row(table, 'disclosed').total = 9;
    const failures = checkRequestTable(table);
    expect(failures.map((f) => f.message)).toEqual([
      '（一）予以公开的总计（9）不等于各类申请人之和（1）',
      '（七）总计的总计（6）不等于各类申请人之和（7）',
      '自然人：（七）总计（5）不等于（一）至（六）之和（4）',
      '自然人：一、本年新收（4）+ 二、上年结转（1）= 5，不等于 三、本年度办理结果总计（5）+ 四、结转下年度继续办理（1）= 6',
      '总计：（七）总计（6）不等于（一）至（六）之和（14）',
    ]);
  });

  test('N14: inconsistent records are refused', () => {
    expect(() =>
      requestTable({ year: 2026, requests: [{ applicant: 'naturalPerson', receivedOn: '2026-01-05', outcome: 'disclosed' }] }),
    ).toThrow(/set together/);
    expect(() =>
      requestTable({
        year: 2026,
        requests: [{ applicant: 'naturalPerson', receivedOn: '2026-01-05', outcome: 'disclosed', closedOn: '2026-01-04' }],
      }),
    ).toThrow(/closed before received/);
    expect(() => requestTable({ year: 2026, requests: [{ applicant: 'alien' as never, receivedOn: '2026-01-05' }] })).toThrow(
      /Invalid applicant type/,
    );
    expect(() =>
      requestTable({
        year: 2026,
        requests: [{ applicant: 'naturalPerson', receivedOn: '2026-01-05', outcome: 'withheld' as never, closedOn: '2026-01-06' }],
      }),
    ).toThrow(/Invalid request outcome/);
  });
});

describe('N14 table 四 and the deadline', () => {
  test('N14: review and litigation rows carry their totals', () => {
    const { reviewLitigation } = buildAnnualReport(input);
    expect(reviewLitigation.review).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 });
    expect(reviewLitigation.litigationAfterReview.total).toBe(1);
    expect(() => buildAnnualReport({ ...input, review: { ...zeroCases, other: -1 } })).toThrow(/Invalid count for review.other/);
  });

  test('N14: published by 31 January of the following year', () => {
    expect(annualReportDeadline(2026)).toBe('2027-01-31');
    expect(annualReportTiming({ year: 2026, today: '2026-12-31' }).state).toBe('yearNotOver');
    expect(annualReportTiming({ year: 2026, today: '2027-01-31' })).toEqual({
      deadline: '2027-01-31',
      state: 'open',
      message: '2026年度报告应于2027-01-31前公布',
    });
    expect(annualReportTiming({ year: 2026, today: '2027-02-01' }).state).toBe('overdue');
    expect(annualReportTiming({ year: 2026, today: '2027-03-01', publishedOn: '2027-01-31' }).state).toBe('published');
    expect(annualReportTiming({ year: 2026, today: '2027-03-01', publishedOn: '2027-02-01' }).message).toBe(
      '2026年度报告于2027-02-01公布，晚于2027-01-31的公布期限',
    );
  });
});

describe('N14 HTML', () => {
  const html = renderAnnualReportHtml(buildAnnualReport(input));

  test('N14: Chinese, self-contained: no external URL, no script, no linked asset', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/https?:|\/\/[a-z]|<script|<link|<img|<iframe|url\(|@import|src=/i);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('@media print');
  });

  test('N14: the six sections in order, with the official table headings', () => {
    const headings = [...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    expect(html).toContain('<title>临沧市民政局2026年政府信息公开工作年度报告</title>');
    for (const text of [
      '第二十条第（一）项',
      '第二十条第（八）项',
      '本年收费金额（单位：万元）',
      '未经复议直接起诉',
      '复议后起诉',
      '法人或其他组织',
      '（三）不予公开',
      '8.属于行政查询事项',
    ])
      expect(html).toContain(text);
  });

  test('N14: tables use scoped header cells; the results block spans its 22 rows', () => {
    expect(html).toContain('<th scope="rowgroup" rowspan="22">三、本年度办理结果</th>');
    expect(html).toContain('<th scope="rowgroup" rowspan="8">（三）不予公开</th>');
    expect(html).toContain('<th scope="col" rowspan="2">自然人</th>');
    expect(html).not.toMatch(/<th(?=[\s>])(?![^>]*scope=)[^>]*>/);
    // Every body row of table 三 has 7 figures.
    const table3 = html.slice(html.indexOf('<caption>三、'), html.indexOf('</table>', html.indexOf('<caption>三、')));
    const bodyRows = table3.slice(table3.indexOf('<tbody>')).match(/<tr>.*?<\/tr>/g)!;
    expect(bodyRows).toHaveLength(25);
    for (const r of bodyRows) expect(r.match(/<td>/g)).toHaveLength(7);
  });

  test('N14: the corner cell of table 三 states the check, as in 国办公开办函〔2021〕30号; no note of our own below it', () => {
    const table3 = html.slice(html.indexOf('<caption>三、'), html.indexOf('</table>', html.indexOf('<caption>三、')));
    expect(table3).toContain(
      '<td class="corner" colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>',
    );
    expect(html).not.toContain('本表数据的勾稽关系');
  });

  test('N14: the body alone is one scoped article for the site frame; the CSS is scoped to it', () => {
    const body = renderAnnualReportBody(buildAnnualReport(input));
    expect(body).toMatch(/^<article class="annual-report">\n<h1>临沧市民政局2026年政府信息公开工作年度报告<\/h1>/);
    expect(body).not.toMatch(/<style|<script|annual-report-failures/);
    // Every rule but @page and @media applies inside the article (or to the failures box) only.
    const selectors = annualReportCss.replace(/\/\*.*?\*\//gs, '').match(/^[^@}\n][^{]*(?=\{)/gm)!;
    for (const s of selectors) for (const part of s.split(',')) expect(part.trim()).toMatch(/^\.annual-report/);
  });

  test('N14: text is escaped and paragraphs kept; failures are shown on screen, not printed', () => {
    const report = buildAnnualReport({
      ...input,
      overview: '<b>加粗</b> & “引号”',
      carriedOverFromLastYear: { naturalPerson: 2, business: 1 },
    });
    const page = renderAnnualReportHtml(report);
    expect(page).toContain('<p>&lt;b&gt;加粗&lt;/b&gt; &amp; “引号”</p>');
    expect(page).toContain('<div class="annual-report-failures" role="alert">');
    expect(page).toContain('.annual-report-failures { display: none; }');
    expect(html).not.toContain('class="annual-report-failures"');
    expect(html).toContain('<p>主动公开、依申请公开工作有序开展。</p>');
  });
});

describe('N14 text for the terminal', () => {
  test('N14: every row of table 三 with its seven figures, and the check', async () => {
    const { annualReportText } = await import('../../../src/reports/core/annual-report-text.js');
    const text = annualReportText(buildAnnualReport(input));
    expect(text).toContain(
      '三、收到和处理政府信息公开申请情况（自然人 / 商业企业 / 科研机构 / 社会公益组织 / 法律服务机构 / 其他 / 总计）',
    );
    expect(text).toContain('  一、本年新收政府信息公开申请数量：4 / 0 / 1 / 0 / 1 / 0 / 6');
    expect(text).toContain('  （三）不予公开 4.保护第三方合法权益：1 / 0 / 0 / 0 / 0 / 0 / 1');
    expect(text).toContain('  行政复议：1 / 0 / 0 / 1 / 2');
    expect(text.endsWith('校验通过：一 + 二 = 三 + 四，各项合计无误')).toBe(true);
    const failing = annualReportText(buildAnnualReport({ ...input, carriedOverFromLastYear: { naturalPerson: 2, business: 1 } }));
    expect(failing).toMatch(/校验未通过（\d+ 项）：\n {2}自然人：/);
  });
});
