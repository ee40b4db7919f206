import type { Context } from '../platform/db/prisma.js';
import { calendarDayOf } from '../platform/db/calendar-day.js';
import type { DisclosureRequestRecord } from '../reports/core/annual-report.js';
import type { ApplicantType, RequestOutcome } from './core/request-vocabulary.js';

/*
 * N14, S4: the requests for disclosure (依申请公开) as the reports read them. A request whose receipt
 * day is not yet fixed (条例 第三十一条) is not counted.
 */

/** A request as the annual report and the self-inspection read it. */
export interface AnnualRequestRecord extends DisclosureRequestRecord {
  id: string;
  departmentId: string | null;
  topic: string;
  shouldBeProactive: boolean;
  convertedDocumentId: string | null;
}

/**
 * N14: the requests that can appear in the report of `year`: received by its end and either still
 * open or closed in it or later (older ones were closed in an earlier report).
 */
export async function loadRequestRecords(context: Context, year: number): Promise<AnnualRequestRecord[]> {
  const rows = await context.sudo().prisma.disclosureRequest.findMany({
    select: {
      id: true,
      applicantType: true,
      receivedOn: true,
      outcome: true,
      closedOn: true,
      departmentId: true,
      topic: true,
      shouldBeProactive: true,
      convertedDocumentId: true,
    },
    orderBy: { receivedOn: 'asc' },
  });
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  return rows
    .map((r) => ({
      id: r.id,
      applicant: r.applicantType as ApplicantType,
      receivedOn: calendarDayOf(r.receivedOn)!,
      outcome: (r.outcome || null) as RequestOutcome | null,
      closedOn: calendarDayOf(r.closedOn),
      departmentId: r.departmentId,
      topic: r.topic ?? '',
      shouldBeProactive: Boolean(r.shouldBeProactive),
      convertedDocumentId: r.convertedDocumentId,
    }))
    .filter((r) => r.receivedOn && r.receivedOn <= end && (r.closedOn == null || r.closedOn >= start));
}

/** S4: one department's requests received between two days (inclusive), for its half-year self-inspection. */
export async function loadDepartmentRequests(
  context: Context,
  departmentId: string,
  start: string,
  end: string,
): Promise<AnnualRequestRecord[]> {
  const year = Number(end.slice(0, 4));
  return (await loadRequestRecords(context, year)).filter(
    (r) => r.departmentId === departmentId && r.receivedOn >= start && r.receivedOn <= end,
  );
}
