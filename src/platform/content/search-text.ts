import { maskPersonalData } from '../privacy/mask.js';
import { reprintText } from './render-reprint.js';
import { plainText } from './plain-text.js';
import { chartsText } from './chart-blocks.js';

type PublicItem = {
  title?: unknown;
  documentNumber?: unknown;
  disclosure?: unknown;
  body?: unknown;
  redactedBody?: unknown;
  reprintBody?: unknown;
};

/**
 * The body text the public may read of a document or interpretation, as plain text, not yet masked:
 * a reprint's upstream HTML, the redacted text of 删减后公开 (S1), otherwise the body.
 */
export function publicBodyText(item: PublicItem): string {
  if (typeof item.reprintBody === 'string' && item.reprintBody) return reprintText(item.reprintBody);
  return plainText(item.disclosure === 'redacted' ? item.redactedBody : item.body);
}

/**
 * The text a document or interpretation is found by in search: its title, number and the text the
 * public may read — for 删减后公开 the redacted text only, so search never reveals what was withheld
 * (S1) — with phone and ID numbers masked as on the page (N15), so a search for the hidden digits
 * finds nothing (issue 14 #11). Charts are found by their title, sentence and figures. Rows stored before this rule are rebuilt by `rebuildSearchText`.
 */
export function searchTextOf(item: PublicItem): string {
  const text = item.disclosure === 'redacted' ? item.redactedBody : item.body;
  // A reprint's text is its upstream HTML.
  const reprint = typeof item.reprintBody === 'string' && item.reprintBody ? reprintText(item.reprintBody) : '';
  return maskPersonalData(
    [item.title, item.documentNumber, plainText(text), chartsText(text), reprint]
      .filter((part) => typeof part === 'string' && part)
      .join('\n'),
  );
}
