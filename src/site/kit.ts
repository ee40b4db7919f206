import type { Context, DatabaseContext } from '../platform/db/prisma.js';
import type express from 'express';
import type { Request, Response } from 'express';
import type { pageCacheFor } from '../platform/page-cache/cache.js';

/** A page number from the query string: absent is 1, anything but a plain positive integer is refused. */
export function pageNumber(raw: unknown): number | null {
  if (raw === undefined) return 1;
  if (typeof raw !== 'string' || !/^[1-9]\d{0,4}$/.test(raw)) return null;
  return Number(raw);
}

/**
 * What a public feature (mailbox, consultations, requests, reports…) needs to serve pages like the
 * rest of the site: each feature is a router of its own (the table in `src/app/site-features.ts`) given this kit.
 */
export interface SiteKit {
  cache: ReturnType<typeof pageCacheFor>;
  /** A page kept in the page cache under `model.cacheTags` (when 200); `since` is `cache.generation` read before the data. */
  html(req: Request, res: Response, since: number, status: number, name: string, model: PageModel): Promise<void>;
  /** A page never cached: forms (each carries a fresh token), answers to a post. */
  uncachedHtml(res: Response, status: number, name: string, model: PageModel): Promise<void>;
  notFound(req: Request, res: Response): Promise<void>;
  badRequest(req: Request, res: Response, message: string): Promise<void>;
  /** For a POST: parses the form body within limits and applies the per-address rate limit; a refusal is a Chinese page. */
  formPost: express.RequestHandler[];
  /** The hidden fields of a form (token and honeypot) for `form`; pass to the form-guard partial. */
  formToken(form: string): string;
  /** Why a post looks automated or repeats an earlier one (its token is used up by this check), in Chinese, or null. */
  checkBot(form: string, body: Record<string, unknown>): Promise<string | null>;
}

export type PageModel = Record<string, unknown> & { title?: string; cacheTags?: string[] };

/** A public feature's router over the database alone: its pages (the publisher renders them without Keystone). */
export type SiteFeature = (db: DatabaseContext, kit: SiteKit) => express.Router;

/**
 * A public feature's forms whose posts become list items through Keystone (hooks, access): the table in
 * `src/app/site-forms.ts`, mounted by the server only, ahead of the pages (/mailbox/new before /mailbox/:id).
 */
export type SiteFeatureForms = (context: Context, kit: SiteKit) => express.Router;

/**
 * What of a feature is published as files (PUBLISH_DIR): `pages` are single pages, `lists` are first pages of
 * lists whose further pages (`?page=2` …) are published as long as they exist. Only what a visitor may see
 * (S1): the feature reads it through its own public filters.
 */
export interface PublicUrls {
  pages: string[];
  lists?: string[];
}

/** A row of the features table (src/app/site-features.ts): its router and what of it is published as files. */
export interface SiteFeatureEntry {
  routes: SiteFeature;
  /** Pages with a form token (uncachedHtml) are never listed here: they stay dynamic. */
  publicUrls?: (db: DatabaseContext) => Promise<PublicUrls>;
}
