import type { DatabaseContext } from '../platform/db/prisma.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import inject from 'light-my-request';
import { manifestFile, publishDirectory } from '../platform/config/env.js';
import { logger } from '../platform/logging/logger.js';
import { pageCacheFor } from '../platform/page-cache/cache.js';
import { siteRoutes } from '../site/routes.js';
import { Publisher, type RenderPage } from '../site/static/publisher.js';
import { siteFeatures } from './site-features.js';
import { mediaRoutes } from '../platform/media/routes.js';

/*
 * The publisher of the site's files, composed here: it renders pages through the very routers that serve
 * the dynamic site (the site, its features, public media), in-process, so a file holds the bytes a visitor
 * of the dynamic site gets.
 */

const renderIdHeader = 'x-gongkai-publish-render';

/** Renders a public URL through the site's routers, with the cache tags the page was delivered with. */
export function siteRenderer(context: DatabaseContext): RenderPage {
  const app = express();
  app.disable('x-powered-by');
  // What the public gets: no session, and no forms (they are never published).
  app.use(mediaRoutes(context, null));
  app.use(siteRoutes(context, siteFeatures, null));
  // The response object of each render, to read the tags `deliver` left in res.locals.
  const responses = new Map<string, ServerResponse & { locals?: Record<string, unknown> }>();
  let next = 0;
  const dispatch = (req: IncomingMessage, res: ServerResponse) => {
    // Express gives the response its own prototype; the injector's methods that capture the bytes stay on the object.
    const injected = Object.getPrototypeOf(res) as Record<string, unknown>;
    for (const name of ['setTimeout', 'writeHead', 'write', 'end', 'destroy', 'addTrailers'])
      Object.defineProperty(res, name, { value: injected[name], writable: true, configurable: true });
    responses.set(String(req.headers[renderIdHeader]), res);
    app(req as express.Request, res as express.Response);
  };
  return async (url) => {
    const id = String(++next);
    try {
      const response = await inject(dispatch, { method: 'GET', url, headers: { [renderIdHeader]: id } });
      const tags = responses.get(id)?.locals?.cacheTags;
      return {
        status: response.statusCode,
        type: String(response.headers['content-type'] ?? ''),
        body: response.rawPayload,
        tags: Array.isArray(tags) ? tags.map(String) : [],
      };
    } finally {
      responses.delete(id);
    }
  };
}

/**
 * Pages the server's rounds over the whole site (its start, a change of the site's frame) render at once; a
 * publication's round, short, renders 48 as `gongkai publish` does. The rounds share the server's one thread with
 * visitors and editors, and a request waits behind every render in flight: at 48, a restart's round over 10,000
 * documents made a trivial Admin UI query take 3 s and its screens 9 s to settle; at 6, about 1.4 s.
 */
export const serverBackgroundConcurrency = 6;

const publishers = new WeakMap<object, Publisher>();

export interface PublishingOptions {
  directory?: string;
  manifestPath?: string;
  hook?: string | null;
  now?: () => Date;
  concurrency?: number;
  backgroundConcurrency?: number;
}

/**
 * The publisher of this database's site into this instance's directory, following the page cache's invalidations,
 * another instance's included (PostgreSQL tells them), so every instance that publishes serves what is current.
 * Made once per database.
 */
export function startPublishing(context: DatabaseContext, options: PublishingOptions = {}): Publisher {
  const existing = publishers.get(context.prisma);
  if (existing) return existing;
  const publisher = new Publisher({
    context,
    render: siteRenderer(context),
    features: siteFeatures,
    directory: options.directory ?? publishDirectory(),
    manifestPath: options.manifestPath ?? manifestFile(),
    hook: options.hook === undefined ? process.env.PUBLISH_HOOK?.trim() || null : options.hook,
    now: options.now,
    concurrency: options.concurrency,
    backgroundConcurrency: options.backgroundConcurrency,
  });
  publishers.set(context.prisma, publisher);
  pageCacheFor(context).follow(async (tags) => {
    try {
      await publisher.sync(tags);
    } catch (error) {
      logger.error({ err: error }, 'publishing the site files failed; the previous files stay');
    }
  });
  return publisher;
}
