import type { Context } from '../platform/db/prisma.js';
import { calendarDayOf } from '../platform/db/calendar-day.js';
import type { KnownDatedItem } from '../monitor/core/types.js';
import { publicDocument } from '../platform/access/documents.js';

/** N19: the published items with a last day (有效期至, or the end of a 招聘/公示/征集), for the monitor. */
export async function datedItemKnowledge(context: Context): Promise<KnownDatedItem[]> {
  const rows = await context.sudo().prisma.document.findMany({
    where: { ...publicDocument, validUntil: { not: null } },
    select: { id: true, title: true, validUntil: true, regulatoryKind: true, validity: true },
  });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    url: `/documents/${r.id}`,
    validUntil: calendarDayOf(r.validUntil)!,
    regulatory: Boolean(r.regulatoryKind),
    validity: r.validity,
  }));
}
