import { list } from '@keystone-6/core';
import { g } from '../../platform/db/g.js';
import type { ListTypeInfo } from '../../platform/db/prisma.js';
import { calendarDay, json, relationship, select, text, timestamp, virtual } from '@keystone-6/core/fields';
import { byRole, isEditor, isOfficeOrLeader, memberOf, sessionOf, signedIn } from '../../platform/access/roles.js';
import { consultationItemActions } from '../actions.js';
import { afterConsultationChange } from '../invalidation.js';
// Adds the consultations' 待办 (moderation, adoption reports) to the task sources, once.
import { consultationStatusOptions, decisionBodyOptions, periodProblems, publicConsultationStatuses } from '../core/rules.js';
import { calendarDayOf } from '../../platform/db/calendar-day.js';
import { withDrafter } from '../../workflow/lists/ownership.js';
import { richText } from '../../workflow/lists/rich-text.js';
import { hiddenEverywhere, readOnly } from '../../platform/admin-ui/ui-modes.js';
import { adoptionSummary } from '../data.js';
import { consultationDeletionRefusal } from '../../workflow/operations/deletion.js';

type Args = { session?: unknown; item?: unknown };
const internalOnly = { read: signedIn };
const byActionsOnly = { create: () => false, update: () => false };
const sidebar = { ...readOnly, itemView: { ...readOnly.itemView, fieldPosition: 'sidebar' as const } };
const statusOf = (args: Args) => (args.item as { status?: string } | undefined)?.status;

/** Editors change their own department's consultations; the office, leaders and admin any (they also moderate); the info section none. */
function ownOrOffice(args: Args) {
  const member = memberOf(sessionOf(args));
  if (isOfficeOrLeader(member?.role)) return true;
  if (!isEditor(member?.role)) return false;
  return { department: { id: { equals: member!.departmentId ?? '' } } };
}

// What the public has once published stays as published: draft, basis and period change only before.
const fixedOncePublished = ['title', 'draftText', 'basis', 'opensOn', 'closesOn', 'shortPeriodReason', 'contact'] as const;

// 征求意见 (S2, S11): a draft decision published with its basis for public comment before the decision meeting.
export const Consultation = list<ListTypeInfo<'Consultation'>>({
  access: {
    operation: {
      query: () => true,
      create: byRole((role) => isEditor(role) || isOfficeOrLeader(role)),
      update: signedIn,
      delete: signedIn,
    },
    filter: {
      query: (args) => (signedIn(args) ? true : { status: { in: publicConsultationStatuses } }),
      update: ownOrOffice,
      // Only a draft is deleted in the end; the delete hook says why the rest is kept.
      delete: ownOrOffice,
    },
  },
  // In the Admin UI the form is editable while it may be saved: the draft until publication.
  fieldDefaults: {
    ui: {
      itemView: {
        fieldMode: ({ item }) => (!item || ['draft', 'review'].includes(String((item as { status?: string }).status)) ? 'edit' : 'read'),
      },
    },
  },
  actions: consultationItemActions(),
  ui: {
    label: '征求意见',
    singular: '征求意见',
    plural: '征求意见',
    labelField: 'title',
    listView: { initialColumns: ['title', 'status', 'department', 'closesOn'], initialSort: { field: 'updatedAt', direction: 'DESC' } },
  },
  fields: {
    title: text({
      ui: { label: '标题', description: '例如：关于《临沧市养老服务条例（草案征求意见稿）》公开征求意见的公告' },
      validation: { isRequired: true, length: { max: 300 } },
    }),
    draftText: richText('征求意见稿'),
    basis: text({ ui: { label: '起草依据和说明', displayMode: 'textarea', description: 'S2：草案须连同起草依据、说明一并公布' } }),
    // Set from the session on create, never typed (src/workflow/lists/ownership.ts).
    department: relationship({ ref: 'Department', access: internalOnly, ui: { label: '起草科室' } }),
    drafter: relationship({
      ref: 'User',
      access: internalOnly,
      ui: { label: '起草人', createView: { fieldMode: 'hidden' }, itemView: { fieldMode: 'read', fieldPosition: 'sidebar' } },
    }),
    opensOn: calendarDay({ ui: { label: '征求意见开始日期' } }),
    closesOn: calendarDay({
      ui: { label: '征求意见截止日期', description: '一般不少于30日（《重大行政决策程序暂行条例》第十四条），开始和截止当日均可提交意见' },
    }),
    shortPeriodReason: text({
      ui: { label: '缩短期限的理由', displayMode: 'textarea', description: '期限少于30日时必填，将与征求意见稿一并公布' },
    }),
    contact: text({
      ui: {
        label: '书面意见联系方式',
        displayMode: 'textarea',
        description: '公开：承办科室、通信地址、电子邮箱或电话，提交书面意见时使用',
      },
    }),
    decisionBody: select({
      type: 'string',
      options: [...decisionBodyOptions],
      ui: { label: '提交决策会议', displayMode: 'segmented-control' },
    }),
    status: select({
      type: 'string',
      options: [...consultationStatusOptions],
      defaultValue: 'draft',
      validation: { isRequired: true },
      access: byActionsOnly,
      ui: { label: '状态', ...sidebar },
    }),
    lastReturnReason: text({
      access: { ...byActionsOnly, read: signedIn },
      ui: { label: '退回原因', displayMode: 'textarea', ...sidebar },
    }),
    confidentialityConclusion: text({ access: { ...byActionsOnly, read: signedIn }, ui: { label: '保密审查结论', ...sidebar } }),
    approvedBy: relationship({ ref: 'User', access: { ...byActionsOnly, read: signedIn }, ui: { label: '审核发布人', ...sidebar } }),
    publishedAt: timestamp({ access: byActionsOnly, ui: { label: '发布时间', ...sidebar } }),
    comments: relationship({
      ref: 'ConsultationComment.consultation',
      many: true,
      access: { read: signedIn, create: () => false, update: () => false },
      ui: { label: '收到的意见', createView: { fieldMode: 'hidden' }, itemView: { fieldMode: 'read' }, displayMode: 'count' },
    }),
    reportText: text({
      // The adoption report is public once published; before, only staff read the text being written.
      access: { read: (args) => signedIn(args) || statusOf(args) === 'reported', update: (args) => statusOf(args) !== 'reported' },
      ui: {
        label: '意见采纳情况说明',
        displayMode: 'textarea',
        itemView: { fieldMode: ({ item }) => ((item as { status?: string } | null)?.status === 'reported' ? 'read' : 'edit') },
        description: '征求意见结束后填写：意见总体情况、采纳情况；集中意见未予采纳的须说明理由（S11），理由在各条意见的“采纳说明”中填写',
      },
    }),
    // Computed when the report is published (S11); staff read it in words below, the public on the page.
    reportFigures: json({
      access: { ...byActionsOnly, read: (args) => signedIn(args) || statusOf(args) === 'reported' },
      ui: { label: '采纳情况统计数据', ...hiddenEverywhere },
    }),
    reportSummary: virtual({
      access: { read: signedIn },
      field: g.field({ type: g.String, resolve: (item, _args, context) => adoptionSummary(context, String((item as { id: unknown }).id)) }),
      ui: {
        label: '采纳情况统计',
        ...sidebar,
        itemView: { fieldMode: 'read', fieldPosition: 'sidebar' },
        listView: { fieldMode: 'hidden' },
      },
    }),
    reportPublishedAt: timestamp({ access: byActionsOnly, ui: { label: '采纳情况公布时间', ...sidebar } }),
    meetings: relationship({
      ref: 'ConsultationMeeting.consultation',
      many: true,
      access: internalOnly,
      ui: { label: '决策会议', createView: { fieldMode: 'hidden' }, itemView: { fieldMode: 'read' } },
    }),
    createdAt: timestamp({ defaultValue: { kind: 'now' }, access: internalOnly, ui: { label: '创建时间', ...sidebar } }),
    updatedAt: timestamp({ db: { updatedAt: true }, access: internalOnly, ui: { label: '更新时间', ...sidebar } }),
  },
  hooks: {
    resolveInput: { create: (args) => withDrafter(args) },
    validate: ({ operation, resolvedData, item, context, addValidationError }) => {
      if (operation === 'delete') {
        const refusal = context.__internal.sudo ? null : consultationDeletionRefusal(item, sessionOf(context));
        if (refusal) addValidationError(refusal);
        return;
      }
      const status = String(item?.status ?? 'draft');
      if (status !== 'draft' && status !== 'review') {
        const changed = fixedOncePublished.filter((field) => resolvedData[field] !== undefined);
        if (changed.length) addValidationError('征求意见稿已发布，标题、正文、依据、期限和联系方式不能再修改');
      }
      const opensOn = calendarDayOf(resolvedData.opensOn ?? item?.opensOn);
      const closesOn = calendarDayOf(resolvedData.closesOn ?? item?.closesOn);
      // A period being typed may be incomplete; once both days are there it must be a valid one.
      if (opensOn && closesOn)
        for (const problem of periodProblems({
          opensOn,
          closesOn,
          shortPeriodReason: (resolvedData.shortPeriodReason ?? item?.shortPeriodReason) as string | null,
        }))
          addValidationError(problem);
    },
    afterOperation: afterConsultationChange,
  },
});
