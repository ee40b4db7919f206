import * as cheerio from 'cheerio';
import sanitizeHtml from 'sanitize-html';
import { absoluteHttpUrl, cleanText } from './text.js';

/**
 * Upstream HTML is untrusted: a hijacked upstream page (N9) must not inject scripts, redirects or hidden
 * links into our site. Bodies go through an allowlist suited to government documents; relative links
 * become absolute against the page URL; images and attachments are listed so the caller can copy them
 * into local storage (assets.ts) and rewrite their URLs (the `rewrite` option).
 */

export type AssetKind = 'image' | 'attachment' | 'link';

/** Document files we reprint as attachments (the extension of the link's path). */
export const ATTACHMENT_EXTENSIONS = [
  'pdf',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'ppt',
  'pptx',
  'ofd',
  'wps',
  'et',
  'dps',
  'zip',
  'rar',
  '7z',
] as const;

const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'table',
  'caption',
  'colgroup',
  'col',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'strong',
  'b',
  'em',
  'i',
  'u',
  'sub',
  'sup',
  'a',
  'img',
  'span',
  'div',
];

// Their content goes too, not just the tags: scripts, styles, embedded documents, forms.
const DROP_WITH_CONTENT = [
  'script',
  'style',
  'textarea',
  'option',
  'select',
  'button',
  'noscript',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'template',
  'title',
  'head',
  'svg',
  'math',
];

/** The classes our templates style: upstream centring and right alignment (落款) survive as these. */
export const ALIGN_CLASSES = { center: 'text-center', right: 'text-right' } as const;

export interface SanitizeOptions {
  /** The page the HTML came from: relative links and image sources are resolved against it. */
  baseUrl: string;
  /**
   * Called with each absolute image source ('image'), attachment link ('attachment') and other link
   * ('link'); return the URL to use instead (e.g. the local copy), or undefined to keep it.
   */
  rewrite?: (url: string, kind: AssetKind) => string | undefined;
  /** Keep chart blocks, `<figure data-chart="…">` (our own bodies only; never an upstream's). */
  charts?: boolean;
}

/**
 * Our own bodies (and what is left relative in a reprint: our media copies) have no page of their own: their links
 * are resolved against this stand-in base, and what comes back on it is made site-relative again (`siteRelative`).
 */
export const siteBase = 'https://gongkai.invalid/';
export const siteRelative = (url: string): string | undefined => (url.startsWith(siteBase) ? url.slice(siteBase.length - 1) : undefined);

/** Whether a URL points to a document file we treat as an attachment (by its path's extension). */
export function isAttachmentUrl(url: string): boolean {
  const extension = extensionOf(url);
  return extension !== undefined && (ATTACHMENT_EXTENSIONS as readonly string[]).includes(extension);
}

/** The lower-case extension of a URL's path, if any. */
export function extensionOf(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url, 'http://x/').pathname;
  } catch {
    return undefined;
  }
  const m = /\.([a-z0-9]{1,5})$/i.exec(path);
  return m ? m[1].toLowerCase() : undefined;
}

/** Sanitizes an upstream body for our site (allowlist), with absolute (or rewritten) URLs. */
export function sanitizeBody(html: string, options: SanitizeOptions): string {
  const { baseUrl, rewrite, charts = false } = options;
  const resolve = (value: string | undefined, kindOf: (url: string) => AssetKind): string | undefined => {
    if (value === undefined) return undefined;
    const absolute = absoluteHttpUrl(value, baseUrl);
    // Non-http(s) values (javascript:, data: …) are left for sanitize-html's scheme check to remove.
    if (!absolute) return value.trim().startsWith('#') ? undefined : value;
    return rewrite?.(absolute, kindOf(absolute)) ?? absolute;
  };

  return sanitizeHtml(html, {
    allowedTags: charts ? [...ALLOWED_TAGS, 'figure'] : ALLOWED_TAGS,
    allowedAttributes: {
      ...(charts ? { figure: ['data-chart'] } : {}),
      a: ['href', 'title'],
      img: ['src', 'alt', 'title'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan'],
      ol: ['start'],
      p: ['class'],
    },
    allowedClasses: { p: Object.values(ALIGN_CLASSES) },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    selfClosing: ['img', 'br', 'hr', 'col'],
    nonTextTags: DROP_WITH_CONTENT,
    transformTags: {
      a: (tagName, attribs) => {
        const href = resolve(attribs.href, (url) => (isAttachmentUrl(url) ? 'attachment' : 'link'));
        const next: Record<string, string> = { ...attribs };
        if (href === undefined) delete next.href;
        else next.href = href;
        return { tagName, attribs: next };
      },
      img: (tagName, attribs) => {
        const src = resolve(attribs.src, () => 'image');
        const next: Record<string, string> = { ...attribs };
        if (src === undefined) delete next.src;
        else next.src = src;
        return { tagName, attribs: next };
      },
      p: (tagName, attribs) => ({ tagName, attribs: alignment(attribs) }),
    },
    // An image without a usable source is nothing but a tracking or broken pixel.
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  });
}

/** Keeps text-align center/right from an inline style (or align attribute) as one of our classes. */
function alignment(attribs: Record<string, string>): Record<string, string> {
  const kept = Object.values(ALIGN_CLASSES).find((name) => (attribs.class ?? '').split(/\s+/).includes(name));
  if (kept) return { class: kept };
  const style = `${attribs.style ?? ''};text-align:${attribs.align ?? ''}`;
  const m = /text-align\s*:\s*(center|right)/i.exec(style);
  return m ? { class: ALIGN_CLASSES[m[1].toLowerCase() as 'center' | 'right'] } : {};
}

export interface ListedAssets {
  images: { url: string; alt: string }[];
  attachments: { url: string; name: string }[];
}

/**
 * The images and attachments a (sanitized) body references, each once, with absolute URLs: what the
 * caller copies into local storage before rewriting the body with `sanitizeBody(html, { rewrite })`.
 */
export function listAssets(html: string, baseUrl: string): ListedAssets {
  // A sanitized body is sanitize-html's (htmlparser2's) output: read back by the same parser.
  const $ = cheerio.load(html, { xml: { xmlMode: false, encodeEntities: 'utf8' } }, false);
  const images: ListedAssets['images'] = [];
  const attachments: ListedAssets['attachments'] = [];
  const seen = new Set<string>();
  $('img[src]').each((_, node) => {
    const url = absoluteHttpUrl($(node).attr('src'), baseUrl);
    if (!url || seen.has(url)) return;
    seen.add(url);
    images.push({ url, alt: cleanText($(node).attr('alt')) });
  });
  $('a[href]').each((_, node) => {
    const url = absoluteHttpUrl($(node).attr('href'), baseUrl);
    if (!url || seen.has(url) || !isAttachmentUrl(url)) return;
    seen.add(url);
    attachments.push({ url, name: cleanText($(node).text()) || cleanText($(node).attr('title')) });
  });
  return { images, attachments };
}

/**
 * Rewrites asset URLs in an already sanitized body, e.g. to local copies:
 * `rewriteAssetUrls(html, base, (url) => copies.get(url))`. Re-sanitizes on the way, so whatever
 * `rewrite` returns cannot smuggle markup in.
 */
export function rewriteAssetUrls(html: string, baseUrl: string, rewrite: (url: string, kind: AssetKind) => string | undefined): string {
  return sanitizeBody(html, { baseUrl, rewrite });
}
