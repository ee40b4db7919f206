import { toCalendarDay, type CalendarDay } from '../platform/calendar/working-days.js';
import { renderRichText } from '../platform/content/render-rich-text.js';
import { calendarDayOf } from '../platform/db/calendar-day.js';
import { maskPersonalData } from '../platform/privacy/mask.js';
import { plainText } from '../platform/content/plain-text.js';
import { articleDescription } from '../site/core/metadata.js';
import {
  adoptionOptions,
  decisionBodyOptions,
  labelOf,
  periodDays,
  periodState,
  publicConsultationStatuses,
  acceptsComments,
  type ReportFigures,
} from './core/rules.js';
import type { DatabaseContext } from '../platform/db/prisma.js';

/*
 * What the public reads of consultations: published ones only, their shown comments masked (N15),
 * never a commenter's contact, and the adoption report once published (S11).
 */

export const publicConsultation = { status: { in: publicConsultationStatuses } };

interface ConsultationRow {
  id: string;
  title: string;
  status: string;
  opensOn: unknown;
  closesOn: unknown;
  publishedAt: Date | null;
  reportPublishedAt: Date | null;
}

const day = (d: Date | null) => (d ? toCalendarDay(d) : '');

/** A commenter's name as shown: the surname only (王**), 网友 when none was given. */
export function publicName(name: string | null | undefined): string {
  const chars = [...(name ?? '').trim()];
  return chars.length ? `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}` : '网友';
}

/** Where a published consultation stands today, for lists and its page. */
function standing(c: ConsultationRow, today: CalendarDay) {
  const opensOn = calendarDayOf(c.opensOn) ?? '';
  const closesOn = calendarDayOf(c.closesOn) ?? '';
  const state = opensOn && closesOn ? periodState({ opensOn, closesOn }, today) : 'ended';
  const daysLeft = state === 'open' ? periodDays(today, closesOn) : null;
  const label =
    c.status === 'reported'
      ? '已公布采纳情况'
      : state === 'open'
        ? `征求意见中（剩余 ${daysLeft} 天）`
        : state === 'notYetOpen'
          ? `${opensOn} 开始征求意见`
          : '征求意见已结束';
  return {
    opensOn,
    closesOn,
    state,
    notYetOpen: state === 'notYetOpen',
    daysLeft,
    label,
    accepting: acceptsComments({ status: c.status, opensOn, closesOn }, today),
  };
}

const listSelect = { id: true, title: true, status: true, opensOn: true, closesOn: true, publishedAt: true, reportPublishedAt: true };

/** /consultations: those open for comment first (soonest deadline first), then the others, newest first. */
export async function consultationListData(context: DatabaseContext, today: CalendarDay) {
  const rows = await context.sudo().prisma.consultation.findMany({
    where: publicConsultation,
    orderBy: { publishedAt: 'desc' },
    select: listSelect,
  });
  const items = rows.map((c) => ({
    id: c.id,
    title: maskPersonalData(c.title),
    published: day(c.publishedAt),
    reported: c.status === 'reported',
    ...standing(c, today),
  }));
  return {
    title: '征求意见',
    open: items.filter((c) => c.state !== 'ended').sort((a, b) => a.closesOn.localeCompare(b.closesOn)),
    ended: items.filter((c) => c.state === 'ended'),
    cacheTags: ['consultations'],
  };
}

/** The page of a 征求意见 column: its consultations, in the shape of a column's document list. */
export async function consultationColumnItems(context: DatabaseContext, page: number, pageSize: number) {
  const prisma = context.sudo().prisma;
  const total = await prisma.consultation.count({ where: publicConsultation });
  const rows = await prisma.consultation.findMany({
    where: publicConsultation,
    orderBy: { publishedAt: 'desc' },
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: listSelect,
  });
  return {
    total,
    items: rows.map((c) => ({ id: c.id, title: maskPersonalData(c.title), date: day(c.publishedAt), url: `/consultations/${c.id}` })),
  };
}

/** The dates a 征求意见 column is updated on (N3, N4): each publication and each adoption report. */
export async function consultationUpdateDates(context: DatabaseContext): Promise<{ count: number; dates: Date[] }> {
  const rows = await context
    .sudo()
    .prisma.consultation.findMany({ where: publicConsultation, select: { publishedAt: true, reportPublishedAt: true } });
  const dates = rows
    .flatMap((r) => [r.publishedAt, r.reportPublishedAt])
    .filter((d): d is Date => d instanceof Date)
    .sort((a, b) => b.getTime() - a.getTime());
  return { count: rows.length, dates };
}

const paragraphs = (text: string | null | undefined) =>
  maskPersonalData(text ?? '')
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);

/** /consultations/:id: the draft, its basis, the period, how to comment, shown comments and the adoption report. */
export async function consultationData(context: DatabaseContext, id: string, today: CalendarDay) {
  const prisma = context.sudo().prisma;
  const c = await prisma.consultation.findFirst({
    where: { id, ...publicConsultation },
    include: {
      department: { select: { name: true } },
      comments: {
        where: { moderation: 'shown' },
        orderBy: { submittedAt: 'asc' },
        select: { id: true, name: true, body: true, submittedAt: true, adoption: true, adoptionReason: true },
      },
    },
  });
  if (!c) return null;
  const figures = c.status === 'reported' ? (c.reportFigures as ReportFigures | null) : null;
  const reported = c.status === 'reported';
  return {
    id: c.id,
    title: maskPersonalData(c.title),
    department: c.department?.name ?? '',
    decisionBody: labelOf(decisionBodyOptions, c.decisionBody),
    published: day(c.publishedAt),
    ...standing(c, today),
    periodDays:
      calendarDayOf(c.opensOn) && calendarDayOf(c.closesOn) ? periodDays(calendarDayOf(c.opensOn)!, calendarDayOf(c.closesOn)!) : null,
    shortPeriodReason: c.shortPeriodReason,
    // Written comments are invited while the period is open or still to come.
    writtenComments: c.status === 'open' && standing(c, today).state !== 'ended',
    draftHtml: renderRichText(c.draftText),
    basis: paragraphs(c.basis),
    contact: paragraphs(c.contact),
    comments: (
      c.comments as { id: string; name: string; body: string; submittedAt: Date | null; adoption: string | null; adoptionReason: string }[]
    ).map((m, n) => ({
      number: n + 1,
      name: publicName(m.name),
      paragraphs: paragraphs(m.body),
      date: day(m.submittedAt),
      // The decision on each comment is public with the report, not before.
      adoption: reported ? labelOf(adoptionOptions, m.adoption) : '',
      adoptionReason: reported ? maskPersonalData(m.adoptionReason) : '',
    })),
    report: reported
      ? {
          published: day(c.reportPublishedAt),
          paragraphs: paragraphs(c.reportText),
          figures,
          opinions: (figures?.opinions ?? []).map((o) => ({
            ...o,
            name: maskPersonalData(o.name),
            adopted: o.adoption === 'adopted',
            adoption: labelOf(adoptionOptions, o.adoption),
            reason: maskPersonalData(o.reason),
          })),
        }
      : null,
    // N18: a consultation is an article of the 征求意见 section.
    meta: {
      article: {
        title: c.title,
        published: c.publishedAt,
        source: c.department?.name ?? '',
        author: c.department?.name ?? '',
        keywords: '征求意见',
        description: articleDescription(plainText(c.draftText)),
        path: `/consultations/${c.id}`,
      },
    },
    cacheTags: [`consultation:${c.id}`],
  };
}

/** S2: one line on a consultation and its adoption, for the meeting it goes to (staff only). */
export async function adoptionSummary(context: DatabaseContext, id: string): Promise<string> {
  const c = await context.sudo().prisma.consultation.findUnique({
    where: { id },
    select: { status: true, opensOn: true, closesOn: true, reportFigures: true, reportPublishedAt: true },
  });
  if (!c) return '';
  if (!publicConsultationStatuses.some((status) => status === c.status)) return '征求意见尚未发布';
  const period = `征求意见 ${calendarDayOf(c.opensOn) ?? ''} 至 ${calendarDayOf(c.closesOn) ?? ''}`;
  if (c.status !== 'reported') return `${period}；采纳情况尚未公布`;
  const f = c.reportFigures as ReportFigures;
  const refused = f.opinions.filter((o) => o.adoption === 'notAdopted').map((o) => `“${o.name}”（理由：${o.reason}）`);
  return `${period}；收到意见 ${f.received} 条，采纳 ${f.adopted} 条、部分采纳 ${f.partial} 条、未采纳 ${f.notAdopted} 条；${day(c.reportPublishedAt)} 公布采纳情况${refused.length ? `；未采纳的集中意见：${refused.join('、')}` : ''}`;
}
