import chineseDays from 'chinese-days';

/*
 * Working days on the national calendar: the State Council's public holidays (法定节假日) and the
 * weekend days worked in exchange (调休上班), from the maintained `chinese-days` data. The State
 * Council publishes a year's calendar each November or December; until the library carries it, that
 * year counts Monday to Friday, and `hasOfficialCalendar` says so.
 */

/** A calendar day in China (UTC+8), 'YYYY-MM-DD'. */
export type CalendarDay = string;

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMs = 24 * 3600 * 1000;
const chinaOffsetMs = 8 * 3600 * 1000;
/** The library's data starts with 2004 (its README: 支持 2004 及之后的年份). */
const firstDataYear = 2004;
/** How the library names a day it has no entry for; its entries read like 'Spring Festival,春节,4'. */
const plainDayNames = new Set(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);

/** UTC midnight of the day, in milliseconds; throws unless `day` is an existing date written 'YYYY-MM-DD'. */
function dayTime(day: CalendarDay): number {
  const match = dayPattern.exec(day);
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  // Date.UTC rolls 2026-02-30 over to 2 March: the round trip catches days that do not exist.
  if (Number.isNaN(time) || formatDay(time) !== day)
    throw new Error(`Invalid calendar day ${JSON.stringify(day)}: expected an existing date as YYYY-MM-DD`);
  return time;
}

const formatDay = (time: number): CalendarDay => new Date(time).toISOString().slice(0, 10);

/** The day itself, once checked to be an existing 'YYYY-MM-DD' date (throws otherwise). */
export function assertCalendarDay(day: string): CalendarDay {
  dayTime(day);
  return day;
}

/** The day in China of an instant: 2026-11-23T17:30:00Z is already 2026-11-24 in China. */
export function toCalendarDay(instant: Date): CalendarDay {
  if (Number.isNaN(instant.getTime())) throw new Error('Invalid instant: cannot take the calendar day of an invalid Date');
  return formatDay(instant.getTime() + chinaOffsetMs);
}

/**
 * Whether the library lists the day as a holiday (false) or an adjusted working day (true);
 * undefined for a day it has no entry for. Only entries are taken from it: for other days it works
 * out the weekday in the process's time zone, which is a day early west of UTC.
 */
function listedAsWorking(day: CalendarDay): boolean | undefined {
  const detail = chineseDays.getDayDetail(day);
  return plainDayNames.has(detail.name) ? undefined : detail.work;
}

let coverage: Readonly<{ from: number; to: number }> | undefined;

/** The years the library has the State Council's calendar for; 1 January (元旦) is listed in every one. */
export function calendarCoverage(): Readonly<{ from: number; to: number }> {
  if (!coverage) {
    let to = firstDataYear;
    while (listedAsWorking(`${to + 1}-01-01`) === false) to++;
    coverage = Object.freeze({ from: firstDataYear, to });
  }
  return coverage;
}

/** False when the day's year is outside the library's data, so it is counted Monday to Friday. */
export function hasOfficialCalendar(day: CalendarDay): boolean {
  const year = new Date(dayTime(day)).getUTCFullYear();
  const { from, to } = calendarCoverage();
  return year >= from && year <= to;
}

/** Whether the day at UTC midnight `time` is worked, asking the library (the walk the table below is made of). */
function workedAt(time: number): boolean {
  const weekday = new Date(time).getUTCDay();
  return listedAsWorking(formatDay(time)) ?? (weekday !== 0 && weekday !== 6);
}

/** Years after the library's last one that the table still covers (counted Monday to Friday, as without it). */
const tableYearsAhead = 10;

/**
 * N12: the calendar as a table, built once: for each day from 1 January of the library's first year to 31
 * December `tableYearsAhead` years after its last, how many working days there are from the table's start up
 * to and including that day. A list of thousands of documents asks for each one's deadline (公开期限); with
 * the table that is a subtraction and a binary search instead of a walk of the library, day by day, per row.
 * Days outside the table are walked as before, so every answer is the same.
 */
let table: { start: number; end: number; worked: Uint32Array } | undefined;

function calendarTable() {
  if (!table) {
    const { from, to } = calendarCoverage();
    const start = Date.UTC(from, 0, 1);
    const end = Date.UTC(to + tableYearsAhead, 11, 31);
    const worked = new Uint32Array((end - start) / dayMs + 1);
    let count = 0;
    for (let i = 0; i < worked.length; i++) worked[i] = count += workedAt(start + i * dayMs) ? 1 : 0;
    table = { start, end, worked };
  }
  return table;
}

/** The day's place in the table, or -1 outside it. */
function tableIndex(time: number): number {
  const { start, end } = calendarTable();
  return time < start || time > end ? -1 : (time - start) / dayMs;
}

export function isWorkingDay(day: CalendarDay): boolean {
  const time = dayTime(day);
  const i = tableIndex(time);
  if (i < 0) return workedAt(time);
  const { worked } = calendarTable();
  return worked[i] - (i > 0 ? worked[i - 1] : 0) === 1;
}

/** The n-th working day after `start` (start itself not counted); n = 0 gives start. */
export function addWorkingDays(start: CalendarDay, n: number): CalendarDay {
  if (!Number.isInteger(n) || n < 0) throw new Error(`Invalid number of working days ${n}: expected a whole number, 0 or more`);
  let time = dayTime(start);
  const i = tableIndex(time);
  const { worked } = calendarTable();
  if (n > 0 && i >= 0 && worked[i] + n <= worked[worked.length - 1]) {
    // The first day whose running count reaches start's + n is that working day.
    const wanted = worked[i] + n;
    let low = i + 1;
    let high = worked.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (worked[middle] < wanted) low = middle + 1;
      else high = middle;
    }
    return formatDay(calendarTable().start + low * dayMs);
  }
  for (let left = n; left > 0;) {
    time += dayMs;
    if (workedAt(time)) left--;
  }
  return formatDay(time);
}

/** Working days after `from`, up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: CalendarDay, to: CalendarDay): number {
  const end = dayTime(to);
  const begin = dayTime(from);
  if (end <= begin) return 0;
  const i = tableIndex(begin);
  const j = tableIndex(end);
  if (i >= 0 && j >= 0) {
    const { worked } = calendarTable();
    return worked[j] - worked[i];
  }
  let count = 0;
  for (let time = begin + dayMs; time <= end; time += dayMs) if (workedAt(time)) count++;
  return count;
}
