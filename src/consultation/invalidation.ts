import type { Context } from '../platform/db/prisma.js';
import { pageCacheFor } from '../platform/page-cache/cache.js';

/**
 * The tags of the pages that show consultations: the list, each consultation's page (its comments and
 * report too) and the pages of the 征求意见 columns, which list consultations instead of documents.
 */
export async function consultationTags(context: Context, ids: string[]): Promise<string[]> {
  const columns = await context.sudo().prisma.column.findMany({ where: { kind: 'consultation' }, select: { id: true } });
  return ['consultations', ...ids.map((id) => `consultation:${id}`), ...columns.map((c) => `column:${c.id}`)];
}

export async function consultationsChanged(context: Context, ids: string[]): Promise<void> {
  pageCacheFor(context).invalidate(await consultationTags(context, ids));
}

type HookArgs = { item?: Record<string, unknown>; originalItem?: Record<string, unknown>; context: Context };

/** afterOperation of Consultation: only a consultation that is or was public is on any page. */
export async function afterConsultationChange({ item, originalItem, context }: HookArgs): Promise<void> {
  const publicNow = (row?: Record<string, unknown>) => ['open', 'closed', 'reported'].includes(String(row?.status ?? ''));
  if (!publicNow(item) && !publicNow(originalItem)) return;
  await consultationsChanged(context, [String((item ?? originalItem)!.id)]);
}

/** afterOperation of ConsultationComment: a moderated comment shows on its consultation's page. */
export async function afterCommentChange({ item, originalItem, context }: HookArgs): Promise<void> {
  const consultationId = (item ?? originalItem)?.consultationId;
  if (consultationId) await consultationsChanged(context, [String(consultationId)]);
}
