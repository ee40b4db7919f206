import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseChineseDate } from '../dates.js';
import { SyndicationError } from '../errors.js';
import { decodeXmlEntities } from './entities.js';
import { absoluteHttpUrl, cleanText, stripTags, type ListItem, type ListPage } from './types.js';

/**
 * RSS 2.0, Atom and RDF (RSS 1.0) feeds, with the fast-xml-parser settings sources.md asks for:
 * attributes kept (Atom link@href, guid@isPermaLink), tag values left as strings (guid 00123 stays
 * "00123"), repeated tags always arrays, namespace prefixes kept (dc:date, content:encoded), and no
 * entity processing by the parser (we decode the five XML entities and numeric references ourselves).
 */

const ARRAY_TAGS = new Set(['item', 'entry', 'link', 'category']);
const CDATA = '__cdata';
const TEXT = '#text';
const ATTR = '@_';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: ATTR,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  removeNSPrefix: false,
  cdataPropName: CDATA,
  textNodeName: TEXT,
  trimValues: true,
  isArray: (tagName) => ARRAY_TAGS.has(localName(tagName)),
});

type XmlNode = Record<string, unknown>;

export function parseFeed(page: ListPage): ListItem[] {
  // A BOM or blank lines before the prolog make the validator reject an otherwise fine feed.
  const xml = page.text.replace(/^\uFEFF/, '').trimStart();
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    throw new SyndicationError('malformed-feed', `订阅源格式错误，无法解析（第 ${line} 行第 ${col} 列：${msg}）：${page.url}`);
  }
  let doc: XmlNode;
  try {
    doc = parser.parse(xml) as XmlNode;
  } catch (error) {
    throw new SyndicationError('malformed-feed', `订阅源格式错误，无法解析：${page.url}（${error instanceof Error ? error.message : String(error)}）`, { cause: error });
  }

  const rss = child(doc, 'rss');
  if (rss) return rssItems(asArray(child(asNode(rss), 'channel')).flatMap((c) => asArray(child(asNode(c), 'item'))), page.url);
  const feed = child(doc, 'feed');
  if (feed) return atomEntries(asArray(child(asNode(feed), 'entry')), page.url);
  const rdf = child(doc, 'RDF');
  if (rdf) return rssItems(asArray(child(asNode(rdf), 'item')), page.url);
  throw new SyndicationError('malformed-feed', `无法识别的订阅源格式：不是 RSS、Atom 或 RDF（${page.url}）`);
}

function rssItems(items: unknown[], base: string): ListItem[] {
  const result: ListItem[] = [];
  for (const raw of items) {
    const item = asNode(raw);
    const title = plainTitle(textOf(child(item, 'title')));
    const guidNode = child(item, 'guid');
    const guid = cleanText(textOf(guidNode));
    const permaLink = attr(guidNode, 'isPermaLink') !== 'false';
    const link =
      absoluteHttpUrl(cleanText(textOf(firstOf(child(item, 'link')))), base) ??
      absoluteHttpUrl(attr(item, 'rdf:about'), base) ??
      (permaLink ? absoluteHttpUrl(guid, base) : undefined);
    if (!title || !link) continue;
    const entry: ListItem = { url: link, title };
    const upstreamId = guid || attr(item, 'rdf:about');
    if (upstreamId) entry.upstreamId = upstreamId;
    const date = parseChineseDate(cleanText(textOf(child(item, 'pubDate')))) ?? parseChineseDate(cleanText(textOf(child(item, 'dc:date'))));
    if (date) entry.publishedAt = date;
    const summary = summaryOf(textOf(child(item, 'description')));
    if (summary) entry.summary = summary;
    const issuer = cleanText(textOf(child(item, 'dc:publisher')) || textOf(child(item, 'dc:creator')));
    if (issuer) entry.issuer = issuer;
    result.push(entry);
  }
  return result;
}

function atomEntries(entries: unknown[], base: string): ListItem[] {
  const result: ListItem[] = [];
  for (const raw of entries) {
    const entry = asNode(raw);
    const title = plainTitle(textOf(child(entry, 'title')));
    const links = asArray(child(entry, 'link')).map(asNode);
    const alternate = links.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate') ?? links[0];
    const link = absoluteHttpUrl(attr(alternate, 'href'), base);
    if (!title || !link) continue;
    const item: ListItem = { url: link, title };
    const id = cleanText(textOf(child(entry, 'id')));
    if (id) item.upstreamId = id;
    const date = parseChineseDate(cleanText(textOf(child(entry, 'published')))) ?? parseChineseDate(cleanText(textOf(child(entry, 'updated'))));
    if (date) item.publishedAt = date;
    const summary = summaryOf(textOf(child(entry, 'summary')));
    if (summary) item.summary = summary;
    const author = child(entry, 'author');
    const issuer = cleanText(textOf(child(asNode(firstOf(author)), 'name')));
    if (issuer) item.issuer = issuer;
    result.push(item);
  }
  return result;
}

/** The text of a parsed node: entity-decoded text plus CDATA sections taken literally. */
function textOf(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string') return decodeXmlEntities(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (typeof node === 'object') {
    const record = node as XmlNode;
    const cdata = record[CDATA];
    const cdataText = Array.isArray(cdata) ? cdata.map(String).join('') : typeof cdata === 'string' ? cdata : '';
    const text = record[TEXT];
    return (typeof text === 'string' ? decodeXmlEntities(text) : '') + cdataText;
  }
  return String(node);
}

/** Titles may carry markup (Atom type="html", CDATA with <b>): keep only the words. */
function plainTitle(text: string): string {
  return cleanText(decodeXmlEntities(stripTags(text)));
}

function summaryOf(html: string): string | undefined {
  const text = cleanText(decodeXmlEntities(stripTags(html)));
  if (!text) return undefined;
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

/** A child by tag name, whatever namespace prefix the feed gives it (rdf:RDF, atom:feed …) for roots. */
function child(node: unknown, name: string): unknown {
  if (typeof node !== 'object' || node === null) return undefined;
  const record = node as XmlNode;
  if (name in record) return record[name];
  if (name.includes(':')) return undefined;
  const key = Object.keys(record).find((k) => !k.startsWith(ATTR) && localName(k) === name);
  return key === undefined ? undefined : record[key];
}

function attr(node: unknown, name: string): string | undefined {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
  const value = (node as XmlNode)[`${ATTR}${name}`];
  return typeof value === 'string' ? decodeXmlEntities(value) : undefined;
}

function asNode(value: unknown): XmlNode {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as XmlNode;
  if (typeof value === 'string') return { [TEXT]: value };
  return {};
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function localName(tag: string): string {
  const i = tag.indexOf(':');
  return i === -1 ? tag : tag.slice(i + 1);
}
