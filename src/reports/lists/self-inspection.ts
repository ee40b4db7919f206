import { list } from '@keystone-6/core';
import { g } from '../../platform/db/g.js';
import type { ListTypeInfo } from '../../platform/db/prisma.js';
import { json, relationship, select, text, timestamp, virtual } from '@keystone-6/core/fields';
import { byRole, isAdmin, isEditor, memberOf, sessionOf, signedIn } from '../../platform/access/roles.js';
import { halfYearBounds } from '../core/self-inspection.js';
import { conversionsText, mayWriteFor, selfInspectionActions } from '../self-inspection-cms.js';
import { hiddenEverywhere, readOnly } from '../../platform/admin-ui/ui-modes.js';
// Registers the 待办 of self-inspections (S4) with the task page.

export const selfInspectionStatusOptions = [
  { value: 'draft', label: '草稿' },
  { value: 'submitted', label: '已提交局办公室' },
  { value: 'reviewed', label: '局办公室已审核' },
] as const;

type Args = { session?: unknown };
/** An editor's own department's reports: the filter for `args`, or null when they are not an editor's. */
function ownDepartmentOnly(args: Args): { department: { id: { equals: string } } } | null {
  const member = memberOf(sessionOf(args));
  return isEditor(member?.role) ? { department: { id: { equals: member!.departmentId ?? '-' } } } : null;
}

// 半年自查 (S4): per department and half year, generated from the data; the department concludes and
// submits it to the office, which supervises (reviews) it.
// Written only by the actions (generate, submit, review, mark), never by a plain edit.
const byActionsOnly = { create: () => false, update: () => false };

export const SelfInspection = list<ListTypeInfo<'SelfInspection'>>({
  access: {
    operation: { query: signedIn, create: signedIn, update: signedIn, delete: byRole(isAdmin) },
    // Editors see and change their own department's only.
    filter: {
      query: (args) => ownDepartmentOnly(args) ?? true,
      update: (args) => {
        const own = ownDepartmentOnly(args);
        return own ? { ...own, status: { equals: 'draft' } } : true;
      },
    },
  },
  actions: selfInspectionActions(),
  ui: {
    label: '半年自查',
    singular: '自查报告',
    plural: '半年自查',
    labelField: 'title',
    hideDelete: (args) => !byRole(isAdmin)(args),
    listView: {
      initialColumns: ['half', 'department', 'status', 'generatedAt', 'submittedAt', 'reviewedAt'],
      initialSort: { field: 'half', direction: 'DESC' },
    },
  },
  fields: {
    // Made from the department and the half by the hook below, never typed.
    title: text({ graphql: { omit: { create: true, update: true } }, ui: { label: '标题', ...readOnly } }),
    // Fixed once created: the pair is the report's identity.
    department: relationship({
      ref: 'Department',
      graphql: { omit: { update: true } },
      ui: { label: '科室', itemView: { fieldMode: 'read' } },
    }),
    half: text({
      graphql: { omit: { update: true } },
      ui: { label: '半年度', description: '例如 2026-H1（上半年）或 2026-H2（下半年）', itemView: { fieldMode: 'read' } },
      validation: { isRequired: true },
    }),
    // One per department and half.
    key: text({
      isIndexed: 'unique',
      graphql: { omit: { create: true, update: true } },
      ui: { createView: { fieldMode: 'hidden' }, itemView: { fieldMode: 'hidden' }, listView: { fieldMode: 'hidden' } },
    }),
    status: select({
      access: byActionsOnly,
      type: 'string',
      options: [...selfInspectionStatusOptions],
      defaultValue: 'draft',
      validation: { isRequired: true },
      ui: { label: '状态', ...readOnly },
    }),
    contentsText: text({ access: byActionsOnly, ui: { label: '自查内容', displayMode: 'textarea', ...readOnly } }),
    contents: json({ access: byActionsOnly, ui: { label: '自查数据', ...hiddenEverywhere } }),
    conversions: json({ access: byActionsOnly, ui: { label: '应转为主动公开的事项（数据）', ...hiddenEverywhere } }),
    conversionList: virtual({
      ui: { label: '应转为主动公开的事项', ...readOnly, listView: { fieldMode: 'hidden' } },
      field: g.field({ type: g.String, resolve: (item) => conversionsText(item.conversions) }),
    }),
    generatedAt: timestamp({ access: byActionsOnly, ui: { label: '生成时间', ...readOnly } }),
    conclusion: text({
      ui: { label: '自查结论', displayMode: 'textarea', description: '未公开信息是否仍应不公开、申请较多的信息是否应主动公开、整改措施' },
    }),
    submittedAt: timestamp({ access: byActionsOnly, ui: { label: '提交时间', ...readOnly } }),
    submittedBy: relationship({ access: byActionsOnly, ref: 'User', ui: { label: '提交人', ...readOnly } }),
    reviewedAt: timestamp({ access: byActionsOnly, ui: { label: '审核时间', ...readOnly } }),
    reviewedBy: relationship({ access: byActionsOnly, ref: 'User', ui: { label: '审核人', ...readOnly } }),
    reviewNote: text({ access: byActionsOnly, ui: { label: '审核意见', displayMode: 'textarea', ...readOnly } }),
  },
  hooks: {
    resolveInput: async ({ operation, resolvedData, item, context }) => {
      const departmentId =
        (resolvedData.department?.connect?.id as string | undefined) ?? (item?.departmentId as string | undefined) ?? null;
      const half = (resolvedData.half ?? item?.half) as string | undefined;
      if (!departmentId || !half) return resolvedData;
      const department = await context.sudo().prisma.department.findUnique({ where: { id: departmentId }, select: { name: true } });
      const label = /^\d{4}-H[12]$/.test(half) ? `${half.slice(0, 4)}年${half.endsWith('H1') ? '上半年' : '下半年'}` : half;
      return {
        ...resolvedData,
        key: `${departmentId}:${half}`,
        ...(operation === 'create' || resolvedData.half || resolvedData.department
          ? { title: `${department?.name ?? ''}${label}政府信息公开自查` }
          : {}),
      };
    },
    validate: async ({ operation, resolvedData, item, context, addValidationError }) => {
      if (operation === 'delete') return;
      const half = (resolvedData.half ?? item?.half) as string;
      try {
        halfYearBounds(half);
      } catch (error) {
        addValidationError((error as Error).message);
      }
      const departmentId =
        (resolvedData.department?.connect?.id as string | undefined) ?? (item?.departmentId as string | undefined) ?? null;
      if (!departmentId) addValidationError('请选择科室');
      else if (!mayWriteFor(sessionOf(context), departmentId)) addValidationError('只能为本科室填写自查报告');
      if (
        operation === 'create' &&
        resolvedData.key &&
        (await context.sudo().prisma.selfInspection.count({ where: { key: resolvedData.key } }))
      ) {
        addValidationError('该科室本半年度的自查报告已存在');
      }
    },
  },
});
