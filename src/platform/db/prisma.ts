import type { InputJsonValue, ITXClientDenyList } from '@prisma/client/runtime/client';
import type { KeystoneContext } from '@keystone-6/core/types';
import type { TypeInfo } from '../../../generated/keystone/types.ts';

/*
 * The Prisma client's types, as Keystone's build generates them from the lists (generated/keystone/types.ts,
 * written by `gongkai build`; type-checking needs a build first, as `npm test` does). Both engines' clients
 * are made from the same lists, and the types name the engine built last; code written against them runs on
 * both. Keystone's own context types `prisma` as `any`: `prismaOf` gives it its type.
 */

export type PrismaClient = TypeInfo['prisma'];

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

/** The typed Prisma client of a context (as sudo or not, as the context is). */
export function prismaOf(context: KeystoneContext | DatabaseContext): PrismaClient {
  return context.prisma;
}
