import type { Context, DatabaseContext } from '../db/prisma.js';
import { createHash } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/*
 * The full-page cache of the public site. Pages are a pure function of the published data, so a
 * rendered page stays right until something it shows is published, withdrawn or changed. Each page is
 * stored with tags naming what it shows; a change invalidates exactly the pages carrying its tags:
 *
 *   frame              site settings and the column tree (every page: a change clears everything)
 *   doc:<id>           a document's page          interp:<id>   an interpretation's page
 *   column:<id>        lists of a column (with its descendants): column page, column feeds, home
 *   documents          site-wide document lists: search, site feeds, sitemap
 *   interpretations    site-wide interpretation lists: home, search, site feeds, sitemap
 *   catalogue          the 主动公开目录 pages
 */

export interface CachedPage {
  status: number;
  type: string;
  body: Buffer;
  etag: string;
  tags: string[];
}

/** Headers of every public response: no inline script or style, nothing from another host. */
export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data:; media-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'SAMEORIGIN',
};

// Browsers revalidate every time (a cheap 304), so a withdrawn page never lingers in theirs.
const cacheControl = 'no-cache';

export function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private readonly byTag = new Map<string, Set<string>>();
  private bytes = 0;
  /** Bumped by every invalidation; a page rendered across one is not stored (it may be stale). */
  generation = 0;
  /** Told of every local invalidation (tags, or null for everything), to pass it to other instances. */
  onInvalidate?: (tags: string[] | null) => void;

  /**
   * Followers of every invalidation (the publisher of the site's files), another instance's included: each instance
   * that publishes keeps its own directory up to the data, whichever instance made the change.
   */
  private readonly followers = new Set<(tags: string[] | null) => Promise<void>>();
  private following: Promise<void> = Promise.resolve();

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  /** Calls `follower` on every invalidation (tags, or null for everything); returns the way to stop. */
  follow(follower: (tags: string[] | null) => Promise<void>): () => void {
    this.followers.add(follower);
    return () => this.followers.delete(follower);
  }

  /** Settles when the followers are done with every invalidation so far (the published files are written). */
  settled(): Promise<void> {
    return this.following;
  }

  private tell(tags: string[] | null): void {
    if (!this.followers.size) return;
    const work = Promise.all([...this.followers].map((f) => f(tags))).then(() => undefined);
    // A failure is the follower's to report; the next invalidation is still followed.
    this.following = work.catch(() => undefined);
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): CachedPage | undefined {
    const page = this.entries.get(key);
    if (page) {
      // Least recently used first out: re-inserting moves the key to the end.
      this.entries.delete(key);
      this.entries.set(key, page);
    }
    return page;
  }

  /** Stores a page rendered from data read after `since` (a generation); false if it may be stale. */
  set(key: string, page: CachedPage, since: number): boolean {
    if (since !== this.generation || page.body.length > this.maxBytes / 8) return false;
    this.delete(key);
    this.entries.set(key, page);
    this.bytes += page.body.length;
    for (const tag of page.tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
    return true;
  }

  invalidate(tags: Iterable<string>, { remote = false } = {}): void {
    const list = [...tags];
    if (list.includes('frame')) return this.clear({ remote });
    this.generation++;
    for (const tag of list) for (const key of this.byTag.get(tag) ?? []) this.delete(key);
    if (!remote) this.onInvalidate?.(list);
    this.tell(list);
  }

  clear({ remote = false } = {}): void {
    if (!remote) this.onInvalidate?.(null);
    this.generation++;
    this.entries.clear();
    this.byTag.clear();
    this.bytes = 0;
    this.tell(null);
  }

  private delete(key: string): void {
    const page = this.entries.get(key);
    if (!page) return;
    this.entries.delete(key);
    this.bytes -= page.body.length;
    for (const tag of page.tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.byTag.delete(tag);
    }
  }
}

// One cache per database: tests run several sites in one process.
const caches = new WeakMap<object, PageCache>();
export function pageCacheFor(context: DatabaseContext): PageCache {
  let cache = caches.get(context.prisma);
  if (!cache) caches.set(context.prisma, (cache = new PageCache()));
  return cache;
}

/** For a command that renders each page once (`gongkai publish`): its pages are written to files, none is kept here. */
export function keepNoPages(context: DatabaseContext): void {
  caches.set(context.prisma, new PageCache(0));
}

/** Writes a cached page, or 304 when the browser holds it already. */
export function writeCachedPage(req: IncomingMessage, res: ServerResponse, page: CachedPage): void {
  const headers = { ...securityHeaders, 'Content-Type': page.type, ETag: page.etag, 'Cache-Control': cacheControl };
  if (req.headers['if-none-match'] === page.etag) {
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(page.status, { ...headers, 'Content-Length': page.body.length });
  res.end(req.method === 'HEAD' ? undefined : page.body);
}

/** The cache key of a request, or null for requests never served from the cache. */
export function cacheKey(req: { method?: string; url?: string }): string | null {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null;
  return req.url ?? null;
}

/**
 * Serves cached pages straight from Node's HTTP server, ahead of Express and the Admin UI, so a hit
 * costs a map lookup. Everything else goes on to Keystone's handlers as before.
 */
export function servePageCacheFirst(server: Server, context: Context): void {
  const cache = pageCacheFor(context);
  const handlers = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const key = cacheKey(req);
    const page = key === null ? undefined : cache.get(key);
    if (page) return writeCachedPage(req, res, page);
    for (const handler of handlers) handler.call(server, req, res);
  });
}
