import { list } from '@keystone-6/core';
import type { ListTypeInfo } from '../../db/prisma.js';
import { text, timestamp } from '@keystone-6/core/fields';

// 已用表单令牌 (issue 14 #13): each public-form token is accepted once, on every instance. Not in the
// GraphQL API or the Admin UI; written only by the form guard (src/platform/public-forms/form-tokens.ts).
export const UsedFormToken = list<ListTypeInfo<'UsedFormToken'>>({
  graphql: { omit: true },
  access: { operation: { query: () => false, create: () => false, update: () => false, delete: () => false } },
  fields: {
    // SHA-256 of the token: unique, so two posts of one token, even to two instances, store one row.
    tokenHash: text({ isIndexed: 'unique', validation: { isRequired: true } }),
    form: text(),
    // When the token would have expired anyway: the row is useless after that and is deleted.
    expiresAt: timestamp({ isIndexed: true, validation: { isRequired: true } }),
  },
});
