import * as cheerio from 'cheerio';
import type { AnyNode } from 'domhandler';
import { parseChineseDate } from '../../../src/platform/http/dates.js';
import type { HtmlListSelectors } from '../source-config.js';
import { absoluteHttpUrl, cleanText, type ListItem, type ListPage } from './types.js';

/**
 * HTML list pages (TRS provincial and city sites, mca.gov.cn): one `item` per entry, and within it the
 * link, title and date by the configured selectors, with sensible defaults when one is not configured.
 */
export function parseHtmlList(page: ListPage, selectors: HtmlListSelectors): ListItem[] {
  const $ = cheerio.load(page.text);
  const items: ListItem[] = [];
  $(selectors.item).each((_, element) => {
    const item = $(element);
    const link = findLink(item, selectors.link);
    if (!link) return;
    const url = absoluteHttpUrl(link.attr('href'), page.url);
    if (!url) return;

    // Lists cut long titles with "..." and keep the whole one in the link's title attribute.
    const attribute = cleanText(link.attr('title'));
    let title = selectors.title ? cleanText(item.find(selectors.title).first().text()) : '';
    if (!title) title = cleanText(link.text());
    const stem = title.replace(/(\.{2,}|…+)$/, '');
    if (attribute && (!title || (attribute.length > stem.length && attribute.startsWith(stem)))) title = attribute;
    if (!title) return;

    const entry: ListItem = { url, title };
    const dateText = selectors.date ? item.find(selectors.date).first().text() : item.text();
    const publishedAt = parseChineseDate(cleanText(dateText));
    if (publishedAt) entry.publishedAt = publishedAt;
    if (selectors.summary) {
      const summary = cleanText(item.find(selectors.summary).first().text());
      if (summary) entry.summary = summary;
    }
    items.push(entry);
  });
  return items;
}

function findLink(item: cheerio.Cheerio<AnyNode>, selector: string | undefined): cheerio.Cheerio<AnyNode> | undefined {
  if (selector) {
    const found = item.find(selector).first();
    if (found.length) return found.is('a') ? found : found.find('a[href]').first();
    // The item may itself be the link (e.g. `table.article a.artitlelist`).
    return item.is(selector) ? item : undefined;
  }
  if (item.is('a[href]')) return item;
  const found = item.find('a[href]').first();
  return found.length ? found : undefined;
}
