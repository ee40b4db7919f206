import type { SourceConfig } from '../source-config.js';
import { SyndicationError } from '../errors.js';
import { parseFeed } from './feed.js';
import { parseGovSearchApi } from './gov-search-api.js';
import { parseHtmlList } from './html-list.js';
import { parseJsonList } from './json-list.js';
import type { ListItem, ListPage } from './types.js';

export type { ListItem, ListPage } from './types.js';
export { parseFeed, parseGovSearchApi, parseHtmlList, parseJsonList };

/** The list items of a fetched list page, by the source's adapter. */
export function parseList(source: Pick<SourceConfig, 'adapter' | 'fields' | 'list'>, page: ListPage): ListItem[] {
  switch (source.adapter) {
    case 'feed':
      return parseFeed(page);
    case 'json-list':
      return parseJsonList(page, source.fields);
    case 'gov-search-api':
      return parseGovSearchApi(page);
    case 'html-list':
      if (!source.list) throw new SyndicationError('invalid-config', 'HTML 列表页必须配置列表选择器（list.item）');
      return parseHtmlList(page, source.list);
  }
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
