import type { Context } from '../../platform/db/prisma.js';
import { itemAfter } from '../../platform/db/item-after.js';
import { activeSessionOf } from '../../platform/access/roles.js';
import { mediaNamesOf } from '../../platform/content/rich-html.js';

type Data = Record<string, unknown>;
type ListKey = 'Document' | 'Interpretation';
interface Operation {
  context: Context;
  resolvedData: Data;
  item?: Data | null;
}

/** The text the public reads of a document (S1): the body, the redacted text of 删减后公开, or nothing. */
export const publicDocumentText = (after: Data): unknown =>
  after.disclosure === 'proactive' ? after.body : after.disclosure === 'redacted' ? after.redactedBody : '';

/** An interpretation is public, once published, with its whole body. */
export const publicInterpretationText = (after: Data): unknown => after.body;

/** The department an item belongs to: being created (withDrafter has set it), or stored. */
function departmentOf({ resolvedData, item }: Operation): string | null {
  const connected = (resolvedData.department as { connect?: { id?: string } } | undefined)?.connect?.id;
  return connected ?? ((item?.departmentId as string | null | undefined) || null);
}

/**
 * The media a body may show, by stored name: files its own department (or the person saving) uploaded, and
 * files already linked to the item (a 修订 keeps its original's). Anything else — another department's file, an
 * image of a withheld full text — cannot be made public by writing its name into a body (S1).
 */
async function mediaOfBody(listKey: ListKey, operation: Operation, html: unknown): Promise<{ ids: string[]; foreign: string[] }> {
  const names = typeof html === 'string' ? mediaNamesOf(html) : [];
  if (!names.length) return { ids: [], foreign: [] };
  const { context, item } = operation;
  const department = departmentOf(operation);
  const uploader = activeSessionOf(context)?.itemId;
  const linked = item?.id
    ? listKey === 'Document'
      ? {
          OR: [
            { from_Document_inlineMedia: { some: { id: String(item.id) } } },
            { from_Document_attachments: { some: { id: String(item.id) } } },
          ],
        }
      : {
          OR: [
            { from_Interpretation_inlineMedia: { some: { id: String(item.id) } } },
            { from_Interpretation_images: { some: { id: String(item.id) } } },
          ],
        }
    : null;
  const rows = await context.prisma.media.findMany({
    where: {
      file_filename: { in: names },
      OR: [
        ...(department ? [{ uploadedBy: { departmentId: department } }] : []),
        ...(uploader ? [{ uploadedById: uploader }] : []),
        ...(linked ? [linked] : []),
      ],
    },
    select: { id: true, file_filename: true },
  });
  const allowed = new Set(rows.map((row) => row.file_filename));
  return { ids: rows.map((row) => row.id), foreign: names.filter((name) => !allowed.has(name)) };
}

/**
 * The media a body shows (images and attachments inserted in the editor) are linked to the item as its
 * 正文图片 (`inlineMedia`), which is how the public may load them: a file is public only through a public
 * item's media field (public-media.ts). Only the text the public will read counts (S1): the full body of a
 * 删减后公开 document, or a body not to be disclosed, makes no file public. Kept on every save, so the link
 * always follows the text; a reprint's inline media are its syndicated copies and stay as syndication set them.
 */
export async function withInlineMedia(
  listKey: ListKey,
  operation: Operation & { operation: 'create' | 'update' },
  publicText: (after: Data) => unknown,
): Promise<Data> {
  const after = itemAfter(operation.item, operation.resolvedData);
  if (after.origin === 'reprint') return operation.resolvedData;
  const { ids } = await mediaOfBody(listKey, operation, publicText(after));
  const links = ids.map((id) => ({ id }));
  return { ...operation.resolvedData, inlineMedia: operation.operation === 'create' ? { connect: links } : { set: links } };
}

/** S1: the refusal for a body that shows files the item may not make public, naming them; null when there are none. */
export async function inlineMediaRefusal(listKey: ListKey, operation: Operation): Promise<string | null> {
  const after = itemAfter(operation.item, operation.resolvedData);
  if (after.origin === 'reprint') return null;
  const shown = [after.body, after.redactedBody].filter((html) => typeof html === 'string').join('');
  const { foreign } = await mediaOfBody(listKey, operation, shown);
  return foreign.length
    ? `正文中有不是本科室上传的文件（${foreign.join('、')}）：请用编辑器的“插入图片”或“插入附件”重新上传，或删去它们`
    : null;
}
