import type { Context, DatabaseContext } from '../platform/db/prisma.js';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { projectRoot } from '../platform/config/env.js';
import { batchedReads } from '../platform/db/batched-reads.js';
import { logger } from '../platform/logging/logger.js';
import { cacheKey, etagOf, pageCacheFor, securityHeaders, writeCachedPage } from '../platform/page-cache/cache.js';
import {
  baseUrl,
  catalogueData,
  chartSvgData,
  catalogueEntryData,
  searchData,
  columnData,
  documentsData,
  feedData,
  homeData,
  interpretationsData,
  siteFrame,
  sitemapData,
} from './data.js';
import { atomFeed, robots, rssFeed, sitemap } from './core/feeds.js';
import { renderPage } from './render.js';
import { pageNumber, type PageModel, type SiteFeatureEntry, type SiteFeatureForms, type SiteKit } from './kit.js';
import { sessionSecret } from '../platform/config/env.js';
import { formBody, formPostLimiter } from '../platform/public-forms/limits.js';
import { checkFormPost, guardFailureMessages, issueFormToken } from '../platform/public-forms/guard.js';

const idPattern = /^[a-z0-9]{1,40}$/;
const slugPattern = /^[a-z0-9-]{1,60}$/;

/**
 * The public website, mounted at the root of Keystone's server (the Admin UI lives under /admin). Its pages read the
 * database alone; the features' forms, whose posts go through Keystone's lists, are mounted only when `forms` (the
 * server's Keystone context) is given: the publisher renders the pages without Keystone.
 */
export function siteRoutes(
  context: DatabaseContext,
  features: readonly SiteFeatureEntry[],
  forms: { context: Context; routers: readonly SiteFeatureForms[] } | null,
): express.Router {
  const site = express.Router();
  const cache = pageCacheFor(context);
  // Only the public pages get these headers: the Admin UI (Next) has inline scripts of its own.
  site.use(
    '/static',
    express.static(path.join(projectRoot, 'templates/static'), {
      maxAge: '1d',
      index: false,
      setHeaders: (res) => res.set(securityHeaders),
    }),
  );
  // Hits are normally answered before Express (servePageCacheFirst); this serves them where the cache sits behind it.
  site.use((req, res, next) => {
    const key = cacheKey({ method: req.method, url: req.originalUrl });
    const page = key === null ? undefined : cache.get(key);
    if (!page) return next();
    res.locals.cacheTags = page.tags;
    return writeCachedPage(req, res, page);
  });

  /**
   * Sends a response; a 200 is stored in the page cache under `tags`, what it shows. `since` is the
   * cache generation read before the data, so a page rendered across a publication is not kept.
   */
  const deliver = (req: Request, res: Response, since: number, status: number, type: string, text: string, tags: string[]) => {
    const body = Buffer.from(text);
    const page = { status, type, body, etag: etagOf(body), tags };
    if (status === 200) cache.set(req.originalUrl, page, since);
    // The publisher of the site's files reads what the page shows from here.
    res.locals.cacheTags = tags;
    writeCachedPage(req, res, page);
  };
  // The frame (settings, top columns) read once per cache generation: whatever changes it clears the cache,
  // and a full publication renders thousands of pages in one generation.
  let frame: { generation: number; data: ReturnType<typeof siteFrame> } | null = null;
  const currentFrame = () => {
    if (frame?.generation !== cache.generation) {
      const data = siteFrame(context);
      frame = { generation: cache.generation, data };
      data.catch(() => (frame = null));
    }
    return frame.data;
  };
  const html = async (req: Request, res: Response, since: number, status: number, name: string, model: PageModel) => {
    deliver(req, res, since, status, 'text/html; charset=utf-8', renderPage(name, await currentFrame(), model), model.cacheTags ?? []);
  };
  const uncachedHtml = async (res: Response, status: number, name: string, model: PageModel) => {
    const text = renderPage(name, await currentFrame(), model);
    res
      .status(status)
      .set({ ...securityHeaders, 'Cache-Control': 'no-store' })
      .type('text/html; charset=utf-8')
      .send(text);
  };
  const xml = (req: Request, res: Response, since: number, type: string, text: string, tags: string[]) =>
    deliver(req, res, since, 200, `${type}; charset=utf-8`, text, tags);
  const badRequest = (req: Request, res: Response, message: string) =>
    html(req, res, cache.generation, 400, 'error', { title: '请求有误', heading: '请求有误（400）', message });
  const notFound = (req: Request, res: Response) =>
    html(req, res, cache.generation, 404, 'error', {
      title: '页面不存在',
      heading: '页面不存在（404）',
      message: '您访问的页面不存在或已被撤回。',
    });

  const refuse = (_req: Request, res: Response, status: number, message: string) =>
    void uncachedHtml(res, status, 'error', { title: '提交未成功', heading: '提交未成功', message }).catch(() => res.status(status).end());
  const secret = sessionSecret();
  const kit: SiteKit = {
    cache,
    html,
    uncachedHtml,
    notFound,
    badRequest,
    formPost: [formPostLimiter(refuse), ...formBody(refuse)],
    formToken: (form) => issueFormToken(form, secret),
    checkBot: async (form, body) => {
      const failure = await checkFormPost(context, form, body, secret);
      return failure && guardFailureMessages[failure];
    },
  };

  // A publication renders many pages at once: their items are read together.
  const documentPages = batchedReads((ids: readonly string[]) => documentsData(context, ids));
  const interpretationPages = batchedReads((ids: readonly string[]) => interpretationsData(context, ids));

  site.get('/', async (req, res) => {
    const since = cache.generation;
    await html(req, res, since, 200, 'home', await homeData(context));
  });
  site.get('/search', async (req, res) => {
    const since = cache.generation;
    const q = typeof req.query.q === 'string' ? req.query.q.trim() : '';
    const type = req.query.type === undefined ? 'all' : req.query.type;
    const page = pageNumber(req.query.page);
    if (q.length > 50 || page === null || (type !== 'all' && type !== 'documents' && type !== 'interpretations')) {
      return badRequest(req, res, '搜索词不超过 50 个字，页码应为正整数。');
    }
    if (!q) return html(req, res, since, 200, 'search', { title: '搜索', query: '' });
    const data = await searchData(context, q, type, page);
    return html(req, res, since, 200, 'search', {
      ...data,
      title: `搜索：${q}`,
      encoded: encodeURIComponent(q),
      allSelected: type === 'all',
      documentsSelected: type === 'documents',
      interpretationsSelected: type === 'interpretations',
      cacheTags: ['documents', 'interpretations'],
    });
  });
  site.get('/columns/:slug', async (req, res) => {
    const since = cache.generation;
    const page = pageNumber(req.query.page);
    if (page === null) return badRequest(req, res, '页码应为正整数。');
    const data = slugPattern.test(req.params.slug) ? await columnData(context, req.params.slug, page) : null;
    const tags = data?.listsInterpretations ? ['interpretations'] : [`column:${data?.column.id}`];
    return data ? html(req, res, since, 200, 'column', { ...data, title: data.column.name, cacheTags: tags }) : notFound(req, res);
  });
  site.get('/documents/:id', async (req, res) => {
    const since = cache.generation;
    const data = idPattern.test(req.params.id) ? await documentPages(req.params.id) : null;
    return data ? html(req, res, since, 200, 'document', { ...data, cacheTags: [`doc:${data.id}`] }) : notFound(req, res);
  });
  site.get('/interpretations/:id', async (req, res) => {
    const since = cache.generation;
    const data = idPattern.test(req.params.id) ? await interpretationPages(req.params.id) : null;
    return data ? html(req, res, since, 200, 'interpretation', { ...data, cacheTags: [`interp:${data.id}`] }) : notFound(req, res);
  });
  // A chart's picture at a stable address (feeds show it as an image with the chart's text as alt text).
  for (const kind of ['documents', 'interpretations'] as const) {
    site.get(`/${kind}/:id/charts/:file`, async (req, res) => {
      const since = cache.generation;
      const n = /^([1-9]\d?)\.svg$/.exec(req.params.file)?.[1];
      const svg = n && idPattern.test(req.params.id) ? await chartSvgData(context, kind, req.params.id, Number(n)) : null;
      if (!svg) return notFound(req, res);
      deliver(req, res, since, 200, 'image/svg+xml; charset=utf-8', svg, [`${kind === 'documents' ? 'doc' : 'interp'}:${req.params.id}`]);
    });
  }
  site.get('/disclosure/catalogue', async (req, res) => {
    const since = cache.generation;
    await html(req, res, since, 200, 'catalogue', await catalogueData(context));
  });
  site.get('/disclosure/catalogue/:id', async (req, res) => {
    const since = cache.generation;
    const page = pageNumber(req.query.page);
    if (page === null) return badRequest(req, res, '页码应为正整数。');
    const data = idPattern.test(req.params.id) ? await catalogueEntryData(context, req.params.id, page) : null;
    return data ? html(req, res, since, 200, 'catalogue-entry', data) : notFound(req, res);
  });
  const feed = (kind: 'rss' | 'atom') => async (req: Request, res: Response) => {
    const since = cache.generation;
    const slug = typeof req.params.slug === 'string' ? req.params.slug : null;
    const data = slug !== null && !slugPattern.test(slug) ? null : await feedData(context, slug);
    if (!data) return notFound(req, res);
    const selfUrl = `${data.base}${req.path}`;
    return kind === 'rss'
      ? xml(req, res, since, 'application/rss+xml', rssFeed({ ...data.channel, selfUrl }, data.items), data.cacheTags)
      : xml(req, res, since, 'application/atom+xml', atomFeed({ ...data.channel, selfUrl }, data.items), data.cacheTags);
  };
  site.get('/feed.xml', feed('rss'));
  site.get('/atom.xml', feed('atom'));
  site.get('/columns/:slug/feed.xml', feed('rss'));
  site.get('/columns/:slug/atom.xml', feed('atom'));
  site.get('/sitemap.xml', async (req, res) => {
    const since = cache.generation;
    xml(req, res, since, 'application/xml', sitemap(await sitemapData(context)), ['documents', 'interpretations', 'catalogue', 'messages']);
  });
  site.get('/robots.txt', async (req, res) => {
    const since = cache.generation;
    deliver(req, res, since, 200, 'text/plain; charset=utf-8', robots(await baseUrl(context)), []);
  });

  if (forms) for (const router of forms.routers) site.use(router(forms.context, kit));
  for (const feature of features) site.use(feature.routes(context, kit));

  // Everything else outside the Admin UI and the API is a Chinese 404.
  site.get(/^\/(?!admin(\/|$)|api(\/|$)|media\/|preview\/|setup$|healthz$|readyz$).*/, (req, res) => notFound(req, res));
  site.use(async (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    logger.error({ err: error }, 'public page failed');
    await html(req, res, cache.generation, 500, 'error', {
      title: '系统繁忙',
      heading: '系统繁忙（500）',
      message: '页面暂时无法显示，请稍后再试。',
    }).catch(() => res.status(500).end());
  });
  return site;
}
