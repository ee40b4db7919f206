import { list } from '@keystone-6/core';
import type { ListTypeInfo } from '../../platform/db/prisma.js';
import { integer, json, relationship, select, timestamp } from '@keystone-6/core/fields';
import { readFilter, signedInStaff } from '../../platform/access/documents.js';
import { readOnly } from '../../platform/admin-ui/ui-modes.js';

// 版本: an immutable snapshot of a document at each submission (for comparing what changed after a
// return) and at each publication (what the public was shown). Written by the workflow only.
export const Revision = list<ListTypeInfo<'Revision'>>({
  graphql: { omit: { create: true, update: true, delete: true } },
  access: {
    operation: { query: signedInStaff, create: () => false, update: () => false, delete: () => false },
    filter: {
      query: (args) => {
        const f = readFilter({ id: { equals: '' } })(args);
        return f === true ? true : { document: f };
      },
    },
  },
  ui: {
    label: '版本记录',
    singular: '版本',
    plural: '版本记录',
    labelField: 'number',
    hideCreate: true,
    hideDelete: true,
    listView: { initialColumns: ['document', 'kind', 'number', 'at', 'by'], initialSort: { field: 'at', direction: 'DESC' } },
  },
  fields: {
    document: relationship({ ref: 'Document', ui: { label: '文件', ...readOnly } }),
    kind: select({
      type: 'string',
      options: [
        { value: 'submitted', label: '提交稿' },
        { value: 'published', label: '发布稿' },
      ],
      ui: { label: '类型', ...readOnly },
    }),
    number: integer({ ui: { label: '版本号', ...readOnly } }),
    snapshot: json({ ui: { label: '内容快照', ...readOnly } }),
    at: timestamp({ defaultValue: { kind: 'now' }, ui: { label: '时间', ...readOnly } }),
    by: relationship({ ref: 'User', ui: { label: '操作人', ...readOnly } }),
  },
});
