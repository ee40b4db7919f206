import type { SourceConfig } from '../source-config.js';
import { SyndicationError } from '../errors.js';
import { parseFeed, parseFeedPage } from './feed.js';
import { parseGovSearchApi } from './gov-search-api.js';
import { parseHtmlList } from './html-list.js';
import { parseJsonList } from './json-list.js';
import { absoluteHttpUrl, type ListItem, type ListPage, type ParsedList } from './types.js';

export type { ListItem, ListPage, ParsedList } from './types.js';
export { parseFeed, parseFeedPage, parseGovSearchApi, parseHtmlList, parseJsonList };

/** The list items of a fetched list page, by the source's adapter. */
export function parseList(source: Pick<SourceConfig, 'adapter' | 'fields' | 'list'>, page: ListPage): ListItem[] {
  return parseListPage(source, page).items;
}

/**
 * The same with the warnings of a list read in spite of errors (a feed recovered from a bare `&`).
 * `baseUrl`: the document's base when it is not its URL (the response's Content-Location).
 */
export function parseListPage(
  source: Pick<SourceConfig, 'adapter' | 'fields' | 'list'>,
  page: ListPage & { baseUrl?: string },
): ParsedList {
  const base = { text: page.text, url: page.baseUrl ?? page.url };
  switch (source.adapter) {
    case 'feed':
      return parseFeedPage(page);
    case 'json-list':
      return { items: parseJsonList(base, source.fields), warnings: [] };
    case 'gov-search-api':
      return { items: parseGovSearchApi(base), warnings: [] };
    case 'html-list':
      if (!source.list) throw new SyndicationError('invalid-config', 'HTML 列表页必须配置列表选择器（list.item）');
      return { items: parseHtmlList(base, source.list), warnings: [] };
  }
}

/** The base URL of a fetched document: its Content-Location (resolved against its URL), else its URL. */
export function documentBase(page: { url: string; headers?: Record<string, string> }): string {
  const location = page.headers?.['content-location']?.trim();
  if (!location) return page.url;
  return absoluteHttpUrl(location, page.url) ?? page.url;
}

/** The Accept header suited to an adapter's lists. */
export function acceptFor(adapter: SourceConfig['adapter']): string {
  switch (adapter) {
    case 'feed':
      return 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
    case 'json-list':
    case 'gov-search-api':
      return 'application/json, text/javascript;q=0.9, */*;q=0.5';
    case 'html-list':
      return 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8';
  }
}
