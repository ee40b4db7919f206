import type { KeystoneContext } from '@keystone-6/core/types';
import { calendarDayOf } from '../db/calendar-day.js';
import type { ApplicantType, RequestOutcome } from '../interaction/request-vocabulary.js';
import type { DisclosureRequestRecord } from '../reports/annual-report.js';

/**
 * N14: the requests that table 三 of `year`'s annual report counts: received by the end of the year
 * and not closed before it began (new, carried over from last year, handled, carried to next year).
 * A request whose receipt is not yet fixed (条例 第三十一条) is not counted.
 */
export async function loadRequestRecords(context: KeystoneContext, year: number): Promise<DisclosureRequestRecord[]> {
  const rows = (await context.sudo().db.DisclosureRequest.findMany({
    where: { receivedOn: { not: null, lte: `${year}-12-31` }, OR: [{ closedOn: null }, { closedOn: { gte: `${year}-01-01` } }] },
    orderBy: { receivedOn: 'asc' },
  })) as unknown as Record<string, unknown>[];
  return rows.map((row) => ({
    applicant: row.applicantType as ApplicantType,
    receivedOn: calendarDayOf(row.receivedOn)!,
    outcome: (row.outcome as RequestOutcome | null) || null,
    closedOn: calendarDayOf(row.closedOn),
  }));
}
