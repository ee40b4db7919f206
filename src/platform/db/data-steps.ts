import { documentJsonToHtml } from '../content/legacy-document.js';

/**
 * A stored column rewritten value by value: `convert` gets the value as the driver reads it (text, or for a JSON
 * column on PostgreSQL the parsed value) and returns the new text, or null to leave the value as it is.
 */
export interface ColumnRewrite {
  table: string;
  column: string;
  convert(value: unknown): string | null;
}

const toHtml = (table: string, column: string): ColumnRewrite => ({
  table,
  column,
  convert: (value) => (typeof value === 'string' ? documentJsonToHtml(value) : null),
});

/** A revision's snapshot (JSON) with its body and redacted body as HTML, so comparing across the change still works. */
function snapshotBodiesToHtml(value: unknown): string | null {
  let snapshot: unknown = value;
  if (typeof value === 'string') {
    try {
      snapshot = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (!snapshot || typeof snapshot !== 'object' || Array.isArray(snapshot)) return null;
  const record = { ...(snapshot as Record<string, unknown>) };
  let changed = false;
  for (const field of ['body', 'redactedBody']) {
    const old = record[field];
    if (old === null || old === undefined) continue;
    const html = documentJsonToHtml(typeof old === 'string' ? old : JSON.stringify(old));
    if (html === null) continue;
    record[field] = html;
    changed = true;
  }
  return changed ? JSON.stringify(record) : null;
}

/** The data steps of migrations, by migration name (migrations.ts runs each with its migration). */
export const dataSteps: Record<string, ColumnRewrite[]> = {
  // Rich-text bodies became HTML (the TipTap editor); the Keystone document-field JSON stored before is converted.
  '20261206062734_rich_html_bodies': [
    toHtml('Document', 'body'),
    toHtml('Document', 'redactedBody'),
    toHtml('Interpretation', 'body'),
    toHtml('Consultation', 'draftText'),
    { table: 'Revision', column: 'snapshot', convert: snapshotBodiesToHtml },
  ],
};
