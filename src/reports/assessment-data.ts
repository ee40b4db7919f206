import { disclosureClock } from '../platform/calendar/disclosure-clock.js';
import { toCalendarDay } from '../platform/calendar/working-days.js';
import { calendarDayOf } from '../platform/db/calendar-day.js';
import { publicDocument, publicInterpretation } from '../platform/access/documents.js';
import { outcomeGroupOf } from '../requests/core/request-vocabulary.js';
import { loadRequestRecords } from '../requests/annual-records.js';
import { factFields, factsOf } from '../requests/facts.js';
import { clockOf } from '../requests/core/request-state.js';
import { assessmentFigures, type AssessmentFigures, type FigureCounts } from './core/assessment.js';
import type { Context } from '../platform/db/prisma.js';

/*
 * S12: counts the year's figures from the data. Messages, consultations and incidents are lists of
 * other capabilities: each is counted by one small function below.
 */

/** The instants of a year in China time (UTC+8). */
export function chinaYear(year: number): { gte: Date; lt: Date } {
  return { gte: new Date(Date.UTC(year, 0, 1) - 8 * 3600_000), lt: new Date(Date.UTC(year + 1, 0, 1) - 8 * 3600_000) };
}

/** S11 留言 of the year: received, and those with a reply given. */
export async function countMessages(context: Context, year: number): Promise<FigureCounts['messages']> {
  const { message } = context.sudo().prisma;
  const submittedAt = chinaYear(year);
  return {
    received: await message.count({ where: { submittedAt } }),
    replied: await message.count({ where: { submittedAt, repliedAt: { not: null } } }),
  };
}

/** S2 征求意见 published in the year, and the comments received in it. */
export async function countConsultations(context: Context, year: number): Promise<FigureCounts['consultations']> {
  const prisma = context.sudo().prisma;
  const range = chinaYear(year);
  return {
    opened: await prisma.consultation.count({ where: { publishedAt: range } }),
    comments: await prisma.consultationComment.count({ where: { submittedAt: range } }),
  };
}

/** S6 舆情事件 started in the year. */
export async function countIncidents(context: Context, year: number): Promise<FigureCounts['incidents']> {
  return { total: await context.sudo().prisma.opinionIncident.count({ where: { startedAt: chinaYear(year) } }) };
}

const bump = (r: Record<string, number>, key: string) => void (r[key] = (r[key] ?? 0) + 1);

/** S12: the figures of `year`, as of `now`. */
export async function loadAssessmentFigures(context: Context, year: number, now = new Date()): Promise<AssessmentFigures> {
  if (!Number.isInteger(year) || year < 2008 || year > 9999) throw new Error(`年度“${year}”不正确，应为四位数字的年份，例如 2025`);
  const prisma = context.sudo().prisma;
  const today = toCalendarDay(now);
  const publishedAt = chinaYear(year);
  const docs = (await prisma.document.findMany({
    where: { ...publicDocument, revisionOfId: null, publishedAt },
    select: { openCategory: true, columns: { select: { kind: true } } },
  })) as { openCategory: string | null; columns: { kind: string }[] }[];
  const documentsByArea: Record<string, number> = {};
  const documentsByColumnKind: Record<string, number> = {};
  for (const d of docs) {
    bump(documentsByArea, d.openCategory || 'none');
    for (const kind of new Set(d.columns.map((c) => c.kind))) bump(documentsByColumnKind, kind);
  }
  const interpretations = (await prisma.interpretation.findMany({
    where: { ...publicInterpretation, publishedAt },
    select: { form: true },
  })) as { form: string }[];
  const interpretationsByForm: Record<string, number> = {};
  for (const i of interpretations) bump(interpretationsByForm, i.form);

  // N12: proactive documents formed in the year and published (revision drafts are not new information).
  const formed = (await prisma.document.findMany({
    where: { disclosure: 'proactive', revisionOfId: null, publishedAt: { not: null } },
    select: { formationDate: true, publishedAt: true },
  })) as { formationDate: unknown; publishedAt: Date }[];
  let proactiveOnTime = 0;
  let proactiveLate = 0;
  for (const d of formed) {
    const formationDate = calendarDayOf(d.formationDate);
    if (!formationDate || !formationDate.startsWith(`${year}-`)) continue;
    const clock = disclosureClock({ formationDate, publishedAt: toCalendarDay(d.publishedAt), today });
    if (clock.state === 'met') proactiveOnTime++;
    else proactiveLate++;
  }

  // N13: requests closed in the year, by outcome group, and within their limit (an extension notified counts).
  const requests = await loadRequestRecords(context, year);
  const requestsClosedByGroup: Record<string, number> = {};
  for (const r of requests) if (r.closedOn?.startsWith(`${year}-`) && r.outcome) bump(requestsClosedByGroup, outcomeGroupOf(r.outcome));
  const closed = (await prisma.disclosureRequest.findMany({
    where: { id: { in: requests.map((r) => r.id) } },
    select: factFields,
  })) as Record<string, unknown>[];
  const requestsClosedOnTime = closed
    .map(factsOf)
    .filter((f) => f.closedOn?.startsWith(`${year}-`) && f.outcome && clockOf(f, today)?.state === 'met').length;

  const settings = (await prisma.siteSettings.findFirst({
    select: { disclosureLeader: true, disclosureOffice: true, disclosureStaff: true, disclosureAssessmentWeight: true },
  })) as Record<string, string | null> | null;
  const weight = settings?.disclosureAssessmentWeight?.trim();
  const [messages, consultations, incidents] = await Promise.all([
    countMessages(context, year),
    countConsultations(context, year),
    countIncidents(context, year),
  ]);
  return assessmentFigures({
    year,
    documentsByArea,
    documentsByColumnKind,
    interpretationsByForm,
    proactiveOnTime,
    proactiveLate,
    requestsReceived: requests.filter((r) => r.receivedOn.startsWith(`${year}-`)).length,
    requestsClosedByGroup,
    requestsClosedOnTime,
    messages,
    consultations,
    incidents,
    responsibility: {
      leader: settings?.disclosureLeader ?? '',
      office: settings?.disclosureOffice ?? '',
      staff: settings?.disclosureStaff ?? '',
    },
    assessmentWeightPercent: weight ? Number(weight) : null,
  });
}
