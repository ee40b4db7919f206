import type { Context, ListTypeInfo } from '../../platform/db/prisma.js';
import type { FieldTypeFunc } from '@keystone-6/core/types';
import { list } from '@keystone-6/core';
import { g } from '../../platform/db/g.js';
import { json, relationship, select, text, timestamp, virtual } from '@keystone-6/core/fields';
import {
  byRole,
  isAdmin,
  isEditor,
  isOffice,
  memberOf,
  activeSessionOf,
  sessionOf,
  signedIn,
  type AccessArgs,
} from '../../platform/access/roles.js';
import { incidentLevelOptions, opinionCategoryOptions, opinionHandlingOptions } from '../core/clocks.js';
import { logger } from '../../platform/logging/logger.js';
import { checkIncidentAlerts } from '../alerts.js';
import { incidentActions } from '../keystone-actions.js';
import { clockStatusLines, incidentEventDefinitions, incidentProblems, type StoredIncident } from '../core/rules.js';
import { hiddenEverywhere, readOnly } from '../../platform/admin-ui/ui-modes.js';
import { itemAfter } from '../../platform/db/item-after.js';

/** S7: the office and the admin edit every incident, an editor those of his department; leaders read. */
function editFilter({ session }: AccessArgs) {
  const member = memberOf(session);
  if (isOffice(member?.role)) return true;
  if (isEditor(member?.role) && member!.departmentId) return { departments: { some: { id: { equals: member!.departmentId } } } };
  return false;
}

/** Written by the hooks and the alert job only, never through the API. */
const jobOnly = { read: signedIn, create: () => false, update: () => false };

const mayEdit = byRole((role) => isOffice(role) || isEditor(role));

const recordedByField = (label: string): FieldTypeFunc<ListTypeInfo<'OpinionIncident'>> =>
  relationship({ ref: 'User', ui: { label, ...readOnly, itemView: { fieldMode: 'read' as const, fieldPosition: 'sidebar' as const } } });

const eventFields = Object.fromEntries(
  incidentEventDefinitions.flatMap((d) => [
    [d.event, timestamp({ ui: { label: d.label, description: `点击右上角“${d.actionLabel}”即以当前时间记录；如需更正可直接修改` } })],
    [d.recordedBy, recordedByField(`${d.label.replace(/时间$/, '')}记录人`)],
  ]),
);

function sessionUserOf(context: Context): string | null {
  return activeSessionOf(context)?.itemId ?? null;
}

// 舆情事件 (S6, S7): emergencies and public opinion the bureau must report on and answer within
// minutes. Internal: never public; what is published about them are Documents through the workflow.
export const OpinionIncident = list<ListTypeInfo<'OpinionIncident'>>({
  access: {
    operation: { query: signedIn, create: mayEdit, update: mayEdit, delete: byRole(isAdmin) },
    filter: { update: editFilter },
  },
  actions: incidentActions(),
  ui: {
    label: '舆情事件',
    singular: '舆情事件',
    plural: '舆情事件',
    labelField: 'title',
    listView: { initialColumns: ['title', 'level', 'clockStatus', 'startedAt'], initialSort: { field: 'startedAt', direction: 'DESC' } },
  },
  fields: {
    title: text({ ui: { label: '事件名称' }, validation: { isRequired: true, length: { max: 200 } } }),
    level: select({
      type: 'string',
      options: [...incidentLevelOptions],
      validation: { isRequired: true },
      ui: { label: '事件级别', description: '决定报告和回应时限（S7）' },
    }),
    startedAt: timestamp({
      validation: { isRequired: true },
      ui: { label: '事件发生（发现）时间', description: '各项报告和回应时限自此时起算' },
    }),
    clockStatus: virtual({
      ui: {
        label: '时限状态',
        views: './admin/fields/incident-clocks',
        createView: { fieldMode: 'hidden' },
        itemView: { fieldMode: 'read' },
      },
      field: g.field({
        type: g.String,
        resolve: (item) => clockStatusLines(item, new Date()).join('\n'),
      }),
    }),
    category: select({ type: 'string', options: [...opinionCategoryOptions], ui: { label: '舆情类别' } }),
    handling: select({
      type: 'string',
      options: [...opinionHandlingOptions],
      ui: { label: '处置方式', description: '依研判结果选择，并据此发布相应信息（S6）' },
    }),
    departments: relationship({
      ref: 'Department',
      many: true,
      ui: { label: '责任科室（单位）', description: '责任科室的编辑可以记录处置情况' },
    }),
    description: text({ ui: { label: '事件简况', displayMode: 'textarea' } }),
    ...eventFields,
    outcomeDocuments: relationship({
      ref: 'Document',
      many: true,
      ui: {
        label: '公开的处置结果',
        description: '经审核发布的文件：吸收采纳情况、研究解决情况、调查处置情况、权威信息或纠正引导信息（S6）',
      },
    }),
    policeReferralNote: text({
      ui: {
        label: '移交公安机关、网络监管部门情况',
        description: '虚假和不实信息的线索移交时间、接收单位和处理情况',
        displayMode: 'textarea',
      },
    }),
    // Set by 结束事件 (with who closed it), never typed.
    closedAt: timestamp({
      graphql: { omit: { create: true, update: true } },
      ui: { label: '结束时间', ...readOnly, itemView: { fieldMode: 'read', fieldPosition: 'sidebar' } },
    }),
    closedBy: recordedByField('结束记录人'),
    registeredBy: recordedByField('登记人'),
    createdAt: timestamp({
      defaultValue: { kind: 'now' },
      ui: { label: '登记时间', ...readOnly, itemView: { fieldMode: 'read', fieldPosition: 'sidebar' } },
    }),
    // The alert job's state (S7): the end of the last checked window and the alerts claimed.
    alertsCheckedAt: timestamp({ access: jobOnly, ui: hiddenEverywhere }),
    alertLog: json({ defaultValue: [], access: jobOnly, ui: hiddenEverywhere }),
  },
  hooks: {
    resolveInput: {
      create: ({ resolvedData, context }) => {
        const userId = sessionUserOf(context);
        const member = memberOf(sessionOf(context));
        const data = { ...resolvedData, ...(userId ? { registeredBy: { connect: { id: userId } } } : {}) };
        // An editor who registers an incident is of a responsible department, so he can go on recording it.
        const own = isEditor(member?.role) ? member!.departmentId : undefined;
        const connect = ((resolvedData.departments as { connect?: { id: string }[] } | undefined)?.connect ?? []) as { id: string }[];
        if (own && !connect.some((d) => d.id === own))
          data.departments = { ...(resolvedData.departments as object), connect: [...connect, { id: own }] };
        return withRecorders(data, userId, 'create');
      },
      update: ({ resolvedData, context }) => {
        const data = withRecorders({ ...resolvedData }, sessionUserOf(context), 'update');
        // New clocks: the alert window starts over from the start.
        if (resolvedData.level !== undefined || resolvedData.startedAt !== undefined)
          Object.assign(data, { alertsCheckedAt: null, alertLog: [] });
        return data;
      },
    },
    validate: ({ operation, resolvedData, item, addValidationError }) => {
      if (operation === 'delete') return;
      for (const problem of incidentProblems(itemAfter(item, resolvedData) as Partial<StoredIncident>, new Date()))
        addValidationError(problem);
    },
    afterOperation: async ({ operation, item, context }) => {
      if (operation === 'delete' || !item) return;
      // S7: an incident registered (or corrected) already late alerts at once, not at the next minute.
      try {
        await checkIncidentAlerts(context, String(item.id), new Date());
      } catch (error) {
        logger.error({ incident: item.id, err: error }, 'incident clock check failed');
      }
    },
  },
});

/** Who recorded an event: whoever set its time (the recorders are never typed: src/workflow/lists/ownership.ts). */
function withRecorders<D extends Record<string, unknown>>(data: D, userId: string | null, operation: 'create' | 'update'): D {
  const fields: Record<string, unknown> = { ...data };
  for (const d of incidentEventDefinitions) {
    if (fields[d.event] === undefined || fields[d.recordedBy] !== undefined) continue;
    if (fields[d.event] === null) {
      if (operation === 'update') fields[d.recordedBy] = { disconnect: true };
    } else if (userId) fields[d.recordedBy] = { connect: { id: userId } };
  }
  return { ...data, ...fields };
}
