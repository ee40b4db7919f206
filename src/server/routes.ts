import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import Handlebars from 'handlebars';
import type { KeystoneContext } from '@keystone-6/core/types';
import { mediaDirectory, projectRoot } from '../config/env.js';
import { mediaUrlPrefix } from '../media/local-storage.js';
import { checkNewAdmin, createFirstAdmin, hasUsers } from '../users/first-admin.js';

export const adminBasePath = '/admin';

const setupPage = Handlebars.compile(fs.readFileSync(path.join(projectRoot, 'templates/pages/setup.hbs'), 'utf8'));

/** Routes of ours, mounted in Keystone's Express app ahead of the Admin UI. */
export function serverRoutes(context: KeystoneContext): express.Router {
  const app = express.Router();
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // Uploaded media, served from our own storage with their stored (random) names.
  app.use(
    mediaUrlPrefix,
    express.static(mediaDirectory(), { dotfiles: 'deny', fallthrough: false, index: false, immutable: true, maxAge: '30d', setHeaders: (res) => res.setHeader('X-Content-Type-Options', 'nosniff') }),
  );

  // 首次运行: while no user exists, anyone reaching the server may create the first admin.
  app.get('/setup', async (_req, res) => {
    if (await hasUsers(context)) return res.redirect(`${adminBasePath}/signin`);
    res.type('html').send(setupPage({}));
  });
  app.post('/setup', express.urlencoded({ extended: false, limit: '10kb' }), async (req, res) => {
    if (await hasUsers(context)) return res.redirect(`${adminBasePath}/signin`);
    const values = { name: String(req.body?.name ?? '').trim(), username: String(req.body?.username ?? '').trim() };
    const password = String(req.body?.password ?? '');
    const errors = checkNewAdmin({ ...values, password });
    if (errors.length) return res.status(400).type('html').send(setupPage({ values, errors }));
    await createFirstAdmin(context, { ...values, password });
    res.redirect(303, `${adminBasePath}/signin`);
  });

  // The public site takes / once it exists; until then the root leads to the Admin UI.
  app.get('/', (_req, res) => res.redirect(adminBasePath));
  return app;
}
