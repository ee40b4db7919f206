/**
 * Shared types of the monitor (S8: daily monitoring against the national indicators N1–N11 and the
 * bureau's rule S1). Nothing here depends on Keystone: the caller fills `OwnSiteKnowledge` and the
 * probe history from the CMS and stores the `MonitorReport` it gets back.
 */
import type { GateEntry } from '../../workflow/core/content-gate.js';
import type { HttpError as PageError } from '../../platform/http/client.js';
import type { DateLike } from '../../platform/http/dates.js';

// ---------------------------------------------------------------------------------------------
// Time

// The clock and the date form are the shared HTTP client's (src/platform/http).
export { systemClock, type Clock } from '../../platform/http/limiter.js';
export type { DateLike } from '../../platform/http/dates.js';

// ---------------------------------------------------------------------------------------------
// Crawl results

/** What went wrong fetching a page: the shared HTTP client's errors (timeout, refused-address …). */
export type { HttpErrorCode as PageErrorCode, HttpError as PageError } from '../../platform/http/client.js';

export interface PageLink {
  /** Absolute URL without fragment. */
  url: string;
  /** The href as written. */
  raw: string;
  text: string;
  internal: boolean;
  /** Why the link cannot be seen (inline style, <style> rule, off-screen …); undefined when visible. */
  hidden?: string;
  /** Text of the link's list item / row / paragraph (where list pages put dates). */
  context?: string;
  /** First date found in the link text or its context, 'YYYY-MM-DD'. */
  date?: string;
}

export interface PageScript {
  src?: string;
  /** Inline code (capped). */
  inline?: string;
}

export interface PageImage {
  src: string;
  alt?: string;
}

export interface PageForm {
  action: string;
  /** 'type:name' of each input, e.g. 'search:q'. */
  inputs: string[];
}

/** What a page's HTML says (extract.ts). */
export interface PageFacts {
  title?: string;
  h1?: string;
  metaKeywords?: string;
  metaDescription?: string;
  /** Every <meta name content> of the page's head, as written (N18 reads the national specification's tags). */
  metaTags?: { name: string; content: string }[];
  /** Target of <meta http-equiv="refresh">. */
  metaRefresh?: string;
  /** Targets of JavaScript `location` assignments found in inline scripts. */
  jsRedirects: string[];
  /** Visible text of the page (capped). */
  text: string;
  links: PageLink[];
  scripts: PageScript[];
  images: PageImage[];
  forms: PageForm[];
  /** aria-label and title attribute values (where site marks like 党政机关网站标识 often live). */
  labels: string[];
}

export interface CrawledPage extends PageFacts {
  /** The URL requested (normalized, no fragment). */
  url: string;
  /** Where HTTP redirects ended. */
  finalUrl: string;
  /** HTTP status of the final response; null when no response arrived. */
  status: number | null;
  /** Redirect hops after the first request (each a URL). */
  redirects: string[];
  contentType?: string;
  charset?: string;
  isHtml: boolean;
  /** Crawl depth from the start page. */
  depth: number;
  /** First page seen linking here. */
  referrer?: string;
  fetchedAt: string;
  /** Time to response headers and to the end of the body. */
  ttfbMs?: number;
  elapsedMs: number;
  bytes: number;
  truncated: boolean;
  errors: PageError[];
  /** Raw HTML, only when `keepHtml` is set. */
  html?: string;
}

export interface ExternalLinkResult {
  url: string;
  finalUrl?: string;
  status: number | null;
  method: 'HEAD' | 'GET';
  ok: boolean;
  error?: PageError;
  elapsedMs: number;
  /** Pages linking to it (first few). */
  referrers: string[];
  referrerCount: number;
  /** Title and text of the target, when its content was inspected (N9: expired domains). */
  title?: string;
  text?: string;
  /** The text of the host's root page, inspected when the linked page itself gave nothing. */
  rootText?: string;
}

/** One fetch of a page as a desktop browser, a phone, a visitor from a search engine or a search spider (N9 cloaking). */
export interface CloakVariant {
  kind: 'desktop' | 'mobile' | 'search-referrer' | 'spider';
  userAgent: string;
  referer?: string;
  status: number | null;
  finalUrl: string;
  jsRedirects: string[];
  metaRefresh?: string;
  /** Title and text as this visitor sees them (capped), for keywords shown only to some visitors. */
  title?: string;
  text?: string;
  error?: PageError;
}

export interface CloakProbe {
  url: string;
  variants: CloakVariant[];
}

export interface Note {
  code: string;
  /** Chinese, for the report. */
  message: string;
  url?: string;
  count?: number;
}

export interface RobotsInfo {
  url: string;
  status: number | null;
  /** True when robots.txt forbids our user agent the whole site. */
  disallowAll: boolean;
  /** URLs we found but did not fetch because robots.txt forbids them. */
  blocked: number;
}

export interface CrawlResult {
  baseUrl: string;
  /** Hosts ('host:port') treated as this site. */
  siteHosts: string[];
  startedAt: string;
  finishedAt: string;
  pages: CrawledPage[];
  external: ExternalLinkResult[];
  cloaking: CloakProbe[];
  robots: RobotsInfo;
  notes: Note[];
  stats: {
    requests: number;
    retries: number;
    /** Same-site URLs found but left out by maxPages. */
    skippedByBudget: number;
    externalLinks: number;
    externalSkipped: number;
  };
}

// ---------------------------------------------------------------------------------------------
// Knowledge the caller has about its own site (filled from the CMS)

/** Column kinds with the update period the inspection expects (N3). */
export type ColumnKind = 'news' | 'notice' | 'policy' | 'personnel' | 'plan' | 'other';

export interface KnownColumn {
  id: string;
  name: string;
  kind: ColumnKind;
  url?: string;
  /** Publish dates of the column's items (the latest few suffice). */
  itemDates: DateLike[];
  /** Total items when `itemDates` is only the latest few; an empty column (N4) has 0. */
  itemCount?: number;
  /**
   * Whether the column should be updated at all. Defaults to true for news/notice/policy/personnel/
   * plan and false for 'other' (e.g. 机构概况); a true 'other' column counts toward N3's "10 columns
   * that should be updated" when older than `maxAgeDays` (default 365).
   */
  updateExpected?: boolean;
  /** Overrides the kind's period, in days. */
  maxAgeDays?: number;
}

export interface InteractionMessage {
  id: string;
  title?: string;
  url?: string;
  submittedAt: DateLike;
  repliedAt?: DateLike | null;
  /** When the reply became public on the site. */
  publishedAt?: DateLike | null;
  /** Whether the published reply shows the submission time and the reply time (N5). Unknown = not checked. */
  showsSubmittedTime?: boolean;
  showsReplyTime?: boolean;
}

export interface KnownDocument {
  id: string;
  title: string;
  url?: string;
  publishedAt?: DateLike | null;
  /** Interpretations the document page links to. */
  interpretationIds: string[];
}

export interface KnownInterpretation {
  id: string;
  title: string;
  url?: string;
  publishedAt?: DateLike | null;
  /** Documents the interpretation page links to. */
  documentIds: string[];
}

export interface NonPublicDocument {
  id: string;
  title?: string;
  /** Any URL the document had or could have (absolute or site-relative). */
  urls?: string[];
}

/** A published 办事指南 (N6), as the CMS knows it. */
export interface KnownServiceGuide {
  id: string;
  title: string;
  url?: string;
  /** The elements it lacks (labels, e.g. 设定依据). */
  missing: string[];
  /** Its forms to download (absolute or site-relative). */
  formUrls: string[];
  /** Its online-service (一网通办) address. */
  onlineUrl: string | null;
}

/** A published item with a last day (N19): a normative document's 有效期至, a 招聘/公示/征集's end. */
export interface KnownDatedItem {
  id: string;
  title: string;
  url?: string;
  /** 'YYYY-MM-DD' */
  validUntil: string;
  /** 规章 or 行政规范性文件 */
  regulatory: boolean;
  /** As recorded: current, amended, repealed, expired. */
  validity: string;
}

export interface OwnSiteKnowledge {
  /** Published 办事指南 (N6); absent when the caller has no such knowledge. */
  serviceGuides?: KnownServiceGuide[];
  /** Published items with a last day (N19). */
  datedItems?: KnownDatedItem[];
  /** Latest publish date shown on the home page; null when the home page shows no dated item (N2). */
  homeLatestDate?: DateLike | null;
  columns?: KnownColumn[];
  messages?: InteractionMessage[];
  documents?: KnownDocument[];
  interpretations?: KnownInterpretation[];
  /** Documents that must never be reachable from the public site (S1). */
  nonPublicDocuments?: NonPublicDocument[];
  /** Path of a document page, '{id}' replaced by the id; default '/documents/{id}'. */
  documentUrlTemplate?: string;
}

// ---------------------------------------------------------------------------------------------
// Probes (N1)

export interface ProbeRecord {
  url: string;
  at: DateLike;
  ok: boolean;
  status?: number | null;
  elapsedMs?: number;
  error?: string;
}

// ---------------------------------------------------------------------------------------------
// Findings

export type Severity = 'veto' | 'deduction' | 'warning';

export interface Finding {
  ruleId: string;
  /** Machine code of the kind of finding, e.g. 'N9.hidden-link'. */
  code: string;
  severity: Severity;
  /** Points deducted (deductions only). */
  points?: number;
  /** The page where it was found (one example when `pages` is set). */
  page?: string;
  /** What the finding is about (a link target, a keyword, a column): part of its stable key. */
  subject?: string;
  /** What was seen, verbatim or nearly. */
  evidence: string;
  /** zh-CN */
  message: string;
  /** zh-CN fix advice */
  hint: string;
  /** For findings grouped over many pages: how many and a few examples. */
  pages?: { count: number; examples: string[] };
}

/** A finding with its stable key, as stored in a report. */
export interface KeyedFinding extends Finding {
  key: string;
}

// ---------------------------------------------------------------------------------------------
// Checks

export interface WrongRight {
  wrong: string;
  right: string;
}

export interface PatternRule {
  /** RegExp source (case-insensitive, Unicode). */
  pattern: string;
  label: string;
}

/** Everything a check may be tuned with; JSON-serializable so the caller can store overrides. */
export interface RulesConfig {
  security: {
    gambling: string[];
    porn: string[];
    illegal: string[];
    /** Brand names such as bet365/365bet. */
    patterns: PatternRule[];
    /** Hosts scripts may come from besides the site's own; a leading '.' allows a domain suffix. */
    scriptAllowlist: string[];
    /** Hosts links may redirect to or be hidden toward without suspicion (besides the site's own). */
    trustedHosts: string[];
  };
  /**
   * The content gate's dictionary (规范表述词库): serious errors and leaders' terms for N7, outdated
   * expressions for N19. Our own site's comes from the CMS; another site is checked against the starting one.
   */
  contentGate: GateEntry[];
  seriousErrors: {
    stateNames: WrongRight[];
    leaders: WrongRight[];
    typos: WrongRight[];
    /** More than this many serious errors is a veto (N7: "more than 3"). */
    vetoAbove: number;
  };
  footer: {
    /** Patterns (RegExp sources) for the 党政机关网站标识 in image src/alt, link href/text, aria-label/title. */
    partyGovMark: string[];
    /** Patterns for the 我为政府网站找错 entry (link text or href). */
    errorReport: string[];
  };
  columns: {
    /** A page with at least this many dated links is a list page (foreign sites, N2–N4). */
    listPageMinDatedLinks: number;
    /** Texts that mark an empty list. */
    emptyMarkers: string[];
  };
}

export interface CheckInput {
  /** Base URL of the monitored site. */
  baseUrl: string;
  crawl: CrawlResult;
  knowledge?: OwnSiteKnowledge;
  probes?: ProbeRecord[];
  now: Date;
  config: RulesConfig;
}

export interface Check {
  /** Rule id: N1 … N11, S1. */
  id: string;
  title: string;
  run(input: CheckInput): Finding[];
}

// ---------------------------------------------------------------------------------------------
// Scoring and report

export interface ScoreItem {
  ruleId: string;
  key: string;
  points: number;
  message: string;
}

export interface RuleScore {
  ruleId: string;
  /** Sum of the rule's deductions before the cap. */
  raw: number;
  /** What counts toward the score. */
  points: number;
  cap: number;
}

export interface ScoreResult {
  /** 100 − capped deductions, never below 0. */
  score: number;
  passed: boolean;
  /** Why it failed, in Chinese; empty when passed. */
  reasons: string[];
  vetoes: ScoreItem[];
  deductions: ScoreItem[];
  byRule: RuleScore[];
  warnings: number;
}

export interface RuleSummary {
  ruleId: string;
  title: string;
  vetoes: number;
  deductions: number;
  warnings: number;
  points: number;
}

export interface MonitorReport {
  version: 1;
  site: { baseUrl: string; name?: string };
  startedAt: string;
  finishedAt: string;
  pagesCrawled: number;
  notes: Note[];
  findings: KeyedFinding[];
  byRule: RuleSummary[];
  /** Page → keys of the findings seen there (grouped findings listed under their example pages). */
  byPage: Array<{ page: string; keys: string[] }>;
  /** The titles of the pages named in findings (their h1, else their <title>), so that a report names pages as readers know them. */
  pageTitles?: Record<string, string>;
  score: ScoreResult;
  /** The home page fetch of this run, to store with the N1 probe history. */
  homeProbe?: ProbeRecord;
  stats: CrawlResult['stats'] & { externalChecked: number; cloakChecked: number };
  /** The tamper check of our own site's published pages (N9), when it ran with the report. */
  tamper?: TamperResult;
}

// ---------------------------------------------------------------------------------------------
// Tamper check (N9 网页篡改: the live site against the manifest of what was published; tamper.ts)

export type VisitorKind = 'desktop' | 'mobile';

export type TamperKind =
  /** The visible text of a published page changed (or its bytes, when nothing readable did). */
  | 'changed'
  | 'link-added'
  | 'link-removed'
  | 'script-added'
  | 'script-removed'
  /** A page live on the site that was never published (a file dropped on the server). */
  | 'unlisted'
  /** A published page that the site no longer serves (404, an error, or a redirect elsewhere). */
  | 'missing'
  /** Phones are served something other than what was published (and other than what desktops get). */
  | 'mobile-differs'
  /** The manifest itself is not the one the last publication recorded. */
  | 'manifest-changed';

export interface TamperFinding {
  ruleId: 'N9';
  kind: TamperKind;
  /** Stable across runs while the same difference stays: what an alert is sent once for. */
  key: string;
  /** The page's address on the site (path and `?page=N`). */
  url: string;
  /** The page's title as published (else as served). */
  title?: string;
  visitor: VisitorKind;
  userAgent: string;
  /** When the live page was read (ISO). */
  at: string;
  /** zh-CN, one line. */
  message: string;
  /** The difference as text: `- ` removed, `+ ` added, `~ ` the changed characters within a line. */
  difference: string[];
  expectedSha256?: string;
  liveSha256?: string;
  status?: number | null;
}

export interface TamperResult {
  baseUrl: string;
  checkedAt: string;
  /** Files in the manifest, and how many of them this run fetched. */
  pagesTotal: number;
  pagesChecked: number;
  /** The manifest's hash, and the one the latest publication recorded (null when none is recorded). */
  manifestHash: string;
  recordedManifestHash: string | null;
  findings: TamperFinding[];
}

/** What a stored run keeps for the history charts. */
export interface RunSummary {
  finishedAt: string;
  score: number;
  passed: boolean;
  findingsByRule: Record<string, number>;
}
