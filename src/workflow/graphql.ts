import { listDb, type Context } from '../platform/db/prisma.js';
import { g } from '../platform/db/g.js';
import { extend } from '@keystone-6/core/graphql-ts';
import type { Disclosure, Status } from '../platform/content/vocabulary.js';
import { toCalendarDay } from '../platform/calendar/working-days.js';
import { formatChinaTime } from '../platform/calendar/china-time.js';
import { calendarDayOf } from '../platform/db/calendar-day.js';
import { compareSnapshots, contentFields, type ComparisonRow, type Snapshot } from './operations/revisions.js';
import { previewPath } from './preview.js';
import { tasksFor, type TaskItem } from './core/tasks.js';
import { memberOf, sessionOf } from '../platform/access/roles.js';
import type { TaskSource } from '../platform/tasks/source.js';

const Task = g.object<{
  kind: string;
  kindLabel?: string | null;
  listKey: string;
  id: string;
  title: string;
  detail: string;
  due: string | null;
  previewUrl?: string | null;
  href?: string | null;
}>()({
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
  at: string;
  snapshot: Snapshot | null;
}

const revisionLabel = (r: RevisionRow) =>
  `${r.kind === 'published' ? '发布稿' : '提交稿'}第 ${r.number} 版（${formatChinaTime(new Date(r.at))}）`;

/** How a content field is selected in GraphQL. */
const selectionOf = (field: string) => (field === 'replacedById' ? 'replacedById: replacedBy { id }' : field);

/**
 * What changed between the version a reviewer returned and the one resubmitted (the last two
 * submissions), or, for a revision of a published document, between the published text and the
 * revision. Null when there is nothing to compare or the user may not read the document.
 *
 * trust #4: everything is read with the caller's own context: the document, its versions (staff only, as
 * the list says) and, of the snapshots, only the fields the caller may read on the document itself, so a
 * 删减后公开 document's full text and reason never reach anyone who may not read them.
 */
async function revisionComparison(context: Context, documentId: string) {
  const selection = `id revisionOf { id } ${contentFields.map(selectionOf).join(' ')}`;
  const doc = (await context.query.Document.findOne({ where: { id: documentId }, query: selection })) as Record<string, unknown> | null;
  if (!doc) return null;
  // A field the caller reads as null where the document holds a value is not theirs to read.
  const stored = (await context.sudo().query.Document.findOne({ where: { id: documentId }, query: selection })) as Record<string, unknown>;
  const readable = contentFields.filter((field) => doc[field] !== null || stored[field] === null);
  const versions = (id: string, kind: string, take: number) =>
    context.query.Revision.findMany({
      where: { document: { id: { equals: id } }, kind: { equals: kind } },
      orderBy: { number: 'desc' },
      take,
      query: 'number kind at snapshot',
    }) as Promise<RevisionRow[]>;
  const submissions = await versions(documentId, 'submitted', 2);
  const revisionOfId = (doc.revisionOf as { id: string } | null)?.id;
  const before = submissions[1] ?? (revisionOfId ? (await versions(revisionOfId, 'published', 1))[0] : undefined);
  if (!submissions[0]?.snapshot || !before?.snapshot) return null;
  return {
    beforeLabel: revisionLabel(before),
    afterLabel: revisionLabel(submissions[0]),
    rows: compareSnapshots(before.snapshot, submissions[0].snapshot, readable),
  };
}

/**
 * Keeps the tasks whose record the caller may read, asking each list once with the caller's own context.
 * A task names its record by `itemId`, or else by `id`; one naming no record of its list is dropped.
 */
async function readableTasks<T extends { listKey: string; id: string; itemId?: string }>(context: Context, tasks: T[]): Promise<T[]> {
  const readable = new Set<string>();
  const record = (t: T) => t.itemId ?? t.id;
  for (const listKey of new Set(tasks.map((t) => t.listKey))) {
    const ids = tasks.filter((t) => t.listKey === listKey).map(record);
    for (const item of await listDb(context, listKey).findMany({ where: { id: { in: ids } } }))
      readable.add(`${listKey}:${String(item.id)}`);
  }
  return tasks.filter((t) => readable.has(`${t.listKey}:${record(t)}`));
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
async function taskItems(context: Context): Promise<TaskItem[]> {
  const open = { status: { in: ['draft', 'submitted', 'officeReview', 'leaderApproval'] } };
  const docs = (await context.prisma.document.findMany({ where: open })) as (Row & {
    disclosure: string | null;
    formationDate: string | Date | null;
  })[];
  const jds = (await context.prisma.interpretation.findMany({
    where: open,
    include: { documents: { select: { status: true, requiresInterpretation: true } } },
  })) as (Row & {
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
    ...docs.map((d) => ({
      ...common(d),
      listKey: 'Document' as const,
      disclosure: d.disclosure as Disclosure | null,
      formationDate: calendarDayOf(d.formationDate),
      movesWithDocument: false,
    })),
    ...jds.map((j) => ({
      ...common(j),
      listKey: 'Interpretation' as const,
      disclosure: 'proactive' as const,
      formationDate: null,
      movesWithDocument: j.documents.some((d) => d.requiresInterpretation && !['published', 'withdrawn'].includes(d.status)),
    })),
  ];
}

/**
 * `myTasks`: the signed-in user's 待办 (returned drafts, reviews, approvals, N12 clocks running out, then
 * `extraTasks`: the other capabilities' clocks and queues, from the composition root's table); `revisionComparison`.
 */
export const extendWorkflowSchema = (extraTasks: TaskSource) =>
  extend({
    query: {
      revisionComparison: g.field({
        type: Comparison,
        args: { documentId: g.arg({ type: g.nonNull(g.ID) }) },
        resolve: (_root, { documentId }, context: Context) => revisionComparison(context, documentId),
      }),
      myTasks: g.field({
        type: g.nonNull(g.list(g.nonNull(Task))),
        async resolve(_root, _args, context: Context) {
          const actor = memberOf(sessionOf(context));
          if (!actor) return [];
          const now = new Date();
          const tasks = tasksFor(actor, await taskItems(context.sudo()), toCalendarDay(now));
          // Computed over everything (sudo), answered only with what this caller may read (trust #4).
          return readableTasks(context, [
            // Reviewers and leaders get a signed link to read the unpublished page as it will look.
            ...tasks.map((task) => ({
              ...task,
              previewUrl: task.listKey === 'Document' && task.kind !== 'deadline' ? previewPath(task.id) : null,
            })),
            ...(await extraTasks(context.sudo(), actor, now)).map((task) => ({ ...task, kind: 'clock' })),
          ]);
        },
      }),
    },
  });
