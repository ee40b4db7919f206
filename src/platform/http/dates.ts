import { toCalendarDay } from '../calendar/working-days.js';

/**
 * Dates as Chinese government sites print them and as HTTP and feeds write them, for every client:
 * the monitor's list pages and headers (N2, N3, N5) and the syndication's upstream items (S9). Times
 * without a zone are Beijing time (UTC+8, no daylight saving), so a bare `2026-11-20` is
 * 2026-11-19T16:00:00Z.
 */

const BEIJING_OFFSET_MINUTES = 8 * 60;
const dayMs = 24 * 3600 * 1000;

/** A date as the CMS hands it over: a Date, an ISO string, or 'YYYY-MM-DD'. */
export type DateLike = Date | string;

// The one way a day is written: 2026-11-20, 2026/11/20, 2026.11.20, 2026年11月20日 (month and day with
// or without a leading zero).
const DAY = String.raw`\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})`;

// A day, optionally followed by a time; gov.cn's `firstpublishedtime` joins date and time with a dash
// (2026-11-20-10:30:00).
const DATE_PATTERN = new RegExp(
  String.raw`(\d{4})${DAY}\s*日?(?:(?:\s*|T|-)(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2})(?:\.\d+)?)?\s*秒?)?\s*(Z|[+-]\d{2}:?\d{2})?`,
);

/**
 * Parses a date in the forms Chinese government sites use, falling back to RFC 822 / ISO 8601 (feeds).
 * Returns undefined for anything it cannot read: a missing date is better than an invented one (N7).
 */
export function parseChineseDate(input: string | number | null | undefined): Date | undefined {
  if (input === null || input === undefined) return undefined;
  if (typeof input === 'number') return validDate(new Date(input));
  const text = input.trim();
  if (!text) return undefined;

  // RFC 822 / 1123 first (RSS pubDate): its day-month-year order would not match the pattern below.
  const rfc822 = parseRfc822(text);
  if (rfc822 !== null) return rfc822;

  const match = DATE_PATTERN.exec(text);
  if (match) {
    const [, y, mo, d, h, mi, s, zone] = match;
    // A time that is there but unreadable (2013-01-28T09:xx:00Z) makes the whole date unreadable: the
    // day alone would be an invented instant (N7).
    const rest = text.slice(match.index + match[0].length);
    if (h === undefined ? /^(?:T|-?\s*\d{1,2}\s*[:：时])/.test(rest) : /^(?:[:：]|\d|[A-Za-z])/.test(rest)) return undefined;
    const parts = [Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0)];
    const [year, month, day, hour, minute, second] = parts;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
    const offset = zone ? zoneOffsetMinutes(zone) : BEIJING_OFFSET_MINUTES;
    return exactDate(year, month, day, hour, minute, second, offset);
  }
  // 20261120 on its own (some list pages and file names).
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return parseChineseDate(`${compact[1]}-${compact[2]}-${compact[3]}`);
  // Epoch milliseconds as a string (the gov.cn search API's `pubtime`).
  if (/^\d{12,13}$/.test(text)) return validDate(new Date(Number(text)));
  return undefined;
}

/** The instant of a calendar date and time at `offset` minutes east of UTC; undefined for 2026-02-30. */
function exactDate(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  offset: number,
): Date | undefined {
  const utc = Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000;
  // Reject 2026-02-30 and the like instead of letting Date roll it over into March.
  const local = new Date(utc + offset * 60_000);
  if (local.getUTCFullYear() !== year || local.getUTCMonth() !== month - 1 || local.getUTCDate() !== day) return undefined;
  return new Date(utc);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Named zones of RFC 822 §5.1 (and a few RSS feeds write), in minutes east of UTC. CST is China Standard
 * Time: Chinese sites mean UTC+8 by it, never US Central.
 */
const NAMED_ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  CST: BEIJING_OFFSET_MINUTES,
  BJT: BEIJING_OFFSET_MINUTES,
  HKT: BEIJING_OFFSET_MINUTES,
  JST: 540,
  KST: 540,
  BST: 60,
  CET: 60,
  CEST: 120,
};

const RFC822 =
  /^(?:[A-Za-z]{3,9},?\s*)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*([A-Za-z]{1,5}|[+-]\d{4}|[+-]\d{2}:\d{2}))?$/;

/**
 * RFC 822 / RFC 1123 dates: `Fri, 20 Nov 2026 10:30:00 +0800`, named zones (EDT, PST …), two-digit
 * years, and dates without a time (`28 Jan 2013`, midnight). Returns null when the text is not in this
 * form at all, undefined when it is but cannot be a date (an unknown zone, 31 Feb): never a guess.
 */
function parseRfc822(text: string): Date | undefined | null {
  const m = RFC822.exec(text);
  if (!m) return null;
  const [, d, monthName, y, h, mi, s, zone] = m;
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  if (month === 0) return null;
  const year = y.length === 2 ? (Number(y) < 50 ? 2000 : 1900) + Number(y) : Number(y);
  const [hour, minute, second] = [Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0)];
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  let offset = BEIJING_OFFSET_MINUTES;
  if (zone) {
    if (/^[+-]/.test(zone)) offset = zoneOffsetMinutes(zone);
    else if (zone.toUpperCase() in NAMED_ZONES) offset = NAMED_ZONES[zone.toUpperCase()];
    else if (/^[A-IK-Za-ik-z]$/.test(zone))
      offset = 0; // RFC 822 military zones are unreliable in practice; read as UTC
    else return undefined;
  }
  return exactDate(year, month, Number(d), hour, minute, second, offset);
}

function zoneOffsetMinutes(zone: string): number {
  if (zone === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!m) return BEIJING_OFFSET_MINUTES;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

function validDate(date: Date): Date | undefined {
  return Number.isNaN(date.getTime()) ? undefined : date;
}

// ---- Days (the monitor's checks) ---------------------------------------------------------------

// Days inside running text: years 19xx/20xx only, not part of a longer number (12026-01-01 is none).
const DAYS_IN_TEXT = new RegExp(String.raw`(?<![0-9])((?:19|20)\d{2})${DAY}(?:\s*日)?(?![0-9])`, 'g');

/** 'YYYY-MM-DD' of a calendar day, or undefined for 2026-02-30 and the like. */
function validDay(year: number, month: number, day: number): string | undefined {
  const instant = exactDate(year, month, day, 0, 0, 0, 0);
  return instant?.toISOString().slice(0, 10);
}

/** The dates in a text, as 'YYYY-MM-DD', in order of appearance; at most `limit`. */
function datesIn(text: string, limit: number): string[] {
  const out: string[] = [];
  // Most link texts hold no date at all: no digit, no regular expression run.
  if (!/\d/.test(text)) return out;
  for (const m of text.matchAll(DAYS_IN_TEXT)) {
    const sepOk = m[0].includes('年') === m[0].includes('月'); // 2026年11-20 is not a date we trust
    const day = sepOk ? validDay(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
    if (day && out.push(day) >= limit) break;
  }
  return out;
}

/** Every date in a text, as 'YYYY-MM-DD', in order of appearance. */
export function findDates(text: string): string[] {
  return datesIn(text, Infinity);
}

/** The first date in a text, or undefined (the text after it is not searched). */
export function findDate(text: string): string | undefined {
  return datesIn(text, 1)[0];
}

/** 'YYYY-MM-DD' of a DateLike (Date/ISO instants taken in China's time zone); undefined when invalid. */
export function toDay(value: DateLike | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value))
      return validDay(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10)));
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
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(Date.parse(value) - BEIJING_OFFSET_MINUTES * 60_000);
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
