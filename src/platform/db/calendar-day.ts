import { toCalendarDay, type CalendarDay } from '../calendar/working-days.js';

/*
 * A calendarDay field is 'YYYY-MM-DD' text on SQLite and a DATE on PostgreSQL, which Prisma reads back
 * as a Date at UTC midnight. Code reading or writing such a column through Prisma goes through these.
 */

export function calendarDayOf(value: unknown): CalendarDay | null {
  if (typeof value === 'string') return value || null;
  if (value instanceof Date) return toCalendarDay(value);
  return null;
}

/**
 * The value to write into a calendarDay column through this Prisma client: the day's text on SQLite, its
 * UTC midnight on PostgreSQL, both as text (Prisma takes an ISO date-time for a DATE), so that one type
 * fits both engines' clients.
 */
export function calendarDayValue(prisma: unknown, day: CalendarDay): string;
export function calendarDayValue(prisma: unknown, day: CalendarDay | null): string | null;
export function calendarDayValue(prisma: unknown, day: CalendarDay | null): string | null {
  if (!day) return null;
  return (prisma as { _activeProvider?: string })._activeProvider === 'postgresql' ? `${day}T00:00:00.000Z` : day;
}
