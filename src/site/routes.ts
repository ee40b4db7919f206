import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { KeystoneContext } from '@keystone-6/core/types';
import { projectRoot } from '../config/env.js';
import { logger } from '../logging/logger.js';
import { baseUrl, searchData, columnData, documentData, feedData, homeData, interpretationData, siteFrame, sitemapData } from './data.js';
import { atomFeed, robots, rssFeed, sitemap } from './feeds.js';
import { renderPage } from './render.js';

// No inline script or style anywhere on the public site, and nothing from another host.
const securityHeaders = {
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; media-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'SAMEORIGIN',
};

const idPattern = /^[a-z0-9]{1,40}$/;

/** A page number from the query string: absent is 1, anything but a plain positive integer is refused. */
export function pageNumber(raw: unknown): number | null {
  if (raw === undefined) return 1;
  if (typeof raw !== 'string' || !/^[1-9]\d{0,4}$/.test(raw)) return null;
  return Number(raw);
}

/** The public website, mounted at the root of Keystone's server (the Admin UI lives under /admin). */
export function siteRoutes(context: KeystoneContext): express.Router {
  const site = express.Router();
  // Only the public pages get these headers: the Admin UI (Next) has inline scripts of its own.
  site.use('/static', express.static(path.join(projectRoot, 'templates/static'), { maxAge: '1d', index: false, setHeaders: (res) => res.set(securityHeaders) }));

  const send = async (res: Response, status: number, page: Parameters<typeof renderPage>[0], model: Record<string, unknown> & { title?: string }) => {
    res.status(status).set(securityHeaders).type('html').send(renderPage(page, await siteFrame(context), model));
  };
  const notFound = (res: Response) => send(res, 404, 'error', { title: '页面不存在', heading: '页面不存在（404）', message: '您访问的页面不存在或已被撤回。' });

  site.get('/', async (_req, res) => send(res, 200, 'home', await homeData(context)));
  site.get('/search', async (req, res) => {
    const q = typeof req.query.q === 'string' ? req.query.q.trim() : '';
    const type = req.query.type === undefined ? 'all' : req.query.type;
    const page = pageNumber(req.query.page);
    if (q.length > 50 || page === null || (type !== 'all' && type !== 'documents' && type !== 'interpretations')) {
      return send(res, 400, 'error', { title: '请求有误', heading: '请求有误（400）', message: '搜索词不超过 50 个字，页码应为正整数。' });
    }
    if (!q) return send(res, 200, 'search', { title: '搜索', query: '' });
    const data = await searchData(context, q, type, page);
    return send(res, 200, 'search', { ...data, title: `搜索：${q}`, encoded: encodeURIComponent(q), allSelected: type === 'all', documentsSelected: type === 'documents', interpretationsSelected: type === 'interpretations' });
  });
  site.get('/columns/:slug', async (req, res) => {
    const page = pageNumber(req.query.page);
    if (page === null) return send(res, 400, 'error', { title: '请求有误', heading: '请求有误（400）', message: '页码应为正整数。' });
    const data = /^[a-z0-9-]{1,60}$/.test(req.params.slug) ? await columnData(context, req.params.slug, page) : null;
    return data ? send(res, 200, 'column', { ...data, title: data.column.name }) : notFound(res);
  });
  site.get('/documents/:id', async (req, res) => {
    const data = idPattern.test(req.params.id) ? await documentData(context, req.params.id) : null;
    return data ? send(res, 200, 'document', data) : notFound(res);
  });
  site.get('/interpretations/:id', async (req, res) => {
    const data = idPattern.test(req.params.id) ? await interpretationData(context, req.params.id) : null;
    return data ? send(res, 200, 'interpretation', data) : notFound(res);
  });
  const xml = (res: Response, type: string, body: string) => res.set(securityHeaders).type(type).send(body);
  const feed = (kind: 'rss' | 'atom') => async (req: Request, res: Response) => {
    const slug = typeof req.params.slug === 'string' ? req.params.slug : null;
    const data = slug !== null && !/^[a-z0-9-]{1,60}$/.test(slug) ? null : await feedData(context, slug);
    if (!data) return notFound(res);
    const selfUrl = `${data.base}${req.path}`;
    return kind === 'rss' ? xml(res, 'application/rss+xml', rssFeed({ ...data.channel, selfUrl }, data.items)) : xml(res, 'application/atom+xml', atomFeed({ ...data.channel, selfUrl }, data.items));
  };
  site.get('/feed.xml', feed('rss'));
  site.get('/atom.xml', feed('atom'));
  site.get('/columns/:slug/feed.xml', feed('rss'));
  site.get('/columns/:slug/atom.xml', feed('atom'));
  site.get('/sitemap.xml', async (_req, res) => xml(res, 'application/xml', sitemap(await sitemapData(context))));
  site.get('/robots.txt', async (_req, res) => res.type('text/plain').send(robots(await baseUrl(context))));

  // Everything else outside the Admin UI and the API is a Chinese 404.
  site.get(/^\/(?!admin(\/|$)|api(\/|$)|media\/|preview\/|setup$|healthz$).*/, (_req, res) => notFound(res));
  site.use(async (error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    logger.error({ err: error }, 'public page failed');
    await send(res, 500, 'error', { title: '系统繁忙', heading: '系统繁忙（500）', message: '页面暂时无法显示，请稍后再试。' }).catch(() => res.status(500).end());
  });
  return site;
}
