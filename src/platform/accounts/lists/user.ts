import { list } from '@keystone-6/core';
import type { ListTypeInfo } from '../../db/prisma.js';
import { checkbox, password, relationship, select, text, timestamp } from '@keystone-6/core/fields';
import { byRole, isAdmin, roleOptions, signedIn, type AccessArgs } from '../../access/roles.js';
import { endOtherSessions } from '../sessions.js';

const ownAccount = ({ session, item }: AccessArgs & { item: { id: unknown } }) => session?.itemId === String(item.id);

// 用户: one role each; the system admin manages accounts, everyone can change their own password.
export const User = list<ListTypeInfo<'User'>>({
  access: {
    operation: { query: signedIn, create: byRole(isAdmin), update: signedIn, delete: byRole(isAdmin) },
    item: { update: (args) => byRole(isAdmin)(args) || ownAccount(args) },
  },
  hooks: {
    // A new password, role or department, or a disabled account: sessions opened under the old ones end.
    afterOperation: async ({ operation, inputData, item, context }) => {
      if (operation !== 'update' || !item) return;
      const changed = (['password', 'role', 'department', 'isActive'] as const).some((field) => inputData?.[field] !== undefined);
      if (changed) await endOtherSessions(context, String(item.id));
    },
  },
  ui: {
    label: '用户',
    singular: '用户',
    plural: '用户',
    labelField: 'name',
    // Names in pinyin order (the Admin UI re-sorts a page of rows sorted by a text column in pinyin).
    listView: { initialColumns: ['name', 'username', 'role', 'department', 'isActive'], initialSort: { field: 'name', direction: 'ASC' } },
  },
  fields: {
    name: text({ ui: { label: '姓名' }, validation: { isRequired: true, length: { max: 50 } } }),
    username: text({
      ui: { label: '登录名' },
      validation: {
        isRequired: true,
        match: { regex: /^[a-zA-Z0-9_.-]{3,40}$/, explanation: '登录名为 3–40 位字母、数字、下划线、点或连字符' },
      },
      isIndexed: 'unique',
    }),
    password: password({
      ui: { label: '密码' },
      validation: { isRequired: true, length: { min: 8 } },
    }),
    role: select({
      type: 'string',
      options: roleOptions,
      defaultValue: 'editor',
      validation: { isRequired: true },
      access: { update: byRole(isAdmin) },
      ui: { label: '角色', displayMode: 'select' },
    }),
    department: relationship({ ui: { label: '所属科室' }, ref: 'Department.users', access: { update: byRole(isAdmin) } }),
    isActive: checkbox({ ui: { label: '启用' }, defaultValue: true, access: { update: byRole(isAdmin) } }),
    createdAt: timestamp({
      defaultValue: { kind: 'now' },
      ui: { label: '创建时间', createView: { fieldMode: 'hidden' }, itemView: { fieldMode: 'read' } },
    }),
  },
});
