import { coerceInputValue, isInputObjectType } from 'graphql';
import type { BaseListTypeInfo, FieldTypeFunc, KeystoneContext } from '@keystone-6/core/types';
import type { AnyLists } from '../db/prisma.js';

/*
 * Filters can never reach what the caller cannot read (trust #3), for every list and field, applied once
 * to the whole schema (src/app/lists.ts), so a list added tomorrow is covered without anyone
 * remembering.
 *
 * Keystone 8.1 applies a list's access filter to the list being queried, and field read access to every
 * field named in a filter, but resolves a relationship's nested filter (`documents: { some: … }`,
 * `uploadedBy: { … }`) against the related table with no access at all: counting columns by their
 * documents' titles revealed draft titles to anonymous visitors by binary search. So:
 *
 * 1. Every relationship filter is narrowed to the related records the caller may read, at every depth:
 *    `some`/`none` match only readable records, `every` ignores unreadable ones, a to-one filter matches
 *    only a readable record, and `null` also matches a related record the caller cannot see (which reads
 *    as null to them). The related list's own access rules (operation and filter) are the only source.
 * 2. A field may be filtered or ordered by only where the caller could read it on every record the filter
 *    could match: a read rule that has to look at the item to decide (e.g. 正文 of a 删减后公开 document)
 *    refuses filtering and ordering to that caller.
 *
 * Access filters written in our access rules are trusted as written, as Keystone trusts a list's own
 * access filter: a relationship inside one (e.g. an editor's 流转记录 by their department's documents)
 * is not narrowed again, which also keeps rules that refer to each other from recursing.
 */

type Where = Record<string, unknown>;
type Lists = AnyLists;
type Field = ReturnType<FieldTypeFunc<BaseListTypeInfo>>;
type ReadAccess = (args: Record<string, unknown>) => boolean | Promise<boolean>;

/** Matches no record. (Not `OR: []`: Prisma 7 drops an empty OR nested in an AND, matching everything.) */
const noRecord: Where = { id: { in: [] } };

/** Where inputs that come from our own access rules (see above). */
const fromAccessRules = new WeakSet<object>();

function markAsAccessRule(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  fromAccessRules.add(value);
  for (const inner of Object.values(value)) markAsAccessRule(inner);
}

/**
 * What of `listKey` the caller may read, as a where input: true (all), false (nothing) or a filter. Made
 * from the list's access rules exactly as Keystone evaluates them for a query of that list.
 */
export async function readableWhere(lists: Lists, listKey: string, context: KeystoneContext): Promise<boolean | Where> {
  if (context.__internal.sudo) return true;
  const access = lists[listKey]?.access;
  if (!access) throw new Error(`没有列表 ${listKey} 的访问规则`);
  const args = { context, session: context.session, listKey, operation: 'query' as const };
  const withKind = { ...args, kind: 'many' as const };
  type Check = (a: typeof withKind) => boolean | Promise<boolean>;
  if (typeof access === 'function') return Boolean(await (access as Check)(withKind));
  const operation = access.operation;
  const query = typeof operation === 'function' ? (operation as Check) : operation.query;
  const allowed = typeof query === 'function' ? await (query as Check)(withKind) : await (query.many as Check)(withKind);
  if (!allowed) return false;
  const filter = access.filter?.query ? await access.filter.query(args) : true;
  if (typeof filter === 'boolean') return filter;
  // As Keystone does with a list's access filter: coerced through the list's where input type.
  const whereType = context.graphql.schema.getType(`${listKey}WhereInput`);
  if (!isInputObjectType(whereType)) throw new Error(`没有 ${listKey}WhereInput 类型`);
  const coerced = coerceInputValue(filter, whereType) as Where;
  markAsAccessRule(coerced);
  return coerced;
}

// Keystone's field-level resolvers get its untyped context (they serve every list).
type WhereResolve = (value: unknown, context: KeystoneContext, foreign: (value: unknown) => unknown) => unknown;

/** 1. A relationship's filter, narrowed to the related records the caller may read. */
function narrowedRelationshipFilter(resolve: WhereResolve, foreignListKey: string, many: boolean, lists: Lists): WhereResolve {
  return async (value, context, foreign) => {
    if (context.__internal.sudo || (value !== null && typeof value === 'object' && fromAccessRules.has(value)))
      return resolve(value, context, foreign);
    const access = await readableWhere(lists, foreignListKey, context);
    if (access === true) return resolve(value, context, foreign);
    const readable = access === false ? noRecord : access;
    if (many) {
      // Keystone's resolver of the related list's filter reads this very object (not its argument), and
      // reads it at once when called. So the operands are narrowed in place only for that call and given
      // back before anything else can run: the same object may be another field's argument too (a GraphQL
      // variable), and Keystone later checks the caller's filter access on what the caller wrote. (Made for
      // Keystone 8.1.0; the hostile suite fails if a later version reads it otherwise.)
      const filter = value as Record<string, unknown>;
      const asGiven = { ...filter };
      const narrowed: Record<string, (operand: unknown) => Where> = {
        some: (operand) => ({ AND: [operand, readable] }),
        none: (operand) => ({ AND: [operand, readable] }),
        every: (operand) => ({ OR: [operand, { NOT: [readable] }] }),
      };
      // Null operands are left as they are: Keystone refuses them with its own message.
      for (const [operator, narrow] of Object.entries(narrowed)) if (filter[operator] != null) filter[operator] = narrow(filter[operator]);
      let resolved: unknown;
      try {
        resolved = resolve(filter, context, foreign);
      } finally {
        Object.assign(filter, asGiven);
      }
      return resolved;
    }
    // "No related record" is also what a caller sees when the related record is not theirs to read.
    if (value === null) return { NOT: [await foreign(readable)] };
    return resolve({ AND: [value, readable] }, context, foreign);
  };
}

/** 2. Filter and order access that never depends on the item: a rule that looks at the item refuses. */
function withoutItem(read: ReadAccess): ReadAccess {
  return async (args) => {
    let looked = false;
    const look = () => {
      looked = true;
      return undefined;
    };
    const item = new Proxy({}, { get: look, has: () => Boolean(look()), ownKeys: () => (look(), []), getOwnPropertyDescriptor: look });
    const answer = await read({ ...args, item });
    return looked ? false : answer;
  };
}

type FieldAccess = Field['access'];

function guardedFieldAccess(access: FieldAccess): FieldAccess {
  if (!access) return access;
  const read = (typeof access === 'function' ? access : access.read) as
    ReadAccess | { item: ReadAccess; filter: ReadAccess; order: ReadAccess } | undefined;
  if (!read) return access;
  const parts = typeof read === 'function' ? { item: read, filter: read, order: read } : read;
  const guardedRead = { item: parts.item, filter: withoutItem(parts.filter), order: withoutItem(parts.order) };
  const rest = typeof access === 'function' ? { create: access, update: access } : access;
  return { ...rest, read: guardedRead } as FieldAccess;
}

function guardedField(fieldFunc: FieldTypeFunc<BaseListTypeInfo>, lists: Lists): FieldTypeFunc<BaseListTypeInfo> {
  return (meta) => {
    const field = fieldFunc(meta);
    const guarded: Field = { ...field, access: guardedFieldAccess(field.access) };
    const where = field.input?.where as { resolve?: WhereResolve } | undefined;
    if (field.dbField.kind !== 'relation' || !where?.resolve) return guarded;
    const resolve = narrowedRelationshipFilter(where.resolve, field.dbField.list, field.dbField.mode === 'many', lists);
    return { ...guarded, input: { ...field.input, where: { ...field.input!.where!, resolve } } } as Field;
  };
}

/** Every list with the two rules above applied to every field (and to the list's field defaults). */
export function guardFiltersByAccess<T extends Lists>(lists: T): T {
  const guarded: Lists = {};
  for (const [listKey, list] of Object.entries(lists)) {
    const fields = Object.fromEntries(
      // `__group…` entries are form sections, not fields.
      Object.entries(list.fields).map(([key, value]) => [key, typeof value === 'function' ? guardedField(value, lists) : value]),
    );
    const fieldDefaults = list.fieldDefaults?.access
      ? { ...list.fieldDefaults, access: guardedFieldAccess(list.fieldDefaults.access) }
      : list.fieldDefaults;
    guarded[listKey] = { ...list, fields, fieldDefaults };
  }
  return guarded as T;
}
