import * as cheerio from 'cheerio';
import { sanitizeBody } from '../../syndication/sanitize.js';
import { maskPersonalData } from '../privacy/mask.js';

/**
 * A reprint's body for the public page: the stored upstream HTML sanitized again (it may have been
 * edited in the Admin UI since it was fetched) and personal data masked in its text, never in its
 * markup or links (N15).
 */
// Links were made absolute at import; what is still relative points to our own media copies.
const ownOrigin = 'https://gongkai.invalid';

export function renderReprintBody(html: string): string {
  const own = (url: string) => (url.startsWith(`${ownOrigin}/`) ? url.slice(ownOrigin.length) : undefined);
  const $ = cheerio.load(sanitizeBody(html, { baseUrl: `${ownOrigin}/`, rewrite: own }), null, false);
  const mask = (nodes: ReturnType<typeof $>) => {
    nodes.contents().each((_i, node) => {
      if (node.type === 'text') node.data = maskPersonalData(node.data);
      else mask($(node));
    });
  };
  mask($.root());
  return $.html();
}

/** The plain text of a reprint's body, for feeds and search. */
export function reprintText(html: string): string {
  return cheerio.load(html).text().replace(/\s+/g, ' ').trim();
}
