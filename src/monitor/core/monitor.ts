/** The monitor's entry point: crawl, run every check, score, and return the report (S8). */
import { allChecks, runChecks } from './checks/index.js';
import { resolveConfig, type RulesOverrides } from './config.js';
import { crawl, type CrawlOptions, type CrawlProgress } from './crawler.js';
import { buildReport } from './report.js';
import {
  systemClock,
  type Check,
  type Finding,
  type Note,
  type Clock,
  type CrawlResult,
  type MonitorReport,
  type OwnSiteKnowledge,
  type ProbeRecord,
} from './types.js';

export type MonitorProgress = CrawlProgress | { phase: 'checks'; done: number; total: number; ruleId: string };

export interface MonitorSiteOptions {
  baseUrl: string;
  /** For the report's title, e.g. 临沧市民政局. */
  siteName?: string;
  /** Crawler settings (see CrawlOptions for defaults). */
  crawl?: Omit<CrawlOptions, 'baseUrl' | 'onProgress' | 'clock' | 'signal'>;
  /** What the CMS knows about its own site; leave out for a foreign site. */
  knowledge?: OwnSiteKnowledge;
  /** Availability probes (N1); the last 7 days are used. */
  probeHistory?: ProbeRecord[];
  /** Overrides of keyword lists, serious-error pairs, allowlists … */
  rules?: RulesOverrides;
  /** Default: all registered checks. */
  checks?: readonly Check[];
  /** The date the ages of N2/N3/N5 are measured to. Default: now. */
  now?: () => Date;
  clock?: Clock;
  signal?: AbortSignal;
  onProgress?: (p: MonitorProgress) => void;
}

export interface EvaluateOptions {
  siteName?: string;
  knowledge?: OwnSiteKnowledge;
  probeHistory?: ProbeRecord[];
  rules?: RulesOverrides;
  checks?: readonly Check[];
  now?: Date;
  onProgress?: (p: MonitorProgress) => void;
}

/** Run the checks on a crawl (a fresh one, or a stored one re-evaluated with new rules). */
export function evaluateCrawl(result: CrawlResult, opts: EvaluateOptions = {}): MonitorReport {
  const checks = opts.checks ?? allChecks;
  const config = resolveConfig(opts.rules);
  const now = opts.now ?? new Date();
  const input = { baseUrl: result.baseUrl, crawl: result, knowledge: opts.knowledge, probes: opts.probeHistory, now, config };
  const findings: Finding[] = [];
  const notes: Note[] = [];
  for (const [i, check] of checks.entries()) {
    opts.onProgress?.({ phase: 'checks', done: i, total: checks.length, ruleId: check.id });
    const out = runChecks(input, [check]);
    findings.push(...out.findings);
    notes.push(...out.notes);
  }
  const home = result.pages.find((p) => p.url === result.baseUrl);
  const homeError = home?.errors.find((e) => e.code !== 'body-too-large');
  const homeProbe: ProbeRecord | undefined = home
    ? {
        url: home.url,
        at: home.fetchedAt,
        ok: !homeError && home.status !== null && home.status < 400,
        status: home.status,
        elapsedMs: home.elapsedMs,
        error: homeError?.message ?? (home.status !== null && home.status >= 400 ? `HTTP ${home.status}` : undefined),
      }
    : undefined;
  return buildReport({ crawl: result, findings, notes, checks, siteName: opts.siteName, homeProbe });
}

/** Crawl a site, run all checks, return the report. Never throws for a site's faults, only for an invalid base URL. */
export async function monitorSite(options: MonitorSiteOptions): Promise<MonitorReport> {
  const clock = options.clock ?? systemClock;
  const result = await crawl({ ...options.crawl, baseUrl: options.baseUrl, clock, signal: options.signal, onProgress: options.onProgress });
  return evaluateCrawl(result, {
    siteName: options.siteName,
    knowledge: options.knowledge,
    probeHistory: options.probeHistory,
    rules: options.rules,
    checks: options.checks,
    now: (options.now ?? (() => new Date()))(),
    onProgress: options.onProgress,
  });
}
