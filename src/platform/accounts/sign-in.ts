import type { Context, PrismaClient } from '../db/prisma.js';
import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { formatChinaTime } from '../calendar/china-time.js';
import { clientAddress, userAgentOf } from '../http/request-address.js';
import { requestAllowed } from '../oplog/admin-guard.js';
import { refusalMessage } from '../oplog/allow-list.js';
import type { SignInOutcome } from './sign-in-vocabulary.js';

/*
 * Sign-in limits (issue 14 #8). Every password sign-in is recorded (登录记录) with its address and
 * time before the password is checked; too many failures for one account, or from one address, within
 * the window lock further attempts until the oldest counted failure leaves the window, and a locked
 * attempt never checks the password, so even the right one does not sign in. The counts are rows in
 * the database, so the limits hold across instances; each attempt is recorded before it counts the
 * others, so a burst of parallel guesses gets at most the allowed number checked. A success clears
 * its account's count (not its address's).
 */

export interface SignInLimits {
  windowMs: number;
  /** Failures of one login name within the window that lock it. */
  perAccount: number;
  /** Failures from one address within the window that lock it. */
  perAddress: number;
}

export const defaultSignInLimits: SignInLimits = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 20 };

/** The failure every refused password gets, whether the login name exists or not. */
export const wrongPasswordMessage = '登录名或密码不正确';

const counted: SignInOutcome[] = ['pending', 'failure'];

type Records = PrismaClient['signInRecord'];

/** When the oldest of the last `limit` failures leaves the window, or null when fewer are counted. */
async function lockedUntil(
  records: Records,
  where: { username: string } | { address: string },
  ownId: string,
  since: Date,
  limit: number,
  windowMs: number,
): Promise<Date | null> {
  const recent = await records.findMany({
    where: { ...where, id: { not: ownId }, outcome: { in: counted }, at: { gt: since } },
    orderBy: { at: 'desc' },
    take: limit,
    select: { id: true, at: true },
  });
  // Every row counted has its time (the filter on `at` leaves out none that lack one).
  const oldest = recent.length >= limit ? recent[limit - 1].at : null;
  return oldest ? new Date(oldest.getTime() + windowMs) : null;
}

export interface LockOut {
  until: Date;
  by: 'account' | 'address';
}

/** Chinese, saying until when and what to do. */
export function lockOutMessage(lock: LockOut): string {
  const who = lock.by === 'account' ? '该账号' : '您所在网络地址';
  return `${who}登录失败次数过多，已暂时锁定：请于 ${formatChinaTime(lock.until)}（北京时间）之后再试；如忘记密码，请联系系统管理员重置。`;
}

/**
 * Records an attempt as pending and says whether it is locked out (issue 14 #8). The caller checks the
 * password only when it is not, then settles the record with `settleSignIn`.
 */
export async function beginSignIn(
  context: Context,
  username: string,
  limits: SignInLimits = defaultSignInLimits,
  now = new Date(),
): Promise<{ id: string; lock: LockOut | null }> {
  const records = context.sudo().prisma.signInRecord;
  const address = clientAddress(context.req);
  // What was typed, cut to a length worth keeping: the count is per name typed, existing or not.
  const name = username.slice(0, 100);
  const own = await records.create({
    data: { username: name, address, userAgent: userAgentOf(context.req), outcome: 'pending', at: now },
  });
  const windowStart = new Date(now.getTime() - limits.windowMs);
  const lastSuccess = await records.findFirst({
    where: { username: name, outcome: 'success', at: { gt: windowStart } },
    orderBy: { at: 'desc' },
    select: { id: true, at: true },
  });
  const accountUntil = await lockedUntil(
    records,
    { username: name },
    own.id,
    lastSuccess?.at ?? windowStart,
    limits.perAccount,
    limits.windowMs,
  );
  const addressUntil = address ? await lockedUntil(records, { address }, own.id, windowStart, limits.perAddress, limits.windowMs) : null;
  const lock: LockOut | null =
    accountUntil && (!addressUntil || accountUntil >= addressUntil)
      ? { until: accountUntil, by: 'account' }
      : addressUntil
        ? { until: addressUntil, by: 'address' }
        : null;
  if (lock) await settleSignIn(context, own.id, 'locked');
  return { id: own.id, lock };
}

export async function settleSignIn(context: Context, id: string, outcome: SignInOutcome): Promise<void> {
  await context.sudo().prisma.signInRecord.update({ where: { id }, data: { outcome } });
}

const guarded = new WeakSet<object>();

/**
 * Puts the limits in front of every password sign-in mutation of the schema (authenticate…WithPassword,
 * whatever list it signs in): generated from the schema, so another auth list is guarded as well.
 */
export function guardSignIns(
  schema: GraphQLSchema,
  limits: SignInLimits = defaultSignInLimits,
  clock: () => Date = () => new Date(),
): GraphQLSchema {
  const mutation = schema.getMutationType();
  if (!mutation || !isObjectType(mutation)) return schema;
  for (const field of Object.values(mutation.getFields())) {
    // A field shared by Keystone's schemas is guarded once.
    if (!/^authenticate\w+WithPassword$/.test(field.name) || !field.resolve || guarded.has(field.resolve)) continue;
    const original: GraphQLFieldResolver<unknown, Context> = field.resolve;
    const identityArg = field.args[0]?.name;
    field.resolve = async (root, args: Record<string, unknown>, context: Context, info) => {
      const username = typeof args[identityArg] === 'string' ? (args[identityArg] as string) : '';
      // N20: from outside GONGKAI_ADMIN_ALLOW no password is checked at all.
      if (!requestAllowed(context.req)) return { code: 'FAILURE', message: refusalMessage(clientAddress(context.req)) };
      const attempt = await beginSignIn(context, username, limits, clock());
      if (attempt.lock) return { code: 'FAILURE', message: lockOutMessage(attempt.lock) };
      let result: unknown;
      try {
        result = await original(root, args, context, info);
      } catch (error) {
        await settleSignIn(context, attempt.id, 'failure');
        throw error;
      }
      const ok = typeof result === 'object' && result !== null && 'sessionToken' in result;
      await settleSignIn(context, attempt.id, ok ? 'success' : 'failure');
      return ok ? result : { code: 'FAILURE', message: wrongPasswordMessage };
    };
    guarded.add(field.resolve);
  }
  return schema;
}
