import { list } from '@keystone-6/core';
import type { ListTypeInfo } from '../../db/prisma.js';
import { integer, relationship, text } from '@keystone-6/core/fields';
import { byRole, isAdmin, signedIn } from '../../access/roles.js';

// 科室（单位）: drafting departments own their documents and interpretations.
export const Department = list<ListTypeInfo<'Department'>>({
  access: {
    operation: { query: signedIn, create: byRole(isAdmin), update: byRole(isAdmin), delete: byRole(isAdmin) },
  },
  ui: {
    label: '科室（单位）',
    singular: '科室',
    plural: '科室（单位）',
    labelField: 'name',
    // Searched by name and code only: a search over 群机器人, which only the admin may read, was refused for
    // everyone else, and every department picker showed 加载失败 as soon as one typed.
    searchFields: ['name', 'code'],
    listView: { initialColumns: ['name', 'code', 'order'], initialSort: { field: 'order', direction: 'ASC' } },
  },
  fields: {
    name: text({ ui: { label: '名称' }, validation: { isRequired: true, length: { max: 100 } }, isIndexed: 'unique' }),
    code: text({
      ui: { label: '代码' },
      validation: {
        isRequired: true,
        match: { regex: /^[a-z][a-z0-9-]*$/, explanation: '代码只能包含小写字母、数字和连字符，并以字母开头' },
      },
      isIndexed: 'unique',
    }),
    order: integer({ ui: { label: '排序' }, defaultValue: 0 }),
    // 科室的群机器人: workflow notices for this department's people (退文, 待审核) also go to its group.
    robotWebhooks: text({
      ui: {
        label: '群机器人',
        displayMode: 'textarea',
        description: '每行一个：企业微信 网址，或 钉钉 网址 [加签密钥]。本科室人员的流转通知（退文、待审核）同时发到这些群',
      },
      // The webhook addresses carry the robots' keys: only the admin reads or sets them.
      access: { read: byRole(isAdmin), create: byRole(isAdmin), update: byRole(isAdmin) },
    }),
    users: relationship({ ref: 'User.department', many: true, ui: { label: '人员', createView: { fieldMode: 'hidden' } } }),
  },
});
