import { reprintText } from './render-reprint.js';

/** The text of a rich-text body (HTML, rich-html.ts), one line per block, for search, checks and summaries. */
export function plainText(value: unknown): string {
  return typeof value === 'string' && value ? reprintText(value) : '';
}
