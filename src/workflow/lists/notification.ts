import { list } from '@keystone-6/core';
import type { ListTypeInfo } from '../../platform/db/prisma.js';
import { checkbox, relationship, select, text, timestamp } from '@keystone-6/core/fields';
import { memberOf, sessionOf, signedIn } from '../../platform/access/roles.js';
import { readOnly } from '../../platform/admin-ui/ui-modes.js';
import { notificationKindOptions } from '../core/notifications.js';

/** Only one's own notifications: nobody, the admin included, reads another person's. */
const ownOnly = (args: { session?: unknown }) => ({ recipient: { id: { equals: memberOf(sessionOf(args))?.id ?? '' } } });
const byWorkflowOnly = { create: () => false, update: () => false };

// 通知: what the workflow tells a person (a return to the drafter, a submission to the next reviewer).
// Written by the workflow only (operations/notifications.ts); the recipient can only mark it read.
export const Notification = list<ListTypeInfo<'Notification'>>({
  graphql: { omit: { create: true, delete: true } },
  access: {
    operation: { query: signedIn, create: () => false, update: signedIn, delete: () => false },
    filter: { query: ownOnly, update: ownOnly },
  },
  ui: {
    label: '通知',
    singular: '通知',
    plural: '通知',
    labelField: 'message',
    hideCreate: true,
    hideDelete: true,
    listView: {
      initialColumns: ['read', 'kind', 'itemTitle', 'message', 'createdAt'],
      initialSort: { field: 'createdAt', direction: 'DESC' },
    },
  },
  fields: {
    recipient: relationship({ ref: 'User', access: byWorkflowOnly, ui: { label: '接收人', ...readOnly } }),
    kind: select({ type: 'string', options: [...notificationKindOptions], access: byWorkflowOnly, ui: { label: '类型', ...readOnly } }),
    itemTitle: text({ access: byWorkflowOnly, ui: { label: '标题', ...readOnly } }),
    message: text({ access: byWorkflowOnly, ui: { label: '内容', displayMode: 'textarea', ...readOnly } }),
    document: relationship({ ref: 'Document', access: byWorkflowOnly, ui: { label: '文件', ...readOnly } }),
    interpretation: relationship({ ref: 'Interpretation', access: byWorkflowOnly, ui: { label: '解读', ...readOnly } }),
    read: checkbox({ defaultValue: false, access: { create: () => false }, ui: { label: '已读' } }),
    createdAt: timestamp({ defaultValue: { kind: 'now' }, access: byWorkflowOnly, ui: { label: '时间', ...readOnly } }),
  },
});
