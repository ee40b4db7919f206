import { list } from '@keystone-6/core';
import type { ListTypeInfo } from '../../platform/db/prisma.js';
import { relationship, select, text, timestamp } from '@keystone-6/core/fields';
import { isEditor, memberOf, roleOptions, sessionOf, signedIn } from '../../platform/access/roles.js';
import { statusOptions } from '../../platform/content/vocabulary.js';
import { auditActionLabels, auditActions } from '../core/audit.js';
import { readOnly } from '../../platform/admin-ui/ui-modes.js';

// 流转记录: append-only; written by the workflow only, never through the API.
export const AuditEntry = list<ListTypeInfo<'AuditEntry'>>({
  // Not even a mutation exists to change the record.
  graphql: { omit: { create: true, update: true, delete: true } },
  access: {
    operation: {
      query: signedIn,
      create: () => false,
      update: () => false,
      delete: () => false,
    },
    // Editors see the history of their own department's items (deleted drafts included); reviewers see all.
    filter: {
      query: (args) => {
        const member = memberOf(sessionOf(args));
        if (!isEditor(member?.role)) return true;
        const own = { department: { id: { equals: member!.departmentId ?? '' } } };
        return { OR: [own, { document: own }, { interpretation: own }] };
      },
    },
  },
  ui: {
    label: '流转记录',
    singular: '流转记录',
    plural: '流转记录',
    labelField: 'summary',
    hideCreate: true,
    hideDelete: true,
    listView: {
      initialColumns: ['at', 'itemTitle', 'summary', 'actorName', 'actorRole', 'reason'],
      initialSort: { field: 'at', direction: 'DESC' },
    },
  },
  fields: {
    summary: text({ ui: { label: '摘要', ...readOnly } }),
    // What the entry is about, as it was when the entry was written: it stays when the item is deleted.
    itemTitle: text({ ui: { label: '标题', ...readOnly } }),
    itemId: text({ isIndexed: true, ui: { label: '条目编号', ...readOnly } }),
    department: relationship({ ref: 'Department', ui: { label: '起草科室', ...readOnly } }),
    document: relationship({ ref: 'Document', ui: { label: '文件', ...readOnly } }),
    interpretation: relationship({ ref: 'Interpretation', ui: { label: '解读', ...readOnly } }),
    action: select({
      type: 'string',
      options: auditActions.map((value) => ({ value, label: auditActionLabels[value] })),
      ui: { label: '操作', ...readOnly },
    }),
    fromStatus: select({ type: 'string', options: [...statusOptions], ui: { label: '原状态', ...readOnly } }),
    toStatus: select({ type: 'string', options: [...statusOptions], ui: { label: '新状态', ...readOnly } }),
    actor: relationship({ ref: 'User', ui: { label: '操作人', ...readOnly } }),
    actorName: text({ ui: { label: '操作人姓名', ...readOnly } }),
    actorRole: select({ type: 'string', options: roleOptions, ui: { label: '操作人角色', ...readOnly } }),
    reason: text({ ui: { label: '原因或结论', displayMode: 'textarea', ...readOnly } }),
    at: timestamp({ defaultValue: { kind: 'now' }, ui: { label: '时间', ...readOnly } }),
  },
});
