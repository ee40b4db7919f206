/**
 * Dates as upstream Chinese government sites write them. Times without a zone are Beijing time (UTC+8,
 * no daylight saving), so a bare `2026-11-20` is 2026-11-19T16:00:00Z.
 */

const BEIJING_OFFSET_MINUTES = 8 * 60;

// 2026-11-20, 2026/11/20, 2026.11.20, 2026年11月20日, each optionally followed by a time; gov.cn's
// `firstpublishedtime` joins date and time with a dash (2026-11-20-10:30:00).
const DATE_PATTERN =
  /(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?:(?:\s*|T|-)(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2})(?:\.\d+)?)?\s*秒?)?\s*(Z|[+-]\d{2}:?\d{2})?/;

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
function exactDate(year: number, month: number, day: number, hour: number, minute: number, second: number, offset: number): Date | undefined {
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
  UT: 0, UTC: 0, GMT: 0, Z: 0,
  EST: -300, EDT: -240, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  CST: BEIJING_OFFSET_MINUTES, BJT: BEIJING_OFFSET_MINUTES, HKT: BEIJING_OFFSET_MINUTES,
  JST: 540, KST: 540, BST: 60, CET: 60, CEST: 120,
};

const RFC822 = /^(?:[A-Za-z]{3,9},?\s*)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*([A-Za-z]{1,5}|[+-]\d{4}|[+-]\d{2}:\d{2}))?$/;

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
    else if (/^[A-IK-Za-ik-z]$/.test(zone)) offset = 0; // RFC 822 military zones are unreliable in practice; read as UTC
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
