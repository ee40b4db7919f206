import type { Context } from '../platform/db/prisma.js';
import type { Member } from '../platform/access/roles.js';
import type { ExtraTask, TaskSource } from '../platform/tasks/source.js';
import { requestTasks } from '../requests/tasks.js';
import { syndicationTasks } from '../../syndication/alerts.js';
import { validityTasks } from '../validity/tasks.js';
import { incidentTaskSource } from '../incidents/tasks.js';
import { messageTaskSource } from '../mailbox/tasks.js';
import { consultationTasks } from '../consultation/tasks.js';
import { selfInspectionTasks } from '../reports/self-inspection-tasks.js';
import { annualReportTasks } from '../reports/tasks.js';
import { websiteReportTasks } from '../reports/website-report-actions.js';

/**
 * The 待办 sources beyond the document workflow's own tasks: one per capability with a clock or a
 * queue. A new source is added here, and only here; `context` is sudo: each source filters by the actor.
 */
export const taskSources: readonly TaskSource[] = [
  requestTasks,
  syndicationTasks,
  validityTasks,
  incidentTaskSource,
  messageTaskSource,
  consultationTasks,
  selfInspectionTasks,
  annualReportTasks,
  websiteReportTasks,
];

/** Every source's tasks for one user, most urgent first. */
export async function extraTasks(context: Context, actor: Member, now: Date): Promise<ExtraTask[]> {
  const all = (await Promise.all(taskSources.map((source) => source(context, actor, now)))).flat();
  return all.sort((a, b) => a.urgency - b.urgency || (a.due ?? '9').localeCompare(b.due ?? '9'));
}
