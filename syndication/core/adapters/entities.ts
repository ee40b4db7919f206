import { decodeHTML, decodeHTMLAttribute } from 'entities';

/**
 * Entity decoding for feed and list text, by the `entities` package (htmlparser2's, the WHATWG table):
 * the five XML entities, numeric references and every HTML named entity — Chinese government feeds
 * write quotation marks as `&ldquo;…&rdquo;` and dashes as `&mdash;` without declaring them. One pass,
 * so `&amp;lt;` becomes `&lt;`, not `<`; a bare `&` stays `&`. Nothing here expands a DTD's entities.
 */
export function decodeXmlEntities(text: string): string {
  return decodeHTML(text);
}

/**
 * The same for an attribute value or a URL: `&copy=1` in a query string stays as written, as browsers
 * read it.
 */
export function decodeAttributeEntities(text: string): string {
  return decodeHTMLAttribute(text);
}
