import { g } from '@keystone-6/core';
import type { KeystoneContext } from '@keystone-6/core/types';
import { extend } from '@keystone-6/core/graphql-ts';
import type { SessionData } from '../access/roles.js';
import type { Disclosure, Status } from '../content/vocabulary.js';
import { toCalendarDay } from '../calendar/working-days.js';
import { tasksFor, type TaskItem } from './tasks.js';

const Task = g.object<{ kind: string; listKey: string; id: string; title: string; detail: string; due: string | null }>()({
  name: 'WorkflowTask',
  fields: {
    kind: g.field({ type: g.nonNull(g.String) }),
    listKey: g.field({ type: g.nonNull(g.String) }),
    id: g.field({ type: g.nonNull(g.ID) }),
    title: g.field({ type: g.nonNull(g.String) }),
    detail: g.field({ type: g.nonNull(g.String) }),
    due: g.field({ type: g.String }),
  },
});

interface Row {
  id: string;
  title: string;
  status: string;
  departmentId: string | null;
  drafterId: string | null;
  lastReturnReason: string;
  publishedAt: Date | null;
}

/** The items a user's 待办 is computed from: those in the workflow, or proactive and not yet public. */
async function taskItems(context: KeystoneContext): Promise<TaskItem[]> {
  const open = { status: { in: ['draft', 'submitted', 'officeReview', 'leaderApproval'] } };
  const docs = (await context.prisma.document.findMany({ where: open })) as (Row & { disclosure: string | null; formationDate: string | null })[];
  const jds = (await context.prisma.interpretation.findMany({ where: open, include: { documents: { select: { status: true, requiresInterpretation: true } } } })) as (Row & {
    documents: { status: string; requiresInterpretation: boolean }[];
  })[];
  const common = (r: Row) => ({
    id: r.id,
    title: r.title,
    status: r.status as Status,
    departmentId: r.departmentId,
    drafterId: r.drafterId,
    lastReturnReason: r.lastReturnReason,
    publishedDay: r.publishedAt ? toCalendarDay(r.publishedAt) : null,
  });
  return [
    ...docs.map((d) => ({ ...common(d), listKey: 'Document' as const, disclosure: d.disclosure as Disclosure | null, formationDate: d.formationDate, movesWithDocument: false })),
    ...jds.map((j) => ({
      ...common(j),
      listKey: 'Interpretation' as const,
      disclosure: 'proactive' as const,
      formationDate: null,
      movesWithDocument: j.documents.some((d) => d.requiresInterpretation && !['published', 'withdrawn'].includes(d.status)),
    })),
  ];
}

/** `myTasks`: the signed-in user's 待办 (returned drafts, reviews, approvals, N12 clocks running out). */
export const extendWorkflowSchema = extend({
  query: {
    myTasks: g.field({
      type: g.nonNull(g.list(g.nonNull(Task))),
      async resolve(_root, _args, context: KeystoneContext) {
        const session = context.session as SessionData | undefined;
        if (!session?.data?.isActive) return [];
        const actor = { id: session.itemId, role: session.data.role, departmentId: session.data.department?.id ?? null };
        return tasksFor(actor, await taskItems(context.sudo()), toCalendarDay(new Date()));
      },
    }),
  },
});
