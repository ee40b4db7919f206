import type { Context } from '../db/prisma.js';
import { getNamedType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { sessionOf } from '../access/roles.js';
import { logger } from '../logging/logger.js';
import { clientAddress } from '../http/request-address.js';
import { actionLabel, type OperationOutcome } from './vocabulary.js';

/*
 * 操作日志 (N20): who did what, in what role, from what address. Every GraphQL mutation — the Admin
 * UI's creates, edits, deletes and workflow steps, sign-in and sign-out — is recorded once it has run,
 * whether it succeeded or was refused, by a wrapper put around every mutation of the schema (so a new
 * list or action is recorded without anyone remembering); exports record themselves with
 * `recordOperation`. The log is append-only: only this module writes it, and no API changes it.
 */

export interface OperationEntry {
  action: string;
  operation: string;
  target: string;
  itemId?: string;
  outcome: OperationOutcome;
  detail?: string;
  /** Who signed in or tried to (the login name typed), when there is no session yet. */
  actor?: string;
  /** The name and role of whoever just signed in (the session starts with the next request). */
  actorName?: string;
  role?: string | null;
}

/** Writes one entry with the caller's identity and address; a failure to write is logged, never hidden from the operator. */
export async function recordOperation(context: Context, entry: OperationEntry, at = new Date()): Promise<void> {
  const session = sessionOf(context);
  try {
    await context.sudo().prisma.operationLog.create({
      data: {
        at,
        actor: (entry.actor ?? session?.data?.username ?? '').slice(0, 100),
        // No request: the scheduler, the command line, the demo's seeding.
        actorName: entry.actorName ?? session?.data?.name ?? (context.req ? '' : '系统'),
        role: entry.role ?? session?.data?.role ?? null,
        address: clientAddress(context.req),
        action: entry.action.slice(0, 100),
        operation: entry.operation.slice(0, 100),
        target: entry.target.slice(0, 200),
        itemId: (entry.itemId ?? '').slice(0, 500),
        outcome: entry.outcome,
        detail: (entry.detail ?? '').slice(0, 1000),
      },
    });
  } catch (error) {
    logger.error({ err: error, entry }, 'operation log entry could not be written');
  }
}

/** Ids of what a mutation touched: from its answer, else from its `where` arguments. */
function itemIds(result: unknown, args: Record<string, unknown>): string {
  const idOf = (v: unknown) => (v && typeof v === 'object' && 'id' in v ? String((v as { id: unknown }).id) : '');
  const fromResult = Array.isArray(result) ? result.map(idOf) : [idOf(result)];
  const where = args.where ?? (Array.isArray(args.data) ? (args.data as { where?: unknown }[]).map((d) => d?.where) : undefined);
  const fromArgs = Array.isArray(where) ? where.map(idOf) : [idOf(where)];
  const ids = fromResult.some(Boolean) ? fromResult : fromArgs;
  return ids.filter(Boolean).join(',');
}

interface ListInfo {
  label: string;
  /** Chinese labels of its item actions, by action key. */
  actions: Record<string, string>;
}

const wrapped = new WeakSet<object>();

/**
 * Records every mutation of `schema`. `lists` is the Keystone lists' configuration, for the Chinese
 * names of lists and of their actions (`submitDocument` is the Document list's `submit`: 提交审核).
 */
export function recordMutations(
  schema: GraphQLSchema,
  lists: Record<string, { ui?: { label?: string }; actions?: Record<string, { ui?: { label?: string } }> }>,
): GraphQLSchema {
  const mutation = schema.getMutationType();
  if (!mutation || !isObjectType(mutation)) return schema;
  const info = new Map<string, ListInfo>(
    Object.entries(lists).map(([key, list]) => [
      key,
      {
        label: list.ui?.label ?? key,
        actions: Object.fromEntries(Object.entries(list.actions ?? {}).map(([k, a]) => [k, a.ui?.label ?? k])),
      },
    ]),
  );
  for (const field of Object.values(mutation.getFields())) {
    if (!field.resolve || wrapped.has(field.resolve)) continue;
    const original: GraphQLFieldResolver<unknown, Context> = field.resolve;
    const listKey = getNamedType(field.type).name;
    const list = info.get(listKey);
    const actionKey =
      list &&
      Object.keys(list.actions).find(
        (k) =>
          field.name === `${k}${listKey}` ||
          (field.name.startsWith(k) && /^[A-Z]/.test(field.name.slice(k.length)) && !/^(create|update|delete)/.test(field.name)),
      );
    const action =
      list && actionKey
        ? `${list.actions[actionKey]}${field.name === `${actionKey}${listKey}` ? '' : '（批量）'}`
        : actionLabel(field.name);
    const signIn = /^authenticate\w+WithPassword$/.test(field.name);
    const target = signIn ? '管理后台' : (list?.label ?? '');
    const resolve: GraphQLFieldResolver<unknown, Context> = async (root, args: Record<string, unknown>, context, resolveInfo) => {
      // The login name typed (never the password) is the actor of a sign-in.
      const actor = signIn ? String(Object.values(args).find((v) => typeof v === 'string') ?? '') : undefined;
      let result: unknown;
      try {
        result = await original(root, args, context, resolveInfo);
      } catch (error) {
        await recordOperation(context, {
          action,
          operation: field.name,
          target,
          itemId: itemIds(undefined, args),
          outcome: 'failure',
          detail: (error as Error)?.message ?? String(error),
          actor,
        });
        throw error;
      }
      if (signIn) {
        const ok = typeof result === 'object' && result !== null && 'sessionToken' in result;
        const message =
          !ok && typeof result === 'object' && result !== null && 'message' in result
            ? String((result as { message: unknown }).message)
            : '';
        const userId = ok ? itemIds((result as { item?: unknown }).item, {}) : '';
        const user = userId
          ? ((await context.sudo().prisma.user.findUnique({ where: { id: userId }, select: { name: true, role: true } })) as {
              name: string;
              role: string;
            } | null)
          : null;
        await recordOperation(context, {
          action: ok ? '登录' : '登录失败',
          operation: field.name,
          target,
          itemId: userId,
          outcome: ok ? 'success' : 'failure',
          detail: message,
          actor,
          actorName: user?.name,
          role: user?.role,
        });
      } else {
        await recordOperation(context, { action, operation: field.name, target, itemId: itemIds(result, args), outcome: 'success' });
      }
      return result;
    };
    field.resolve = resolve;
    wrapped.add(resolve);
  }
  return schema;
}
