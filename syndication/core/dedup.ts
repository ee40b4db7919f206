import { createHash } from 'node:crypto';
import * as cheerio from 'cheerio';
import { Parser } from 'htmlparser2';

/**
 * Dedup keys and content hashes (pure functions). Duplicates are aggregators' most common complaint:
 * the key follows Miniflux/FreshRSS — the upstream id when there is one, else the normalised URL, else
 * the title and content — and the content hash detects an edited upstream document.
 */

/** Query parameters that only track or bust caches: dropped before comparing URLs. */
const TRACKING_PARAMS = new Set([
  'spm',
  'from',
  'isappinstalled',
  'scene',
  'share_token',
  'sharer_shareid',
  'fbclid',
  'gclid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
  '_',
]);

/**
 * A URL normalised for comparison: no fragment, lower-case scheme and host, no default port, no
 * tracking parameters, remaining parameters sorted. The stored URL stays as upstream wrote it.
 */
export function normalizeUrl(input: string): string {
  const url = new URL(input.trim());
  url.hash = '';
  url.hostname = url.hostname.toLowerCase();
  if ((url.protocol === 'http:' && url.port === '80') || (url.protocol === 'https:' && url.port === '443')) url.port = '';
  const params = [...url.searchParams.entries()]
    .filter(([name]) => !TRACKING_PARAMS.has(name.toLowerCase()) && !name.toLowerCase().startsWith('utm_'))
    .sort(([a, av], [b, bv]) => (a === b ? compare(av, bv) : compare(a, b)));
  url.search = '';
  for (const [name, value] of params) url.searchParams.append(name, value);
  return url.href;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface DedupInput {
  upstreamId?: string;
  url?: string;
  title?: string;
  /** The body (HTML or text), only used when there is neither an id nor a URL. */
  content?: string;
}

/**
 * The dedup key of an item, a sha256 hex string:
 * - source + upstream id (feed guid/id): ids are only unique within a source;
 * - else the normalised URL, http and https counted as one: NOT scoped to the source, so the same
 *   gov.cn document reached through two sources (the JSON list and the policy library) is one item;
 * - else source + title + normalised content.
 */
export function dedupKey(sourceKey: string, item: DedupInput): string {
  const id = item.upstreamId?.trim();
  if (id) return sha256(`id\n${sourceKey}\n${id}`);
  if (item.url) {
    let normalized: string | undefined;
    try {
      normalized = normalizeUrl(item.url).replace(/^https?:/, '');
    } catch {
      normalized = undefined;
    }
    if (normalized) return sha256(`url\n${normalized}`);
  }
  return sha256(`text\n${sourceKey}\n${normalizeText(item.title ?? '')}\n${normalizeText(item.content ?? '')}`);
}

/**
 * The text of some HTML for comparison: tags and entities gone, Unicode NFC, every kind of whitespace
 * (including full-width spaces, nbsp) and zero-width characters removed.
 */
export function normalizeText(html: string): string {
  return compact(/[<&]/.test(html) ? cheerio.load(html, null, false).text() : html);
}

function compact(text: string): string {
  return text.normalize('NFC').replace(/[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]+/g, '');
}

/**
 * The text of sanitized HTML (sanitize-html's output, well-formed), entities decoded: its text nodes in
 * order, read by htmlparser2's tokenizer without building a tree, as the same text normalizeText reads
 * (a body is hashed on every run of every item). Upstream HTML as it came (a dedup key's content) is
 * read by normalizeText's HTML5 parser.
 */
function textOf(html: string): string {
  let text = '';
  const parser = new Parser(
    {
      ontext(chunk) {
        text += chunk;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return text;
}

/**
 * The hash that detects an upstream edit: title and body text, whitespace-insensitive, so that a
 * re-rendered template or re-indented markup is not an edit but a changed word or figure is. The body
 * is sanitized (sanitizeBody).
 */
export function contentHash(input: { title?: string; bodyHtml: string }): string {
  return sha256(`${normalizeText(input.title ?? '')}\n${compact(/[<&]/.test(input.bodyHtml) ? textOf(input.bodyHtml) : input.bodyHtml)}`);
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
