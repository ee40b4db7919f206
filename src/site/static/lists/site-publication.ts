import { list } from '@keystone-6/core';
import type { ListTypeInfo } from '../../../platform/db/prisma.js';
import { integer, text, timestamp } from '@keystone-6/core/fields';
import { byRole, runsSite } from '../../../platform/access/roles.js';
import { readOnly } from '../../../platform/admin-ui/ui-modes.js';

// 网站发布记录: one row per publication that changed the published directory (PUBLISH_DIR). The tamper
// check compares sha256 of the manifest file with the newest row's manifestHash. Written only by the
// publisher; no API creates, edits or deletes a row.
export const SitePublication = list<ListTypeInfo<'SitePublication'>>({
  graphql: { omit: { create: true, update: true, delete: true } },
  access: { operation: { query: byRole(runsSite), create: () => false, update: () => false, delete: () => false } },
  ui: {
    label: '网站发布记录',
    singular: '网站发布记录',
    plural: '网站发布记录',
    labelField: 'reason',
    hideCreate: true,
    hideDelete: true,
    listView: {
      initialColumns: ['at', 'reason', 'files', 'written', 'removed'],
      initialSort: { field: 'at', direction: 'DESC' },
      pageSize: 50,
    },
  },
  fields: {
    at: timestamp({ isIndexed: true, validation: { isRequired: true }, ui: { label: '发布时间', ...readOnly } }),
    manifestHash: text({ validation: { isRequired: true }, ui: { label: '发布清单的 SHA-256', ...readOnly } }),
    files: integer({ defaultValue: 0, validation: { isRequired: true }, ui: { label: '文件总数', ...readOnly } }),
    written: integer({ defaultValue: 0, validation: { isRequired: true }, ui: { label: '写入文件数', ...readOnly } }),
    removed: integer({ defaultValue: 0, validation: { isRequired: true }, ui: { label: '删除文件数', ...readOnly } }),
    reason: text({ ui: { label: '原因', ...readOnly } }),
  },
});
