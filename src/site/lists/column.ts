import { list } from '@keystone-6/core';
import type { ListTypeInfo } from '../../platform/db/prisma.js';
import { integer, relationship, select, text } from '@keystone-6/core/fields';
import { managesSite, signedIn } from '../../platform/access/roles.js';
import { columnKindOptions } from '../../platform/content/vocabulary.js';
import { afterSiteWideChange } from '../../platform/page-cache/invalidation.js';

// 栏目: a tree; its kind sets the update period the inspection expects (N3).
export const Column = list<ListTypeInfo<'Column'>>({
  access: {
    operation: { query: () => true, create: managesSite, update: managesSite, delete: managesSite },
    // The public sees public columns only.
    filter: { query: (args) => (signedIn(args) ? true : { visibility: { equals: 'public' } }) },
  },
  ui: {
    label: '栏目',
    singular: '栏目',
    plural: '栏目',
    labelField: 'name',
    listView: {
      initialColumns: ['name', 'slug', 'parent', 'kind', 'visibility', 'order'],
      initialSort: { field: 'order', direction: 'ASC' },
    },
  },
  fields: {
    name: text({ ui: { label: '栏目名称' }, validation: { isRequired: true, length: { max: 50 } } }),
    slug: text({
      isIndexed: 'unique',
      validation: { isRequired: true, match: { regex: /^[a-z0-9][a-z0-9-]*$/, explanation: '路径名只能包含小写字母、数字和连字符' } },
      ui: { label: '路径名', description: '用于网址，例如 mzdt 对应 /columns/mzdt' },
    }),
    parent: relationship({ ui: { label: '上级栏目' }, ref: 'Column.children' }),
    children: relationship({
      ref: 'Column.parent',
      many: true,
      ui: { label: '下级栏目', createView: { fieldMode: 'hidden' }, itemView: { fieldMode: 'read' } },
    }),
    kind: select({
      ui: { label: '栏目类型' },
      type: 'string',
      options: [...columnKindOptions],
      defaultValue: 'news',
      validation: { isRequired: true },
    }),
    visibility: select({
      ui: { label: '可见范围' },
      type: 'string',
      options: [
        { value: 'public', label: '公开' },
        { value: 'internal', label: '内部' },
      ],
      defaultValue: 'public',
      validation: { isRequired: true },
    }),
    order: integer({ ui: { label: '排序' }, defaultValue: 0, validation: { isRequired: true } }),
    description: text({
      ui: {
        label: '栏目说明',
        displayMode: 'textarea',
        description: '网页元数据 ColumnDescription（N18）；空着时为“网站名称+栏目名称+栏目”',
      },
    }),
    // N18: ColumnKeywords of the national web-page specification.
    keywords: text({
      ui: { label: '栏目关键词', description: '网页元数据 ColumnKeywords（N18），多个用逗号分隔；空着时为栏目名称和栏目类型' },
      validation: { length: { max: 100 } },
    }),
    documents: relationship({
      ref: 'Document.columns',
      many: true,
      ui: { label: '文档', createView: { fieldMode: 'hidden' }, itemView: { fieldMode: 'read' } },
    }),
  },
  hooks: {
    afterOperation: afterSiteWideChange,
    validate: async ({ operation, resolvedData, item, context, addValidationError }) => {
      if (operation === 'delete') return;
      // A column cannot become its own ancestor.
      const parentId = (resolvedData.parent as { connect?: { id: string } } | undefined)?.connect?.id;
      if (!parentId || !item) return;
      let cursor: string | null = parentId;
      for (let depth = 0; cursor && depth < 20; depth++) {
        if (cursor === item.id) return addValidationError('上级栏目不能是本栏目或其下级栏目');
        const parent: { parentId: string | null } | null = await context.prisma.column.findUnique({
          where: { id: cursor },
          select: { parentId: true },
        });
        cursor = parent?.parentId ?? null;
      }
    },
  },
});
