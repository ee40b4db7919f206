import { list } from '@keystone-6/core';
import type { ListTypeInfo } from '../../db/prisma.js';
import { select, text, timestamp } from '@keystone-6/core/fields';
import { managesSite } from '../../access/roles.js';
import { operationOutcomeOptions } from '../vocabulary.js';
import { roleOptions } from '../../access/roles.js';
import { readOnly } from '../../admin-ui/ui-modes.js';

// 操作日志 (N20): every sign-in (successful or not), every change through the API (the Admin UI's included)
// and every export, with who, in what role, from what address. Append-only: written only by
// src/platform/oplog/record.ts; no API can create, change or delete an entry; the daily job archives each day
// compressed and deletes entries older than the retention (GONGKAI_LOG_RETENTION_DAYS, 400 days).
export const OperationLog = list<ListTypeInfo<'OperationLog'>>({
  graphql: { omit: { create: true, update: true, delete: true } },
  access: { operation: { query: managesSite, create: () => false, update: () => false, delete: () => false } },
  ui: {
    label: '操作日志',
    singular: '操作日志',
    plural: '操作日志',
    labelField: 'action',
    hideCreate: true,
    hideDelete: true,
    searchFields: ['actor', 'address', 'action', 'operation', 'target', 'itemId', 'detail'],
    listView: {
      initialColumns: ['at', 'actor', 'role', 'address', 'action', 'target', 'itemId', 'outcome'],
      initialSort: { field: 'at', direction: 'DESC' },
      pageSize: 50,
    },
  },
  fields: {
    at: timestamp({ isIndexed: true, defaultValue: { kind: 'now' }, ui: { label: '时间', ...readOnly } }),
    actor: text({ isIndexed: true, ui: { label: '操作人', description: '登录名；登录操作为所填登录名，未登录为空', ...readOnly } }),
    actorName: text({ ui: { label: '姓名', ...readOnly } }),
    role: select({ type: 'string', options: [...roleOptions], ui: { label: '角色', ...readOnly } }),
    address: text({ isIndexed: true, ui: { label: '网络地址', ...readOnly } }),
    action: text({ ui: { label: '操作', ...readOnly } }),
    operation: text({ ui: { label: '接口操作名', description: 'GraphQL 操作或导出的名称', ...readOnly } }),
    target: text({ ui: { label: '对象', description: '列表或导出的内容', ...readOnly } }),
    itemId: text({ isIndexed: true, ui: { label: '条目编号', ...readOnly } }),
    outcome: select({ type: 'string', options: [...operationOutcomeOptions], defaultValue: 'success', ui: { label: '结果', ...readOnly } }),
    detail: text({ ui: { label: '说明', description: '失败的原因，或导出的条件', displayMode: 'textarea', ...readOnly } }),
  },
});
