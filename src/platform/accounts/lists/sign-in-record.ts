import { list } from '@keystone-6/core';
import type { ListTypeInfo } from '../../db/prisma.js';
import { select, text, timestamp } from '@keystone-6/core/fields';
import { managesSite } from '../../access/roles.js';
import { signInOutcomeOptions } from '../sign-in-vocabulary.js';
import { readOnly } from '../../admin-ui/ui-modes.js';

// 登录记录 (issue 14 #8): every sign-in, refused or not, with the address it came from. Written only by
// the sign-in guard (src/platform/accounts/sign-in.ts); read by the system admin and the info-construction section.
export const SignInRecord = list<ListTypeInfo<'SignInRecord'>>({
  // No mutation exists to change the record, not even for the admin.
  graphql: { omit: { create: true, update: true, delete: true } },
  access: { operation: { query: managesSite, create: () => false, update: () => false, delete: () => false } },
  ui: {
    label: '登录记录',
    singular: '登录记录',
    plural: '登录记录',
    labelField: 'username',
    hideCreate: true,
    hideDelete: true,
    listView: { initialColumns: ['at', 'username', 'outcome', 'address', 'userAgent'], initialSort: { field: 'at', direction: 'DESC' } },
  },
  fields: {
    username: text({ isIndexed: true, ui: { label: '登录名', description: '登录时填写的登录名（不一定是已有账号）', ...readOnly } }),
    outcome: select({ type: 'string', options: [...signInOutcomeOptions], defaultValue: 'pending', ui: { label: '结果', ...readOnly } }),
    address: text({ isIndexed: true, ui: { label: '网络地址', ...readOnly } }),
    userAgent: text({ ui: { label: '浏览器', ...readOnly } }),
    at: timestamp({ isIndexed: true, defaultValue: { kind: 'now' }, ui: { label: '时间', ...readOnly } }),
  },
});
