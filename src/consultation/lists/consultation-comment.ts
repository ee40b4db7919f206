import { list } from '@keystone-6/core';
import type { ListTypeInfo } from '../../platform/db/prisma.js';
import { relationship, select, text, timestamp } from '@keystone-6/core/fields';
import { isEditor, isOfficeOrLeader, memberOf, sessionOf, signedIn } from '../../platform/access/roles.js';
import { afterCommentChange } from '../invalidation.js';
import { adoptionOptions, hiddenReasonOptions, moderationOptions, moderationProblem, type Moderation } from '../core/rules.js';
import { readOnly } from '../../platform/admin-ui/ui-modes.js';
import { itemAfter } from '../../platform/db/item-after.js';

type Args = { session?: unknown };
const fromTheFormOnly = { create: () => false, update: () => false };

/** Editors moderate and decide on their own department's consultations; the office, leaders and admin on all; the info section none (comments carry contacts). */
function ownOrOffice(args: Args) {
  const member = memberOf(sessionOf(args));
  if (isOfficeOrLeader(member?.role)) return true;
  if (!isEditor(member?.role)) return false;
  return { consultation: { department: { id: { equals: member!.departmentId ?? '' } } } };
}

// 征求意见的意见: a comment sent through the public form. Staff only read it here: the public sees a
// shown comment on the consultation's page, masked, without its contact (N15).
export const ConsultationComment = list<ListTypeInfo<'ConsultationComment'>>({
  access: {
    operation: { query: signedIn, create: () => false, update: signedIn, delete: () => false },
    filter: { query: ownOrOffice, update: ownOrOffice },
  },
  ui: {
    label: '征求意见的意见',
    singular: '意见',
    plural: '征求意见的意见',
    labelField: 'summary',
    // Comments come from the public form and are kept: staff neither add nor delete them.
    hideCreate: true,
    hideDelete: true,
    listView: {
      initialColumns: ['summary', 'consultation', 'moderation', 'adoption', 'opinionGroup', 'submittedAt'],
      initialSort: { field: 'submittedAt', direction: 'DESC' },
    },
  },
  fields: {
    consultation: relationship({ ref: 'Consultation.comments', access: fromTheFormOnly, ui: { label: '征求意见', ...readOnly } }),
    summary: text({ access: fromTheFormOnly, ui: { label: '摘要', ...readOnly } }),
    body: text({ access: fromTheFormOnly, ui: { label: '意见内容', displayMode: 'textarea', ...readOnly } }),
    name: text({ access: fromTheFormOnly, ui: { label: '姓名（选填）', ...readOnly } }),
    contact: text({ access: fromTheFormOnly, ui: { label: '联系方式（不公开）', ...readOnly } }),
    queryCode: text({ isIndexed: 'unique', access: fromTheFormOnly, ui: { label: '查询码', ...readOnly } }),
    submittedAt: timestamp({ access: fromTheFormOnly, ui: { label: '提交时间', ...readOnly } }),
    moderation: select({
      type: 'string',
      options: [...moderationOptions],
      defaultValue: 'pending',
      validation: { isRequired: true },
      ui: {
        label: '审核',
        displayMode: 'segmented-control',
        description: '审核通过的意见在网站公开显示（个人信息已屏蔽，联系方式不公开）',
      },
    }),
    hiddenReason: select({ type: 'string', options: [...hiddenReasonOptions], ui: { label: '不予显示的原因' } }),
    moderationNote: text({ ui: { label: '审核说明', displayMode: 'textarea' } }),
    moderatedBy: relationship({ ref: 'User', access: fromTheFormOnly, ui: { label: '审核人', ...readOnly } }),
    moderatedAt: timestamp({ access: fromTheFormOnly, ui: { label: '审核时间', ...readOnly } }),
    adoption: select({ type: 'string', options: [...adoptionOptions], ui: { label: '采纳情况' } }),
    adoptionReason: text({
      ui: {
        label: '采纳说明',
        displayMode: 'textarea',
        description: '未采纳或部分采纳的说明理由；归入集中意见的，公布采纳情况前必须填写（S11）',
      },
    }),
    opinionGroup: text({
      ui: { label: '集中意见', description: '内容相同或相近的意见填写同一个简短概括，归为一条集中意见，例如：建议提高高龄津贴标准' },
    }),
  },
  hooks: {
    resolveInput: {
      // Who moderated and when is recorded by the system, not typed.
      update: ({ resolvedData, context }) => {
        const session = sessionOf(context);
        if (resolvedData.moderation === undefined || !session) return resolvedData;
        return { ...resolvedData, moderatedAt: new Date(), moderatedBy: { connect: { id: session.itemId } } };
      },
    },
    validate: ({ operation, resolvedData, item, addValidationError }) => {
      if (operation !== 'update') return;
      const merged = itemAfter(item, resolvedData);
      const moderation = moderationProblem({
        moderation: merged.moderation as Moderation,
        hiddenReason: (merged.hiddenReason as string | null) ?? null,
      });
      if (moderation) addValidationError(moderation);
    },
    afterOperation: afterCommentChange,
  },
});
