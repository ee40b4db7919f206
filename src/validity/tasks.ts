import type { Context } from '../platform/db/prisma.js';
import { isEditor, isInfoSection, type Member } from '../platform/access/roles.js';
import type { ExtraTask, TaskSource } from '../platform/tasks/source.js';
import { toCalendarDay } from '../platform/calendar/working-days.js';
import { calendarDayOf } from '../platform/db/calendar-day.js';
import { cleanupItems, type PublishedItem, type Validity } from './core/validity.js';

/*
 * N19 clean-up queue (待办): published normative documents whose validity ends within 60 days or has
 * ended while recorded 现行有效, and 招聘, 公示 and 征集 items past their last day still shown as current.
 * The drafting department's editors act (修订 or 撤回); the info-construction section, which keeps the
 * site current (S8), sees them all.
 */

const kindLabels = { validityEnding: '有效期将满', validityEnded: '有效期已过', timePassed: '过期信息' } as const;

export const validityTasks: TaskSource = async (context: Context, actor: Member, now: Date): Promise<ExtraTask[]> => {
  const department = isEditor(actor.role) ? actor.departmentId : null;
  if (!isInfoSection(actor.role) && !department) return [];
  const rows = await context.prisma.document.findMany({
    where: { status: 'published', validity: 'current', validUntil: { not: null }, ...(department ? { departmentId: department } : {}) },
    select: { id: true, title: true, regulatoryKind: true, validity: true, validUntil: true },
  });
  const items: PublishedItem[] = rows.map((r) => ({
    id: r.id,
    title: r.title,
    regulatory: Boolean(r.regulatoryKind),
    validity: r.validity as Validity,
    validUntil: calendarDayOf(r.validUntil),
  }));
  return cleanupItems(items, toCalendarDay(now)).map((item) => ({
    kindLabel: kindLabels[item.kind],
    listKey: 'Document',
    id: item.id,
    title: item.title,
    detail: item.detail,
    href: `/admin/documents/${item.id}`,
    due: item.due,
    urgency: item.kind === 'validityEnding' ? 1 : 0,
  }));
};
