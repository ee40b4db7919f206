import { columnKindOptions, interpretationFormOptions, openCategoryOptions } from '../../platform/content/vocabulary.js';
import { requestOutcomeGroups } from '../../requests/core/request-vocabulary.js';

/*
 * S12: the yearly figures for the head's disclosure report (主要负责人听取政务公开工作汇报) and the
 * performance assessment (绩效考核, where disclosure weighs at least 4 %). Pure: a function of counts;
 * `assessment-data.ts` counts them.
 */

/** S12: disclosure work weighs at least this share of the performance assessment. */
export const minimumAssessmentWeightPercent = 4;

export interface FigureCounts {
  year: number;
  /** Published public documents of the year, by 五公开 area (key null: not classified). */
  documentsByArea: Record<string, number>;
  /** The same documents by the kind of column they are in (a document in two kinds counts in both). */
  documentsByColumnKind: Record<string, number>;
  interpretationsByForm: Record<string, number>;
  /** N12: proactive documents formed in the year and published, on time and late. */
  proactiveOnTime: number;
  proactiveLate: number;
  /** N13: requests received in the year; closed in the year by outcome group; closed within their limit. */
  requestsReceived: number;
  requestsClosedByGroup: Record<string, number>;
  requestsClosedOnTime: number;
  /** Other capabilities' counts of the year. */
  messages: { received: number; replied: number };
  consultations: { opened: number; comments: number };
  incidents: { total: number };
  responsibility: { leader: string; office: string; staff: string };
  /** The share of disclosure in the performance assessment, as set (percent), or null when not set. */
  assessmentWeightPercent: number | null;
}

export interface FigureLine {
  label: string;
  value: number;
}

export interface AssessmentFigures {
  year: number;
  documents: { total: number; byArea: FigureLine[]; byColumnKind: FigureLine[] };
  interpretations: { total: number; byForm: FigureLine[] };
  proactiveTimeliness: { onTime: number; late: number; percentOnTime: number | null };
  requests: { received: number; closed: number; byGroup: FigureLine[]; onTime: number; percentOnTime: number | null };
  messages: FigureCounts['messages'];
  consultations: FigureCounts['consultations'];
  incidents: FigureCounts['incidents'];
  responsibility: FigureCounts['responsibility'];
  assessmentWeightPercent: number | null;
  /** What the head should hear about (S12): missing responsibility, weight under 4 %, late items. */
  warnings: string[];
}

const percent = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);
const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
const lines = (
  options: readonly { value: string; label: string }[],
  counts: Record<string, number>,
  unclassified?: string,
): FigureLine[] => [
  ...options.map((o) => ({ label: o.label, value: counts[o.value] ?? 0 })),
  ...(unclassified && counts.none ? [{ label: unclassified, value: counts.none }] : []),
];

/** S12: the figures of the year from the counts, with what needs attention. */
export function assessmentFigures(c: FigureCounts): AssessmentFigures {
  const warnings: string[] = [];
  if (!c.responsibility.leader || !c.responsibility.office || !c.responsibility.staff)
    warnings.push('未在网站设置中明确政务公开分管领导、责任科室和工作人员');
  if (c.assessmentWeightPercent == null)
    warnings.push(`未设置政务公开工作在绩效考核中的分值占比（不低于 ${minimumAssessmentWeightPercent}%）`);
  else if (c.assessmentWeightPercent < minimumAssessmentWeightPercent)
    warnings.push(`政务公开工作在绩效考核中的分值占比为 ${c.assessmentWeightPercent}%，低于 ${minimumAssessmentWeightPercent}%`);
  if (c.proactiveLate) warnings.push(`${c.proactiveLate} 件主动公开信息未在形成后 20 个工作日内公开`);
  const closed = sum(c.requestsClosedByGroup);
  if (closed > c.requestsClosedOnTime) warnings.push(`${closed - c.requestsClosedOnTime} 件依申请公开未在法定期限内答复`);
  return {
    year: c.year,
    documents: {
      total: sum(c.documentsByArea),
      byArea: lines(openCategoryOptions, c.documentsByArea, '未分类'),
      byColumnKind: lines(columnKindOptions, c.documentsByColumnKind).filter((l) => l.value > 0),
    },
    interpretations: { total: sum(c.interpretationsByForm), byForm: lines(interpretationFormOptions, c.interpretationsByForm) },
    proactiveTimeliness: {
      onTime: c.proactiveOnTime,
      late: c.proactiveLate,
      percentOnTime: percent(c.proactiveOnTime, c.proactiveOnTime + c.proactiveLate),
    },
    requests: {
      received: c.requestsReceived,
      closed,
      byGroup: requestOutcomeGroups.map((g) => ({
        label: `${g.number}${g.label.replace(/（.*）$/, '')}`,
        value: c.requestsClosedByGroup[g.value] ?? 0,
      })),
      onTime: c.requestsClosedOnTime,
      percentOnTime: percent(c.requestsClosedOnTime, closed),
    },
    messages: c.messages,
    consultations: c.consultations,
    incidents: c.incidents,
    responsibility: c.responsibility,
    assessmentWeightPercent: c.assessmentWeightPercent,
    warnings,
  };
}

/** The figures as text, for the CLI and the head's report. */
export function assessmentText(f: AssessmentFigures): string {
  const pct = (p: number | null) => (p == null ? '—' : `${p}%`);
  const list = (items: FigureLine[]) => items.map((l) => `${l.label} ${l.value}`).join('，');
  const out = [
    `${f.year}年政务公开工作数据`,
    `主动公开文件 ${f.documents.total} 件：${list(f.documents.byArea)}`,
    `按栏目类型：${list(f.documents.byColumnKind) || '无'}`,
    `政策解读 ${f.interpretations.total} 件：${list(f.interpretations.byForm)}`,
    `主动公开时限（20 个工作日）：按期 ${f.proactiveTimeliness.onTime} 件，逾期 ${f.proactiveTimeliness.late} 件，按期率 ${pct(f.proactiveTimeliness.percentOnTime)}`,
    `依申请公开：收到 ${f.requests.received} 件，办结 ${f.requests.closed} 件（${list(f.requests.byGroup)}），按期答复率 ${pct(f.requests.percentOnTime)}`,
    `留言：收到 ${f.messages.received} 件，已答复 ${f.messages.replied} 件`,
    `征求意见：${f.consultations.opened} 次，收到意见 ${f.consultations.comments} 条`,
    `舆情事件：${f.incidents.total} 件`,
    `分管领导：${f.responsibility.leader || '未设置'}；责任科室：${f.responsibility.office || '未设置'}；工作人员：${f.responsibility.staff || '未设置'}`,
    `绩效考核分值占比：${f.assessmentWeightPercent == null ? '未设置' : `${f.assessmentWeightPercent}%`}（不低于 ${minimumAssessmentWeightPercent}%）`,
  ];
  if (f.warnings.length) out.push('需要关注：', ...f.warnings.map((w) => `  ${w}`));
  return out.join('\n');
}
