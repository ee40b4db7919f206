import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { dataDirectory } from '../config/env.js';
import { clientAddress } from '../platform/request-address.js';
import { formatCombined } from './combined-log.js';

/*
 * The public access log (N20, and the visit statistics of N17): every request the embedded server
 * answers, one line in nginx's combined format, appended to logs/access.log in the data directory
 * (GONGKAI_ACCESS_LOG for another file, `off` for none, e.g. when nginx in front keeps it). The daily
 * job (log-maintenance.ts) rotates it into access-YYYY-MM-DD.log.gz and deletes what is past retention.
 */

export const ACCESS_LOG_ENV = 'GONGKAI_ACCESS_LOG';

export function logDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(dataDirectory(env), 'logs');
}

/** The access log file, or null when it is turned off. */
export function accessLogFile(env: NodeJS.ProcessEnv = process.env): string | null {
  const value = env[ACCESS_LOG_ENV]?.trim();
  if (value === 'off') return null;
  return value ? path.resolve(value) : path.join(logDirectory(env), 'access.log');
}

/** The line of one answered request; the address as Express reads it (GONGKAI_TRUST_PROXY), the time it arrived. */
export function accessLine(req: IncomingMessage, res: ServerResponse, at: Date): string {
  const header = (name: string) => {
    const v = req.headers[name];
    return typeof v === 'string' ? v : '';
  };
  return formatCombined({
    address: clientAddress(req), user: '', at, method: req.method ?? '', target: (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '',
    protocol: `HTTP/${req.httpVersion}`, status: res.statusCode, bytes: Number(res.getHeader('content-length') ?? 0) || 0,
    referer: header('referer'), userAgent: header('user-agent'),
  });
}

/** Appends a line per answered request. Reopened after the daily rotation moved the file away. */
export function writeAccessLog(server: Server, file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let stream = fs.createWriteStream(file, { flags: 'a' });
  let inode = fs.statSync(file).ino;
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const at = new Date();
    res.once('finish', () => {
      // Rotation renames the file: a new one is opened at the old name.
      const current = fs.statSync(file, { throwIfNoEntry: false });
      if (!current || current.ino !== inode) {
        stream.end();
        stream = fs.createWriteStream(file, { flags: 'a' });
        inode = fs.statSync(file).ino;
      }
      stream.write(`${accessLine(req, res, at)}\n`);
    });
  });
  server.on('close', () => stream.end());
}
