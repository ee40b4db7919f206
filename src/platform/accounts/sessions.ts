import { createHash, randomBytes } from 'node:crypto';
import { statelessSessions } from '@keystone-6/core/session';
import type { SessionStrategy } from '@keystone-6/core/types';
import type { Context, KeystoneTypes } from '../db/prisma.js';
import { clientAddress } from '../http/request-address.js';
import { requestAllowed } from '../oplog/admin-guard.js';

/*
 * Sessions kept on the server (issue 14 #13). The cookie carries only a random session id sealed with
 * the session secret; the database keeps its SHA-256 with the user and the expiry. Signing out deletes
 * the row, so the old cookie opens nothing any more, on every instance; a session also ends at its
 * expiry whatever the cookie says. Expired rows are deleted whenever someone signs in.
 */

interface Sealed {
  sid: string;
}

export interface ServerSessionOptions {
  /** Asked at the first request, not when the configuration is built (a build must not make the data directory's secret). */
  secret: () => string;
  cookieName: string;
  /** Seconds a session lasts after sign-in. */
  maxAge: number;
  now?: () => Date;
}

const hashOf = (sid: string) => createHash('sha256').update(sid).digest('hex');

/** What the strategy gives Keystone's auth: the user, and which of their sessions this request is in. */
export interface ServerSession {
  itemId: string;
  /** SHA-256 of this session's id: lets a password change end the user's other sessions and keep this one. */
  sessionHash: string;
}

export function serverSessions({
  secret,
  cookieName,
  maxAge,
  now = () => new Date(),
}: ServerSessionOptions): SessionStrategy<ServerSession, KeystoneTypes> {
  // Secure cookies (HTTPS only) when the operator runs in production, decided now as before: later, the
  // Admin UI's server sets NODE_ENV=production even on a plain-HTTP intranet install.
  const secure = process.env.NODE_ENV === 'production';
  let sealed: ReturnType<typeof statelessSessions<Sealed>> | undefined;
  const cookie = () => (sealed ??= statelessSessions<Sealed>({ secret: secret(), cookieName, maxAge, secure }));
  const rows = (context: Context) => context.sudo().prisma.userSession;
  const sessionId = async (context: Context): Promise<string | null> => {
    const data = (await cookie().get({ context })) as Partial<Sealed> | undefined;
    return typeof data?.sid === 'string' && data.sid ? data.sid : null;
  };
  return {
    async get({ context }) {
      // N20: a session presented from outside GONGKAI_ADMIN_ALLOW is not one: the API answers as to the public.
      if (!requestAllowed(context.req)) return undefined;
      const sid = await sessionId(context);
      if (!sid) return undefined;
      const sessionHash = hashOf(sid);
      const row = await rows(context).findUnique({
        where: { tokenHash: sessionHash },
        select: { userId: true, expiresAt: true },
      });
      if (!row?.userId || row.expiresAt.getTime() <= now().getTime()) return undefined;
      return { itemId: row.userId, sessionHash };
    },
    async start({ context, data }) {
      const at = now();
      await rows(context).deleteMany({ where: { expiresAt: { lte: at } } });
      const sid = randomBytes(24).toString('base64url');
      await rows(context).create({
        data: {
          tokenHash: hashOf(sid),
          userId: data.itemId,
          address: clientAddress(context.req),
          createdAt: at,
          expiresAt: new Date(at.getTime() + maxAge * 1000),
        },
      });
      return cookie().start({ context, data: { sid } });
    },
    async end({ context }) {
      const sid = await sessionId(context);
      if (sid) await rows(context).deleteMany({ where: { tokenHash: hashOf(sid) } });
      await cookie().end({ context });
    },
  };
}

/**
 * Ends a user's sessions on every instance, all but the one this request runs in when it is the user's own
 * (who changes their password stays signed in where they did it; a stolen cookie elsewhere stops working).
 */
export async function endOtherSessions(context: Context, userId: string): Promise<number> {
  const session = context.session as Partial<ServerSession> | undefined;
  const keep = session?.itemId === userId && session.sessionHash ? session.sessionHash : null;
  const ended = await context.sudo().prisma.userSession.deleteMany({ where: { userId, ...(keep ? { NOT: { tokenHash: keep } } : {}) } });
  return ended.count;
}
