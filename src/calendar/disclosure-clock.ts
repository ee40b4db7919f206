import { addWorkingDays, workingDaysBetween, type CalendarDay } from './working-days.js';

/** N12: proactive information is public within 20 working days of being formed or changed. */
export const proactiveDisclosureWorkingDays = 20;
/** N12: civil-affairs catalogue items (social assistance, elderly care) within 10. */
export const catalogueItemWorkingDays = 10;

export function disclosureDeadline(formationDate: CalendarDay, limitWorkingDays = proactiveDisclosureWorkingDays): CalendarDay {
  return addWorkingDays(formationDate, limitWorkingDays);
}

export type ClockState = 'met' | 'late' | 'overdue' | 'dueSoon' | 'running';

export interface DisclosureClock {
  deadline: CalendarDay;
  state: ClockState;
  /** Working days from today to the deadline (0 once it has passed). */
  workingDaysLeft: number;
  /** Working days from formation to publication, or to today while unpublished. */
  workingDaysUsed: number;
}

/** N12: where a document stands against its disclosure limit, on the national working-day calendar. */
export function disclosureClock({
  formationDate,
  publishedAt,
  today,
  limitWorkingDays = proactiveDisclosureWorkingDays,
  dueSoonWorkingDays = 5,
}: {
  formationDate: CalendarDay;
  publishedAt?: CalendarDay | null;
  today: CalendarDay;
  limitWorkingDays?: number;
  dueSoonWorkingDays?: number;
}): DisclosureClock {
  const deadline = disclosureDeadline(formationDate, limitWorkingDays);
  if (publishedAt) {
    return { deadline, state: publishedAt <= deadline ? 'met' : 'late', workingDaysLeft: 0, workingDaysUsed: workingDaysBetween(formationDate, publishedAt) };
  }
  const workingDaysLeft = workingDaysBetween(today, deadline);
  const state: ClockState = today > deadline ? 'overdue' : workingDaysLeft <= dueSoonWorkingDays ? 'dueSoon' : 'running';
  return { deadline, state, workingDaysLeft, workingDaysUsed: workingDaysBetween(formationDate, today) };
}
