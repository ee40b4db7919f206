import type { Context, DatabaseContext } from '../db/prisma.js';
import express from 'express';
import { mediaDirectory } from '../config/env.js';
import { isStoredName, mediaUrlPrefix } from './local-storage.js';
import { isPublicMedia } from './public-media.js';

/**
 * Uploaded media, from our own storage: to the public only what a public item shows, to signed-in staff
 * everything (the Admin UI shows drafts' files; `staff` is the server's Keystone context, null for the
 * publisher, which renders what the public gets). Revalidated each time, so a withdrawn document's
 * attachment is gone at once.
 */
export function mediaRoutes(context: DatabaseContext, staff: Context | null): express.Router {
  const app = express.Router();
  const media = express.static(mediaDirectory(), {
    dotfiles: 'deny',
    fallthrough: false,
    index: false,
    maxAge: 0,
    setHeaders: (res) => res.setHeader('X-Content-Type-Options', 'nosniff'),
  });
  app.use(mediaUrlPrefix, async (req, res, next) => {
    const name = decodeURIComponent(req.path.slice(1));
    const allowed =
      isStoredName(name) && ((await isPublicMedia(context, name)) || Boolean(staff && (await staff.withRequest(req, res)).session));
    if (!allowed) return res.status(404).type('text/plain; charset=utf-8').send('文件不存在或未公开');
    return media(req, res, next);
  });
  return app;
}
