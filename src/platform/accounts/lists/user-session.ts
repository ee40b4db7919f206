import { list } from '@keystone-6/core';
import type { ListTypeInfo } from '../../db/prisma.js';
import { text, timestamp } from '@keystone-6/core/fields';

// 登录会话 (issue 14 #13): the server side of each sign-in, so signing out ends it everywhere. Not in the
// GraphQL API or the Admin UI at all; read and written only by the session strategy (src/platform/accounts/sessions.ts).
export const UserSession = list<ListTypeInfo<'UserSession'>>({
  graphql: { omit: true },
  access: { operation: { query: () => false, create: () => false, update: () => false, delete: () => false } },
  fields: {
    // SHA-256 of the random session id sealed in the cookie: the table alone opens no session.
    tokenHash: text({ isIndexed: 'unique', validation: { isRequired: true } }),
    userId: text({ isIndexed: true }),
    address: text(),
    createdAt: timestamp({ defaultValue: { kind: 'now' } }),
    expiresAt: timestamp({ isIndexed: true, validation: { isRequired: true } }),
  },
});
