import { toCalendarDay } from '../../platform/calendar/working-days.js';
import { calendarDayOf } from '../../platform/db/calendar-day.js';
import type { PrismaTransaction } from '../../platform/db/prisma.js';

/** 索引号: the bureau's organisation code, the year and a serial within the year (e.g. 11530900015183291L/2026-00012). */
export function formatIndexNumber(organisationCode: string, year: string, serial: number): string {
  return `${organisationCode}/${year}-${String(serial).padStart(5, '0')}`;
}

/**
 * Gives a document its 索引号 when it is published, if it has none: the year of its 成文日期 (else of
 * publication) and the next serial of that year. Without an organisation code in 网站设置 nothing is
 * assigned. The number is unique in the database, so two publications at once cannot share one.
 */
export async function assignIndexNumber(tx: PrismaTransaction, documentId: string, publishedAt: Date): Promise<void> {
  const doc = await tx.document.findUnique({ where: { id: documentId }, select: { indexNumber: true, formationDate: true } });
  if (!doc || doc.indexNumber) return;
  const code = (await tx.siteSettings.findFirst())?.organisationCode;
  if (!code) return;
  const year = (calendarDayOf(doc.formationDate) ?? toCalendarDay(publishedAt)).slice(0, 4);
  const prefix = formatIndexNumber(code, year, 0).slice(0, -5);
  const [last] = await tx.document.findMany({
    where: { indexNumber: { startsWith: prefix } },
    orderBy: { indexNumber: 'desc' },
    take: 1,
    select: { indexNumber: true },
  });
  const serial = last?.indexNumber ? Number(last.indexNumber.slice(prefix.length)) + 1 : 1;
  await tx.document.update({ where: { id: documentId }, data: { indexNumber: formatIndexNumber(code, year, serial) } });
}
