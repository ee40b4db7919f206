/**
 * N17: visit statistics from the access log (nginx's combined format; the embedded server writes the
 * same). Per China day: page views, unique visitors, the most viewed pages and the most searched terms.
 * A visitor is a salted hash of address and browser, with a salt of its own per day, so the same
 * person counts once a day and days cannot be linked; neither addresses nor hashes are kept, only the
 * counts. Pure: the caller gives the lines and the salt of each day.
 */
import { createHash } from 'node:crypto';
import { toCalendarDay, type CalendarDay } from '../../platform/calendar/working-days.js';
import { parseCombined, type AccessLogEntry } from '../../platform/oplog/combined-log.js';

export interface VisitDay {
  day: CalendarDay;
  pageViews: number;
  uniqueVisitors: number;
  topPages: { path: string; views: number }[];
  topSearchTerms: { term: string; searches: number }[];
}

export const topCount = 10;

/** Requests that are not pages people read: assets, media, feeds, staff functions, health checks. */
const notAPage =
  /^\/(static|media|admin|api|_next|healthz|readyz|preview|oplog|monitor|setup)(\/|$)|\.(xml|txt|css|js|ico|png|jpe?g|gif|webp|svg|pdf|docx?|xlsx?|ofd|zip|mp4|vtt|woff2?)$/i;
/** Robots, scripts and monitors (ours included) are not visitors. */
const robot = /bot|spider|crawl|slurp|curl|wget|python|java\/|go-http|node-fetch|axios|monitor|gongkai|headless|lighthouse|^-?$/i;

/** Whether a log entry is a page view: a GET of a public page, answered (200) or unchanged (304), by a person's browser. */
export function isPageView(e: AccessLogEntry): boolean {
  const path = e.target.split('?')[0];
  return (
    e.method === 'GET' && (e.status === 200 || e.status === 304) && path.startsWith('/') && !notAPage.test(path) && !robot.test(e.userAgent)
  );
}

/** The search term of a site search (/search?q=…), trimmed, or null. */
export function searchTermOf(target: string): string | null {
  const [path, query = ''] = target.split('?');
  if (path !== '/search') return null;
  const q = new URLSearchParams(query).get('q')?.trim();
  return q ? q.slice(0, 50) : null;
}

const top = <K extends string>(counts: Map<string, number>, key: K, value: string) =>
  [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, topCount)
    .map(([k, n]) => ({ [key]: k, [value]: n }));

/**
 * The statistics of each China day found in `lines` (lines that are not combined-format are skipped
 * and counted). `saltOf(day)` gives the day's salt: a secret of the site, never stored with the figures.
 */
export function aggregateVisits(lines: Iterable<string>, saltOf: (day: CalendarDay) => string): { days: VisitDay[]; skipped: number } {
  const byDay = new Map<CalendarDay, { views: number; visitors: Set<string>; pages: Map<string, number>; terms: Map<string, number> }>();
  let skipped = 0;
  for (const line of lines) {
    if (!line.trim()) continue;
    const e = parseCombined(line);
    if (!e) {
      skipped++;
      continue;
    }
    if (!isPageView(e)) continue;
    const day = toCalendarDay(e.at);
    let d = byDay.get(day);
    if (!d) byDay.set(day, (d = { views: 0, visitors: new Set(), pages: new Map(), terms: new Map() }));
    d.views++;
    d.visitors.add(
      createHash('sha256')
        .update(`${saltOf(day)}\n${e.address}\n${e.userAgent}`)
        .digest('base64url'),
    );
    const path = e.target.split('?')[0];
    d.pages.set(path, (d.pages.get(path) ?? 0) + 1);
    const term = searchTermOf(e.target);
    if (term) d.terms.set(term, (d.terms.get(term) ?? 0) + 1);
  }
  const days = [...byDay]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([day, d]) => ({
      day,
      pageViews: d.views,
      uniqueVisitors: d.visitors.size,
      topPages: top(d.pages, 'path', 'views') as VisitDay['topPages'],
      topSearchTerms: top(d.terms, 'term', 'searches') as VisitDay['topSearchTerms'],
    }));
  return { days, skipped };
}

/** A year's totals for the website annual report (总访问量, 独立用户访问总量: the sum of daily unique visitors). */
export function yearTotals(
  days: readonly Pick<VisitDay, 'day' | 'pageViews' | 'uniqueVisitors'>[],
  year: number,
): { pageViews: number; uniqueVisitors: number; days: number } {
  const mine = days.filter((d) => d.day.startsWith(`${year}-`));
  return {
    pageViews: mine.reduce((n, d) => n + d.pageViews, 0),
    uniqueVisitors: mine.reduce((n, d) => n + d.uniqueVisitors, 0),
    days: mine.length,
  };
}
