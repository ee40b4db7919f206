/**
 * Columns and the home page's dates as seen from outside (N2–N4 on a site whose CMS we cannot ask):
 * a list page is a page with at least N dated links; its column is the page, pagination merged
 * (…?page=2, index_1.html). An empty column is a page that says 暂无内容 and lists nothing dated.
 */
import { toCalendarDay } from '../../platform/calendar/working-days.js';
import { sitePages } from './checks/util.js';
import type { ColumnKind, CrawlResult, RulesConfig } from './types.js';

export interface DerivedColumn {
  key: string;
  name: string;
  url: string;
  kind: ColumnKind;
  /** Item dates, newest first, not after the crawl's day. */
  dates: string[];
  empty: boolean;
  pages: string[];
}

export interface DerivedSite {
  home?: { url: string; dates: string[]; latest?: string };
  columns: DerivedColumn[];
}

/** Column kind from its name (动态/要闻 → news …). */
export function inferColumnKind(name: string): ColumnKind {
  if (/人事|任免|招聘|录用|招考/.test(name)) return 'personnel';
  if (/规划|计划/.test(name)) return 'plan';
  if (/通知|公告|公示/.test(name)) return 'notice';
  if (/政策|文件|法规|规章|规范性/.test(name)) return 'policy';
  if (/动态|要闻|新闻|快讯|资讯/.test(name)) return 'news';
  return 'other';
}

/** The column a list page belongs to: pagination parameters and index_N pages folded together. */
export function columnKey(url: string): string {
  const u = new URL(url);
  for (const name of [...u.searchParams.keys()])
    if (/^(page|p|pn|pageno|pageindex|curpage|currentpage|start|offset)$/i.test(name)) u.searchParams.delete(name);
  u.pathname = u.pathname.replace(/\/(index|list|default)_\d+(\.s?html?)$/i, '/$1$2').replace(/_\d+(\.s?html?)$/i, '$1');
  return u.toString();
}

const memo = new WeakMap<CrawlResult, DerivedSite>();

export function deriveSite(crawl: CrawlResult, config: RulesConfig, now: Date): DerivedSite {
  const cached = memo.get(crawl);
  if (cached) return cached;
  const today = toCalendarDay(now);
  const pages = sitePages(crawl);
  const homeUrl = crawl.baseUrl;
  const homePage = pages.find((p) => p.url === homeUrl);
  // Future dates do not make a page fresh (N7 reports them).
  const datesOf = (links: { date?: string; internal: boolean }[]) =>
    links
      .filter((l) => l.internal && l.date && l.date <= today)
      .map((l) => l.date!)
      .sort()
      .reverse();
  const home = homePage ? { url: homePage.url, dates: datesOf(homePage.links), latest: undefined as string | undefined } : undefined;
  if (home) home.latest = home.dates[0];

  const byKey = new Map<string, DerivedColumn>();
  for (const page of pages) {
    if (page === homePage) continue;
    const dated = page.links.filter((l) => l.internal && l.date);
    const isList = dated.length >= config.columns.listPageMinDatedLinks;
    const saysEmpty = dated.length === 0 && config.columns.emptyMarkers.some((m) => page.text.includes(m));
    if (!isList && !saysEmpty) continue;
    const key = columnKey(page.url);
    const name = page.h1 || page.title || page.url;
    const col = byKey.get(key) ?? { key, name, url: page.url, kind: inferColumnKind(name), dates: [], empty: true, pages: [] };
    col.pages.push(page.url);
    if (isList) {
      col.empty = false;
      col.dates.push(...datesOf(dated));
    }
    byKey.set(key, col);
  }
  for (const col of byKey.values()) col.dates = [...new Set(col.dates)].sort().reverse();
  const result = { home, columns: [...byKey.values()] };
  memo.set(crawl, result);
  return result;
}
