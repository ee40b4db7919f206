import { parseChineseDate } from '../../../src/platform/http/dates.js';
import { SyndicationError } from '../errors.js';
import type { JsonListFields } from '../source-config.js';
import { absoluteHttpUrl, cleanText, htmlToText, type ListItem, type ListPage } from './types.js';

/** gov.cn's flat lists: `[{ TITLE, URL, DOCRELPUBTIME }]`. */
export const DEFAULT_JSON_FIELDS: Required<Pick<JsonListFields, 'title' | 'url' | 'publishedAt'>> = {
  title: 'TITLE',
  url: 'URL',
  publishedAt: 'DOCRELPUBTIME',
};

/** Parses a JSON list with configurable field names; entries without a title or a usable URL are skipped. */
export function parseJsonList(page: ListPage, fields: JsonListFields = {}): ListItem[] {
  const data = parseJson(page);
  const array = fields.items ? valueAt(data, fields.items) : data;
  if (!Array.isArray(array)) {
    throw new SyndicationError(
      'malformed-list',
      `JSON 列表格式不符：${fields.items ? `“${fields.items}”处` : '顶层'}不是数组（${page.url}）`,
    );
  }
  const names = { ...DEFAULT_JSON_FIELDS, ...fields };
  const items: ListItem[] = [];
  for (const entry of array) {
    if (typeof entry !== 'object' || entry === null) continue;
    const title = text(valueAt(entry, names.title));
    const url = absoluteHttpUrl(text(valueAt(entry, names.url)), page.url);
    if (!title || !url) continue;
    const item: ListItem = { url, title };
    const published = valueAt(entry, names.publishedAt);
    const publishedAt = typeof published === 'number' ? parseChineseDate(published) : parseChineseDate(text(published));
    if (publishedAt) item.publishedAt = publishedAt;
    if (names.id) setIf(item, 'upstreamId', text(valueAt(entry, names.id)));
    if (names.summary) setIf(item, 'summary', text(valueAt(entry, names.summary)));
    if (names.number) setIf(item, 'number', text(valueAt(entry, names.number)));
    if (names.issuer) setIf(item, 'issuer', text(valueAt(entry, names.issuer)));
    items.push(item);
  }
  return items;
}

export function parseJson(page: ListPage): unknown {
  try {
    return JSON.parse(page.text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new SyndicationError(
      'malformed-list',
      `JSON 列表无法解析（${page.url}）：${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

/** The value at a dotted path (`searchVO.listVO`), or undefined. */
export function valueAt(data: unknown, path: string): unknown {
  let current: unknown = data;
  for (const part of path.split('.').filter(Boolean)) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function text(value: unknown): string {
  if (typeof value === 'string') return cleanText(htmlToText(value));
  if (typeof value === 'number') return String(value);
  return '';
}

function setIf<K extends 'upstreamId' | 'summary' | 'number' | 'issuer'>(item: ListItem, key: K, value: string): void {
  if (value) item[key] = value;
}
