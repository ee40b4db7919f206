import Handlebars from 'handlebars';
import { assertCalendarDay, type CalendarDay } from '../../platform/calendar/working-days.js';
import {
  applicantTypeOptions,
  applicantTypes,
  requestOutcomeGroups,
  requestOutcomes,
  type ApplicantType,
  type OutcomeGroup,
  type RequestOutcome,
} from '../../requests/core/request-vocabulary.js';

/*
 * N14, S12: the annual report on government information disclosure (政府信息公开工作年度报告) in
 * the format of 国办公开办函〔2021〕30号: 一 总体情况 (text); 二 主动公开政府信息情况, 三 收到和处理
 * 政府信息公开申请情况 and 四 政府信息公开行政复议、行政诉讼情况 (tables computed here from plain
 * records); 五 存在的主要问题及改进情况 and 六 其他需要报告的事项 (text). Published by 31 January of
 * the following year. Pure: no Keystone, no clock of its own.
 */

// ——— Input ———

/** 二, 第二十条第（一）项: rules (规章) and normative documents (行政规范性文件). */
export type RegulatoryDocumentKind = 'rule' | 'normativeDocument';

export interface RegulatoryDocumentRecord {
  kind: RegulatoryDocumentKind;
  /** 制发: the day it was issued. */
  issuedOn: CalendarDay;
  /** 废止: the day it was repealed, if it was. */
  repealedOn?: CalendarDay | null;
}

export interface DisclosureRequestRecord {
  applicant: ApplicantType;
  /** The day the period started (receipt, see src/requests/core/clock.ts). */
  receivedOn: CalendarDay;
  /** Both set once the request is closed; both unset while it is open. */
  outcome?: RequestOutcome | null;
  closedOn?: CalendarDay | null;
}

/** 四: cases by result; the total is computed. */
export interface CaseCounts {
  upheld: number;
  corrected: number;
  other: number;
  pending: number;
}

export interface AnnualReportInput {
  year: number;
  /** The reporting organ, e.g. 临沧市民政局. */
  organ: string;
  /** 一、总体情况; paragraphs separated by line breaks. */
  overview: string;
  /** 五、存在的主要问题及改进情况. */
  problems: string;
  /** 六、其他需要报告的事项 (e.g. 信息处理费 collected, S12 assessment figures). */
  otherMatters: string;
  documents: readonly RegulatoryDocumentRecord[];
  /** 第二十条第（五）（六）项: decisions taken in the year. */
  decisions?: { licensing?: number; penalty?: number; enforcement?: number };
  /** 第二十条第（八）项: 行政事业性收费, in 万元. */
  feesTenThousandYuan?: number;
  requests: readonly DisclosureRequestRecord[];
  /**
   * 二、上年结转: by default worked out from the records; pass last year's published row 四 instead
   * so that a difference between the two fails the consistency check rather than passing unseen.
   */
  carriedOverFromLastYear?: Partial<Record<ApplicantType, number>>;
  review: CaseCounts;
  litigationDirect: CaseCounts;
  litigationAfterReview: CaseCounts;
}

// ——— Tables ———

export interface ProactiveTable {
  /** 第二十条第（一）项. */
  regulatory: { kind: RegulatoryDocumentKind; label: string; issued: number; repealed: number; inForce: number }[];
  /** 第二十条第（五）项 and 第（六）项: 本年处理决定数量. */
  licensing: number;
  penalty: number;
  enforcement: number;
  /** 第二十条第（八）项: 本年收费金额（单位：万元）. */
  feesTenThousandYuan: number;
}

export type RequestRowKey = 'newRequests' | 'carriedOver' | RequestOutcome | 'totalHandled' | 'carriedToNextYear';

export interface RequestTableRow {
  key: RequestRowKey;
  /** The row's heading as printed, numbering included, e.g. 一、本年新收政府信息公开申请数量 or 1.属于国家秘密. */
  label: string;
  /** For outcome rows: the group heading, e.g. （三）不予公开. */
  group?: string;
  counts: Record<ApplicantType, number>;
  /** 总计 column. */
  total: number;
}

/** 三: the official rows in order (一, 二, 三's (一) to (七), 四). Editable: `checkRequestTable` checks it as given. */
export interface RequestTable {
  rows: RequestTableRow[];
}

export interface CaseRow extends CaseCounts {
  total: number;
}

export interface ReviewLitigationTable {
  review: CaseRow;
  litigationDirect: CaseRow;
  litigationAfterReview: CaseRow;
}

export interface ConsistencyFailure {
  /** The column (applicant type or 总计) and rows concerned, in Chinese. */
  where: string;
  message: string;
}

export interface AnnualReport {
  year: number;
  organ: string;
  title: string;
  overview: string;
  proactive: ProactiveTable;
  requests: RequestTable;
  reviewLitigation: ReviewLitigationTable;
  problems: string;
  otherMatters: string;
  /** N14: 一 + 二 = 三 + 四, and the sums of the request table; empty when consistent. */
  failures: ConsistencyFailure[];
  deadline: CalendarDay;
}

const regulatoryLabels: Record<RegulatoryDocumentKind, string> = { rule: '规章', normativeDocument: '行政规范性文件' };

export const requestRowHeadings = {
  newRequests: '一、本年新收政府信息公开申请数量',
  carriedOver: '二、上年结转政府信息公开申请数量',
  results: '三、本年度办理结果',
  totalHandled: '（七）总计',
  carriedToNextYear: '四、结转下年度继续办理',
} as const;

const zeroCounts = (): Record<ApplicantType, number> =>
  Object.fromEntries(applicantTypes.map((a) => [a, 0])) as Record<ApplicantType, number>;
const sum = (values: Iterable<number>): number => [...values].reduce((a, b) => a + b, 0);
const countsTotal = (counts: Record<ApplicantType, number>): number => sum(applicantTypes.map((a) => counts[a]));

function assertCount(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0) throw new Error(`Invalid count for ${what}: ${value}, expected a whole number, 0 or more`);
  return value;
}

function yearBounds(year: number): { start: CalendarDay; end: CalendarDay } {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new Error(`Invalid report year ${year}`);
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

/** 二: counts of the year, from the documents' issue and repeal days. */
export function proactiveTable(input: Pick<AnnualReportInput, 'year' | 'documents' | 'decisions' | 'feesTenThousandYuan'>): ProactiveTable {
  const { start, end } = yearBounds(input.year);
  const regulatory = (['rule', 'normativeDocument'] as const).map((kind) => {
    const docs = input.documents.filter((d) => d.kind === kind);
    for (const d of docs) {
      assertCalendarDay(d.issuedOn);
      if (d.repealedOn != null && assertCalendarDay(d.repealedOn) < d.issuedOn)
        throw new Error(`Invalid document: repealed ${d.repealedOn} before issued ${d.issuedOn}`);
    }
    const inYear = (day: CalendarDay | null | undefined) => day != null && day >= start && day <= end;
    return {
      kind,
      label: regulatoryLabels[kind],
      issued: docs.filter((d) => inYear(d.issuedOn)).length,
      repealed: docs.filter((d) => inYear(d.repealedOn)).length,
      // 现行有效: issued by the end of the year and not repealed by then.
      inForce: docs.filter((d) => d.issuedOn <= end && (d.repealedOn == null || d.repealedOn > end)).length,
    };
  });
  const fees = input.feesTenThousandYuan ?? 0;
  if (!(fees >= 0)) throw new Error(`Invalid fees ${fees}: expected 0 or more (万元)`);
  return {
    regulatory,
    licensing: assertCount(input.decisions?.licensing ?? 0, 'licensing'),
    penalty: assertCount(input.decisions?.penalty ?? 0, 'penalty'),
    enforcement: assertCount(input.decisions?.enforcement ?? 0, 'enforcement'),
    feesTenThousandYuan: fees,
  };
}

/** 三: the request table of the year, from the request records. */
export function requestTable(input: Pick<AnnualReportInput, 'year' | 'requests' | 'carriedOverFromLastYear'>): RequestTable {
  const { start, end } = yearBounds(input.year);
  const newRequests = zeroCounts();
  const carriedOver = zeroCounts();
  const carriedToNextYear = zeroCounts();
  const byOutcome = new Map<RequestOutcome, Record<ApplicantType, number>>(requestOutcomes.map((o) => [o, zeroCounts()]));
  for (const r of input.requests) {
    if (!applicantTypes.includes(r.applicant)) throw new Error(`Invalid applicant type ${JSON.stringify(r.applicant)}`);
    assertCalendarDay(r.receivedOn);
    if ((r.outcome == null) !== (r.closedOn == null))
      throw new Error(`Invalid request received ${r.receivedOn}: outcome and closedOn are set together`);
    if (r.closedOn != null && assertCalendarDay(r.closedOn) < r.receivedOn)
      throw new Error(`Invalid request received ${r.receivedOn}: closed before received`);
    if (r.outcome != null && !byOutcome.has(r.outcome)) throw new Error(`Invalid request outcome ${JSON.stringify(r.outcome)}`);
    if (r.receivedOn > end) continue;
    if (r.receivedOn >= start) newRequests[r.applicant]++;
    else if (r.closedOn == null || r.closedOn >= start) carriedOver[r.applicant]++;
    if (r.closedOn != null && r.closedOn >= start && r.closedOn <= end) byOutcome.get(r.outcome!)![r.applicant]++;
    if (r.closedOn == null || r.closedOn > end) carriedToNextYear[r.applicant]++;
  }
  if (input.carriedOverFromLastYear) {
    for (const a of applicantTypes) carriedOver[a] = assertCount(input.carriedOverFromLastYear[a] ?? 0, `carriedOverFromLastYear.${a}`);
  }
  const totalHandled = zeroCounts();
  for (const counts of byOutcome.values()) for (const a of applicantTypes) totalHandled[a] += counts[a];

  const row = (key: RequestRowKey, label: string, counts: Record<ApplicantType, number>, group?: string): RequestTableRow => ({
    key,
    label,
    ...(group ? { group } : {}),
    counts,
    total: countsTotal(counts),
  });
  const outcomeRows = (requestOutcomeGroups as readonly OutcomeGroup[]).flatMap((g) =>
    g.items.length === 0
      ? [row(g.value as RequestOutcome, `${g.number}${g.label}`, byOutcome.get(g.value as RequestOutcome)!)]
      : g.items.map((i) =>
          row(i.value as RequestOutcome, `${i.number}${i.label}`, byOutcome.get(i.value as RequestOutcome)!, `${g.number}${g.label}`),
        ),
  );
  return {
    rows: [
      row('newRequests', requestRowHeadings.newRequests, newRequests),
      row('carriedOver', requestRowHeadings.carriedOver, carriedOver),
      ...outcomeRows,
      row('totalHandled', requestRowHeadings.totalHandled, totalHandled),
      row('carriedToNextYear', requestRowHeadings.carriedToNextYear, carriedToNextYear),
    ],
  };
}

/**
 * N14: the checks of table 三, on the table as given (computed or edited by hand): in every column,
 * 一 + 二 = 三（七）总计 + 四; （七）总计 is the sum of （一） to （六）; 总计 is the sum of the applicant columns.
 */
export function checkRequestTable(table: RequestTable): ConsistencyFailure[] {
  const failures: ConsistencyFailure[] = [];
  const byKey = new Map(table.rows.map((r) => [r.key, r]));
  const need = (key: RequestRowKey): RequestTableRow => {
    const r = byKey.get(key);
    if (!r) throw new Error(`Request table without the row ${key}`);
    return r;
  };
  const [fresh, carried, handled, next] = (['newRequests', 'carriedOver', 'totalHandled', 'carriedToNextYear'] as const).map(need);
  const outcomeRows = requestOutcomes.map(need);
  const columns: { label: string; value: (r: RequestTableRow) => number }[] = [
    ...applicantTypeOptions.map((o) => ({
      label: o.group ? `${o.group}：${o.label}` : o.label,
      value: (r: RequestTableRow) => r.counts[o.value],
    })),
    { label: '总计', value: (r: RequestTableRow) => r.total },
  ];
  for (const r of table.rows) {
    const expected = countsTotal(r.counts);
    if (r.total !== expected)
      failures.push({ where: `${r.label}：总计`, message: `${r.label}的总计（${r.total}）不等于各类申请人之和（${expected}）` });
  }
  for (const c of columns) {
    const outcomes = sum(outcomeRows.map(c.value));
    if (c.value(handled) !== outcomes) {
      failures.push({
        where: `${c.label}：三、本年度办理结果`,
        message: `${c.label}：（七）总计（${c.value(handled)}）不等于（一）至（六）之和（${outcomes}）`,
      });
    }
    const left = c.value(fresh) + c.value(carried);
    const right = c.value(handled) + c.value(next);
    if (left !== right) {
      failures.push({
        where: `${c.label}：一、二、三、四`,
        message: `${c.label}：一、本年新收（${c.value(fresh)}）+ 二、上年结转（${c.value(carried)}）= ${left}，不等于 三、本年度办理结果总计（${c.value(handled)}）+ 四、结转下年度继续办理（${c.value(next)}）= ${right}`,
      });
    }
  }
  return failures;
}

const caseRow = (counts: CaseCounts, what: string): CaseRow => {
  for (const k of ['upheld', 'corrected', 'other', 'pending'] as const) assertCount(counts[k], `${what}.${k}`);
  return { ...counts, total: counts.upheld + counts.corrected + counts.other + counts.pending };
};

/** N14: due on 31 January of the following year. */
export function annualReportDeadline(year: number): CalendarDay {
  yearBounds(year);
  return `${year + 1}-01-31`;
}

export type AnnualReportTiming = 'yearNotOver' | 'open' | 'overdue' | 'published' | 'publishedLate';

/** N14: where the report stands against its deadline; before the year is over its figures are incomplete. */
export function annualReportTiming({ year, today, publishedOn }: { year: number; today: CalendarDay; publishedOn?: CalendarDay | null }): {
  deadline: CalendarDay;
  state: AnnualReportTiming;
  message: string;
} {
  const deadline = annualReportDeadline(year);
  assertCalendarDay(today);
  if (publishedOn != null) {
    assertCalendarDay(publishedOn);
    return publishedOn <= deadline
      ? { deadline, state: 'published', message: `${year}年度报告已于${publishedOn}按时公布` }
      : { deadline, state: 'publishedLate', message: `${year}年度报告于${publishedOn}公布，晚于${deadline}的公布期限` };
  }
  if (today <= `${year}-12-31`) return { deadline, state: 'yearNotOver', message: `${year}年度尚未结束，报告数据不完整，不宜公布` };
  if (today <= deadline) return { deadline, state: 'open', message: `${year}年度报告应于${deadline}前公布` };
  return { deadline, state: 'overdue', message: `${year}年度报告已超过${deadline}的公布期限，尚未公布` };
}

/** N14: the whole report, with its consistency check. */
export function buildAnnualReport(input: AnnualReportInput): AnnualReport {
  const requests = requestTable(input);
  return {
    year: input.year,
    organ: input.organ,
    title: `${input.organ}${input.year}年政府信息公开工作年度报告`,
    overview: input.overview,
    proactive: proactiveTable(input),
    requests,
    reviewLitigation: {
      review: caseRow(input.review, 'review'),
      litigationDirect: caseRow(input.litigationDirect, 'litigationDirect'),
      litigationAfterReview: caseRow(input.litigationAfterReview, 'litigationAfterReview'),
    },
    problems: input.problems,
    otherMatters: input.otherMatters,
    failures: checkRequestTable(requests),
    deadline: annualReportDeadline(input.year),
  };
}

// ——— HTML ———

// The templates' own escaping, for HTML written in code.
const escapeHtml = Handlebars.Utils.escapeExpression;

const paragraphs = (text: string): string =>
  text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n') || '<p>无。</p>';

const td = (n: number): string => `<td>${escapeHtml(String(n))}</td>`;

/**
 * The report's own style, scoped to `.annual-report` so that it can sit inside the site frame (served
 * as a stylesheet there: the site's CSP allows no inline style) or inline in the standalone page. A4
 * print rules as the official format is printed: 黑体 headings, 仿宋 text, ruled tables.
 */
export const annualReportCss = `
@page { size: A4; margin: 20mm 18mm; }
.annual-report { font-family: "FangSong", "仿宋", "STFangsong", "SimSun", "Songti SC", serif; font-size: 16px; line-height: 1.8; color: #000; max-width: 180mm; margin: 0 auto; padding: 1em; }
.annual-report h1 { font-family: "SimHei", "黑体", "Heiti SC", sans-serif; font-size: 22px; text-align: center; line-height: 1.5; }
.annual-report h2 { font-family: "SimHei", "黑体", "Heiti SC", sans-serif; font-size: 17px; margin: 1.4em 0 0.6em; border: 0; padding: 0; }
.annual-report p { text-indent: 2em; margin: 0.3em 0; }
.annual-report table { width: 100%; border-collapse: collapse; margin: 0.6em 0; font-size: 13px; line-height: 1.4; }
.annual-report th, .annual-report td { border: 1px solid #000; padding: 4px 5px; text-align: center; vertical-align: middle; }
.annual-report th[scope="row"], .annual-report th[scope="rowgroup"] { text-align: left; font-weight: normal; }
.annual-report td.corner { font-size: 12px; text-align: left; vertical-align: top; }
/* The section heading already shows the title: the caption is for screen readers only. */
.annual-report caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.annual-report-failures { border: 2px solid #b00; padding: 0.5em 1em; color: #b00; }
@media print {
  .annual-report { max-width: none; padding: 0; font-size: 12pt; }
  .annual-report tr, .annual-report th, .annual-report td { page-break-inside: avoid; break-inside: avoid; }
  .annual-report h2 { page-break-after: avoid; break-after: avoid; }
  .annual-report-failures { display: none; }
}
`.trim();

function proactiveHtml(t: ProactiveTable): string {
  const block = (article: string, headers: string[], rows: string[]) =>
    `<tbody>\n<tr><th scope="colgroup" colspan="4">${article}</th></tr>\n<tr><th scope="col">信息内容</th>${headers.join('')}</tr>\n${rows.join('\n')}\n</tbody>`;
  const single = (label: string, value: number) =>
    `<tr><th scope="row">${label}</th><td colspan="3">${escapeHtml(String(value))}</td></tr>`;
  return [
    '<table>',
    '<caption>二、主动公开政府信息情况</caption>',
    block(
      '第二十条第（一）项',
      ['本年制发件数', '本年废止件数', '现行有效件数'].map((h) => `<th scope="col">${h}</th>`),
      t.regulatory.map((r) => `<tr><th scope="row">${r.label}</th>${td(r.issued)}${td(r.repealed)}${td(r.inForce)}</tr>`),
    ),
    block('第二十条第（五）项', ['<th scope="col" colspan="3">本年处理决定数量</th>'], [single('行政许可', t.licensing)]),
    block(
      '第二十条第（六）项',
      ['<th scope="col" colspan="3">本年处理决定数量</th>'],
      [single('行政处罚', t.penalty), single('行政强制', t.enforcement)],
    ),
    block(
      '第二十条第（八）项',
      ['<th scope="col" colspan="3">本年收费金额（单位：万元）</th>'],
      [single('行政事业性收费', t.feesTenThousandYuan)],
    ),
    '</table>',
  ].join('\n');
}

function requestsHtml(t: RequestTable): string {
  const cells = (r: RequestTableRow) => applicantTypes.map((a) => td(r.counts[a])).join('') + td(r.total);
  const outcomeKeys = new Set<string>(requestOutcomes);
  const resultRows = t.rows.filter((r) => outcomeKeys.has(r.key) || r.key === 'totalHandled');
  const body: string[] = [];
  for (const r of t.rows) {
    if (r.key === 'newRequests' || r.key === 'carriedOver' || r.key === 'carriedToNextYear') {
      body.push(`<tr><th scope="row" colspan="3">${escapeHtml(r.label)}</th>${cells(r)}</tr>`);
      continue;
    }
    const index = resultRows.indexOf(r);
    const lead = index === 0 ? `<th scope="rowgroup" rowspan="${resultRows.length}">${requestRowHeadings.results}</th>` : '';
    if (!r.group) {
      body.push(`<tr>${lead}<th scope="row" colspan="2">${escapeHtml(r.label)}</th>${cells(r)}</tr>`);
      continue;
    }
    const groupRows = resultRows.filter((x) => x.group === r.group);
    const groupHead = groupRows[0] === r ? `<th scope="rowgroup" rowspan="${groupRows.length}">${escapeHtml(r.group)}</th>` : '';
    body.push(`<tr>${lead}${groupHead}<th scope="row">${escapeHtml(r.label)}</th>${cells(r)}</tr>`);
  }
  const organisations = applicantTypeOptions
    .filter((o) => o.group)
    .map((o) => `<th scope="col">${o.label}</th>`)
    .join('');
  return [
    '<table>',
    '<caption>三、收到和处理政府信息公开申请情况</caption>',
    '<thead>',
    // The official corner cell states the check the table must pass.
    '<tr><td class="corner" colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><th scope="colgroup" colspan="7">申请人情况</th></tr>',
    `<tr><th scope="col" rowspan="2">自然人</th><th scope="colgroup" colspan="5">法人或其他组织</th><th scope="col" rowspan="2">总计</th></tr>`,
    `<tr>${organisations}</tr>`,
    '</thead>',
    '<tbody>',
    ...body,
    '</tbody>',
    '</table>',
  ].join('\n');
}

function reviewLitigationHtml(t: ReviewLitigationTable): string {
  const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const row = (r: CaseRow) => [r.upheld, r.corrected, r.other, r.pending, r.total].map(td).join('');
  return [
    '<table>',
    '<caption>四、政府信息公开行政复议、行政诉讼情况</caption>',
    '<thead>',
    '<tr><th scope="colgroup" colspan="5">行政复议</th><th scope="colgroup" colspan="10">行政诉讼</th></tr>',
    `<tr>${results.map((h) => `<th scope="col" rowspan="2">${h}</th>`).join('')}<th scope="colgroup" colspan="5">未经复议直接起诉</th><th scope="colgroup" colspan="5">复议后起诉</th></tr>`,
    `<tr>${[...results, ...results].map((h) => `<th scope="col">${h}</th>`).join('')}</tr>`,
    '</thead>',
    `<tbody><tr>${row(t.review)}${row(t.litigationDirect)}${row(t.litigationAfterReview)}</tr></tbody>`,
    '</table>',
  ].join('\n');
}

/** N14: the failures of the check, for the screen only (hidden in print); empty when consistent. */
export function renderAnnualReportFailures(report: Pick<AnnualReport, 'failures'>): string {
  return report.failures.length
    ? `<div class="annual-report-failures" role="alert"><p>数据校验未通过，请核对后再公布：</p><ul>${report.failures.map((f) => `<li>${escapeHtml(f.message)}</li>`).join('')}</ul></div>`
    : '';
}

/** N14: the report itself, the six sections in the official format, as one `<article class="annual-report">`. */
export function renderAnnualReportBody(report: AnnualReport): string {
  return `<article class="annual-report">
<h1>${escapeHtml(report.title)}</h1>
<section>
<h2>一、总体情况</h2>
${paragraphs(report.overview)}
</section>
<section>
<h2>二、主动公开政府信息情况</h2>
${proactiveHtml(report.proactive)}
</section>
<section>
<h2>三、收到和处理政府信息公开申请情况</h2>
${requestsHtml(report.requests)}
</section>
<section>
<h2>四、政府信息公开行政复议、行政诉讼情况</h2>
${reviewLitigationHtml(report.reviewLitigation)}
</section>
<section>
<h2>五、存在的主要问题及改进情况</h2>
${paragraphs(report.problems)}
</section>
<section>
<h2>六、其他需要报告的事项</h2>
${paragraphs(report.otherMatters)}
</section>
</article>`;
}

/**
 * N14: the report as one self-contained HTML page for archiving (inline CSS with A4 print rules; no
 * external asset, no script). Consistency failures are shown on screen above the report, never printed.
 */
export function renderAnnualReportHtml(report: AnnualReport): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.title)}</title>
<style>
${annualReportCss}
</style>
</head>
<body>
${renderAnnualReportFailures(report)}
<main>
${renderAnnualReportBody(report)}
</main>
</body>
</html>
`;
}
