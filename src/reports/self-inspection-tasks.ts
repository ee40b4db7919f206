import type { Context } from '../platform/db/prisma.js';
import { isOffice, type Member } from '../platform/access/roles.js';
import { type ExtraTask } from '../platform/tasks/source.js';
import { conversionDone, type Conversion } from './self-inspection-cms.js';

/**
 * S4 待办: each item a self-inspection marked "should become public" stays on the department's task
 * list until the information is public; submitted self-inspections wait on the office's review.
 */
export async function selfInspectionTasks(context: Context, actor: Member, _now: Date): Promise<ExtraTask[]> {
  const tasks: ExtraTask[] = [];
  const office = isOffice(actor.role);
  if (actor.departmentId || office) {
    const rows = await context.prisma.selfInspection.findMany({
      where: office && !actor.departmentId ? {} : { departmentId: actor.departmentId },
      select: { id: true, title: true, departmentId: true, conversions: true },
    });
    for (const row of rows) {
      // Every report is made for a department (its conversions are that department's to do).
      if (!row.departmentId) continue;
      const conversions = (typeof row.conversions === 'string' ? JSON.parse(row.conversions) : (row.conversions ?? [])) as Conversion[];
      for (const c of conversions) {
        if (await conversionDone(context, row.departmentId, c)) continue;
        tasks.push({
          kindLabel: '转为主动公开',
          listKey: 'SelfInspection',
          id: `${row.id}:${c.ref}`,
          itemId: row.id,
          title: c.kind === 'document' ? `《${c.title}》应转为主动公开` : `申请较多的“${c.title}”应主动公开`,
          detail: `${row.title}：${c.note}`,
          href: `/admin/self-inspections/${row.id}`,
          due: null,
          urgency: 2,
        });
      }
    }
  }
  if (office) {
    const submitted = await context.prisma.selfInspection.findMany({
      where: { status: 'submitted' },
      select: { id: true, title: true },
    });
    for (const s of submitted)
      tasks.push({
        kindLabel: '半年自查',
        listKey: 'SelfInspection',
        id: s.id,
        title: s.title,
        detail: '科室已提交半年自查报告，请局办公室审核',
        href: `/admin/self-inspections/${s.id}`,
        due: null,
        urgency: 2,
      });
  }
  return tasks;
}
