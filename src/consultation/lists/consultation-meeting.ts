import { list } from '@keystone-6/core';
import { g } from '../../platform/db/g.js';
import type { ListTypeInfo } from '../../platform/db/prisma.js';
import { calendarDay, multiselect, relationship, select, text, virtual } from '@keystone-6/core/fields';
import { signedIn } from '../../platform/access/roles.js';
import { adoptionSummary } from '../data.js';
import {
  attendeeCategoryOptions,
  decisionBodyOptions,
  meetingOpennessOptions,
  meetingPlanProblems,
  openingMethodOptions,
} from '../core/rules.js';
import { calendarDayOf } from '../../platform/db/calendar-day.js';
import { itemAfter } from '../../platform/db/item-after.js';

// 决策会议 (S2): a meeting on a major livelihood topic, who attends by category and whether and how it is
// made public, with the comment collection held before it and its adoption (the linked consultation's report).
export const ConsultationMeeting = list<ListTypeInfo<'ConsultationMeeting'>>({
  access: { operation: { query: signedIn, create: signedIn, update: signedIn, delete: signedIn } },
  ui: {
    label: '决策会议',
    singular: '决策会议',
    plural: '决策会议',
    labelField: 'topic',
    listView: {
      initialColumns: ['topic', 'meetingOn', 'decisionBody', 'attendeeCategories', 'openness', 'consultation'],
      initialSort: { field: 'meetingOn', direction: 'DESC' },
    },
  },
  fields: {
    topic: text({ ui: { label: '议题' }, validation: { isRequired: true, length: { max: 200 } } }),
    meetingOn: calendarDay({ ui: { label: '会议日期' } }),
    decisionBody: select({ type: 'string', options: [...decisionBodyOptions], ui: { label: '会议', displayMode: 'segmented-control' } }),
    attendeeCategories: multiselect({
      type: 'string',
      options: [...attendeeCategoryOptions],
      defaultValue: [],
      ui: { label: '列席人员类别', description: 'S2：载明利益相关方、公众代表、专家、媒体等列席情况' },
    }),
    attendeeNote: text({
      ui: { label: '列席人员说明', displayMode: 'textarea', description: '例如：邀请3名养老机构负责人、2名人大代表、1名高校专家' },
    }),
    openness: select({ type: 'string', options: [...meetingOpennessOptions], ui: { label: '是否公开', displayMode: 'segmented-control' } }),
    openingMethods: multiselect({ type: 'string', options: [...openingMethodOptions], defaultValue: [], ui: { label: '公开方式' } }),
    opennessNote: text({
      ui: { label: '公开说明', displayMode: 'textarea', description: '不公开的说明理由；公开的说明直播平台、报道媒体或旁听报名方式' },
    }),
    consultation: relationship({
      ref: 'Consultation.meetings',
      ui: { label: '会前征求意见', description: '会前公开征求意见的，关联该征求意见，其意见采纳情况随会议材料附送' },
    }),
    // S2: the earlier comment collection and its adoption, attached to the meeting plan.
    consultationAdoption: virtual({
      field: g.field({
        type: g.String,
        resolve: async (item, _args, context) => {
          const id = (item as { consultationId?: string | null }).consultationId;
          return id ? adoptionSummary(context, id) : '会前未公开征求意见';
        },
      }),
      ui: {
        label: '会前征求意见及采纳情况',
        itemView: { fieldMode: 'read' },
        createView: { fieldMode: 'hidden' },
        listView: { fieldMode: 'hidden' },
      },
    }),
    materials: relationship({ ref: 'Media', many: true, ui: { label: '会议材料' } }),
  },
  hooks: {
    validate: ({ operation, resolvedData, item, addValidationError }) => {
      if (operation === 'delete') return;
      const merged = itemAfter(item, resolvedData);
      for (const problem of meetingPlanProblems({
        topic: merged.topic as string | null,
        meetingOn: calendarDayOf(merged.meetingOn),
        attendeeCategories: (merged.attendeeCategories as string[] | null) ?? null,
        openness: (merged.openness as string | null) ?? null,
        openingMethods: (merged.openingMethods as string[] | null) ?? null,
      }))
        addValidationError(problem);
    },
  },
});
