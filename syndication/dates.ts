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

  const match = DATE_PATTERN.exec(text);
  if (match) {
    const [, y, mo, d, h, mi, s, zone] = match;
    const parts = [Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0)];
    const [year, month, day, hour, minute, second] = parts;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
    const offset = zone ? zoneOffsetMinutes(zone) : BEIJING_OFFSET_MINUTES;
    const utc = Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000;
    const date = new Date(utc);
    // Reject 2026-02-30 and the like instead of letting Date roll it over into March.
    const local = new Date(utc + offset * 60_000);
    if (local.getUTCFullYear() !== year || local.getUTCMonth() !== month - 1 || local.getUTCDate() !== day) return undefined;
    return date;
  }
  // 20261120 on its own (some list pages and file names).
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return parseChineseDate(`${compact[1]}-${compact[2]}-${compact[3]}`);
  // Epoch milliseconds as a string (the gov.cn search API's `pubtime`).
  if (/^\d{12,13}$/.test(text)) return validDate(new Date(Number(text)));
  // Chinese sites write "CST" for China Standard Time; Date would read it as US Central time.
  if (/\sCST$/.test(text)) return parseChineseDate(text.replace(/CST$/, '+0800'));
  // RFC 822 (RSS pubDate) and anything else Date understands, only when it carries its own zone.
  if (/(?:GMT|UTC|Z|[+-]\d{2}:?\d{2})\s*$/i.test(text)) return validDate(new Date(text));
  return undefined;
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
