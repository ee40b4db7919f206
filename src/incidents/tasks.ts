import { type TaskSource } from '../platform/tasks/source.js';
import { incidentTasks } from './core/rules.js';

/** 待办 (S7): the open clocks of the open incidents the user follows. `context` is sudo. */
export const incidentTaskSource: TaskSource = async (context, actor, now) => {
  const rows = await context.prisma.opinionIncident.findMany({
    where: { closedAt: null },
    include: { departments: { select: { id: true } } },
  });
  return incidentTasks(
    rows.map((row) => ({ ...row, departmentIds: row.departments.map((d) => d.id) })),
    actor,
    now,
  );
};
