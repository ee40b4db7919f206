import * as cheerio from 'cheerio';
import { isTag, type AnyNode } from 'domhandler';
import { absoluteHttpUrl, cleanText } from './adapters/types.js';
import { parseChineseDate } from '../../src/platform/http/dates.js';
import { SyndicationError } from './errors.js';
import { isAttachmentUrl } from '../../src/platform/content/sanitize.js';
import type { DetailSelectors, Selector } from './source-config.js';

/**
 * Reading one upstream document page: title, body, 发文字号, 发文机关, 成文日期, 发布日期, attachments and
 * a stable upstream id. In this order: the national page metadata tags (《政府网站网页设计规范》:
 * ArticleTitle, PubDate; ContentSource, see below) when the page has them, then the configured selectors, then the
 * defaults below (gov.cn, then TRS), then the labelled cells of the info table (发文字号：…), and for the
 * 发文字号 last a line that is only a number in the national form (云民发〔2026〕45号) near the title.
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

/**
 * The national page metadata tags every government site is to carry (政府网站网页设计规范 / GB/T
 * 政府网站元数据): read before anything configured, because they are what the page says of itself.
 */
export const NATIONAL_META_SELECTORS: Partial<Record<keyof DetailSelectors, string[]>> = {
  title: ['meta[name="ArticleTitle" i]'],
  publishedAt: ['meta[name="PubDate" i]'],
};

/**
 * ContentSource names who published the page (often a 办公厅 posting its government's document), not
 * necessarily the 发文机关: it gives the issuer only when no selector and no labelled 发文机关 does, so a
 * 云政发 document is never reprinted as issued by the office that posted it (N7).
 */
const CONTENT_SOURCE = 'meta[name="ContentSource" i]';

/** gov.cn first, then TRS provincial/city sites; the last resorts are generic. */
export const DEFAULT_DETAIL_SELECTORS: Required<Record<keyof DetailSelectors, string[]>> = {
  title: ['div.share-title', '.article h1', 'h1', 'title'],
  body: ['div.TRS_UEDITOR', '#UCAP-CONTENT', '.trs_editor_view', '.TRS_Editor', '.pages_content', '#zoom', 'article'],
  number: ['meta[name=fwzh]', 'meta[name=文号]'],
  issuer: ['meta[name=fwjg]'],
  writtenAt: ['meta[name=cwrq]'],
  publishedAt: ['meta[name=firstpublishedtime]'],
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

/** `fallbackTitle`: the list's title, for a page that has none of its own (a bare document page). */
export function extractDetail(
  page: ExtractInput,
  selectors: DetailSelectors = {},
  { fallbackTitle = '' }: { fallbackTitle?: string } = {},
): ExtractedDetail {
  // htmlparser2 rather than parse5: the same elements and text for what is read here, at a fraction of
  // the time and memory (parse5 builds the full HTML5 tree, location info and all, for every page).
  const $ = cheerio.load(page.text, HTMLPARSER2);
  const pick = (field: keyof DetailSelectors): string[] => [
    ...(NATIONAL_META_SELECTORS[field] ?? []),
    ...toList(selectors[field]),
    ...DEFAULT_DETAIL_SELECTORS[field],
  ];

  let title = firstValue($, pick('title'));
  // <title> is often "标题_中国政府网" or "标题-云南省人民政府": drop the site suffix.
  if (title && cleanText($('title').first().text()) === title)
    title = title.replace(/\s*[_|｜—–-]\s*[^_|｜—–-]*(网|政府|门户|部|厅)\s*$/, '').trim();
  title ||= fallbackTitle;
  if (!title) throw new SyndicationError('extract-failed', `详情页中找不到标题：${page.url}`);

  const body = firstElement($, pick('body'));
  if (!body) {
    throw new SyndicationError('extract-failed', `详情页中找不到正文（已尝试选择器：${pick('body').join('、')}）：${page.url}`);
  }
  const bodyHtml = body.html() ?? '';

  const detail: ExtractedDetail = { title, bodyHtml, attachments: attachmentsOf($, body, toList(selectors.attachments), page.url) };
  // The labelled cells are read once per page, for whichever fields need them.
  let cells: LabelCell[] | undefined;
  const labelled = (field: keyof typeof LABELS) => labelledValue((cells ??= labelCells($)), field);
  const number = firstValue($, pick('number')) || labelled('number') || numberLine($);
  if (number) detail.number = number;
  const issuer = firstValue($, pick('issuer')) || labelled('issuer') || firstValue($, [CONTENT_SOURCE]);
  if (issuer) detail.issuer = issuer;
  const writtenAt = parseChineseDate(firstValue($, pick('writtenAt')) || labelled('writtenAt'));
  if (writtenAt) detail.writtenAt = writtenAt;
  const publishedAt = parseChineseDate(firstValue($, pick('publishedAt')) || labelled('publishedAt'));
  if (publishedAt) detail.publishedAt = publishedAt;
  const upstreamId = firstValue($, pick('upstreamId'));
  if (upstreamId) detail.upstreamId = upstreamId;
  return detail;
}

/** cheerio over htmlparser2 in HTML mode (entities decoded, tag names case-insensitive). */
const HTMLPARSER2 = { xml: { xmlMode: false, encodeEntities: 'utf8' } } as const;

/** 云民发〔2026〕45号, 国办函[2026]3号, 民发（2026）第12号: an issuer's abbreviation, the year, the serial. */
const DOCUMENT_NUMBER = /^[\u4e00-\u9fa5]{1,16}\s*[〔［[（(]\s*(?:19|20)\d{2}\s*[〕］\]）)]\s*第?\s*\d{1,5}\s*号$/;

/**
 * A 发文字号 written without a label, as TRS pages put it under the title (`<p class="wh">云民发〔2026〕45号</p>`):
 * the first short element whose whole text is a number in that form. Elements come in document order, so
 * the line nearest the top (under the title) wins over a number cited in the body.
 */
const BLOCK_CHILDREN = new Set(['p', 'div', 'td', 'table']);

function numberLine($: cheerio.CheerioAPI): string {
  for (const node of $('p, div, span, td, h2, h3, h4, font, center').toArray()) {
    // A container of blocks is not a line (read from the node: a selector per element costs a parse each).
    if (node.children.some((child) => isTag(child) && BLOCK_CHILDREN.has(child.name))) continue;
    const text = cleanText($(node).text());
    if (text.length <= 30 && DOCUMENT_NUMBER.test(text)) return text.replace(/\s+/g, '');
  }
  return '';
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

/** A candidate cell for a labelled value: its text (cleaned, at most 80 characters) and the element. */
interface LabelCell {
  text: string;
  /** The text without any whitespace, to compare with a bare label. */
  compact: string;
  element: cheerio.Cheerio<AnyNode>;
}

/** The elements that may hold a label, in document order, with their text. */
function labelCells($: cheerio.CheerioAPI): LabelCell[] {
  const cells: LabelCell[] = [];
  for (const node of $('td, th, dt, dd, span, b, strong, li, p, label, em').toArray()) {
    const element = $(node);
    const text = cleanText(element.text());
    if (text && text.length <= 80) cells.push({ text, compact: text.replace(/\s+/g, ''), element });
  }
  return cells;
}

/** `发文字号：国发〔2026〕12号`, by label: compiled once. */
const INLINE_LABELS = new Map(
  Object.values(LABELS)
    .flat()
    .map((label) => [label, new RegExp(`^${label}\\s*[：:]\\s*(.+)$`)]),
);

/**
 * A value written next to its label: `<td>发文字号：</td><td>国发〔2026〕12号</td>` or
 * `<span>发文字号：国发〔2026〕12号</span>`.
 */
function labelledValue(cells: LabelCell[], field: keyof typeof LABELS): string {
  for (const { text, compact, element } of cells) {
    for (const label of LABELS[field]) {
      if (compact === label || compact === `${label}：` || compact === `${label}:`) {
        const next = cleanText(element.next().text());
        if (next) return next;
      }
      const inline = INLINE_LABELS.get(label)!.exec(text);
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
  const links = selectors.length
    ? $(selectors.join(','))
        .find('a[href]')
        .add($(selectors.join(',')).filter('a[href]'))
    : body.find('a[href]');
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
