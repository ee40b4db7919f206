import { json, relationship, select, text, timestamp } from '@keystone-6/core/fields';
import type { BaseListTypeInfo, FieldTypeFunc } from '@keystone-6/core/types';
import { signedIn } from '../../platform/access/roles.js';
import { statusOptions } from '../../platform/content/vocabulary.js';

export const flowMarkOptions = [{ value: 'returned', label: '已退文' }] as const;

/** The workflow status of documents and interpretations: it changes only through the workflow, never by editing. */
export function workflowStatus<L extends BaseListTypeInfo>(): FieldTypeFunc<L> {
  return select({
    type: 'string',
    options: [...statusOptions],
    defaultValue: 'draft',
    validation: { isRequired: true },
    access: { create: () => false, update: () => false },
    ui: { label: '状态', createView: { fieldMode: 'hidden' }, itemView: { fieldMode: 'read', fieldPosition: 'sidebar' } },
  });
}

const byWorkflowOnly = { create: () => false, update: () => false };
const readOnly = {
  createView: { fieldMode: 'hidden' as const },
  itemView: { fieldMode: 'read' as const, fieldPosition: 'sidebar' as const },
};

/**
 * The fields the workflow keeps on documents and interpretations: when to publish, why the item was
 * last returned (退文), and the confidentiality review (保密审查, S4) that must precede publication.
 */
export function workflowFields<L extends BaseListTypeInfo>() {
  return {
    status: workflowStatus<L>(),
    scheduledAt: timestamp<L>({
      ui: { label: '定时发布时间', description: '留空则审批通过后立即发布', itemView: { fieldPosition: 'sidebar' } },
    }),
    // Indexed: the public lists, the home page's sections and the feeds read the latest published first, and
    // with the index they stop after a page of them instead of reading every document (a 10,000-document site).
    publishedAt: timestamp<L>({ access: byWorkflowOnly, isIndexed: true, ui: { label: '发布日期', ...readOnly } }),
    // Issue 16: a returned draft is marked in the lists (已退文) and can be filtered on; the workflow sets and
    // clears it, so the list reads a stored value rather than working anything out per row.
    flowMark: select<L>({
      type: 'string',
      options: [...flowMarkOptions],
      db: { isNullable: true },
      access: byWorkflowOnly,
      ui: { label: '流转标记', ...readOnly },
    }),
    lastReturnReason: text<L>({
      access: { ...byWorkflowOnly, read: signedIn },
      ui: { label: '退文原因', displayMode: 'textarea', ...readOnly },
    }),
    confidentialityConclusion: text<L>({ access: { ...byWorkflowOnly, read: signedIn }, ui: { label: '保密审查结论', ...readOnly } }),
    confidentialityReviewedBy: relationship<L, 'User'>({
      ref: 'User',
      access: { ...byWorkflowOnly, read: signedIn },
      ui: { label: '保密审查人', ...readOnly },
    }),
    preflightFindings: json<L>({
      access: { ...byWorkflowOnly, read: signedIn },
      ui: { label: '发布前检查结果', views: './admin/fields/preflight-findings', ...readOnly },
    }),
    confidentialityReviewedAt: timestamp<L>({ access: { ...byWorkflowOnly, read: signedIn }, ui: { label: '保密审查时间', ...readOnly } }),
  };
}
