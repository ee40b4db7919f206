/**
 * N19: whether a regulation or normative document is in force (现行有效 / 已修改 / 已废止 / 已失效), what a
 * page says about it, and which published items have outlived their time (the 待办 clean-up queue and the
 * monitor). Pure: no Keystone, no database; days are 'YYYY-MM-DD' in China time.
 */
import type { CalendarDay } from '../../platform/calendar/working-days.js';

export const validityOptions = [
  { value: 'current', label: '现行有效' },
  { value: 'amended', label: '已修改' },
  { value: 'repealed', label: '已废止' },
  { value: 'expired', label: '已失效' },
] as const;
export type Validity = (typeof validityOptions)[number]['value'];

export const validityLabel = (v: Validity) => validityOptions.find((o) => o.value === v)!.label;

export interface ValidityFacts {
  validity: Validity;
  /** 施行日期 */
  effectiveFrom: CalendarDay | null;
  /** 有效期至 (or, for a 招聘, 公示 or 征集, the last day of its period) */
  validUntil: CalendarDay | null;
  /** 废止日期 */
  repealedOn: CalendarDay | null;
}

/** The document that amends or replaces it, when public. */
export interface Successor {
  id: string;
  title: string;
  effectiveFrom: CalendarDay | null;
  formationDate: CalendarDay | null;
}

/**
 * The status as of `today`: a document recorded as 现行有效 whose 有效期至 has passed is 已失效 — the
 * site never shows it as current even before anyone updates it.
 */
export function effectiveValidity(facts: Pick<ValidityFacts, 'validity' | 'validUntil'>, today: CalendarDay): Validity {
  if (facts.validity === 'current' && facts.validUntil && facts.validUntil < today) return 'expired';
  return facts.validity;
}

/** 2026-03-01 → 2026年3月1日 */
export function chineseDay(day: CalendarDay): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The banner of a document not in force ("本文件已于…废止，详见…"), or null while it is current. */
export function validityBanner(
  facts: ValidityFacts,
  successor: Successor | null,
  today: CalendarDay,
): { text: string; successor: Successor | null } | null {
  const status = effectiveValidity(facts, today);
  const see = successor ? '，详见' : '';
  if (status === 'repealed') {
    return { text: `本文件${facts.repealedOn ? `已于${chineseDay(facts.repealedOn)}` : '已'}废止${see}`, successor };
  }
  if (status === 'amended') {
    const on = successor?.effectiveFrom ?? successor?.formationDate;
    return { text: `本文件${on ? `已于${chineseDay(on)}` : '已'}修改${see}`, successor };
  }
  if (status === 'expired') {
    return { text: `本文件${facts.validUntil ? `有效期至${chineseDay(facts.validUntil)}，` : ''}已失效${see}`, successor };
  }
  return null;
}

/** Problems with a document's validity fields, in Chinese, for the form (empty when consistent). */
export function validityProblems(facts: ValidityFacts & { hasSuccessor: boolean }): string[] {
  const problems: string[] = [];
  if (facts.validity === 'repealed' && !facts.repealedOn) problems.push('效力状态为“已废止”的文件须填写废止日期');
  if (facts.repealedOn && facts.validity !== 'repealed') problems.push('填写了废止日期的文件，效力状态应为“已废止”');
  if (facts.validity === 'amended' && !facts.hasSuccessor) problems.push('效力状态为“已修改”的文件须关联修改它的文件');
  if (facts.validity === 'expired' && !facts.validUntil) problems.push('效力状态为“已失效”的文件须填写有效期至');
  if (facts.effectiveFrom && facts.validUntil && facts.validUntil < facts.effectiveFrom) problems.push('有效期至不能早于施行日期');
  return problems;
}

// ---- The clean-up queue (待办) and the monitor ----

/** Validity ending within this many days is on the clean-up queue. */
export const validityWarningDays = 60;

/** Items whose time is limited by their nature: recruitment, public notices, calls for comments or entries. */
export const timeLimitedPattern = /招聘|招录|招考|公示|征集|征求意见|报名/;

export interface PublishedItem {
  id: string;
  title: string;
  /** 规章 or 行政规范性文件 */
  regulatory: boolean;
  validity: Validity;
  validUntil: CalendarDay | null;
}

export type CleanupKind = 'validityEnding' | 'validityEnded' | 'timePassed';

export interface CleanupItem {
  kind: CleanupKind;
  id: string;
  title: string;
  due: CalendarDay;
  /** In Chinese: what is the matter and what to do. */
  detail: string;
}

function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * N19: published items to clean up as of `today` — normative documents whose validity ends within 60
 * days or has ended while they are still recorded as 现行有效, and time-limited items (招聘, 公示, 征集)
 * past their last day that are still shown as current.
 */
export function cleanupItems(items: PublishedItem[], today: CalendarDay): CleanupItem[] {
  const out: CleanupItem[] = [];
  for (const item of items) {
    if (!item.validUntil || item.validity !== 'current') continue;
    const left = daysBetween(today, item.validUntil);
    const base = { id: item.id, title: item.title, due: item.validUntil };
    if (item.regulatory) {
      if (left < 0) {
        out.push({
          ...base,
          kind: 'validityEnded',
          detail: `有效期至${chineseDay(item.validUntil)}，已过期，但仍登记为“现行有效”：请修订为“已失效”，或发布延续施行的文件`,
        });
      } else if (left <= validityWarningDays) {
        out.push({
          ...base,
          kind: 'validityEnding',
          detail: `有效期至${chineseDay(item.validUntil)}，还剩 ${left} 天：请评估是否延续施行、修订或到期失效`,
        });
      }
    } else if (left < 0 && timeLimitedPattern.test(item.title)) {
      out.push({
        ...base,
        kind: 'timePassed',
        detail: `期限已于${chineseDay(item.validUntil)}结束，仍作为现行信息展示：请撤回，或修订标注已结束`,
      });
    }
  }
  return out.sort((a, b) => a.due.localeCompare(b.due));
}

// ---- Reading a page of any site ----

const chineseDate = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/;
const pad = (n: string) => n.padStart(2, '0');

function dayIn(match: RegExpExecArray): CalendarDay {
  const [y, m, d] = match[1] ? [match[1], match[2], match[3]] : [match[4], match[5], match[6]];
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * The last day a page states for itself: 有效期至…, or, on a 招聘/公示/征集 page, the end of its period
 * (…至YYYY年M月D日, 截止…). Null when the page states none, or says it is no longer in force.
 */
export function statedEndOnPage(title: string, text: string): { day: CalendarDay; kind: 'validity' | 'period' } | null {
  if (/已失效|已废止|已修改|已结束|已截止/.test(text.slice(0, 400))) return null;
  // The patterns add no capturing group before the date's, so `dayIn` reads them as it reads `chineseDate`'s.
  const validity = new RegExp(`有效期(?:至|到|截至)\\s*(?:${chineseDate.source})`).exec(text);
  if (validity) return { day: dayIn(validity), kind: 'validity' };
  if (!timeLimitedPattern.test(title)) return null;
  const period = new RegExp(`(?:截止(?:时间|日期)?为?|截至|至)\\s*(?:${chineseDate.source})`).exec(text);
  return period ? { day: dayIn(period), kind: 'period' } : null;
}
