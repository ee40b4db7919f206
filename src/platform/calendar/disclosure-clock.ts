import { addWorkingDays, assertCalendarDay, hasOfficialCalendar, workingDaysBetween, type CalendarDay } from './working-days.js';

/** N12: proactive information (主动公开) is public within 20 working days of being formed (成文日期) or changed. */
export const proactiveDisclosureWorkingDays = 20;
/** N12: civil-affairs catalogue items (social assistance 社会救助, elderly care 养老服务) within 10. */
export const catalogueItemWorkingDays = 10;

/** N12: the last day the information may be made public: `limitWorkingDays` working days after it was formed or changed. */
export function disclosureDeadline(formationDate: CalendarDay, limitWorkingDays = proactiveDisclosureWorkingDays): CalendarDay {
  return addWorkingDays(formationDate, limitWorkingDays);
}

/** N12: met / late once published (on or before / after the deadline); overdue, dueSoon or running while not. */
export type ClockState = 'met' | 'late' | 'overdue' | 'dueSoon' | 'running';

/** N12: where one item stands against its disclosure limit. */
export interface DisclosureClock {
  deadline: CalendarDay;
  state: ClockState;
  /** Working days after today up to the deadline while unpublished; 0 once published or past it. */
  workingDaysLeft: number;
  /** Working days after formation up to publication, or up to today while unpublished. */
  workingDaysUsed: number;
  /** The deadline falls in a year the library has no State Council calendar for yet (counted Monday to Friday). */
  provisional: boolean;
}

/**
 * N12: the disclosure clock of one item, on the national working-day calendar. Pure: `today` is
 * passed in (the day in China, see `toCalendarDay`).
 */
export function disclosureClock({
  formationDate,
  publishedAt,
  today,
  limitWorkingDays = proactiveDisclosureWorkingDays,
  dueSoonWorkingDays = 5,
}: {
  formationDate: CalendarDay;
  /** Null or undefined while not yet published. */
  publishedAt?: CalendarDay | null;
  today: CalendarDay;
  limitWorkingDays?: number;
  dueSoonWorkingDays?: number;
}): DisclosureClock {
  assertCalendarDay(today);
  if (!Number.isInteger(dueSoonWorkingDays) || dueSoonWorkingDays < 0)
    throw new Error(`Invalid dueSoonWorkingDays ${dueSoonWorkingDays}: expected a whole number, 0 or more`);
  const deadline = disclosureDeadline(formationDate, limitWorkingDays);
  const provisional = !hasOfficialCalendar(deadline);
  if (publishedAt != null) {
    const workingDaysUsed = workingDaysBetween(formationDate, publishedAt);
    // Validated 'YYYY-MM-DD' strings compare in date order.
    return { deadline, state: publishedAt <= deadline ? 'met' : 'late', workingDaysLeft: 0, workingDaysUsed, provisional };
  }
  const workingDaysLeft = workingDaysBetween(today, deadline);
  const state: ClockState = today > deadline ? 'overdue' : workingDaysLeft <= dueSoonWorkingDays ? 'dueSoon' : 'running';
  return { deadline, state, workingDaysLeft, workingDaysUsed: workingDaysBetween(formationDate, today), provisional };
}
