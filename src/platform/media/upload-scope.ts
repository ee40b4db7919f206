import type { Context } from '../db/prisma.js';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { logger } from '../logging/logger.js';
import { fileNamedByMedia } from './usage.js';

/*
 * Keystone stores an uploaded file while it resolves a mutation's input, before the hooks validate the item
 * and before access control, the database or another item of the same mutation can refuse it, and it never
 * takes the file back. So every GraphQL mutation runs in a scope that notes the files stored during it; when
 * the mutation has ended, each of them that no Media row names is removed (issue 14 #2: a refused upload
 * leaves nothing behind). It holds for every mutation and every list, nested creates included.
 */

/** What the storage does with a file once the mutation has ended: keep it (a Media row names it) or remove it. */
type Settle = (kept: boolean) => Promise<void>;
const scope = new AsyncLocalStorage<Map<string, Settle>>();

/** Called by the storage for each file it stored. */
export function noteStoredUpload(key: string, settle: Settle): void {
  scope.getStore()?.set(key, settle);
}

/** Runs `work`, then removes the files stored meanwhile that no Media row names. */
export async function removingRefusedUploads<T>(context: Context, work: () => Promise<T>): Promise<T> {
  const stored = new Map<string, Settle>();
  try {
    const result = await scope.run(stored, work);
    // createMany, updateMany and deleteMany answer with one promise per item: the mutation ends when all have.
    if (Array.isArray(result)) await Promise.allSettled(result);
    return result;
  } finally {
    for (const [key, settle] of stored) {
      try {
        await settle(await fileNamedByMedia(context, key));
      } catch (error) {
        logger.error({ err: error, file: key }, 'could not remove a refused upload');
      }
    }
  }
}

/** Wraps every mutation of the GraphQL schema (Keystone's, and any added by extensions) in that scope. */
export function removeRefusedUploads(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve = field.resolve as GraphQLFieldResolver<unknown, Context> | undefined;
    if (!resolve) continue;
    field.resolve = (source, args, context: Context, info) =>
      removingRefusedUploads(context, async () => resolve(source, args, context, info));
  }
  return schema;
}
