import type { Context } from '../../platform/db/prisma.js';
import { itemAfter } from '../../platform/db/item-after.js';
import { mediaNamesOf } from '../../platform/content/rich-html.js';

type Data = Record<string, unknown>;

/** The text the public reads of a document (S1): the body, the redacted text of 删减后公开, or nothing. */
export const publicDocumentText = (after: Data): unknown =>
  after.disclosure === 'proactive' ? after.body : after.disclosure === 'redacted' ? after.redactedBody : '';

/** An interpretation is public, once published, with its whole body. */
export const publicInterpretationText = (after: Data): unknown => after.body;

/**
 * The media a body shows (images and attachments inserted in the editor) are linked to the item as its
 * 正文图片 (`inlineMedia`), which is how the public may load them: a file is public only through a public
 * item's media field (public-media.ts). Only the text the public will read counts (S1): the full body of a
 * 删减后公开 document, or a body not to be disclosed, makes no file public. A reprint's inline media are its
 * syndicated copies and stay as syndication set them.
 */
export async function withInlineMedia<R extends Data>(
  { context, resolvedData, item, operation }: { context: Context; resolvedData: R; item?: Data | null; operation: 'create' | 'update' },
  publicText: (after: Data) => unknown,
): Promise<R> {
  const after = itemAfter(item, resolvedData);
  if (after.origin === 'reprint') return resolvedData;
  const touched = ['body', 'redactedBody', 'disclosure', 'origin'].some((key) => resolvedData[key] !== undefined);
  if (!touched) return resolvedData;
  const publicHtml = publicText(after);
  const names = typeof publicHtml === 'string' ? mediaNamesOf(publicHtml) : [];
  const rows = names.length ? await context.prisma.media.findMany({ where: { file_filename: { in: names } }, select: { id: true } }) : [];
  const ids = rows.map((row) => ({ id: row.id }));
  return { ...resolvedData, inlineMedia: operation === 'create' ? { connect: ids } : { set: ids } };
}
