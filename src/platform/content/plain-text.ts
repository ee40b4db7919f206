/** Reading Keystone document-field values (rich text) as data and as plain text. */

/**
 * The node tree of a document-field value. SQLite keeps these values as JSON text; text that is not
 * JSON is returned as is.
 */
export function parseDocumentField(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed !== null && typeof parsed === 'object' ? parsed : value;
  } catch {
    return value;
  }
}

// Inline elements sit inside a paragraph; every other element is a block and ends a line.
const inlineTypes = new Set(['link', 'relationship']);

function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (!node || typeof node !== 'object') return '';
  const { text, type, children } = node as { text?: unknown; type?: unknown; children?: unknown };
  if (typeof text === 'string') return text;
  const inner = textOf(children);
  return typeof type === 'string' && !inlineTypes.has(type) ? `${inner}\n` : inner;
}

/** The text of a document-field value, one line per block. */
export function plainText(value: unknown): string {
  return textOf(parseDocumentField(value))
    .replace(/\n{2,}/g, '\n')
    .trim();
}
