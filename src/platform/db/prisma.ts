import { JsonNull } from '@prisma/client/runtime/client';
import type { InputJsonValue, ITXClientDenyList, JsonValue } from '@prisma/client/runtime/client';
import type { BaseListTypeInfo, JSONValue, KeystoneConfigPre, KeystoneContext, KeystoneDbAPI } from '@keystone-6/core/types';
import type { TypeInfo } from '../../../generated/keystone/types.ts';
import type { SessionData } from '../access/roles.js';

/*
 * The Prisma client's types, as Keystone's build generates them from the lists (generated/keystone/types.ts,
 * written by `gongkai build`; type-checking needs a build first, as `npm test` does). Both engines' clients
 * are made from the same lists, and the types name the engine built last; code written against them runs on
 * both.
 */

export type PrismaClient = TypeInfo['prisma'];

/**
 * Keystone's context, typed by the lists: `context.prisma`, `context.db` and `context.query` know every
 * list's fields, and `context.session` is ours. Use it wherever a context is taken or made.
 */
export type Context = KeystoneContext<KeystoneTypes>;

/** The type information of the whole configuration: every list's, and our session's. */
export type KeystoneTypes = TypeInfo<SessionData>;

/** The key of a list (Document, Message …). */
export type ListKey = keyof KeystoneTypes['lists'];

/** A list's type information, for `list<ListTypeInfo<'Document'>>({ … })`: its hooks and access get typed items and contexts. */
export type ListTypeInfo<K extends ListKey> = KeystoneTypes['lists'][K];

/**
 * A configuration's lists as Keystone's configuration takes them, each list's types erased: for the
 * wrappers that work on every list (access guards, ownership rules).
 */
export type AnyLists = KeystoneConfigPre<KeystoneTypes>['lists'];

/** A list's database API, named by a key known only at run time. */
export type AnyListDb = KeystoneDbAPI<Record<string, BaseListTypeInfo>>[string];

/**
 * The database API of a list whose key is known only at run time (the guards, links and tasks that work on
 * every list): Keystone types `context.db` by literal key only, so this one is untyped, checked when taken.
 */
export function listDb(context: Context, listKey: string): AnyListDb {
  const lists: Record<string, unknown> = context.db;
  const db = lists[listKey];
  if (!isListDb(db)) throw new Error(`没有列表 ${listKey}`);
  return db;
}

/** A Prisma model's client, untyped: the rows come back as plain records. */
export interface AnyPrismaModel {
  findMany(args: object): Promise<Record<string, unknown>[]>;
  count(args: object): Promise<number>;
}

/**
 * The Prisma client of a model named at run time (`document`, `upstreamItem` …: the list key with a small
 * first letter, or Keystone's `list.prisma.listKey`), for code that works on every list; checked when taken.
 */
export function prismaModel(prisma: PrismaClient | PrismaTransaction, model: string): AnyPrismaModel {
  const delegate: unknown = Reflect.get(prisma, model);
  if (!isPrismaModel(delegate)) throw new Error(`没有数据表 ${model}`);
  return delegate;
}

function isPrismaModel(value: unknown): value is AnyPrismaModel {
  return typeof value === 'object' && value !== null && typeof (value as { findMany?: unknown }).findMany === 'function';
}

function isListDb(value: unknown): value is AnyListDb {
  return typeof value === 'object' && value !== null && typeof (value as { findMany?: unknown }).findMany === 'function';
}

/** The client inside `prisma.$transaction(async (tx) => …)`. */
export type PrismaTransaction = Omit<PrismaClient, ITXClientDenyList>;

/**
 * What a JSON column holds, read back: the value this code wrote, of the writer's type (Prisma types the
 * column JsonValue, which says nothing of its shape).
 */
export function storedJson<T>(value: unknown): T {
  return value as T;
}

/**
 * What a JSON column is given: plain data this code made (a snapshot of a row, a list of findings), which
 * Prisma types only by the shapes JSON allows; the counterpart of `storedJson`.
 */
export function jsonToStore(value: object): InputJsonValue {
  return value as InputJsonValue;
}

/** A JSON value read from one column, as another column's input (a JSON null stays a JSON null). */
export function jsonCopy(value: JsonValue): InputJsonValue | typeof JsonNull {
  return value === null ? JsonNull : value;
}

/** What a JSON field is given through Keystone's API (`context.db`, `context.query`), which types it JSONValue. */
export function jsonToField(value: object): JSONValue {
  return value as JSONValue;
}

/** Empties a nullable JSON column (SQL NULL): Prisma's typed input names it rather than taking `null`. */
export { DbNull as noJson } from '@prisma/client/runtime/client';

/**
 * What code that only reads and writes the database needs of a context: its Prisma client, and `sudo()`.
 * A Keystone context is one; so is `openDatabase`'s (database.ts), a bare Prisma client for a process that
 * does not load Keystone (`gongkai syndicate`).
 */
export interface DatabaseContext {
  prisma: PrismaClient;
  sudo(): DatabaseContext;
}
