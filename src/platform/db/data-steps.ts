import { documentJsonToHtml } from '../content/legacy-document.js';

/** A stored column rewritten value by value; `convert` returns null for a value to leave as it is. */
export interface ColumnRewrite {
  table: string;
  column: string;
  convert(value: string): string | null;
}

const toHtml = (table: string, column: string): ColumnRewrite => ({ table, column, convert: documentJsonToHtml });

/** The data steps of migrations, by migration name (migrations.ts runs each with its migration). */
export const dataSteps: Record<string, ColumnRewrite[]> = {
  // Rich-text bodies became HTML (the TipTap editor); the Keystone document-field JSON stored before is converted.
  '20261206062734_rich_html_bodies': [
    toHtml('Document', 'body'),
    toHtml('Document', 'redactedBody'),
    toHtml('Interpretation', 'body'),
    toHtml('Consultation', 'draftText'),
  ],
};
