import { list } from '@keystone-6/core';
import { g } from '../../platform/db/g.js';
import type { ListTypeInfo } from '../../platform/db/prisma.js';
import { checkbox, json, relationship, select, text, timestamp, virtual } from '@keystone-6/core/fields';
import { byRole, isAdmin, isEditor, isEditorOf, isOffice, memberOf, sessionOf, signedIn } from '../../platform/access/roles.js';
import { toCalendarDay } from '../../platform/calendar/working-days.js';
import { messageChannelOptions, messageKindOptions } from '../core/clocks.js';
import { alertStages, messageStatusOptions, openMessageClock, type ClockedMessage } from '../core/rules.js';
import { newQueryCode } from '../../platform/public-forms/query-code.js';
import { messageActions } from '../keystone-actions.js';
import { afterMessageChange } from '../invalidation.js';
// Registers the mailbox's 待办 (N5 clocks) with the 待办 page, once, with the list.
import { readOnly, hiddenEverywhere } from '../../platform/admin-ui/ui-modes.js';

type Args = { session?: unknown };
const office = byRole(isOffice);
// Personal data of the sender (N15): staff only, never in any public page, feed, search or API answer.
const staffOnly = { read: signedIn, update: office };
const systemKept = { read: signedIn, create: () => false, update: () => false };

/** Editors see the messages assigned to their department; the office, leaders and the section see all. */
function queryFilter(args: Args) {
  const member = memberOf(sessionOf(args));
  if (!isEditor(member?.role)) return true;
  return { AND: [{ department: { id: { equals: member!.departmentId ?? '' } } }, { status: { not: { equals: 'received' } } }] };
}

/** The office edits any message; an editor only the reply of a message assigned to their department and not yet submitted. */
function updateFilter(args: Args) {
  const member = memberOf(sessionOf(args));
  if (isOffice(member?.role)) return true;
  if (!isEditor(member?.role)) return false;
  return { AND: [{ department: { id: { equals: member!.departmentId ?? '' } } }, { status: { equals: 'assigned' } }] };
}

function replyFieldMode({ session, item }: { session?: unknown; item?: unknown }): 'edit' | 'read' {
  const member = memberOf(sessionOf({ session }));
  const it = item as { status?: string; departmentId?: string | null } | null | undefined;
  if (!it) return 'edit';
  if (isOffice(member?.role)) return it.status === 'replied' ? 'read' : 'edit';
  return it.status === 'assigned' && isEditorOf(member, it.departmentId) ? 'edit' : 'read';
}
const officeFieldMode = (args: { session?: unknown }): 'edit' | 'read' => (office(args) ? 'edit' : 'read');

// 留言 (S11, N5): 领导信箱 letters and 网民留言 from the public form, 96128 hotline records entered by staff.
export const Message = list<ListTypeInfo<'Message'>>({
  access: {
    operation: {
      query: signedIn,
      // The office enters hotline and other offline records; the public form creates through the site.
      create: office,
      update: byRole((role) => isOffice(role) || isEditor(role)),
      delete: byRole(isAdmin),
    },
    filter: { query: queryFilter, update: updateFilter },
  },
  actions: messageActions(),
  hooks: {
    resolveInput: {
      create: ({ resolvedData }) => ({ ...resolvedData, queryCode: resolvedData.queryCode || newQueryCode() }),
    },
    afterOperation: afterMessageChange,
    // What the public has read stays on record (N5: the submission and reply times are inspected).
    validate: ({ operation, item, addValidationError }) => {
      if (operation === 'delete' && item?.replyPublishedAt) addValidationError('答复已公开的留言不能删除：公开的留言和答复须保留备查');
    },
  },
  ui: {
    label: '留言',
    singular: '留言',
    plural: '留言',
    labelField: 'subject',
    listView: {
      initialColumns: ['subject', 'channel', 'kind', 'status', 'department', 'clockState', 'submittedAt', 'replyPublishedAt'],
      initialSort: { field: 'submittedAt', direction: 'DESC' },
    },
  },
  fields: {
    subject: text({
      validation: { isRequired: true, length: { max: 100 } },
      access: { update: office },
      ui: { label: '标题', itemView: { fieldMode: officeFieldMode } },
    }),
    channel: select({
      type: 'string',
      options: [...messageChannelOptions],
      defaultValue: 'hotline96128',
      validation: { isRequired: true },
      access: { update: office },
      ui: { label: '渠道', itemView: { fieldMode: officeFieldMode } },
    }),
    kind: select({
      type: 'string',
      options: [...messageKindOptions],
      defaultValue: 'consultation',
      validation: { isRequired: true },
      access: { update: office },
      ui: { label: '类别', itemView: { fieldMode: officeFieldMode } },
    }),
    content: text({
      validation: { isRequired: true, length: { max: 5000 } },
      access: { update: office },
      ui: { label: '留言内容', displayMode: 'textarea', itemView: { fieldMode: officeFieldMode } },
    }),
    senderName: text({
      access: staffOnly,
      ui: { label: '留言人', description: '仅工作人员可见；网站上只显示姓氏（如 张**）', itemView: { fieldMode: officeFieldMode } },
    }),
    contact: text({
      access: staffOnly,
      ui: { label: '联系方式', description: '仅工作人员可见，任何情况下都不在网站公开', itemView: { fieldMode: officeFieldMode } },
    }),
    submittedAt: timestamp({
      defaultValue: { kind: 'now' },
      validation: { isRequired: true },
      access: { update: office },
      ui: { label: '留言时间', itemView: { fieldMode: officeFieldMode } },
    }),
    queryCode: text({ isIndexed: 'unique', access: systemKept, ui: { label: '查询码', ...readOnly, listView: { fieldMode: 'hidden' } } }),
    status: select({
      type: 'string',
      options: [...messageStatusOptions],
      defaultValue: 'received',
      validation: { isRequired: true },
      access: systemKept,
      ui: { label: '状态', ...readOnly },
    }),
    // The office chooses the department, then 分办.
    department: relationship({
      ref: 'Department',
      access: { update: office },
      ui: { label: '承办科室', description: '局办公室选择承办科室后点击“分办”', itemView: { fieldMode: officeFieldMode } },
    }),
    replyText: text({
      ui: {
        label: '答复内容',
        displayMode: 'textarea',
        description: '承办科室起草答复后“提交答复审核”，经局办公室或分管局领导审核通过后公开',
        itemView: { fieldMode: replyFieldMode },
      },
    }),
    returnReason: text({ access: systemKept, ui: { label: '退回原因', ...readOnly } }),
    // N7/N19: the content gate's findings on the reply, kept at 提交答复审核 and 审核通过.
    replyFindings: json({
      access: systemKept,
      ui: { label: '答复检查结果', views: './admin/fields/preflight-findings', ...readOnly, listView: { fieldMode: 'hidden' } },
    }),
    isPublic: checkbox({
      defaultValue: true,
      access: { update: office },
      ui: {
        label: '公开答复',
        description: '涉及个人隐私等不宜公开的，取消勾选并填写不公开理由',
        itemView: { fieldMode: officeFieldMode },
      },
    }),
    withholdReason: text({ access: { update: office }, ui: { label: '不公开理由', itemView: { fieldMode: officeFieldMode } } }),
    repliedAt: timestamp({ access: systemKept, ui: { label: '答复时间', ...readOnly } }),
    replyPublishedAt: timestamp({ access: systemKept, ui: { label: '答复公开时间', ...readOnly } }),
    // N5: where the 2-month and 3-month clocks stand today.
    clockState: virtual({
      field: g.field({
        type: g.String,
        resolve(item) {
          const clock = openMessageClock(item as unknown as ClockedMessage, toCalendarDay(new Date()));
          if (!clock) return (item as { replyPublishedAt?: Date | null }).replyPublishedAt ? '已公开答复' : '已答复（不公开）';
          return `${clock.stateLabel}（${clock.publishBy} 前公开）`;
        },
      }),
      ui: { label: '办理时限', createView: { fieldMode: 'hidden' }, itemView: { fieldMode: 'read', fieldPosition: 'sidebar' } },
    }),
    // The deadline alerts already sent (alerts.ts): each stage once.
    alertedStage: select({
      type: 'string',
      options: alertStages.map((value) => ({ value, label: value })),
      db: { isNullable: true },
      access: systemKept,
      ui: hiddenEverywhere,
    }),
    alertPendingStage: select({
      type: 'string',
      options: alertStages.map((value) => ({ value, label: value })),
      db: { isNullable: true },
      access: systemKept,
      ui: hiddenEverywhere,
    }),
  },
});
