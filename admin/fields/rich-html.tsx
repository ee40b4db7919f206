import { controller } from '@keystone-6/core/fields/types/text/views';
import { RichHtmlCell, richHtmlField } from './rich-html-editor.tsx';

/**
 * The body of a document or an interpretation (src/workflow/lists/rich-text.ts): the rich-text editor with
 * 插入图片, 插入附件 (uploaded to 媒体文件) and 插入图表. The value is the text field's HTML string.
 */
export { controller };
export const Field = richHtmlField({ media: true, charts: true });
export const Cell = RichHtmlCell;
