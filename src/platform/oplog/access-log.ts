import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { dataDirectory } from '../config/env.js';
import { clientAddress } from '../http/request-address.js';
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

/** The line of one answered request; the address as Express reads it (GONGKAI_TRUST_PROXY), the time it arrived, the body bytes sent. */
export function accessLine(req: IncomingMessage, res: ServerResponse, at: Date, bytes: number): string {
  const header = (name: string) => {
    const v = req.headers[name];
    return typeof v === 'string' ? v : '';
  };
  return formatCombined({
    address: clientAddress(req),
    user: '',
    at,
    method: req.method ?? '',
    target: (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '',
    protocol: `HTTP/${req.httpVersion}`,
    status: res.statusCode,
    bytes,
    referer: header('referer'),
    userAgent: header('user-agent'),
  });
}

/**
 * Appends a line per answered request, written at once (a small synchronous write: nothing is lost in a
 * crash, and the line is in the file when the response has ended). Reopened after the daily rotation
 * moved the file away.
 */
export function writeAccessLog(server: Server, file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const open = () => {
    const fd = fs.openSync(file, 'a');
    return { fd, inode: fs.fstatSync(fd).ino };
  };
  let log = open();
  // First of the server's listeners: the answers served ahead of Express (published files, page cache) are logged too.
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const at = new Date();
    // $body_bytes_sent: what the handlers write, counted as they write it.
    let bytes = 0;
    const count = (chunk: unknown, encoding: unknown) => {
      if (typeof chunk === 'string')
        bytes += Buffer.byteLength(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
      else if (chunk instanceof Uint8Array) bytes += chunk.byteLength;
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.write = ((...args: unknown[]) => {
      count(args[0], args[1]);
      return write(...args);
    }) as ServerResponse['write'];
    res.end = ((...args: unknown[]) => {
      if (typeof args[0] !== 'function') count(args[0], args[1]);
      return end(...args);
    }) as ServerResponse['end'];
    res.once('finish', () => {
      // Rotation renames the file: a new one is opened at the old name.
      const current = fs.statSync(file, { throwIfNoEntry: false });
      if (!current || current.ino !== log.inode) {
        fs.closeSync(log.fd);
        log = open();
      }
      fs.writeSync(log.fd, `${accessLine(req, res, at, req.method === 'HEAD' ? 0 : bytes)}\n`);
    });
  });
  server.on('close', () => fs.closeSync(log.fd));
}
