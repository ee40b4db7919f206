import * as cheerio from 'cheerio';
import type { AnyNode } from 'domhandler';
import { absoluteHttpUrl, cleanText } from './adapters/types.js';
import { parseChineseDate } from './dates.js';
import { SyndicationError } from './errors.js';
import { isAttachmentUrl } from './sanitize.js';
import type { DetailSelectors, Selector } from './source-config.js';

/**
 * Reading one upstream document page: title, body, 发文字号, 发文机关, 成文日期, 发布日期, attachments and
 * a stable upstream id. Configured selectors come first, then the defaults below (gov.cn, then TRS), then
 * the labelled cells of the info table (发文字号：…).
 */

export interface ExtractedDetail {
  title: string;
  /** The body as upstream has it: NOT sanitized (see sanitize.ts). */
  bodyHtml: string;
  number?: string;
  issuer?: string;
  writtenAt?: Date;
  publishedAt?: Date;
  attachments: { url: string; name: string }[];
  upstreamId?: string;
}

/** gov.cn first, then TRS provincial/city sites; the last resorts are generic. */
export const DEFAULT_DETAIL_SELECTORS: Required<Record<keyof DetailSelectors, string[]>> = {
  title: ['div.share-title', 'meta[name=ArticleTitle]', '.article h1', 'h1', 'title'],
  body: ['div.TRS_UEDITOR', '#UCAP-CONTENT', '.trs_editor_view', '.TRS_Editor', '.pages_content', '#zoom', 'article'],
  number: ['meta[name=fwzh]', 'meta[name=文号]'],
  issuer: ['meta[name=fwjg]'],
  writtenAt: ['meta[name=cwrq]'],
  publishedAt: ['meta[name=firstpublishedtime]', 'meta[name=PubDate]', 'meta[name=pubdate]'],
  attachments: [],
  upstreamId: ['meta[name=manuscriptId]', 'meta[name=ContentId]'],
};

/** Labels of the info table (gov.cn `table.bd1`, TRS 信息公开 tables), by field. */
const LABELS = {
  number: ['发文字号', '文号'],
  issuer: ['发文机关', '发布机构', '发文单位'],
  writtenAt: ['成文日期', '成文时间'],
  publishedAt: ['发布日期', '发布时间'],
} as const;

export interface ExtractInput {
  text: string;
  /** The final URL of the page: the base for relative links. */
  url: string;
}

export function extractDetail(page: ExtractInput, selectors: DetailSelectors = {}): ExtractedDetail {
  const $ = cheerio.load(page.text);
  const pick = (field: keyof DetailSelectors): string[] => [...toList(selectors[field]), ...DEFAULT_DETAIL_SELECTORS[field]];

  let title = firstValue($, pick('title'));
  // <title> is often "标题_中国政府网" or "标题-云南省人民政府": drop the site suffix.
  if (title && $('title').first().text().trim() === title) title = title.replace(/\s*[_|｜—–-]\s*[^_|｜—–-]*(网|政府|门户|部|厅)\s*$/, '').trim();
  if (!title) throw new SyndicationError('extract-failed', `详情页中找不到标题：${page.url}`);

  const body = firstElement($, pick('body'));
  if (!body) {
    throw new SyndicationError('extract-failed', `详情页中找不到正文（已尝试选择器：${pick('body').join('、')}）：${page.url}`);
  }
  const bodyHtml = body.html() ?? '';

  const detail: ExtractedDetail = { title, bodyHtml, attachments: attachmentsOf($, body, toList(selectors.attachments), page.url) };
  const number = firstValue($, pick('number')) || labelled($, LABELS.number);
  if (number) detail.number = number;
  const issuer = firstValue($, pick('issuer')) || labelled($, LABELS.issuer);
  if (issuer) detail.issuer = issuer;
  const writtenAt = parseChineseDate(firstValue($, pick('writtenAt')) || labelled($, LABELS.writtenAt));
  if (writtenAt) detail.writtenAt = writtenAt;
  const publishedAt = parseChineseDate(firstValue($, pick('publishedAt')) || labelled($, LABELS.publishedAt));
  if (publishedAt) detail.publishedAt = publishedAt;
  const upstreamId = firstValue($, pick('upstreamId'));
  if (upstreamId) detail.upstreamId = upstreamId;
  return detail;
}

function toList(selector: Selector | undefined): string[] {
  if (selector === undefined) return [];
  return Array.isArray(selector) ? selector : [selector];
}

/** The value of the first selector that gives a non-empty one: `content` of a meta, else the text. */
function firstValue($: cheerio.CheerioAPI, selectors: string[]): string {
  for (const selector of selectors) {
    const element = $(selector).first();
    if (!element.length) continue;
    const value = cleanText(element.is('meta') ? element.attr('content') : element.text());
    if (value) return value;
  }
  return '';
}

function firstElement($: cheerio.CheerioAPI, selectors: string[]): cheerio.Cheerio<AnyNode> | undefined {
  for (const selector of selectors) {
    const element = $(selector).first();
    // An empty container (a template placeholder) is not the body.
    if (element.length && (cleanText(element.text()) || element.find('img').length)) return element;
  }
  return undefined;
}

/**
 * A value written next to its label: `<td>发文字号：</td><td>国发〔2026〕12号</td>` or
 * `<span>发文字号：国发〔2026〕12号</span>`.
 */
function labelled($: cheerio.CheerioAPI, labels: readonly string[]): string {
  const candidates = $('td, th, dt, dd, span, b, strong, li, p, label, em').toArray();
  for (const node of candidates) {
    const element = $(node);
    const text = cleanText(element.text());
    if (!text || text.length > 80) continue;
    for (const label of labels) {
      const compact = text.replace(/\s+/g, '');
      if (compact === label || compact === `${label}：` || compact === `${label}:`) {
        const next = cleanText(element.next().text());
        if (next) return next;
      }
      const inline = new RegExp(`^${label}\\s*[：:]\\s*(.+)$`).exec(text);
      if (inline && inline[1].trim()) return inline[1].trim();
    }
  }
  return '';
}

function attachmentsOf(
  $: cheerio.CheerioAPI,
  body: cheerio.Cheerio<AnyNode>,
  selectors: string[],
  base: string,
): { url: string; name: string }[] {
  const links = selectors.length ? $(selectors.join(',')).find('a[href]').add($(selectors.join(',')).filter('a[href]')) : body.find('a[href]');
  const seen = new Set<string>();
  const result: { url: string; name: string }[] = [];
  links.each((_, node) => {
    const link = $(node);
    const url = absoluteHttpUrl(link.attr('href'), base);
    // A configured attachments selector is trusted; otherwise only links to document files count.
    if (!url || seen.has(url) || (!selectors.length && !isAttachmentUrl(url))) return;
    seen.add(url);
    const name = cleanText(link.text()) || cleanText(link.attr('title')) || lastSegment(url);
    result.push({ url, name });
  });
  return result;
}

function lastSegment(url: string): string {
  const segment = new URL(url).pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
