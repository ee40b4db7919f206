import chineseDays from 'chinese-days';

/*
 * Working days on the national calendar: the State Council's public holidays and the weekend days
 * made working days in exchange (调休), from the maintained `chinese-days` data. The State Council
 * publishes a year's calendar each November or December; for a year not yet published the plain
 * Monday-to-Friday week stands in, and `hasOfficialCalendar` says so.
 */

/** A calendar day in China (UTC+8), 'YYYY-MM-DD'. */
export type CalendarDay = string;

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const chinaOffsetMs = 8 * 3600 * 1000;
const dayMs = 24 * 3600 * 1000;

const published = new Map<number, boolean>();

/** A year's calendar is in the data when its 1 January is listed as 元旦 (always a public holiday). */
function yearPublished(year: number): boolean {
  if (!published.has(year)) published.set(year, chineseDays.getDayDetail(`${year}-01-01`).name.includes('元旦'));
  return published.get(year)!;
}

function parse(day: CalendarDay): number {
  const match = dayPattern.exec(day);
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== day) throw new Error(`不是有效的日期：${day}（应为 YYYY-MM-DD）`);
  return time;
}

const format = (time: number): CalendarDay => new Date(time).toISOString().slice(0, 10);

/** The day in China of an instant (2026-11-23T17:30:00Z is 2026-11-24). */
export function toCalendarDay(instant: Date): CalendarDay {
  return format(instant.getTime() + chinaOffsetMs);
}

export function hasOfficialCalendar(day: CalendarDay): boolean {
  return yearPublished(new Date(parse(day)).getUTCFullYear());
}

export function isWorkingDay(day: CalendarDay): boolean {
  const time = parse(day);
  if (hasOfficialCalendar(day)) return chineseDays.isWorkday(day);
  const weekday = new Date(time).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The n-th working day after `start` (start itself not counted); n = 0 gives start. */
export function addWorkingDays(start: CalendarDay, n: number): CalendarDay {
  if (!Number.isInteger(n) || n < 0) throw new Error(`工作日数必须是非负整数：${n}`);
  let time = parse(start);
  for (let left = n; left > 0; ) {
    time += dayMs;
    if (isWorkingDay(format(time))) left--;
  }
  return format(time);
}

/** Working days after `from`, up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: CalendarDay, to: CalendarDay): number {
  const end = parse(to);
  let count = 0;
  for (let time = parse(from) + dayMs; time <= end; time += dayMs) if (isWorkingDay(format(time))) count++;
  return count;
}
