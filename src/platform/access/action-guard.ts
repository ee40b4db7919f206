import { GraphQLError } from 'graphql';
import type { BaseListTypeInfo, ListConfig } from '@keystone-6/core/types';
import { listDb, type AnyLists, type Context } from '../db/prisma.js';

/*
 * Every action of every list (the workflow steps, the queue's decisions, replies, extensions, reports …)
 * checks access per record with the caller's own context (trust #4), applied once to the whole schema
 * (src/app/lists.ts) so an action added tomorrow is covered:
 *
 * - before it runs, the caller must be able to read the record named: a record they cannot read is
 *   refused exactly as one that does not exist, so no action tells the two apart;
 * - what it returns is read again with the caller's context (the actions do their work through sudo):
 *   the caller gets only what they may read, and nothing when the record is no longer theirs to read.
 *
 * Whether the caller may take the step is still the action's own decision.
 */

type Lists = AnyLists;
type Action = NonNullable<ListConfig<BaseListTypeInfo>['actions']>[string];
type ResolveArgs = Parameters<Action['resolve']>[0];

/** The refusal of an action on a record the caller cannot read, or that does not exist: one answer for both. */
export function notReadable(listLabel: string, actionLabel: string): GraphQLError {
  // Keystone's own code for an item that is not the caller's to change ("it may not exist").
  return new GraphQLError(`无法对该${listLabel}执行“${actionLabel}”：它可能不存在，或您没有权限`, {
    extensions: { code: 'KS_ACCESS_DENIED' },
  });
}

export function guardActionsByAccess<T extends Lists>(lists: T): T {
  const guarded: Lists = {};
  for (const [listKey, list] of Object.entries(lists)) {
    if (!list.actions) {
      guarded[listKey] = list;
      continue;
    }
    const listLabel = list.ui?.singular ?? list.ui?.label ?? listKey;
    const actions = Object.fromEntries(
      Object.entries(list.actions).map(([actionKey, action]) => {
        const actionLabel = action.ui?.label ?? actionKey;
        const resolve = async (args: ResolveArgs, context: Context) => {
          const db = listDb(context, listKey);
          if (!(await db.findOne({ where: args.where }))) throw notReadable(listLabel, actionLabel);
          const result = await action.resolve(args, context);
          return result ? db.findOne({ where: { id: String(result.id) } }) : result;
        };
        return [actionKey, { ...action, resolve }];
      }),
    );
    guarded[listKey] = { ...list, actions };
  }
  return guarded as T;
}
