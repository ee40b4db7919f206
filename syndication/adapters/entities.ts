/**
 * Entity decoding done by hand: the feed parser runs with `processEntities: false` so untrusted XML
 * cannot expand entities (fast-xml-parser CVE-2026-26278, CVE-2026-33036). One pass, so `&amp;lt;`
 * becomes `&lt;`, not `<`. Unknown named entities are left as they are.
 */
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  // Not XML, but common in feeds generated from HTML templates.
  nbsp: '\u00a0',
};

export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      // Not NUL, not surrogates, not beyond Unicode.
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
      return String.fromCodePoint(code);
    }
    return NAMED[body] ?? whole;
  });
}

/** The same, for HTML-ish strings in JSON (titles with &quot; or &#8220;). */
export const decodeHtmlEntities = decodeXmlEntities;
