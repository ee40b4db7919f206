import { g } from '@keystone-6/core';
import type { KeystoneContext } from '@keystone-6/core/types';
import { extend } from '@keystone-6/core/graphql-ts';
import type { Disclosure, Status } from '../content/vocabulary.js';
import { toCalendarDay } from '../calendar/working-days.js';
import { formatChinaTime } from '../interaction/china-time.js';
import { calendarDayOf } from '../db/calendar-day.js';
import { compareSnapshots, type ComparisonRow, type Snapshot } from './revisions.js';
import { previewPath } from './preview.js';
import { tasksFor, type TaskItem } from './tasks.js';
import { actorFromSession } from './state-machine.js';
import { extraTasks } from '../interaction-cms/tasks.js';

const Task = g.object<{ kind: string; kindLabel?: string | null; listKey: string; id: string; title: string; detail: string; due: string | null; previewUrl?: string | null; href?: string | null }>()({
  name: 'WorkflowTask',
  fields: {
    kind: g.field({ type: g.nonNull(g.String) }),
    /** Set by tasks from outside the document workflow, which name their own category. */
    kindLabel: g.field({ type: g.String }),
    listKey: g.field({ type: g.nonNull(g.String) }),
    id: g.field({ type: g.nonNull(g.ID) }),
    title: g.field({ type: g.nonNull(g.String) }),
    detail: g.field({ type: g.nonNull(g.String) }),
    due: g.field({ type: g.String }),
    previewUrl: g.field({ type: g.String }),
    href: g.field({ type: g.String }),
  },
});

const ComparisonRowType = g.object<ComparisonRow>()({
  name: 'RevisionComparisonRow',
  fields: {
    label: g.field({ type: g.nonNull(g.String) }),
    before: g.field({ type: g.nonNull(g.String) }),
    after: g.field({ type: g.nonNull(g.String) }),
    changed: g.field({ type: g.nonNull(g.Boolean) }),
  },
});

const Comparison = g.object<{ beforeLabel: string; afterLabel: string; rows: ComparisonRow[] }>()({
  name: 'RevisionComparison',
  fields: {
    beforeLabel: g.field({ type: g.nonNull(g.String) }),
    afterLabel: g.field({ type: g.nonNull(g.String) }),
    rows: g.field({ type: g.nonNull(g.list(g.nonNull(ComparisonRowType))) }),
  },
});

interface RevisionRow {
  number: number;
  kind: string;
  at: Date;
  snapshot: Snapshot;
}

const revisionLabel = (r: RevisionRow) => `${r.kind === 'published' ? '发布稿' : '提交稿'}第 ${r.number} 版（${formatChinaTime(r.at)}）`;

/**
 * What changed between the version a reviewer returned and the one resubmitted (the last two
 * submissions), or, for a revision of a published document, between the published text and the
 * revision. Null when there is nothing to compare or the user may not read the document.
 */
async function revisionComparison(context: KeystoneContext, documentId: string) {
  const doc = (await context.db.Document.findOne({ where: { id: documentId } })) as { revisionOfId?: string | null } | null;
  if (!doc) return null;
  const revisions = context.sudo().prisma.revision;
  const submissions = (await revisions.findMany({ where: { documentId, kind: 'submitted' }, orderBy: { number: 'desc' }, take: 2 })) as RevisionRow[];
  if (!submissions.length) return null;
  const before =
    submissions[1] ??
    (doc.revisionOfId ? ((await revisions.findFirst({ where: { documentId: doc.revisionOfId, kind: 'published' }, orderBy: { number: 'desc' } })) as RevisionRow | null) : null);
  if (!before) return null;
  return { beforeLabel: revisionLabel(before), afterLabel: revisionLabel(submissions[0]), rows: compareSnapshots(before.snapshot, submissions[0].snapshot) };
}

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
  const docs = (await context.prisma.document.findMany({ where: open })) as (Row & { disclosure: string | null; formationDate: string | Date | null })[];
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
    ...docs.map((d) => ({ ...common(d), listKey: 'Document' as const, disclosure: d.disclosure as Disclosure | null, formationDate: calendarDayOf(d.formationDate), movesWithDocument: false })),
    ...jds.map((j) => ({
      ...common(j),
      listKey: 'Interpretation' as const,
      disclosure: 'proactive' as const,
      formationDate: null,
      movesWithDocument: j.documents.some((d) => d.requiresInterpretation && !['published', 'withdrawn'].includes(d.status)),
    })),
  ];
}

/** `myTasks`: the signed-in user's 待办 (returned drafts, reviews, approvals, N12 clocks running out, then the interaction clocks); `revisionComparison`. */
export const extendWorkflowSchema = extend({
  query: {
    revisionComparison: g.field({
      type: Comparison,
      args: { documentId: g.arg({ type: g.nonNull(g.ID) }) },
      resolve: (_root, { documentId }, context: KeystoneContext) => revisionComparison(context, documentId),
    }),
    myTasks: g.field({
      type: g.nonNull(g.list(g.nonNull(Task))),
      async resolve(_root, _args, context: KeystoneContext) {
        const actor = actorFromSession(context.session);
        if (!actor) return [];
        const now = new Date();
        const tasks = tasksFor(actor, await taskItems(context.sudo()), toCalendarDay(now));
        return [
          // Reviewers and leaders get a signed link to read the unpublished page as it will look.
          ...tasks.map((task) => ({ ...task, previewUrl: task.listKey === 'Document' && task.kind !== 'deadline' ? previewPath(task.id) : null })),
          ...(await extraTasks(context.sudo(), actor, now)).map((task) => ({ ...task, kind: 'clock' })),
        ];
      },
    }),
  },
});
