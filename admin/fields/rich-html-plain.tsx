import { controller } from '@keystone-6/core/fields/types/text/views';
import { RichHtmlCell, richHtmlField } from './rich-html-editor.tsx';

/**
 * A body without images, attachments or charts (征求意见稿, src/workflow/lists/rich-text.ts): the same
 * rich-text editor, its text formatting, links and tables only.
 */
export { controller };
export const Field = richHtmlField({ media: false, charts: false });
export const Cell = RichHtmlCell;
