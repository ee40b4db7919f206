import { parseChineseDate } from '../../../src/platform/http/dates.js';
import { SyndicationError } from '../errors.js';
import { parseJson } from './json-list.js';
import { absoluteHttpUrl, cleanText, htmlToText, type ListItem, type ListPage } from './types.js';

/**
 * The 国务院政策文件库 search API (sousuo.www.gov.cn/search-gov/data): results in `searchVO.listVO[]`
 * with `title` (search highlights in <em>), `pcode` (发文字号), `pubtimeStr`, `url`, `puborg` (发文机关),
 * `summary`. Some variants group results under `searchVO.catMap.<category>.listVO`: both are read.
 */
export function parseGovSearchApi(page: ListPage): ListItem[] {
  const data = parseJson(page);
  const searchVO = isRecord(data) ? data.searchVO : undefined;
  if (!isRecord(searchVO)) {
    const message = isRecord(data) && typeof data.msg === 'string' && data.msg ? `：${data.msg}` : '';
    throw new SyndicationError('malformed-list', `政策文件库接口返回的数据中没有 searchVO（${page.url}）${message}`);
  }
  const entries: unknown[] = [];
  if (Array.isArray(searchVO.listVO)) entries.push(...searchVO.listVO);
  if (isRecord(searchVO.catMap)) {
    for (const category of Object.values(searchVO.catMap)) {
      if (isRecord(category) && Array.isArray(category.listVO)) entries.push(...category.listVO);
    }
  }
  if (!Array.isArray(searchVO.listVO) && entries.length === 0 && !isRecord(searchVO.catMap)) {
    throw new SyndicationError('malformed-list', `政策文件库接口返回的数据中没有 searchVO.listVO（${page.url}）`);
  }

  const items: ListItem[] = [];
  for (const entry of entries) {
    if (!isRecord(entry)) continue;
    const title = plain(entry.title);
    const url = absoluteHttpUrl(typeof entry.url === 'string' ? entry.url : undefined, page.url);
    if (!title || !url) continue;
    const item: ListItem = { url, title };
    const publishedAt =
      parseChineseDate(plain(entry.pubtimeStr)) ??
      parseChineseDate(typeof entry.pubtime === 'number' ? entry.pubtime : plain(entry.pubtime));
    if (publishedAt) item.publishedAt = publishedAt;
    const number = plain(entry.pcode);
    if (number) item.number = number;
    const issuer = plain(entry.puborg);
    if (issuer) item.issuer = issuer;
    const summary = plain(entry.summary);
    if (summary) item.summary = summary;
    items.push(item);
  }
  return items;
}

function plain(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return '';
  return cleanText(htmlToText(value));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
