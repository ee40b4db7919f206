import { document } from '@keystone-6/fields-document';
import type { BaseListTypeInfo } from '@keystone-6/core/types';
import { componentBlocks } from '../../../admin/component-blocks.js';

type DocumentConfig<L extends BaseListTypeInfo> = Parameters<typeof document<L>>[0] & {};

/**
 * The rich-text editor used for document and interpretation bodies; with `charts`, the editor can insert
 * chart blocks (图表, admin/component-blocks.ts) that the site draws from their data.
 */
export function richText<L extends BaseListTypeInfo>(label: string, access?: DocumentConfig<L>['access'], { charts = false } = {}) {
  return document<L>({
    ui: charts ? { label, views: './admin/component-blocks' } : { label },
    ...(charts ? { componentBlocks } : {}),
    access,
    formatting: {
      inlineMarks: {
        bold: true,
        italic: true,
        underline: true,
        strikethrough: false,
        code: false,
        superscript: true,
        subscript: true,
        keyboard: false,
      },
      listTypes: true,
      alignment: { center: true, end: true },
      headingLevels: [2, 3, 4],
      blockTypes: { blockquote: true, code: false },
      softBreaks: true,
    },
    links: true,
    dividers: true,
    layouts: [
      [1, 1],
      [2, 1],
    ],
  });
}
