import type { Context } from '../platform/db/prisma.js';
import { isEditorOf, isOffice, isOfficeOrLeader, type Member } from '../platform/access/roles.js';
import { toCalendarDay, type CalendarDay } from '../platform/calendar/working-days.js';
import { type ExtraTask, type TaskSource } from '../platform/tasks/source.js';
import { openMessageClock, type ClockedMessage } from './core/rules.js';

/*
 * 待办 from the mailbox (S11, N5): the office assigns new messages and reviews replies; the assigned
 * department's editors answer; everyone concerned sees a clock that is due soon, late or past the
 * 3-month veto. Leaders see the replies waiting for approval.
 */

export interface TaskMessage extends ClockedMessage {
  subject: string;
  departmentId: string | null;
  returnReason: string;
}

const kindLabel = '留言办理';

export function messageTasksFor(actor: Member, messages: TaskMessage[], today: CalendarDay): ExtraTask[] {
  const office = isOffice(actor.role);
  const tasks: ExtraTask[] = [];
  for (const m of messages) {
    const mine = isEditorOf(actor, m.departmentId);
    const clock = openMessageClock(m, today);
    const base = {
      kindLabel,
      listKey: 'Message',
      id: m.id,
      title: m.subject,
      href: `/admin/messages/${m.id}`,
      due: clock?.publishBy ?? null,
    };
    let detail = '';
    if (m.status === 'received' && office) detail = '新留言待分办：请选择承办科室';
    else if (m.status === 'assigned' && mine) detail = m.returnReason ? `答复被退回：${m.returnReason}` : '请起草答复并提交审核';
    else if (m.status === 'replyReview' && isOfficeOrLeader(actor.role)) detail = '答复待审核';
    const overdue = clock?.state === 'late' || clock?.state === 'unanswered';
    const concerned = office || mine;
    if (clock && concerned && (overdue || clock.state === 'dueSoon')) {
      const veto = clock.state === 'unanswered' && clock.kind === 'consultation' ? '（单项否决）' : '';
      detail = `${clock.stateLabel}${veto}${detail ? `；${detail}` : ''}`;
      tasks.push({ ...base, detail, urgency: overdue ? 0 : 1 });
    } else if (detail) {
      tasks.push({ ...base, detail, urgency: 2 });
    }
  }
  return tasks;
}

/** The 待办 source: open messages only (a published or deliberately withheld reply has nothing left to do). */
export const messageTaskSource: TaskSource = async (context: Context, actor: Member, now: Date) => {
  const rows = (await context.sudo().prisma.message.findMany({
    where: { OR: [{ status: { not: 'replied' } }, { replyPublishedAt: null, isPublic: true }] },
    select: {
      id: true,
      subject: true,
      kind: true,
      status: true,
      submittedAt: true,
      repliedAt: true,
      replyPublishedAt: true,
      isPublic: true,
      departmentId: true,
      returnReason: true,
    },
  })) as TaskMessage[];
  return messageTasksFor(actor, rows, toCalendarDay(now));
};
