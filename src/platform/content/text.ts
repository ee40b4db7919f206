// Small text helpers shared by the sanitizer, the syndication library and the site.

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
