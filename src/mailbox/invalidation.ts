import type { Context } from '../platform/db/prisma.js';
import { pageCacheFor } from '../platform/page-cache/cache.js';

/** The pages that show published messages: the list, each message, and every 领导信箱-kind column. */
export async function messageTags(context: Context, ids: string[]): Promise<string[]> {
  const columns = await context.sudo().prisma.column.findMany({ where: { kind: 'mailbox' }, select: { id: true } });
  return ['messages', ...ids.map((id) => `message:${id}`), ...columns.map((c) => `column:${c.id}`)];
}

export async function messagesChanged(context: Context, ids: string[]): Promise<void> {
  pageCacheFor(context).invalidate(await messageTags(context, ids));
}

const wasPublic = (item: Record<string, unknown> | undefined) => Boolean(item?.replyPublishedAt);

/** afterOperation of 留言: an edit of a published message (or one taken off) changes its pages. */
export async function afterMessageChange({
  item,
  originalItem,
  context,
}: {
  item?: Record<string, unknown>;
  originalItem?: Record<string, unknown>;
  context: Context;
}) {
  if (!wasPublic(item) && !wasPublic(originalItem)) return;
  await messagesChanged(context, [String((item ?? originalItem)!.id)]);
}
