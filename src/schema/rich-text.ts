import { document } from '@keystone-6/fields-document';

type DocumentConfig = Parameters<typeof document>[0] & {};

/** The rich-text editor used for document and interpretation bodies. */
export function richText(label: string, access?: DocumentConfig['access']) {
  return document({
    ui: { label },
    access,
    formatting: {
      inlineMarks: { bold: true, italic: true, underline: true, strikethrough: false, code: false, superscript: true, subscript: true, keyboard: false },
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
