import { parseDocument } from 'htmlparser2';
import type { AnyNode } from 'domhandler';
export { absoluteHttpUrl, cleanText } from '../../../src/platform/content/text.js';
/** What every list adapter produces from one fetched list (feed, JSON list, search API, HTML list). */
export interface ListItem {
  /** A stable id upstream gives the item (feed guid/id, a configured JSON field); used first for dedup. */
  upstreamId?: string;
  /**
   * Absolute URL of the detail page. Only a feed entry that carries its whole document (`content`) may
   * have none.
   */
  url?: string;
  /** Empty when the list gives none: the detail page (or the content) gives it. */
  title: string;
  publishedAt?: Date;
  summary?: string;
  /** 发文字号, when the list already has it (the policy-library API does). */
  number?: string;
  /** 发文机关. */
  issuer?: string;
  /** The full document a feed entry carries (content:encoded, Atom content), raw HTML, with its base URL. */
  content?: { html: string; baseUrl: string };
}

/** A parsed list with what was wrong with it but could be read anyway (shown on the source's health). */
export interface ParsedList {
  items: ListItem[];
  warnings: string[];
}

/** A fetched list: its text and the final URL it came from (the base for relative links). */
export interface ListPage {
  text: string;
  url: string;
}

const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object']);

/**
 * The text of an HTML fragment, read by an HTML parser (htmlparser2): entities decoded, and never the
 * text of a script or a style, which a regular expression stripping tags would keep.
 */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html;
  const doc = parseDocument(html, { decodeEntities: true });
  const parts: string[] = [];
  const walk = (nodes: AnyNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'text') parts.push(node.data);
      else if ((node.type === 'tag' || node.type === 'script' || node.type === 'style') && !NOT_TEXT.has(node.name.toLowerCase())) {
        // Block elements and line breaks separate words.
        if (/^(?:br|p|div|li|tr|h[1-6])$/i.test(node.name)) parts.push(' ');
        walk(node.children);
      } else if (node.type === 'cdata') walk(node.children);
    }
  };
  walk(doc.children);
  return parts.join('');
}
