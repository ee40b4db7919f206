import { text } from '@keystone-6/core/fields';
import type { BaseListTypeInfo } from '@keystone-6/core/types';
import { sanitizeRichHtml } from '../../platform/content/rich-html.js';

type TextConfig<L extends BaseListTypeInfo> = Parameters<typeof text<L>>[0] & {};

/**
 * The rich-text editor of document, interpretation and consultation bodies (admin/fields/rich-html.tsx:
 * headings, lists, tables, links; with `media`, images and attachments uploaded from the editor; with
 * `charts`, chart blocks drawn by the site from their data). The value is HTML under the allowlist the
 * reprints use (one format, one renderer); it is sanitized again on every save, whatever the client sent.
 */
export function richText<L extends BaseListTypeInfo>(
  label: string,
  access?: TextConfig<L>['access'],
  {
    charts = false,
    media = false,
    fieldModes,
  }: { charts?: boolean; media?: boolean; fieldModes?: Pick<NonNullable<TextConfig<L>['ui']>, 'createView' | 'itemView'> } = {},
) {
  const views = charts || media ? './admin/fields/rich-html' : './admin/fields/rich-html-plain';
  return text<L>({
    ui: { label, views, ...fieldModes },
    access,
    hooks: {
      resolveInput: ({ resolvedFieldData }) =>
        typeof resolvedFieldData === 'string' ? sanitizeRichHtml(resolvedFieldData, { charts, media }) : resolvedFieldData,
    },
  });
}
