import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { DatabaseSettings } from '../config/env.js';
import { logger } from '../logging/logger.js';
import type { PageCache } from './cache.js';

/*
 * Several instances on one PostgreSQL database each keep a page cache: an invalidation on one must
 * reach all. PostgreSQL's LISTEN/NOTIFY carries it; each instance ignores its own notices. Whenever
 * the listening connection is lost, notices may have been missed, so the cache is cleared.
 */
const channel = 'gongkai_page_cache';
// NOTIFY payloads are limited to 8000 bytes; a longer list clears everything instead.
const maxPayload = 7000;

// One listener per cache, however often the server is set up over the same context.
const sharing = new WeakMap<PageCache, () => Promise<void>>();

/** Stops passing this cache's invalidations (when its context closes). */
export async function stopSharingInvalidations(cache: PageCache): Promise<void> {
  await sharing.get(cache)?.();
  sharing.delete(cache);
}

export async function shareInvalidations(cache: PageCache, db: DatabaseSettings): Promise<() => Promise<void>> {
  if (db.provider !== 'postgresql') return async () => {};
  const existing = sharing.get(cache);
  if (existing) return existing;
  const instance = randomUUID();
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (attempt = 0): Promise<void> => {
    const next = new pg.Client({ connectionString: db.url });
    next.on('notification', (message) => {
      try {
        const { from, tags } = JSON.parse(message.payload ?? '{}') as { from?: string; tags?: string[] | null };
        if (from === instance) return;
        if (Array.isArray(tags)) cache.invalidate(tags, { remote: true });
        else cache.clear({ remote: true });
      } catch {
        cache.clear({ remote: true });
      }
    });
    next.on('error', (error) => {
      client = null;
      next.end().catch(() => {});
      if (stopped) return;
      logger.warn({ err: error }, 'page cache notifications lost; reconnecting');
      cache.clear({ remote: true });
      retry = setTimeout(() => void connect(attempt + 1).catch(() => {}), Math.min(30_000, 500 * 2 ** attempt));
    });
    await next.connect();
    await next.query(`LISTEN ${channel}`);
    client = next;
    // Whatever happened while this instance was not listening is unknown.
    if (attempt > 0) cache.clear({ remote: true });
  };
  await connect();

  cache.onInvalidate = (tags) => {
    let payload = JSON.stringify({ from: instance, tags });
    if (payload.length > maxPayload) payload = JSON.stringify({ from: instance, tags: null });
    client
      ?.query('SELECT pg_notify($1, $2)', [channel, payload])
      .catch((error) => logger.warn({ err: error }, 'page cache notice not sent'));
  };

  const stop = async () => {
    stopped = true;
    clearTimeout(retry);
    cache.onInvalidate = undefined;
    await client?.end().catch(() => {});
  };
  sharing.set(cache, stop);
  return stop;
}
