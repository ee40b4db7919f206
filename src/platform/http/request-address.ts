import type { IncomingMessage } from 'node:http';

/**
 * The visitor's address: Express's `req.ip`, which follows GONGKAI_TRUST_PROXY behind nginx, else the
 * socket's peer. Empty when there is no request (the command line, jobs).
 */
export function clientAddress(req: IncomingMessage | undefined): string {
  if (!req) return '';
  const ip = (req as IncomingMessage & { ip?: string }).ip;
  return (ip ?? req.socket?.remoteAddress ?? '').replace(/^::ffff:/, '');
}

/** The browser's self-description, cut to a length worth keeping. */
export function userAgentOf(req: IncomingMessage | undefined): string {
  const agent = req?.headers['user-agent'];
  return typeof agent === 'string' ? agent.slice(0, 300) : '';
}
