/** Helpers shared by the checks. */
import type { CrawledPage, CrawlResult, Finding, RulesConfig, WrongRight } from '../types.js';
import { ContentGate, type GateEntry, type GateFinding, type SeriousCategory } from '../../../workflow/core/content-gate.js';
import { findDates } from '../../../platform/http/dates.js';
import { isOnHosts } from '../url.js';

/** Our own HTML pages that loaded (status 200, not redirected off the site). */
export function sitePages(crawl: CrawlResult): CrawledPage[] {
  return crawl.pages.filter((p) => p.isHtml && p.status === 200 && isOnHosts(p.finalUrl, crawl.siteHosts));
}

/** Up to `n` examples of a list. */
export const examples = (pages: string[], n = 10) => pages.slice(0, n);

/** `len` characters around `index` in `text`, for evidence. */
export function snippet(text: string, index: number, len = 30): string {
  const start = Math.max(0, index - len);
  const end = Math.min(text.length, index + len);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

/** Collect occurrences by a subject, keeping distinct pages in order. */
export class PageGroups<T> {
  private readonly groups = new Map<string, { pages: string[]; first: T }>();
  /** Returns the subject's first detail (to add to it). */
  add(subject: string, page: string, detail: T): T {
    const g = this.groups.get(subject);
    if (!g) {
      this.groups.set(subject, { pages: [page], first: detail });
      return detail;
    }
    if (g.pages[g.pages.length - 1] !== page && !g.pages.includes(page)) g.pages.push(page);
    return g.first;
  }
  entries(): Array<{ subject: string; pages: string[]; first: T }> {
    return [...this.groups].map(([subject, g]) => ({ subject, ...g }));
  }
  get size(): number {
    return this.groups.size;
  }
}

/** A finding about many pages: one example page, the count and a few examples. */
export function grouped(pages: string[]): Pick<Finding, 'page' | 'pages'> {
  return pages.length > 1 ? { page: pages[0], pages: { count: pages.length, examples: examples(pages) } } : { page: pages[0] };
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const compiledGates = new WeakMap<RulesConfig, ContentGate>();

/**
 * The content gate of a configuration (N7, N19), compiled once per run: the pairs of `seriousErrors` and
 * the dictionary's entries in one automaton. A pair and an entry with the same wrong form count once.
 */
export function contentGateOf(config: RulesConfig): ContentGate {
  const known = compiledGates.get(config);
  if (known) return known;
  const pairs: Array<[SeriousCategory, WrongRight[]]> = [
    ['stateName', config.seriousErrors.stateNames],
    ['leaderName', config.seriousErrors.leaders],
    ['typo', config.seriousErrors.typos],
  ];
  const entries: GateEntry[] = pairs.flatMap(([category, list]) =>
    list.map((p) => ({ kind: 'serious' as const, category, term: p.wrong, replacement: p.right })),
  );
  const wrongForms = new Set(entries.map((e) => e.term));
  const gate = new ContentGate([...entries, ...config.contentGate.filter((e) => e.kind !== 'serious' || !wrongForms.has(e.term))]);
  compiledGates.set(config, gate);
  return gate;
}

/** The day a page speaks as of: its 发布日期 when it shows one, else the day of the check. */
export function pageDay(text: string, today: string): string {
  const m = /发布(?:日期|时间)[:：]?\s*([^\s]{8,12})/.exec(text);
  const date = m ? findDates(m[1])[0] : undefined;
  return date && date <= today ? date : today;
}

const gateFindings = new WeakMap<ContentGate, WeakMap<CrawledPage, { today: string; text: string; findings: GateFinding[] }>>();

/**
 * What the content gate finds on a page (its title and text, as of its 发布日期), with the text it read:
 * N7 and N19 both read the gate's findings, and the page is scanned once for both.
 */
export function gateFindingsOf(gate: ContentGate, page: CrawledPage, today: string): { text: string; findings: GateFinding[] } {
  let pages = gateFindings.get(gate);
  if (!pages) gateFindings.set(gate, (pages = new WeakMap()));
  const known = pages.get(page);
  const text = `${page.title ?? ''} ${page.text}`;
  if (known && known.today === today && known.text === text) return known;
  const result = { today, text, findings: gate.check(text, pageDay(text, today)) };
  pages.set(page, result);
  return result;
}
