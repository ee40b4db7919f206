import type { Context } from '../platform/db/prisma.js';
import { toCalendarDay } from '../platform/calendar/working-days.js';
import { publicDocument, publicInterpretation } from '../platform/access/documents.js';
import { yearTotals } from '../site/visits/aggregate.js';
import {
  averageDays,
  buildWebsiteReport,
  websiteReportEntries,
  type WebsiteIdentity,
  type WebsiteReport,
  type WebsiteReportData,
  type WebsiteReportEntryValues,
} from './core/website-report.js';

/*
 * N17: what the 网站工作年度报表 is generated from. A year is the China year (UTC+8); documents are
 * published ones (not revision drafts), interpretations by their form, messages by submission and
 * reply, consultations (征集调查) and their comments, opinion incidents (回应热点/舆情), the own-site
 * monitor runs (安全检测评估, their new and fixed findings) and the visit statistics.
 */

const yearRange = (year: number) => ({ gte: new Date(`${year}-01-01T00:00:00+08:00`), lt: new Date(`${year + 1}-01-01T00:00:00+08:00`) });

/** 政务动态: documents in 动态要闻 or 通知公告 columns. */
const newsKinds = ['news', 'notice'];

export async function loadWebsiteReportData(context: Context, year: number): Promise<WebsiteReportData> {
  const prisma = context.sudo().prisma;
  const inYear = yearRange(year);
  // What the site published: public items only (S1).
  const published = { ...publicDocument, revisionOfId: null, publishedAt: inYear };
  const [
    documentsPublished,
    newsPublished,
    cataloguePublished,
    topicsMaintained,
    interpretations,
    materials,
    hotspotResponses,
    messagesReceived,
    replied,
    repliesPublished,
    surveys,
    surveyOpinions,
    surveyResultsPublished,
    runs,
    visitDays,
  ] = await Promise.all([
    prisma.document.count({ where: published }),
    prisma.document.count({ where: { ...published, columns: { some: { kind: { in: newsKinds } } } } }),
    prisma.document.count({ where: { ...published, openCategory: { not: null } } }),
    // 专栏专题维护数量: public columns that carried a document published in the year.
    prisma.column.count({ where: { visibility: 'public', documents: { some: published } } }),
    prisma.interpretation.count({ where: { ...publicInterpretation, publishedAt: inYear } }),
    prisma.interpretation.count({ where: { ...publicInterpretation, publishedAt: inYear, form: 'text' } }),
    prisma.opinionIncident.count({ where: { startedAt: inYear } }),
    prisma.message.count({ where: { submittedAt: inYear } }),
    prisma.message.findMany({ where: { repliedAt: inYear }, select: { submittedAt: true, repliedAt: true } }) as Promise<
      { submittedAt: Date; repliedAt: Date }[]
    >,
    prisma.message.count({ where: { replyPublishedAt: inYear, isPublic: true } }),
    prisma.consultation.count({ where: { publishedAt: inYear } }),
    prisma.consultationComment.count({ where: { submittedAt: inYear } }),
    prisma.consultation.count({ where: { reportPublishedAt: inYear } }),
    prisma.monitorRun.findMany({
      where: { ownSite: true, finishedAt: inYear },
      select: { newCount: true, fixedCount: true, findingCount: true },
      orderBy: { finishedAt: 'asc' },
    }) as Promise<{ newCount: number | null; fixedCount: number | null; findingCount: number | null }[]>,
    prisma.visitDay.findMany({
      where: { day: { startsWith: `${year}-` } },
      select: { day: true, pageViews: true, uniqueVisitors: true },
    }) as Promise<{ day: string; pageViews: number; uniqueVisitors: number }[]>,
  ]);
  const visits = yearTotals(visitDays, year);
  return {
    uniqueVisitors: visits.uniqueVisitors,
    pageViews: visits.pageViews,
    documentsPublished,
    newsPublished,
    cataloguePublished,
    topicsMaintained,
    interpretations,
    interpretationMaterials: materials,
    interpretationProducts: interpretations - materials,
    hotspotResponses,
    messagesReceived,
    messagesClosed: replied.length,
    averageHandlingDays: averageDays(replied.map((m) => m.repliedAt.getTime() - m.submittedAt.getTime())),
    repliesPublished,
    surveys,
    surveyOpinions,
    surveyResultsPublished,
    securityAssessments: runs.length,
    // The first run of the year finds what it finds; later runs add what is new since the one before.
    securityProblemsFound: runs.reduce((n, r, i) => n + ((i === 0 ? (r.findingCount ?? r.newCount) : r.newCount) ?? 0), 0),
    securityProblemsFixed: runs.reduce((n, r) => n + (r.fixedCount ?? 0), 0),
  };
}

export async function loadWebsiteIdentity(context: Context): Promise<WebsiteIdentity> {
  const s = (await context.sudo().prisma.siteSettings.findFirst({
    select: { siteName: true, baseUrl: true, sponsor: true, icpNumber: true, policeRecordNumber: true, siteCode: true },
  })) as WebsiteIdentity | null;
  return s ?? { siteName: '', baseUrl: '', sponsor: '', icpNumber: '', policeRecordNumber: '', siteCode: '' };
}

/** The entries of a stored item (prisma row), or none for a year without an item. */
export function entriesOf(item: Record<string, unknown> | null): WebsiteReportEntryValues {
  if (!item) return {};
  return Object.fromEntries(websiteReportEntries.map((e) => [e.key, item[e.key] as number | string | null])) as WebsiteReportEntryValues;
}

/** N17: the report of a year now, from the data and the item's entries (none when there is no item). */
export async function generateWebsiteReport(
  context: Context,
  year: number,
  item: (Record<string, unknown> & { publishedAt?: Date | null }) | null,
): Promise<WebsiteReport> {
  const [identity, data] = await Promise.all([loadWebsiteIdentity(context), loadWebsiteReportData(context, year)]);
  return buildWebsiteReport({
    year,
    identity,
    data,
    entries: entriesOf(item),
    filledOn: item?.publishedAt ? toCalendarDay(item.publishedAt) : null,
  });
}
