import { list } from '@keystone-6/core';
import type { ListTypeInfo } from '../../platform/db/prisma.js';
import { integer, relationship, select, text } from '@keystone-6/core/fields';
import { managesSite } from '../../platform/access/roles.js';
import { openCategoryOptions } from '../../platform/content/vocabulary.js';
import { afterCatalogueChange } from '../../platform/page-cache/invalidation.js';

// 主动公开目录 (S3): per area of the 五公开, the subject, content, time limit and method; documents are
// classified into it and the public site shows it. The catalogue itself is public information.
export const CatalogueEntry = list<ListTypeInfo<'CatalogueEntry'>>({
  access: {
    operation: { query: () => true, create: managesSite, update: managesSite, delete: managesSite },
  },
  hooks: { afterOperation: afterCatalogueChange },
  ui: {
    label: '主动公开目录',
    singular: '目录事项',
    plural: '主动公开目录',
    labelField: 'subject',
    listView: {
      initialColumns: ['area', 'subject', 'timeLimit', 'method', 'department', 'order'],
      initialSort: { field: 'order', direction: 'ASC' },
    },
  },
  fields: {
    area: select({ ui: { label: '五公开类别' }, type: 'string', options: [...openCategoryOptions], validation: { isRequired: true } }),
    subject: text({ ui: { label: '公开事项' }, validation: { isRequired: true, length: { max: 100 } } }),
    content: text({ ui: { label: '公开内容', displayMode: 'textarea' }, validation: { isRequired: true } }),
    basis: text({ ui: { label: '公开依据', displayMode: 'textarea' } }),
    timeLimit: text({ ui: { label: '公开时限', description: '例如：信息形成或变更之日起20个工作日内' }, validation: { isRequired: true } }),
    method: text({ ui: { label: '公开方式', description: '例如：门户网站、政务新媒体、公开栏' }, validation: { isRequired: true } }),
    department: relationship({ ui: { label: '责任科室' }, ref: 'Department' }),
    order: integer({ ui: { label: '排序' }, defaultValue: 0, validation: { isRequired: true } }),
    documents: relationship({
      ref: 'Document.catalogueEntries',
      many: true,
      ui: { label: '归入本事项的文件', createView: { fieldMode: 'hidden' }, itemView: { fieldMode: 'read' } },
    }),
  },
});
