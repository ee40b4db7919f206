import { isEditor, isLeader, isOfficeOrLeader, type Member } from '../platform/access/roles.js';
import { addWorkingDays, toCalendarDay, type CalendarDay } from '../platform/calendar/working-days.js';
import { calendarDayOf } from '../platform/db/calendar-day.js';
import { type ExtraTask, type TaskSource } from '../platform/tasks/source.js';
import { periodState, reportDueOn } from './core/rules.js';
import type { Context } from '../platform/db/prisma.js';

interface Row {
  id: string;
  title: string;
  status: string;
  departmentId: string | null;
  opensOn: unknown;
  closesOn: unknown;
  meetings: { meetingOn: unknown }[];
  _count: { comments: number };
}

/** 0 overdue, 1 due within two working days, 2 running. */
function urgencyOf(due: CalendarDay, today: CalendarDay): 0 | 1 | 2 {
  if (due < today) return 0;
  return due <= addWorkingDays(today, 2) ? 1 : 2;
}

/**
 * 待办 of consultations: comments awaiting moderation (the department's editors and the office), due on
 * the closing day so that the public sees them while the consultation is open and the report can count
 * them; and consultations whose period ended without a published adoption report (the department
 * writes it, the office or a leader publishes it), due before the decision meeting (`reportDueOn`).
 */
export const consultationTasks: TaskSource = async (context: Context, actor: Member, now: Date): Promise<ExtraTask[]> => {
  // Leaders are not the office but approve with it (consultationActionsFor): both follow every consultation.
  const approver = isOfficeOrLeader(actor.role);
  if (!approver && !isEditor(actor.role)) return [];
  const today = toCalendarDay(now);
  const rows = (await context.sudo().prisma.consultation.findMany({
    where: { status: { in: ['open', 'closed'] }, ...(approver ? {} : { departmentId: actor.departmentId ?? '' }) },
    select: {
      id: true,
      title: true,
      status: true,
      departmentId: true,
      opensOn: true,
      closesOn: true,
      meetings: { select: { meetingOn: true } },
      _count: { select: { comments: { where: { moderation: 'pending' } } } },
    },
  })) as Row[];
  const tasks: ExtraTask[] = [];
  for (const c of rows) {
    const opensOn = calendarDayOf(c.opensOn);
    const closesOn = calendarDayOf(c.closesOn);
    if (!opensOn || !closesOn) continue;
    const href = `/admin/consultations/${c.id}`;
    // Leaders approve and publish; moderation is the department's and the office's work.
    if (c._count.comments && !isLeader(actor.role)) {
      tasks.push({
        kindLabel: '意见审核',
        listKey: 'Consultation',
        id: c.id,
        title: c.title,
        detail: `${c._count.comments} 条意见待审核（审核后公开显示或说明不予显示的原因）`,
        href,
        due: closesOn,
        urgency: urgencyOf(closesOn, today),
      });
    }
    if (c.status === 'closed' || periodState({ opensOn, closesOn }, today) === 'ended') {
      const due = reportDueOn(
        closesOn,
        c.meetings.map((m) => calendarDayOf(m.meetingOn)).filter((d): d is CalendarDay => Boolean(d)),
      );
      const detail = approver
        ? '征求意见已结束：审核并公布意见采纳情况（集中意见未采纳的须说明理由）'
        : '征求意见已结束：整理意见、标明采纳情况并填写采纳情况说明';
      tasks.push({
        kindLabel: '采纳情况',
        listKey: 'Consultation',
        id: c.id,
        title: c.title,
        detail,
        href,
        due,
        urgency: urgencyOf(due, today),
      });
    }
  }
  return tasks;
};
