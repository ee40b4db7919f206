/** Dates as Chinese government sites print them, and day arithmetic in China's time zone (UTC+8). */
import { toCalendarDay } from '../../platform/calendar/working-days.js';
import type { DateLike } from './types.js';

const dayMs = 24 * 3600 * 1000;
const chinaOffsetMs = 8 * 3600 * 1000;

// 2026-11-20, 2026/11/20, 2026.11.20, 2026年11月20日 (month/day with or without leading zero).
const datePattern = /(?<![0-9])((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?:\s*日)?(?![0-9])/g;

function validDay(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const t = Date.UTC(y, m - 1, d);
  const iso = new Date(t).toISOString().slice(0, 10);
  return Number(iso.slice(8, 10)) === d ? iso : undefined;
}

/** Every date in a text, as 'YYYY-MM-DD', in order of appearance. */
export function findDates(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(datePattern)) {
    const sepOk = /年/.test(m[0]) === /月/.test(m[0]); // 2026年11-20 is not a date we trust
    const day = sepOk ? validDay(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
    if (day) out.push(day);
  }
  return out;
}

/** The first date in a text, or undefined. */
export function findDate(text: string): string | undefined {
  return findDates(text)[0];
}


/** 'YYYY-MM-DD' of a DateLike (Date/ISO instants taken in China's time zone); undefined when invalid. */
export function toDay(value: DateLike | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return validDay(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10)));
    const parsed = new Date(value);
    if (!Number.isNaN(parsed.getTime())) return toCalendarDay(parsed);
    return findDate(value);
  }
  return Number.isNaN(value.getTime()) ? undefined : toCalendarDay(value);
}

/** An instant of a DateLike ('YYYY-MM-DD' is midnight in China); undefined when invalid. */
export function toInstant(value: DateLike | null | undefined): Date | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(Date.parse(value) - chinaOffsetMs);
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

/** Whole days from day `from` to day `to` ('YYYY-MM-DD'). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / dayMs);
}

/** The instant `months` calendar months after `instant` (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(instant: Date, months: number): Date {
  const d = new Date(instant.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}
