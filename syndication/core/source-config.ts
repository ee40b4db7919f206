import * as cheerio from 'cheerio';
import cron from 'node-cron';
import { normalizeCharset } from '../../src/platform/http/charset.js';
import { SyndicationError } from './errors.js';

/**
 * A syndication source (S9) is data, not code: URLs, field names and selectors change when upstream
 * sites are redesigned, and an editor fixes them in the Admin UI. This module is the shape of that data
 * and its validation, with messages in Chinese for the Admin UI.
 */

export const SOURCE_LEVELS = ['state-council', 'province', 'ministry', 'city', 'provincial-department'] as const;
export type SourceLevel = (typeof SOURCE_LEVELS)[number];
export const SOURCE_LEVEL_LABELS: Record<SourceLevel, string> = {
  'state-council': '国务院',
  province: '省',
  ministry: '部',
  city: '市',
  'provincial-department': '省厅',
};

export const ADAPTERS = ['feed', 'json-list', 'gov-search-api', 'html-list'] as const;
export type AdapterKind = (typeof ADAPTERS)[number];
export const ADAPTER_LABELS: Record<AdapterKind, string> = {
  feed: 'RSS/Atom/RDF 订阅源',
  'json-list': 'JSON 列表',
  'gov-search-api': '国务院政策文件库接口',
  'html-list': 'HTML 列表页',
};

/** Plain names an operator may type for an adapter (`gongkai source try --adapter rss`). */
export const ADAPTER_ALIASES: Record<string, AdapterKind> = {
  rss: 'feed',
  atom: 'feed',
  rdf: 'feed',
  xml: 'feed',
  json: 'json-list',
  gov: 'json-list',
  'gov-search': 'gov-search-api',
  search: 'gov-search-api',
  zhengceku: 'gov-search-api',
  html: 'html-list',
  trs: 'html-list',
};

/** The adapter an operator means by a name or an alias, or undefined. */
export function adapterNamed(name: string): AdapterKind | undefined {
  const lower = name.trim().toLowerCase();
  return (ADAPTERS as readonly string[]).includes(lower) ? (lower as AdapterKind) : ADAPTER_ALIASES[lower];
}

export const POLICIES = ['auto-publish', 'review'] as const;
export type ReprintPolicy = (typeof POLICIES)[number];
export const POLICY_LABELS: Record<ReprintPolicy, string> = { 'auto-publish': '自动发布', review: '审核后发布' };

/**
 * When a feed's own full content (content:encoded, Atom content) is the reprinted body: never (always the
 * detail page), when the detail page fails (404, or its body cannot be found), or always. The detail page,
 * when there is one, still gives the 发文字号, 发文机关 and dates.
 */
export const FEED_CONTENT_MODES = ['never', 'on-detail-failure', 'always'] as const;
export type FeedContentMode = (typeof FEED_CONTENT_MODES)[number];
export const FEED_CONTENT_LABELS: Record<FeedContentMode, string> = {
  never: '不使用（总是采集详情页）',
  'on-detail-failure': '详情页不可用时使用',
  always: '总是使用（详情页只补充元数据）',
};
export const DEFAULT_FEED_CONTENT: FeedContentMode = 'on-detail-failure';

/** A CSS selector, or several tried in order (the first that matches something wins). */
export type Selector = string | string[];

/** Field names of a JSON list (json-list). Defaults are gov.cn's: TITLE, URL, DOCRELPUBTIME. */
export interface JsonListFields {
  /** Dotted path to the array inside the JSON; empty when the JSON is the array itself. */
  items?: string;
  title?: string;
  url?: string;
  publishedAt?: string;
  /** A stable upstream id, if the list has one (used for dedup before the URL). */
  id?: string;
  summary?: string;
  number?: string;
  issuer?: string;
}

/** Selectors of an HTML list page (html-list); title, link, date and summary are relative to `item`. */
export interface HtmlListSelectors {
  item: string;
  /** Default: the link's `title` attribute if longer than its text, else the link's text. */
  title?: string;
  /** Default: the first `a[href]` in the item, or the item itself when it is a link. */
  link?: string;
  /** Default: the first date found in the item's text. */
  date?: string;
  summary?: string;
}

/**
 * Selectors of a detail page. `meta` elements give their `content`, others their text. Unset fields use
 * the defaults in extract.ts (gov.cn and TRS), and 发文字号/发文机关/成文日期/发布日期 are also looked up
 * by their labels in the page's info table.
 */
export interface DetailSelectors {
  title?: Selector;
  body?: Selector;
  number?: Selector; // 发文字号
  issuer?: Selector; // 发文机关
  writtenAt?: Selector; // 成文日期
  publishedAt?: Selector; // 发布日期
  /** Links to attachments (a[href]); default: links in the body to pdf/doc(x)/xls(x)/ofd/wps/zip … */
  attachments?: Selector;
  upstreamId?: Selector;
}

export interface SourceConfig {
  /** Stable identifier (lower-case slug); part of dedup keys, so never change it once items exist. */
  key: string;
  /** Name shown to editors and in the attribution (来源), e.g. 中国政府网·最新政策. */
  name: string;
  level: SourceLevel;
  adapter: AdapterKind;
  listUrls: string[];
  fields?: JsonListFields;
  list?: HtmlListSelectors;
  detail?: DetailSelectors;
  /** When the feed's own full content is used (feed adapter); default on-detail-failure. */
  feedContent?: FeedContentMode;
  /** Forces the charset of list and detail pages when upstream declares it wrongly. */
  charset?: string;
  /** node-cron expression (Beijing time). */
  schedule: string;
  /** Slug of the column reprinted documents go to (上级文件 › …). */
  targetColumn: string;
  policy: ReprintPolicy;
  enabled: boolean;
  /** Hosts (and their subdomains) item links may point to; default: the list URLs' hosts without `www.`. */
  allowedHosts?: string[];
  /** Most items taken from one list per run (lists are newest first); default 30. */
  maxItems?: number;
  /** Re-fetch already known items (conditionally) to detect upstream edits; default true. */
  checkEdits?: boolean;
  /** False until someone has checked the URLs and selectors against the live site. */
  verified?: boolean;
  note?: string;
}

export interface ConfigIssue {
  /** The field at fault, e.g. `listUrls[1]` or `list.item`. */
  field: string;
  message: string;
}

export type ValidationResult = { ok: true; config: SourceConfig } | { ok: false; errors: ConfigIssue[] };

export const DEFAULT_MAX_ITEMS = 30;
const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;
const KNOWN_KEYS = new Set([
  'key',
  'name',
  'level',
  'adapter',
  'listUrls',
  'fields',
  'list',
  'detail',
  'charset',
  'schedule',
  'targetColumn',
  'policy',
  'enabled',
  'allowedHosts',
  'maxItems',
  'checkEdits',
  'verified',
  'note',
  'feedContent',
]);
const FIELD_KEYS = ['items', 'title', 'url', 'publishedAt', 'id', 'summary', 'number', 'issuer'] as const;
const LIST_KEYS = ['item', 'title', 'link', 'date', 'summary'] as const;
const DETAIL_KEYS = ['title', 'body', 'number', 'issuer', 'writtenAt', 'publishedAt', 'attachments', 'upstreamId'] as const;

/**
 * Checks a source configuration (from the Admin UI or the seed) and returns it with defaults applied,
 * or every problem found, each with a Chinese message.
 */
export function validateSourceConfig(input: unknown): ValidationResult {
  const errors: ConfigIssue[] = [];
  const fail = (field: string, message: string): void => {
    errors.push({ field, message });
  };
  if (!isRecord(input)) return { ok: false, errors: [{ field: '', message: '来源配置必须是一个对象' }] };

  for (const key of Object.keys(input)) if (!KNOWN_KEYS.has(key)) fail(key, `未知的配置项：${key}`);

  const key = input.key;
  if (typeof key !== 'string' || !SLUG.test(key)) fail('key', '标识（key）必须由小写字母、数字和连字符组成，且以字母或数字开头');

  const name = input.name;
  if (typeof name !== 'string' || !name.trim()) fail('name', '来源名称不能为空');

  const level = input.level;
  if (!SOURCE_LEVELS.includes(level as SourceLevel)) {
    fail('level', `来源级别必须是以下之一：${SOURCE_LEVELS.map((l) => `${l}（${SOURCE_LEVEL_LABELS[l]}）`).join('、')}`);
  }

  const adapter = input.adapter;
  if (!ADAPTERS.includes(adapter as AdapterKind)) {
    fail('adapter', `采集方式必须是以下之一：${ADAPTERS.map((a) => `${a}（${ADAPTER_LABELS[a]}）`).join('、')}`);
  }

  const listUrls = input.listUrls;
  if (!Array.isArray(listUrls) || listUrls.length === 0) fail('listUrls', '至少需要一个列表地址');
  else {
    listUrls.forEach((url, i) => {
      if (!isHttpUrl(url)) fail(`listUrls[${i}]`, `列表地址必须是完整的 http 或 https 网址：${String(url)}`);
    });
    if (new Set(listUrls).size !== listUrls.length) fail('listUrls', '列表地址有重复');
  }

  if (input.fields !== undefined) {
    if (!isRecord(input.fields)) fail('fields', 'JSON 字段名（fields）必须是一个对象');
    else
      checkStringMap(input.fields, 'fields', FIELD_KEYS, fail, (field, value) => {
        if (!value.trim() && field !== 'fields.items') fail(field, `字段名不能为空：${field}`);
      });
  }

  if (adapter === 'html-list') {
    if (!isRecord(input.list)) fail('list', 'HTML 列表页必须配置列表选择器（list），至少包括条目选择器 list.item');
    else if (typeof input.list.item !== 'string' || !input.list.item.trim())
      fail('list.item', 'HTML 列表页必须配置条目选择器（list.item）');
  }
  if (input.list !== undefined && isRecord(input.list)) {
    checkStringMap(input.list, 'list', LIST_KEYS, fail, (field, value) => checkSelector(field, value, fail));
  } else if (input.list !== undefined && adapter !== 'html-list') fail('list', '列表选择器（list）必须是一个对象');

  if (input.detail !== undefined) {
    if (!isRecord(input.detail)) fail('detail', '详情页选择器（detail）必须是一个对象');
    else {
      for (const field of Object.keys(input.detail)) {
        if (!(DETAIL_KEYS as readonly string[]).includes(field)) {
          fail(`detail.${field}`, `未知的详情页选择器：detail.${field}`);
          continue;
        }
        const value = input.detail[field];
        const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
        if (!list || list.length === 0 || list.some((s) => typeof s !== 'string')) {
          fail(`detail.${field}`, `选择器必须是字符串或字符串数组：detail.${field}`);
          continue;
        }
        for (const selector of list as string[]) checkSelector(`detail.${field}`, selector, fail);
      }
    }
  }

  if (input.charset !== undefined && (typeof input.charset !== 'string' || !normalizeCharset(input.charset))) {
    fail('charset', `不支持的字符集：${String(input.charset)}（常用：UTF-8、GBK、GB2312、GB18030）`);
  }

  const schedule = input.schedule;
  if (typeof schedule !== 'string' || !schedule.trim())
    fail('schedule', '采集计划（schedule）不能为空，例如“0 8-20/2 * * *”表示 8 点到 20 点每两小时一次');
  else if (!cron.validate(schedule)) fail('schedule', `采集计划不是有效的 cron 表达式：${schedule}`);

  const targetColumn = input.targetColumn;
  if (typeof targetColumn !== 'string' || !SLUG.test(targetColumn))
    fail('targetColumn', '目标栏目必须是栏目标识（小写字母、数字和连字符），例如 gwy');

  const policy = input.policy ?? 'review';
  if (!POLICIES.includes(policy as ReprintPolicy)) fail('policy', '发布策略必须是 auto-publish（自动发布）或 review（审核后发布）');

  for (const flag of ['enabled', 'checkEdits', 'verified'] as const) {
    if (input[flag] !== undefined && typeof input[flag] !== 'boolean') fail(flag, `${flag} 必须是 true 或 false`);
  }

  if (input.allowedHosts !== undefined) {
    if (!Array.isArray(input.allowedHosts) || input.allowedHosts.some((h) => typeof h !== 'string' || !/^[a-z0-9.-]+$/i.test(h))) {
      fail('allowedHosts', '允许的域名（allowedHosts）必须是域名数组，例如 ["gov.cn"]');
    }
  }

  if (
    input.maxItems !== undefined &&
    (!Number.isInteger(input.maxItems) || (input.maxItems as number) < 1 || (input.maxItems as number) > 500)
  ) {
    fail('maxItems', '每次最多采集条数（maxItems）必须是 1 到 500 之间的整数');
  }
  if (input.feedContent !== undefined && !FEED_CONTENT_MODES.includes(input.feedContent as FeedContentMode)) {
    fail(
      'feedContent',
      `订阅源全文的使用方式必须是以下之一：${FEED_CONTENT_MODES.map((m) => `${m}（${FEED_CONTENT_LABELS[m]}）`).join('、')}`,
    );
  }
  if (input.note !== undefined && typeof input.note !== 'string') fail('note', '备注（note）必须是文字');

  if (errors.length > 0) return { ok: false, errors };
  const config = { ...input, policy, enabled: input.enabled ?? true } as unknown as SourceConfig;
  return { ok: true, config };
}

/** Like validateSourceConfig, but throws a SyndicationError listing every problem. */
export function assertValidSourceConfig(input: unknown): SourceConfig {
  const result = validateSourceConfig(input);
  if (result.ok) return result.config;
  const name = isRecord(input) && typeof input.name === 'string' ? input.name : '';
  throw new SyndicationError(
    'invalid-config',
    `来源配置无效${name ? `（${name}）` : ''}：${result.errors.map((e) => (e.field ? `${e.field}：${e.message}` : e.message)).join('；')}`,
  );
}

/** Hosts item links may point to: the configured ones, else the list URLs' hosts without `www.`. */
export function allowedHostsOf(source: Pick<SourceConfig, 'allowedHosts' | 'listUrls'>): string[] {
  if (source.allowedHosts && source.allowedHosts.length > 0) return source.allowedHosts.map((h) => h.toLowerCase());
  return [...new Set(source.listUrls.map((u) => new URL(u).hostname.toLowerCase().replace(/^www\./, '')))];
}

/** Whether `url` is on one of `hosts` or a subdomain of one. */
export function isAllowedHost(url: string, hosts: string[]): boolean {
  let hostname: string;
  try {
    hostname = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return hosts.some((h) => hostname === h || hostname.endsWith(`.${h}`));
}

function checkStringMap(
  map: Record<string, unknown>,
  prefix: string,
  allowed: readonly string[],
  fail: (field: string, message: string) => void,
  check: (field: string, value: string) => void,
): void {
  for (const [field, value] of Object.entries(map)) {
    const path = `${prefix}.${field}`;
    if (!allowed.includes(field)) fail(path, `未知的配置项：${path}`);
    else if (typeof value !== 'string') fail(path, `${path} 必须是文字`);
    else check(path, value);
  }
}

const probe = cheerio.load('<p></p>');

function checkSelector(field: string, selector: string, fail: (field: string, message: string) => void): void {
  if (!selector.trim()) {
    fail(field, `选择器不能为空：${field}`);
    return;
  }
  try {
    probe(selector);
  } catch (error) {
    fail(field, `CSS 选择器无效（${field}）：${selector}${error instanceof Error ? `（${error.message}）` : ''}`);
  }
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
