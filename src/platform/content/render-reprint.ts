import * as cheerio from 'cheerio';
import type { AnyNode, Text } from 'domhandler';
import { sanitizeBody, siteBase, siteRelative } from './sanitize.js';
import { maskPieces } from '../privacy/mask.js';

/**
 * A reprint's body for the public page: the stored upstream HTML sanitized again (it may have been
 * edited in the Admin UI since it was fetched) and personal data masked in its text, never in its
 * markup or links (N15).
 */

// Elements that start a new line for the reader; everything else (span, b, a, font …) runs on.
const blockTags = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

// Elements whose text no reader sees.
const hiddenTags = new Set(['script', 'style', 'template', 'noscript', 'head', 'title']);

/** The text nodes under `root`, in runs a reader sees together: a block element or <br> ends a run. */
function textRuns(root: AnyNode[]): Text[][] {
  const runs: Text[][] = [[]];
  const walk = (nodes: AnyNode[]) => {
    for (const node of nodes) {
      if (node.type === 'text') runs[runs.length - 1].push(node as Text);
      else if ('children' in node && (node.type === 'tag' || node.type === 'root') && !(node.type === 'tag' && hiddenTags.has(node.name))) {
        const block = node.type === 'tag' && blockTags.has(node.name);
        if (block) runs.push([]);
        walk(node.children);
        if (block) runs.push([]);
      }
    }
  };
  walk(root);
  return runs.filter((run) => run.length > 0);
}

/** Masks the text of a loaded document, run by run: a number split by inline markup is masked whole (N15). */
function maskRuns(root: AnyNode[]): boolean {
  let changed = false;
  for (const run of textRuns(root)) {
    const masked = maskPieces(run.map((node) => node.data));
    run.forEach((node, i) => {
      if (node.data !== masked[i]) {
        node.data = masked[i];
        changed = true;
      }
    });
  }
  return changed;
}

export function renderReprintBody(html: string): string {
  // Links were made absolute at import; what is still relative points to our own media copies.
  const $ = cheerio.load(sanitizeBody(html, { baseUrl: siteBase, rewrite: siteRelative }), null, false);
  finishForPage($);
  return $.html();
}

/**
 * What every body gets on its page, reprint or local: personal data masked in its text (N15), and each table in
 * a box of its own that scrolls sideways on a narrow screen (focusable, so a keyboard can scroll it too).
 */
export function finishForPage($: cheerio.CheerioAPI): void {
  maskRuns($.root().toArray());
  maskAttributes($);
  $('table').wrap('<div class="table-scroll" role="region" aria-label="表格（可左右滚动）" tabindex="0"></div>');
}

/**
 * A reprint's HTML with personal data masked in its text, markup untouched; the same string when there
 * is nothing to mask. What a reprint is stored as, so no surface (page, feed, search, API) has more.
 */
export function maskReprintHtml(html: string): string {
  const $ = cheerio.load(html, null, false);
  const runs = maskRuns($.root().toArray());
  return maskAttributes($) || runs ? $.html() : html;
}

/** The texts a page shows or reads out besides its text nodes (an image's alt, a link's title), masked too (N15). */
function maskAttributes($: cheerio.CheerioAPI): boolean {
  let changed = false;
  $('[alt], [title]').each((_, element) => {
    for (const name of ['alt', 'title']) {
      const value = $(element).attr(name);
      if (value === undefined) continue;
      const [masked] = maskPieces([value]);
      if (masked !== value) {
        $(element).attr(name, masked);
        changed = true;
      }
    }
  });
  return changed;
}

/**
 * The plain text of a body, one line per run of text, for feeds, search and the N15 check. An image's text
 * alternative is a line of its own: what a screen reader says is part of what the page says.
 */
export function reprintText(html: string): string {
  const $ = cheerio.load(html, null, false);
  $('img').each((_, element) => {
    const alt = ($(element).attr('alt') ?? '').trim();
    $(element).replaceWith(alt ? $('<div></div>').text(alt) : '');
  });
  return textRuns($.root().toArray())
    .map((run) =>
      run
        .map((node) => node.data)
        .join('')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean)
    .join('\n');
}
