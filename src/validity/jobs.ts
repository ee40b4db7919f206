import type { Context } from '../platform/db/prisma.js';
import { toCalendarDay } from '../platform/calendar/working-days.js';
import { calendarDayValue } from '../platform/db/calendar-day.js';
import { pageCacheFor } from '../platform/page-cache/cache.js';
import { publicContentChanged } from '../platform/page-cache/invalidation.js';

/**
 * N19, at the start of each day: documents whose 有效期至 was yesterday are 已失效 from today, so the
 * pages that show them as current (their own, their interpretations', their columns', the library) are
 * dropped from the page cache. Returns how many documents changed state.
 */
export async function validityDayStarts(context: Context, now: Date = new Date()): Promise<number> {
  const prisma = context.sudo().prisma;
  const yesterday = toCalendarDay(new Date(now.getTime() - 86_400_000));
  const ended = await prisma.document.findMany({
    where: { status: 'published', validity: 'current', validUntil: calendarDayValue(prisma, yesterday) },
    select: { id: true },
  });
  if (ended.length) await publicContentChanged(context, { documents: ended.map((d) => d.id) });
  pageCacheFor(context).invalidate(['normative-library']);
  return ended.length;
}
