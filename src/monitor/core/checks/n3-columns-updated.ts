/**
 * N3 columns not updated: news (动态/要闻) within 2 weeks, notices and policy files within 6 months,
 * personnel and plans within 1 year. Veto at ≥ 5 such overdue columns, or ≥ 10 columns that should be
 * updated and are not (including other columns marked as updated regularly, after 1 year); otherwise
 * each overdue column is a deduction. Empty columns are N4's, not counted here.
 */
import { deriveSite } from '../columns.js';
import { toCalendarDay } from '../../../platform/calendar/working-days.js';
import { addMonths, daysBetween, toDay } from '../../../platform/http/dates.js';
import type { Check, ColumnKind, Finding } from '../types.js';

export const n3PointsPerColumn = 2;
export const n3VetoOverdue = 5;
export const n3VetoStale = 10;

const kindLabels: Record<ColumnKind, string> = {
  news: '动态要闻类',
  notice: '通知公告类',
  policy: '政策文件类',
  personnel: '人事类',
  plan: '规划计划类',
  other: '其他',
};
const periodLabels: Record<ColumnKind, string> = {
  news: '2 周',
  notice: '6 个月',
  policy: '6 个月',
  personnel: '1 年',
  plan: '1 年',
  other: '1 年',
};

/** The day on or before which the latest item makes a column overdue ("not updated for 2 weeks" = 14 days old, as N2). */
export function overdueBefore(kind: ColumnKind, now: Date, maxAgeDays?: number): string {
  const today = toCalendarDay(now);
  if (maxAgeDays !== undefined) return new Date(Date.parse(today) - maxAgeDays * 86_400_000).toISOString().slice(0, 10);
  const todayInstant = new Date(Date.parse(today));
  switch (kind) {
    case 'news':
      return new Date(Date.parse(today) - 14 * 86_400_000).toISOString().slice(0, 10);
    case 'notice':
    case 'policy':
      return addMonths(todayInstant, -6).toISOString().slice(0, 10);
    default:
      return addMonths(todayInstant, -12).toISOString().slice(0, 10);
  }
}

interface ColumnView {
  id: string;
  name: string;
  url?: string;
  kind: ColumnKind;
  latest?: string;
  empty: boolean;
  updateExpected: boolean;
  maxAgeDays?: number;
}

export function columnViews(input: Parameters<Check['run']>[0]): ColumnView[] {
  const { knowledge, crawl, config, now } = input;
  const today = toCalendarDay(now);
  if (knowledge?.columns?.length) {
    return knowledge.columns.map((c) => {
      const days = c.itemDates
        .map((d) => toDay(d))
        .filter((d): d is string => !!d && d <= today)
        .sort();
      return {
        id: c.id,
        name: c.name,
        url: c.url,
        kind: c.kind,
        latest: days[days.length - 1],
        empty: (c.itemCount ?? c.itemDates.length) === 0,
        updateExpected: c.updateExpected ?? c.kind !== 'other',
        maxAgeDays: c.maxAgeDays,
      };
    });
  }
  // Seen from outside, a list that stopped long ago is "should be updated and is not" (1 year).
  return deriveSite(crawl, config, now).columns.map((c) => ({
    id: c.key,
    name: c.name,
    url: c.url,
    kind: c.kind,
    latest: c.dates[0],
    empty: c.empty,
    updateExpected: true,
  }));
}

export const n3ColumnsUpdated: Check = {
  id: 'N3',
  title: '栏目更新',
  run(input) {
    const today = toCalendarDay(input.now);
    const findings: Finding[] = [];
    let overdueKinds = 0;
    let overdueAll = 0;
    const names: string[] = [];
    for (const col of columnViews(input)) {
      if (col.empty || !col.updateExpected) continue;
      const limit = overdueBefore(col.kind, input.now, col.maxAgeDays);
      // A column with items but none dated cannot show it is current.
      if (col.latest && col.latest > limit) continue;
      overdueAll++;
      if (col.kind !== 'other') overdueKinds++;
      names.push(col.name);
      const age = col.latest ? daysBetween(col.latest, today) : undefined;
      const period = col.maxAgeDays !== undefined ? `${col.maxAgeDays} 天` : periodLabels[col.kind];
      findings.push({
        ruleId: 'N3',
        code: 'N3.overdue',
        severity: 'deduction',
        points: col.kind === 'other' ? 1 : n3PointsPerColumn,
        page: col.url,
        subject: col.id,
        evidence: col.latest ? `栏目“${col.name}”最新信息 ${col.latest}，已 ${age} 天` : `栏目“${col.name}”的信息没有发布日期`,
        message: `${kindLabels[col.kind]}栏目“${col.name}”超过 ${period} 未更新`,
        hint: `请在栏目“${col.name}”发布新信息；确实不再更新的栏目应归档或与相近栏目合并，不要长期挂在网站上。`,
      });
    }
    if (overdueKinds >= n3VetoOverdue || overdueAll >= n3VetoStale) {
      findings.unshift({
        ruleId: 'N3',
        code: 'N3.veto',
        severity: 'veto',
        subject: 'columns',
        page: input.baseUrl,
        evidence: `超期未更新栏目：${names.slice(0, 20).join('、')}${names.length > 20 ? ` 等 ${names.length} 个` : ''}`,
        message:
          overdueKinds >= n3VetoOverdue
            ? `动态、通知公告、政策文件、人事规划类栏目超期未更新累计 ${overdueKinds} 个（≥5 个为单项否决）`
            : `应更新但长期未更新的栏目 ${overdueAll} 个（≥10 个为单项否决）`,
        hint: '逐个栏目安排责任科室和更新频次；不再使用的栏目整合或归档。',
      });
    }
    return findings;
  },
};
