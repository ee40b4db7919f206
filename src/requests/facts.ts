import { calendarDayOf } from '../platform/db/calendar-day.js';
import type { RequestFacts } from './core/request-state.js';

/** The days of a stored request (a Prisma row, a hook's item, or item merged with resolvedData). */
export function factsOf(row: Record<string, unknown>): RequestFacts {
  return {
    receivedOn: calendarDayOf(row.receivedOn),
    correctionRequestedOn: calendarDayOf(row.correctionRequestedOn),
    correctionReceivedOn: calendarDayOf(row.correctionReceivedOn),
    extensionApprovedOn: calendarDayOf(row.extensionApprovedOn),
    extensionNoticeSentOn: calendarDayOf(row.extensionNoticeSentOn),
    outcome: typeof row.outcome === 'string' && row.outcome ? row.outcome : null,
    closedOn: calendarDayOf(row.closedOn),
  };
}

/** Every field the facts and the clocks need, for Prisma `select`. */
export const factFields = {
  receivedOn: true,
  correctionRequestedOn: true,
  correctionReceivedOn: true,
  extensionApprovedOn: true,
  extensionNoticeSentOn: true,
  outcome: true,
  closedOn: true,
} as const;
