import type { Disclosure, Status } from '../../platform/content/vocabulary.js';
import { disclosureClock } from '../../platform/calendar/disclosure-clock.js';
import type { CalendarDay } from '../../platform/calendar/working-days.js';
import { isEditor, isEditorOf, type Member } from '../../platform/access/roles.js';
import { availableActions } from './state-machine.js';

/*
 * The 待办 list of one user: what waits for them, most urgent first. A pure function of the items the
 * user may see, so the Admin UI page, alerts and tests all read the same answer.
 */

export interface TaskItem {
  listKey: 'Document' | 'Interpretation';
  id: string;
  title: string;
  status: Status;
  departmentId: string | null;
  drafterId: string | null;
  disclosure: Disclosure | null;
  lastReturnReason: string;
  formationDate: CalendarDay | null;
  publishedDay: CalendarDay | null;
  /** An interpretation travelling with its document (三同步) is handled on the document. */
  movesWithDocument: boolean;
}

export type TaskKind = 'returned' | 'review' | 'approve' | 'deadline';

export interface Task {
  kind: TaskKind;
  listKey: TaskItem['listKey'];
  id: string;
  title: string;
  /** What to do, in Chinese. */
  detail: string;
  /** N12: the last day for publication, for deadline tasks. */
  due: CalendarDay | null;
}

const kindOrder: Record<TaskKind, number> = { returned: 0, review: 1, approve: 2, deadline: 3 };

export function tasksFor(actor: Member, items: TaskItem[], today: CalendarDay): Task[] {
  const tasks: Task[] = [];
  const kindName = (item: TaskItem) => (item.listKey === 'Document' ? '文件' : '解读');
  for (const item of items) {
    if (item.movesWithDocument) continue;
    const open = availableActions(item, actor);
    const base = { listKey: item.listKey, id: item.id, title: item.title, due: null };
    if (item.status === 'draft' && item.lastReturnReason && open.includes('submit')) {
      tasks.push({ ...base, kind: 'returned', detail: `${kindName(item)}被退回：${item.lastReturnReason}` });
    } else if (open.includes('officeApprove')) {
      tasks.push({ ...base, kind: 'review', detail: `待局办公室审核（含保密审查）` });
    } else if (open.includes('approve')) {
      tasks.push({ ...base, kind: 'approve', detail: '待分管局领导审批' });
    }
    // N12: proactive documents must be public within 20 working days of their formation.
    if (item.listKey === 'Document' && item.disclosure === 'proactive' && item.formationDate && !item.publishedDay) {
      const mine = !isEditor(actor.role) || isEditorOf(actor, item.departmentId);
      const clock = disclosureClock({ formationDate: item.formationDate, publishedAt: null, today });
      if (mine && (clock.state === 'overdue' || clock.state === 'dueSoon')) {
        tasks.push({
          ...base,
          kind: 'deadline',
          due: clock.deadline,
          detail:
            clock.state === 'overdue'
              ? `已超过 20 个工作日公开时限（应于 ${clock.deadline} 前公开）`
              : `还剩 ${clock.workingDaysLeft} 个工作日须公开（${clock.deadline} 前）`,
        });
      }
    }
  }
  return tasks.sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || (a.due ?? '').localeCompare(b.due ?? ''));
}
