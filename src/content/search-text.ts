import { reprintText } from './render-reprint.js';
import { plainText } from './plain-text.js';

/**
 * The text a document is found by in search: its title, number and the text the public may read —
 * for 删减后公开 the redacted text only, so search never reveals what was withheld (S1).
 */
export function searchTextOf(item: { title?: unknown; documentNumber?: unknown; disclosure?: unknown; body?: unknown; redactedBody?: unknown; reprintBody?: unknown }): string {
  const text = item.disclosure === 'redacted' ? item.redactedBody : item.body;
  // A reprint's text is its upstream HTML.
  const reprint = typeof item.reprintBody === 'string' && item.reprintBody ? reprintText(item.reprintBody) : '';
  return [item.title, item.documentNumber, plainText(text), reprint].filter((part) => typeof part === 'string' && part).join('\n');
}
