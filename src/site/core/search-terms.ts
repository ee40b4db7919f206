/*
 * The words of a public search and their marking in results: pure. Chinese has no spaces between words, so a word
 * is what the visitor typed between spaces (half- or full-width); an item matches when it holds every word, in any
 * order.
 */

import Handlebars from 'handlebars';

/** At most this many words are searched for: more would only slow the query. */
export const maxSearchTerms = 8;

/** The distinct words of a query, in the order typed. */
export function searchTerms(query: string): string[] {
  return [...new Set(query.split(/[\s\u3000]+/).filter(Boolean))].slice(0, maxSearchTerms);
}

// The templates' own escaping, for HTML written in code.
const escapeHtml = Handlebars.Utils.escapeExpression;

/** Where the first of the words occurs in the text (-1 when none does): a result's excerpt is cut around it. */
export function firstHit(text: string, terms: readonly string[]): number {
  const lower = text.toLowerCase();
  const hits = terms.map((term) => lower.indexOf(term.toLowerCase())).filter((at) => at >= 0);
  return hits.length ? Math.min(...hits) : -1;
}

/** The text as HTML, every occurrence of the words in <mark> (the longest word first where two overlap). */
export function markTerms(text: string, terms: readonly string[]): string {
  const words = [...terms]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .map((term) => term.toLowerCase());
  const lower = text.toLowerCase();
  let html = '';
  let plain = 0;
  for (let at = 0; at < text.length;) {
    const word = words.find((w) => lower.startsWith(w, at));
    if (!word) {
      at++;
      continue;
    }
    html += `${escapeHtml(text.slice(plain, at))}<mark>${escapeHtml(text.slice(at, at + word.length))}</mark>`;
    at += word.length;
    plain = at;
  }
  return html + escapeHtml(text.slice(plain));
}
