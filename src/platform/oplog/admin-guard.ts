import type { IncomingMessage } from 'node:http';
import type express from 'express';
import { ConfigError } from '../config/env.js';
import { clientAddress } from '../http/request-address.js';
import { ADMIN_ALLOW_ENV, addressAllowed, parseAdminAllowList, refusalMessage, type AdminAllowList } from './allow-list.js';

/*
 * N20: the Admin UI, the staff routes and signed-in API use only from the addresses of
 * GONGKAI_ADMIN_ALLOW. Three doors: the staff paths answer 403 before anything else runs; a session
 * presented from another address is not a session (the API answers as to the public); a sign-in from
 * another address is refused before the password is checked (src/platform/accounts/sign-in.ts).
 */

let cached: { text: string | undefined; list: AdminAllowList } | undefined;

/** The allow-list of the environment; a bad entry stops the server with the reason in Chinese. */
export function adminAllowList(env: NodeJS.ProcessEnv = process.env): AdminAllowList {
  const text = env[ADMIN_ALLOW_ENV];
  if (cached && cached.text === text) return cached.list;
  const { list, problems } = parseAdminAllowList(text);
  if (problems.length) throw new ConfigError(problems.join('；'));
  cached = { text, list };
  return list;
}

/** Whether the request (none: the command line and jobs) may use staff functions. */
export function requestAllowed(req: IncomingMessage | undefined): boolean {
  return !req || addressAllowed(adminAllowList(), clientAddress(req));
}

/** Paths only staff use: the Admin UI (with its assets), the monitor's reports, previews and the log export. */
export const staffPaths = /^\/(admin|monitor\/reports|preview|oplog)(\/|$)/;

const page = (message: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>禁止访问</title></head><body><main><h1>禁止访问（403）</h1><p>${message}</p></main></body></html>`;

/** Refuses the staff paths to addresses outside the list (Express, ahead of the Admin UI and our routes). */
export function adminAccessGuard(): express.RequestHandler {
  adminAllowList();
  return (req, res, next) => {
    if (!staffPaths.test(req.path) || requestAllowed(req)) return next();
    res
      .status(403)
      .set({ 'Cache-Control': 'no-store', 'Content-Type': 'text/html; charset=utf-8' })
      .send(page(refusalMessage(clientAddress(req))));
  };
}
