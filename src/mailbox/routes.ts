import type { DatabaseContext } from '../platform/db/prisma.js';
import express from 'express';
import { pageNumber, type SiteKit } from '../site/kit.js';
import { articleDescription } from '../site/core/metadata.js';
import { messageData, messageListData } from './public-data.js';

/* The published letters of the 领导信箱 and their replies, with their submission and reply times (S11, N5); the forms are in forms.ts. */

const idPattern = /^[a-z0-9]{1,40}$/;

export function mailboxRoutes(context: DatabaseContext, kit: SiteKit): express.Router {
  const router = express.Router();
  router.get('/mailbox', async (req, res) => {
    const since = kit.cache.generation;
    const page = pageNumber(req.query.page);
    if (page === null) return kit.badRequest(req, res, '页码应为正整数。');
    const data = await messageListData(context, page);
    return data
      ? kit.html(req, res, since, 200, 'mailbox-list', { ...data, title: '领导信箱', cacheTags: ['messages'] })
      : kit.notFound(req, res);
  });

  router.get('/mailbox/:id', async (req, res) => {
    const since = kit.cache.generation;
    const data = idPattern.test(req.params.id) ? await messageData(context, req.params.id) : null;
    if (!data) return kit.notFound(req, res);
    // N18: a published letter and its reply are an article of the 领导信箱.
    const article = {
      title: data.subject,
      published: data.publishedAt,
      source: data.department,
      author: data.department,
      keywords: `领导信箱,${data.kind}`,
      description: articleDescription(data.reply),
      path: data.url,
    };
    return kit.html(req, res, since, 200, 'mailbox-item', {
      message: data,
      title: data.subject,
      meta: { article },
      cacheTags: [`message:${data.id}`, 'messages'],
    });
  });

  return router;
}
