import { expect, test } from '@jest/globals';
import { list } from '@keystone-6/core';
import { allowAll } from '@keystone-6/core/access';
import { text } from '@keystone-6/core/fields';
import type { BaseListTypeInfo, FieldTypeFunc } from '@keystone-6/core/types';
import { guardFiltersByAccess } from '../../../src/platform/access/filter-guard.js';

type ReadRule = (args: Record<string, unknown>) => boolean | Promise<boolean>;

/** The field as Keystone initialises it from the guarded list. */
function guardedNote(read: ReadRule) {
  const lists = guardFiltersByAccess({ Thing: list({ access: allowAll, fields: { note: text({ access: { read: read as never } }) } }) });
  const field = (lists.Thing.fields.note as FieldTypeFunc<BaseListTypeInfo>)({
    fieldKey: 'note',
    listKey: 'Thing',
    lists: {},
    provider: 'sqlite',
  } as never);
  return field.access as unknown as { read: { item: ReadRule; filter: ReadRule; order: ReadRule } };
}

test('trust #3: a field read rule that looks at the item refuses filtering and ordering to those it does not simply allow', async () => {
  const access = guardedNote((args) => Boolean(args.session) || (args.item as { status?: string } | undefined)?.status !== 'draft');
  // Anonymous: readable on some items only, so neither a filter nor an order may reach the others.
  expect(await access.read.filter({ session: undefined })).toBe(false);
  expect(await access.read.order({ session: undefined })).toBe(false);
  // Signed in: readable on every item, whatever it is.
  expect(await access.read.filter({ session: { itemId: '1' } })).toBe(true);
  expect(await access.read.order({ session: { itemId: '1' } })).toBe(true);
  // Reading an item is decided as before.
  expect(await access.read.item({ session: undefined, item: { status: 'published' } })).toBe(true);
  expect(await access.read.item({ session: undefined, item: { status: 'draft' } })).toBe(false);
});

test('trust #3: a field read rule that does not look at the item filters and orders as it reads', async () => {
  const access = guardedNote((args) => Boolean(args.session));
  expect(await access.read.filter({ session: undefined })).toBe(false);
  expect(await access.read.filter({ session: { itemId: '1' } })).toBe(true);
});
