import type { Context } from '../platform/db/prisma.js';
import { toCalendarDay } from '../platform/calendar/working-days.js';
import { calendarDayOf } from '../platform/db/calendar-day.js';
import { applicantTypes, type ApplicantType } from '../requests/core/request-vocabulary.js';
import { loadRequestRecords } from '../requests/annual-records.js';
import {
  buildAnnualReport,
  type AnnualReport,
  type CaseCounts,
  type RegulatoryDocumentKind,
  type RegulatoryDocumentRecord,
} from './core/annual-report.js';

/*
 * N14: what the annual report is built from. The tables come from the data (documents marked 规章 or
 * 行政规范性文件, the requests, last year's published report); the rest is typed in on the 年度报告 item.
 */

/** The hand-entered part of an 年度报告 item (prisma names). */
export interface AnnualReportItem {
  id: string;
  year: number;
  overview: string | null;
  problems: string | null;
  otherMatters: string | null;
  licensing: number | null;
  penalty: number | null;
  enforcement: number | null;
  feesTenThousandYuan: string | null;
  reviewUpheld: number | null;
  reviewCorrected: number | null;
  reviewOther: number | null;
  reviewPending: number | null;
  litigationDirectUpheld: number | null;
  litigationDirectCorrected: number | null;
  litigationDirectOther: number | null;
  litigationDirectPending: number | null;
  litigationAfterReviewUpheld: number | null;
  litigationAfterReviewCorrected: number | null;
  litigationAfterReviewOther: number | null;
  litigationAfterReviewPending: number | null;
}

/** 规章 and 行政规范性文件: published documents (not revision drafts); issued on their 成文日期, else their publication day. */
export async function loadRegulatoryDocuments(context: Context): Promise<RegulatoryDocumentRecord[]> {
  const docs = (await context.sudo().prisma.document.findMany({
    where: { regulatoryKind: { in: ['rule', 'normativeDocument'] }, status: 'published', revisionOfId: null },
    select: { regulatoryKind: true, formationDate: true, publishedAt: true, repealedOn: true },
  })) as { regulatoryKind: RegulatoryDocumentKind; formationDate: unknown; publishedAt: Date | null; repealedOn: unknown }[];
  return docs.flatMap((d) => {
    const issuedOn = calendarDayOf(d.formationDate) ?? (d.publishedAt ? toCalendarDay(d.publishedAt) : null);
    return issuedOn ? [{ kind: d.regulatoryKind, issuedOn, repealedOn: calendarDayOf(d.repealedOn) }] : [];
  });
}

/** 二、上年结转: row 四 of last year's published report, when there is one. */
export async function carriedOverFromPublishedReport(
  context: Context,
  year: number,
): Promise<Partial<Record<ApplicantType, number>> | undefined> {
  const last = (await context
    .sudo()
    .prisma.annualReport.findFirst({ where: { year: year - 1, publishedAt: { not: null } }, select: { snapshot: true } })) as {
    snapshot: unknown;
  } | null;
  const snapshot = (typeof last?.snapshot === 'string' ? JSON.parse(last.snapshot) : last?.snapshot) as AnnualReport | null | undefined;
  const row = snapshot?.requests?.rows?.find((r) => r.key === 'carriedToNextYear');
  return row ? Object.fromEntries(applicantTypes.map((a) => [a, row.counts[a] ?? 0])) : undefined;
}

const cases = (item: AnnualReportItem, prefix: 'review' | 'litigationDirect' | 'litigationAfterReview'): CaseCounts => ({
  upheld: item[`${prefix}Upheld`] ?? 0,
  corrected: item[`${prefix}Corrected`] ?? 0,
  other: item[`${prefix}Other`] ?? 0,
  pending: item[`${prefix}Pending`] ?? 0,
});

/** The reporting organ: 主办单位 in 网站设置 (the bureau). */
async function organOf(context: Context): Promise<string> {
  const settings = (await context.sudo().prisma.siteSettings.findFirst({ select: { sponsor: true } })) as { sponsor: string } | null;
  return settings?.sponsor || '临沧市民政局';
}

/** N14: the report of an item, computed now from the data and the item's own figures and texts. */
export async function generateAnnualReport(context: Context, item: AnnualReportItem): Promise<AnnualReport> {
  const [organ, documents, requests, carriedOver] = await Promise.all([
    organOf(context),
    loadRegulatoryDocuments(context),
    loadRequestRecords(context, item.year),
    carriedOverFromPublishedReport(context, item.year),
  ]);
  return buildAnnualReport({
    year: item.year,
    organ,
    overview: item.overview ?? '',
    problems: item.problems ?? '',
    otherMatters: item.otherMatters ?? '',
    documents,
    decisions: { licensing: item.licensing ?? 0, penalty: item.penalty ?? 0, enforcement: item.enforcement ?? 0 },
    feesTenThousandYuan: Number(item.feesTenThousandYuan || 0),
    requests,
    ...(carriedOver ? { carriedOverFromLastYear: carriedOver } : {}),
    review: cases(item, 'review'),
    litigationDirect: cases(item, 'litigationDirect'),
    litigationAfterReview: cases(item, 'litigationAfterReview'),
  });
}

/** The report of a year with no item yet (CLI, figures): texts empty, hand-entered figures 0. */
export function blankAnnualReportItem(year: number): AnnualReportItem {
  const zero = Object.fromEntries(
    [
      'licensing',
      'penalty',
      'enforcement',
      ...['review', 'litigationDirect', 'litigationAfterReview'].flatMap((p) =>
        ['Upheld', 'Corrected', 'Other', 'Pending'].map((r) => `${p}${r}`),
      ),
    ].map((k) => [k, 0]),
  );
  return { id: '', year, overview: '', problems: '', otherMatters: '', feesTenThousandYuan: '0', ...zero } as AnnualReportItem;
}
