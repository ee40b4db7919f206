import type { Context } from '../platform/db/prisma.js';
import { isEditor, isLeader, isOffice, type Member } from '../platform/access/roles.js';
import type { ExtraTask, TaskSource } from '../platform/tasks/source.js';
import { toCalendarDay } from '../platform/calendar/working-days.js';
import { factFields, factsOf } from './facts.js';
import { clockOf } from './core/request-state.js';

/*
 * N13 待办: requests due within 5 working days or overdue, extensions to approve or to notify, online
 * applications whose receipt is not yet confirmed. The office (and the admin) sees all; a department
 * its own; a leader those where an extension can still be approved.
 */

const kindLabel = '依申请公开';
export const requestHref = (id: string) => `/admin/disclosure-requests/${id}`;

export const requestTasks: TaskSource = async (context: Context, actor: Member, now: Date): Promise<ExtraTask[]> => {
  const office = isOffice(actor.role);
  const leader = isLeader(actor.role);
  const department = isEditor(actor.role) ? actor.departmentId : null;
  if (!office && !leader && !department) return [];
  const today = toCalendarDay(now);
  const rows = (await context.prisma.disclosureRequest.findMany({
    where: { closedOn: null, ...(department ? { departmentId: department } : {}) },
    select: { id: true, topic: true, departmentId: true, submittedAt: true, createdAt: true, ...factFields },
  })) as ({ id: string; topic: string; departmentId: string | null; submittedAt: Date | null; createdAt: Date | null } & Record<
    string,
    unknown
  >)[];
  const tasks: ExtraTask[] = [];
  const task = (row: { id: string; topic: string }, detail: string, due: string | null, urgency: 0 | 1 | 2) =>
    tasks.push({ kindLabel, listKey: 'DisclosureRequest', id: row.id, title: row.topic, detail, href: requestHref(row.id), due, urgency });
  for (const row of rows) {
    const facts = factsOf(row);
    if (!facts.receivedOn) {
      if (office)
        task(
          row,
          '网上申请待确认收到：与申请人确认后填写“双方确认日期”（条例第三十一条）',
          toCalendarDay(row.submittedAt ?? row.createdAt ?? now),
          1,
        );
      continue;
    }
    const clock = clockOf(facts, today);
    if (!clock) continue; // waiting for the applicant's correction: no clock runs
    if (office && !row.departmentId) task(row, '待分办：请指定承办科室', clock.deadline, clock.state === 'running' ? 2 : 1);
    if (!leader && facts.extensionApprovedOn && !facts.extensionNoticeSentOn) {
      task(
        row,
        `延期已批准，须在 ${clock.originalDeadline} 前书面告知申请人（使用“告知延期”）`,
        clock.originalDeadline,
        today > clock.originalDeadline ? 0 : 1,
      );
      continue;
    }
    if (clock.state === 'overdue') {
      if (!leader)
        task(row, `已超过答复期限（${clock.deadline}）${clock.extended ? '，延期后仍未答复' : ''}，请立即答复`, clock.deadline, 0);
    } else if (clock.state === 'dueSoon') {
      const extension = clock.extensionPossible && !facts.extensionApprovedOn;
      if (leader) {
        if (extension)
          task(
            row,
            `答复期限 ${clock.deadline}（剩 ${clock.workingDaysLeft} 个工作日）：如需延期，须在期限届满前批准（使用“批准延期”）`,
            clock.deadline,
            1,
          );
      } else {
        task(
          row,
          `答复期限 ${clock.deadline}，剩 ${clock.workingDaysLeft} 个工作日${extension ? '；不能按期答复的，可在期限届满前报分管局领导批准延期' : ''}`,
          clock.deadline,
          1,
        );
      }
    }
  }
  return tasks;
};
