/** What every list adapter produces from one fetched list (feed, JSON list, search API, HTML list). */
export interface ListItem {
  /** A stable id upstream gives the item (feed guid/id, a configured JSON field); used first for dedup. */
  upstreamId?: string;
  /** Absolute URL of the detail page. */
  url: string;
  title: string;
  publishedAt?: Date;
  summary?: string;
  /** 发文字号, when the list already has it (the policy-library API does). */
  number?: string;
  /** 发文机关. */
  issuer?: string;
}

/** A fetched list: its text and the final URL it came from (the base for relative links). */
export interface ListPage {
  text: string;
  url: string;
}

/** Resolves `href` against `base`; undefined for what is not an http(s) link (javascript:, mailto: …). */
export function absoluteHttpUrl(href: string | undefined | null, base: string): string | undefined {
  if (!href) return undefined;
  const trimmed = href.trim();
  if (!trimmed || trimmed.startsWith('#')) return undefined;
  try {
    const url = new URL(trimmed, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

/** Collapses whitespace (including full-width spaces and nbsp) and trims. */
export function cleanText(text: string | undefined | null): string {
  return (text ?? '').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/** Removes markup from a short string (a title with <em> highlights, an Atom html title). */
export function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, '');
}
