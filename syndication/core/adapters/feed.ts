import { XMLValidator } from 'fast-xml-parser';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { AnyNode, Document, Element } from 'domhandler';
import { parseChineseDate } from '../../../src/platform/http/dates.js';
import { SyndicationError } from '../errors.js';
import { decodeAttributeEntities, decodeXmlEntities } from './entities.js';
import { absoluteHttpUrl, cleanText, htmlToText, type ListItem, type ListPage, type ParsedList } from './types.js';

/**
 * RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 1.0 and Atom 0.3, read as real feeds are written rather than as
 * the specifications say they should be:
 *
 * - The tree comes from htmlparser2 in XML mode, which never gives up: a bare `&`, an undeclared entity
 *   or an unclosed tag still leave a tree. fast-xml-parser's validator runs first only to say what was
 *   wrong, and the run records that as a warning on the source's health (the items still count).
 * - Entities are decoded by the `entities` package, HTML's named entities included (`&ldquo;`); DTD
 *   entities are never expanded (a billion-laughs feed costs nothing).
 * - Text is read in document order, CDATA sections where they stand (`关于<![CDATA[“十四五”]]>规划`);
 *   Atom `type="xhtml"` titles by their elements' text, html titles through an HTML parser without the
 *   text of `<script>` or `<style>`.
 * - Links are resolved against `xml:base` (feed, entry and element, nested), which starts from the
 *   document's base (its Content-Location, else its URL).
 * - An entry without a link is kept when its id is an http(s) URL (the id is its link) or when it
 *   carries its full content (`content:encoded`, Atom `content`): `content` is then the document. An
 *   entry without a title is kept for the detail page (or its content) to give one.
 */

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const SKIPPED_ELEMENTS = new Set(['script', 'style']);

/** The items of a feed; see parseFeedPage for the warnings of a feed recovered from errors. */
export function parseFeed(page: ListPage): ListItem[] {
  return parseFeedPage(page).items;
}

/** `baseUrl`: the document's base when it is not its URL (an HTTP Content-Location). */
export function parseFeedPage(page: ListPage & { baseUrl?: string }): ParsedList {
  // A BOM or blank lines before the prolog are not errors worth a warning.
  const xml = page.text.replace(/^\uFEFF/, '').trimStart();
  const warnings = wellFormednessWarnings(xml);
  const doc = parseDocument(xml, { xmlMode: true, decodeEntities: false, recognizeCDATA: true, recognizeSelfClosing: true });
  const root = doc.children.find((node): node is Element => node.type === 'tag');
  const documentBase = page.baseUrl ?? page.url;
  const bases = new Map<AnyNode, string>();
  const baseOf = (node: AnyNode | null): string => {
    if (!node || node.type === 'root') return documentBase;
    const cached = bases.get(node);
    if (cached !== undefined) return cached;
    const parentBase = baseOf(node.parent);
    const own = node.type === 'tag' ? node.attribs['xml:base'] : undefined;
    const base = own === undefined ? parentBase : (resolveUrl(decodeAttributeEntities(own.trim()), parentBase) ?? parentBase);
    bases.set(node, base);
    return base;
  };

  const rootName = root ? localName(root.name) : '';
  let items: ListItem[];
  if (root && rootName === 'rss') {
    // RSS 0.9x puts items next to the channel at times: both are read.
    const channels = children(root, ['channel']);
    items = [...channels.flatMap((c) => children(c, ['item'])), ...children(root, ['item'])].map((i) => rssItem(i, baseOf)).filter(isItem);
  } else if (root && rootName === 'RDF') {
    items = children(root, ['item'])
      .map((i) => rssItem(i, baseOf))
      .filter(isItem);
  } else if (root && rootName === 'feed') {
    items = children(root, ['entry'])
      .map((e) => atomEntry(e, baseOf))
      .filter(isItem);
  } else {
    if (warnings.length)
      throw new SyndicationError(
        'malformed-feed',
        `订阅源格式错误，无法解析：不是 RSS、Atom 或 RDF（${warnings.join('；')}）：${page.url}`,
      );
    throw new SyndicationError('malformed-feed', `无法识别的订阅源格式：不是 RSS、Atom 或 RDF（${page.url}）`);
  }
  if (items.length === 0 && warnings.length) {
    throw new SyndicationError('malformed-feed', `订阅源格式错误，无法解析出条目（${warnings.join('；')}）：${page.url}`);
  }
  return { items, warnings };
}

/** What was wrong with a feed that is read anyway, in Chinese; empty for a well-formed feed. */
function wellFormednessWarnings(xml: string): string[] {
  const warnings: string[] = [];
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    warnings.push(`订阅源不是格式良好的 XML，已容错解析（第 ${line} 行第 ${col} 列：${msg}）`);
  }
  // The validator lets undeclared entities through; an XML parser would reject them.
  const declared = new Set([...xml.matchAll(/<!ENTITY\s+([A-Za-z_][\w.-]*)/g)].map((m) => m[1]));
  const outsideCdata = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  const undeclared = new Set<string>();
  for (const [, name] of outsideCdata.matchAll(/&([A-Za-z_][\w.-]*);/g))
    if (!XML_ENTITIES.has(name) && !declared.has(name)) undeclared.add(name);
  if (undeclared.size) {
    const names = [...undeclared]
      .slice(0, 5)
      .map((n) => `&${n};`)
      .join('、');
    warnings.push(`订阅源使用了未声明的实体 ${names}${undeclared.size > 5 ? ` 等 ${undeclared.size} 个` : ''}，已按 HTML 实体解读`);
  }
  return warnings;
}

type BaseOf = (node: AnyNode) => string;

function rssItem(item: Element, baseOf: BaseOf): ListItem | undefined {
  const guidElement = child(item, ['guid']);
  const guid = guidElement ? cleanText(textOf(guidElement)) : '';
  const permaLink = guidElement?.attribs.isPermaLink !== 'false';
  const linkElement = child(item, ['link']);
  const atomLink = alternateLink(children(item, ['atom:link']));
  const about = item.attribs['rdf:about'];
  const url =
    (linkElement ? resolveUrl(cleanText(textOf(linkElement, decodeAttributeEntities)), baseOf(linkElement)) : undefined) ??
    (atomLink ? resolveUrl(decodeAttributeEntities(atomLink.attribs.href ?? ''), baseOf(atomLink)) : undefined) ??
    (about ? resolveUrl(decodeAttributeEntities(about), baseOf(item)) : undefined) ??
    (guid && guidElement && permaLink ? resolveUrl(guid, baseOf(guidElement)) : undefined) ??
    absoluteUrlOnly(guid);
  const content = fullContent(child(item, ['content:encoded']), baseOf) ?? fullContent(child(item, ['atom:content']), baseOf);
  const title = titleOf(child(item, ['title', 'dc:title']));
  const upstreamId = guid || (about ? decodeAttributeEntities(about) : '');
  const dated = firstDate(item, [
    'pubDate',
    'dc:date',
    'dcterms:issued',
    'dcterms:created',
    'dcterms:available',
    'atom:published',
    'dcterms:modified',
    'atom:updated',
  ]);
  const summaryElement = child(item, ['description', 'dc:description', 'dcterms:abstract']);
  const issuer = cleanText(textOf(child(item, ['dc:publisher', 'dcterms:publisher', 'dc:creator', 'dcterms:creator'])));
  return listItem({
    url,
    title,
    upstreamId,
    publishedAt: dated,
    summary: summaryElement ? summaryOf(summaryElement) : undefined,
    issuer,
    content,
  });
}

function atomEntry(entry: Element, baseOf: BaseOf): ListItem | undefined {
  const link = alternateLink(children(entry, ['link']));
  const id = cleanText(textOf(child(entry, ['id'])));
  const url =
    (link?.attribs.href ? resolveUrl(decodeAttributeEntities(link.attribs.href), baseOf(link)) : undefined) ?? absoluteUrlOnly(id);
  const title = titleOf(child(entry, ['title']));
  // Atom 1.0 published/updated; Atom 0.3 issued/created/modified; Dublin Core terms in either.
  const publishedAt = firstDate(entry, [
    'published',
    'issued',
    'created',
    'dcterms:issued',
    'dcterms:created',
    'dc:date',
    'updated',
    'modified',
    'dcterms:modified',
  ]);
  const summaryElement = child(entry, ['summary']);
  const author = child(entry, ['author']);
  const issuer =
    cleanText(textOf(author ? child(author, ['name']) : undefined)) ||
    cleanText(textOf(child(entry, ['dc:publisher', 'dcterms:publisher'])));
  const content = fullContent(child(entry, ['content']), baseOf);
  return listItem({
    url,
    title,
    upstreamId: id,
    publishedAt,
    summary: summaryElement ? summaryOf(summaryElement) : undefined,
    issuer,
    content,
  });
}

function listItem(found: {
  url?: string;
  title: string;
  upstreamId: string;
  publishedAt?: Date;
  summary?: string;
  issuer: string;
  content?: ListItem['content'];
}): ListItem | undefined {
  // Neither a link nor the document itself: nothing to reprint.
  if (!found.url && !found.content) return undefined;
  const item: ListItem = { title: found.title };
  if (found.url) item.url = found.url;
  if (found.upstreamId) item.upstreamId = found.upstreamId;
  if (found.publishedAt) item.publishedAt = found.publishedAt;
  if (found.summary) item.summary = found.summary;
  if (found.issuer) item.issuer = found.issuer;
  if (found.content) item.content = found.content;
  return item;
}

function isItem(item: ListItem | undefined): item is ListItem {
  return item !== undefined;
}

/** rel="alternate" (or no rel) first, else the first link that is not the feed itself, an edit link or an enclosure. */
function alternateLink(links: Element[]): Element | undefined {
  const withHref = links.filter((l) => l.attribs.href);
  return (
    withHref.find((l) => (l.attribs.rel ?? 'alternate') === 'alternate' && (!l.attribs.type || /html/i.test(l.attribs.type))) ??
    withHref.find((l) => (l.attribs.rel ?? 'alternate') === 'alternate') ??
    withHref.find((l) => !['self', 'edit', 'enclosure', 'replies', 'hub'].includes(l.attribs.rel ?? ''))
  );
}

/**
 * A title as plain text: xhtml by its elements' text; html (and RSS titles that carry markup, which RSS
 * allows in practice) through an HTML parser; plain text as it is.
 */
function titleOf(element: Element | undefined): string {
  if (!element) return '';
  if (isXhtml(element)) return cleanText(textOf(element));
  const text = textOf(element);
  return cleanText(isHtml(element) || /<[A-Za-z/!]/.test(text) ? htmlToText(text) : text);
}

/** Summaries (RSS descriptions are escaped HTML) as plain text, cut at 500 characters. */
function summaryOf(element: Element): string | undefined {
  const type = (element.attribs.type ?? '').toLowerCase();
  const raw = textOf(element);
  const text = cleanText(isXhtml(element) ? raw : type === 'text' && !/<[A-Za-z/!]/.test(raw) ? raw : htmlToText(raw));
  if (!text) return undefined;
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

/** The full document an entry carries (content:encoded, Atom content inline), as HTML, with its base. */
function fullContent(element: Element | undefined, baseOf: BaseOf): ListItem['content'] {
  if (!element || element.attribs.src) return undefined;
  const type = (element.attribs.type ?? '').toLowerCase();
  let html: string;
  if (isXhtml(element)) {
    const div = element.children.find((c): c is Element => c.type === 'tag' && localName(c.name) === 'div');
    html = DomUtils.getInnerHTML(div ?? element, { xmlMode: false, decodeEntities: false });
  } else if (type === 'text' || type === 'text/plain') {
    const text = textOf(element).trim();
    html = text
      ? text
          .split(/\n\s*\n/)
          .map((p) => `<p>${escapeHtml(p.trim())}</p>`)
          .join('')
      : '';
  } else html = textOf(element).trim();
  if (!cleanText(htmlToText(html)) && !/<img\s/i.test(html)) return undefined;
  return { html, baseUrl: baseOf(element) };
}

function isHtml(element: Element): boolean {
  return /^(?:html|text\/html|escaped)$/i.test(element.attribs.type ?? '') || element.attribs.mode === 'escaped';
}

function isXhtml(element: Element): boolean {
  return (element.attribs.type ?? '').toLowerCase() === 'xhtml';
}

/**
 * The text of an element in document order: text decoded (named HTML entities included), CDATA taken
 * as written, child elements by their text (xhtml), never the text of script or style.
 */
function textOf(node: AnyNode | undefined, decode: (text: string) => string = decodeXmlEntities): string {
  if (!node) return '';
  switch (node.type) {
    case 'text':
      return decode(node.data);
    case 'cdata':
      return node.children.map((c) => (c.type === 'text' ? c.data : '')).join('');
    case 'tag':
    case 'script':
    case 'style':
      if (SKIPPED_ELEMENTS.has(localName(node.name).toLowerCase())) return '';
      return node.children.map((c) => textOf(c, decode)).join('');
    case 'root':
      return (node as Document).children.map((c) => textOf(c, decode)).join('');
    default:
      return '';
  }
}

function firstDate(element: Element, names: string[]): Date | undefined {
  for (const name of names) {
    for (const found of children(element, [name])) {
      const date = parseChineseDate(cleanText(textOf(found)));
      if (date) return date;
    }
  }
  return undefined;
}

/** Child elements by name: exact, or the Atom/RSS/RDF local name under any of their usual prefixes. */
function children(element: Element, names: string[]): Element[] {
  return element.children.filter((c): c is Element => c.type === 'tag' && names.some((n) => matches(c.name, n)));
}

function child(element: Element, names: string[]): Element | undefined {
  for (const name of names) {
    const found = element.children.find((c): c is Element => c.type === 'tag' && matches(c.name, name));
    if (found) return found;
  }
  return undefined;
}

const FEED_PREFIXES = new Set(['atom', 'rss', 'rdf', 'atom03']);

function matches(tag: string, name: string): boolean {
  if (tag === name) return true;
  if (name.includes(':')) return false;
  const i = tag.indexOf(':');
  return i !== -1 && tag.slice(i + 1) === name && FEED_PREFIXES.has(tag.slice(0, i).toLowerCase());
}

function resolveUrl(href: string, base: string): string | undefined {
  return absoluteHttpUrl(href, base);
}

/** An id that is itself an http(s) URL (Atom ids, RSS guids): the entry's link when it has no other. */
function absoluteUrlOnly(value: string): string | undefined {
  return /^https?:\/\//i.test(value) ? absoluteHttpUrl(value, value) : undefined;
}

function localName(tag: string): string {
  const i = tag.indexOf(':');
  return i === -1 ? tag : tag.slice(i + 1);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
