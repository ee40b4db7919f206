import { list } from '@keystone-6/core';
import { g } from '../../platform/db/g.js';
import type { ListTypeInfo } from '../../platform/db/prisma.js';
import { calendarDay, checkbox, relationship, select, text, timestamp, virtual } from '@keystone-6/core/fields';
import { byRole, isAdmin, isEditor, isEditorOf, memberOf, sessionOf } from '../../platform/access/roles.js';
import { toCalendarDay } from '../../platform/calendar/working-days.js';
import { calendarDayOf, calendarDayValue } from '../../platform/db/calendar-day.js';
import { applicantTypeOptions, requestOutcomeOptions } from '../core/request-vocabulary.js';
import { mayChangeRequests, mayCreateRequests, mayQueryRequests, requestReadFilter, requestUpdateFilter } from '../access.js';
import { factsOf } from '../facts.js';
import { newQueryCode } from '../../platform/public-forms/query-code.js';
import { requestActions } from '../keystone-actions.js';
import { receiptRules, receivedOnFor } from '../core/received-on.js';
import { describeRequestDeadline, recordProblems } from '../core/request-state.js';
import {
  deliveryMethodOptions,
  idDocumentTypeOptions,
  noticeMethodOptions,
  requestChannelOptions,
  type RequestChannel,
} from '../core/vocabulary.js';
import { hiddenEverywhere, readOnly } from '../../platform/admin-ui/ui-modes.js';

/** The item as it will be saved: Keystone passes the fields not being changed as undefined. */
function savedWith(item: object | undefined, resolvedData: object): Record<string, unknown> {
  return { ...(item ?? {}), ...Object.fromEntries(Object.entries(resolvedData).filter(([, value]) => value !== undefined)) };
}

const byAction = (description: string) => ({ ...readOnly, description });
// Kept by the hooks and the actions (with their checks), never written through the API directly.
const systemOnly = { create: () => false, update: () => false };
const day = (label: string, description?: string) => calendarDay<ListTypeInfo<'DisclosureRequest'>>({ ui: { label, description } });

// 依申请公开 (N13): one request for disclosure, from receipt to answer. Personal data: never public (N15).
export const DisclosureRequest = list<ListTypeInfo<'DisclosureRequest'>>({
  access: {
    operation: { query: mayQueryRequests, create: mayCreateRequests, update: mayChangeRequests, delete: byRole(isAdmin) },
    filter: { query: requestReadFilter, update: requestUpdateFilter },
  },
  actions: requestActions(),
  ui: {
    label: '依申请公开',
    singular: '政府信息公开申请',
    plural: '政府信息公开申请',
    labelField: 'topic',
    hideDelete: (args) => !byRole(isAdmin)(args),
    listView: {
      initialColumns: ['topic', 'applicantType', 'channel', 'receivedOn', 'deadline', 'department', 'outcome', 'closedOn'],
      initialSort: { field: 'createdAt', direction: 'DESC' },
    },
  },
  fields: {
    topic: text({
      ui: { label: '申请事项', description: '所申请信息的简要主题（用于半年自查统计经常申请的信息）' },
      validation: { isRequired: true, length: { max: 100 } },
    }),
    queryCode: text({
      access: systemOnly,
      isIndexed: 'unique',
      ui: { label: '查询码', description: '申请人在网站查询办理进度用', ...readOnly },
    }),
    // 申请人 (条例 第二十九条)
    applicantType: select({
      type: 'string',
      options: [...applicantTypeOptions],
      validation: { isRequired: true },
      ui: { label: '申请人类型' },
    }),
    applicantName: text({ validation: { isRequired: true, length: { max: 100 } }, ui: { label: '申请人姓名或单位名称' } }),
    idDocumentType: select({ type: 'string', options: [...idDocumentTypeOptions], ui: { label: '证件类型', description: '自然人填写' } }),
    idNumber: text({ ui: { label: '证件号码', description: '自然人填写' } }),
    creditCode: text({ ui: { label: '统一社会信用代码', description: '法人或其他组织填写' } }),
    contactPerson: text({ ui: { label: '联系人', description: '法人或其他组织填写' } }),
    phone: text({ ui: { label: '联系电话' } }),
    email: text({ ui: { label: '电子邮箱' } }),
    postalAddress: text({ ui: { label: '通信地址' } }),
    description: text({ validation: { isRequired: true }, ui: { label: '所需信息的名称、文号或特征性描述', displayMode: 'textarea' } }),
    purpose: text({ ui: { label: '用途', displayMode: 'textarea' } }),
    deliveryMethod: select({ type: 'string', options: [...deliveryMethodOptions], ui: { label: '获取信息的方式' } }),
    // 收到申请之日 (条例 第三十一条)
    channel: select({ type: 'string', options: [...requestChannelOptions], validation: { isRequired: true }, ui: { label: '申请渠道' } }),
    submittedAt: timestamp({ access: systemOnly, ui: { label: '网上提交时间', ...readOnly } }),
    handedInOn: day('当面提交日期', receiptRules.inPerson.label),
    signedForOn: day('签收日期', receiptRules.letter.label),
    confirmedOn: day('双方确认日期', '网上申请、电子邮件、传真：以双方确认之日为收到申请之日'),
    receivedOn: calendarDay({
      access: systemOnly,
      ui: { label: '收到申请之日', ...byAction('按申请渠道由上述日期确定（条例第三十一条）') },
    }),
    department: relationship({ ref: 'Department', ui: { label: '承办科室' } }),
    // 补正 (第三十条): the period restarts on the day the correction arrives.
    correctionRequestedOn: day('通知补正日期'),
    correctionNote: text({ ui: { label: '补正要求', displayMode: 'textarea' } }),
    correctionReceivedOn: day('收到补正日期', '答复期限自收到补正之日起重新计算'),
    // 延期 (第三十三条): once, 20 working days, approved and notified before the deadline.
    extensionApprovedBy: relationship({ access: systemOnly, ref: 'User', ui: { label: '延期批准人', ...byAction('使用“批准延期”操作') } }),
    extensionApprovedOn: calendarDay({ access: systemOnly, ui: { label: '延期批准日期', ...byAction('使用“批准延期”操作') } }),
    extensionReason: text({ access: systemOnly, ui: { label: '延期理由', displayMode: 'textarea', ...readOnly } }),
    extensionNoticeSentOn: calendarDay({ access: systemOnly, ui: { label: '延期告知日期', ...byAction('使用“告知延期”操作') } }),
    extensionNoticeMethod: select({
      access: systemOnly,
      type: 'string',
      options: [...noticeMethodOptions],
      ui: { label: '延期告知方式', ...readOnly },
    }),
    deadline: virtual({
      ui: {
        label: '答复期限',
        description: '自收到申请之日起 20 个工作日，经批准并告知可延长 20 个工作日（按国家法定节假日和调休计算）',
        createView: { fieldMode: 'hidden' },
        itemView: { fieldMode: 'read', fieldPosition: 'sidebar' },
      },
      field: g.field({
        type: g.String,
        resolve: (item) => describeRequestDeadline(factsOf(item as Record<string, unknown>), toCalendarDay(new Date())),
      }),
    }),
    // 答复 (set together by the action)
    outcome: select({
      access: systemOnly,
      type: 'string',
      options: requestOutcomeOptions.map(({ value, label }) => ({ value, label })),
      ui: { label: '办理结果', ...byAction('使用“答复”操作') },
    }),
    closedOn: calendarDay({ access: systemOnly, ui: { label: '答复日期', ...byAction('使用“答复”操作') } }),
    answeredBy: relationship({ access: systemOnly, ref: 'User', ui: { label: '答复人', ...readOnly } }),
    replyText: text({ access: systemOnly, ui: { label: '答复书内容', displayMode: 'textarea', ...readOnly } }),
    replyAttachment: relationship({ ref: 'Media', ui: { label: '答复书附件' } }),
    // S4: what is often asked for should become proactive.
    shouldBeProactive: checkbox({ defaultValue: false, ui: { label: '应转为主动公开' } }),
    convertedDocument: relationship({ ref: 'Document', ui: { label: '转为主动公开的文件' } }),
    // Deadline alerts (scheduler): the last one sent, and a claim while one is being sent.
    alertedKey: text({ graphql: { omit: true }, ui: hiddenEverywhere }),
    alertClaim: text({ graphql: { omit: true }, ui: hiddenEverywhere }),
    alertClaimedAt: timestamp({ graphql: { omit: true }, ui: hiddenEverywhere }),
    createdAt: timestamp({
      defaultValue: { kind: 'now' },
      ui: { label: '登记时间', createView: { fieldMode: 'hidden' }, itemView: { fieldMode: 'read', fieldPosition: 'sidebar' } },
    }),
  },
  hooks: {
    resolveInput: async ({ operation, resolvedData, item, context }) => {
      // 条例 第三十一条: the day of receipt follows from the channel and its evidence, never typed.
      const merged = savedWith(item, resolvedData);
      const channel = merged.channel as RequestChannel | undefined;

      const data = { ...resolvedData } as Record<string, unknown>;
      if (channel && requestChannelOptions.some((o) => o.value === channel)) {
        const facts = {
          handedInOn: calendarDayOf(merged.handedInOn),
          signedForOn: calendarDayOf(merged.signedForOn),
          confirmedOn: calendarDayOf(merged.confirmedOn),
        };
        data.receivedOn = calendarDayValue(context.prisma, receivedOnFor({ channel, ...facts }));
      }
      if (operation === 'create' && !data.queryCode) data.queryCode = newQueryCode();
      return data as typeof resolvedData;
    },
    validate: async ({ operation, resolvedData, item, context, addValidationError }) => {
      if (operation === 'delete') return;
      const merged = savedWith(item, resolvedData);
      for (const problem of recordProblems(factsOf(merged))) addValidationError(problem);
      // An editor records requests for their own department only.
      const member = memberOf(sessionOf(context));
      if (isEditor(member?.role)) {
        // A disconnect leaves the request without a department: that is not the editor's own either.
        const departmentInput = resolvedData.department as { connect?: { id: string }; disconnect?: boolean } | null | undefined;
        const departmentId =
          departmentInput === undefined ? (item?.departmentId as string | null | undefined) : (departmentInput?.connect?.id ?? null);
        if (!isEditorOf(member, departmentId)) addValidationError('只能登记本科室承办的申请');
      }
    },
  },
});
