import type { Context } from '../platform/db/prisma.js';
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import Handlebars from 'handlebars';
import { projectRoot } from '../platform/config/env.js';
import { mediaRoutes } from '../platform/media/routes.js';
import { checkNewAdmin, createFirstAdmin, hasUsers } from '../platform/accounts/first-admin.js';
import { toCalendarDay } from '../platform/calendar/working-days.js';
import { formatChinaTime } from '../platform/calendar/china-time.js';
import { calendarDayOf } from '../platform/db/calendar-day.js';
import { disclosureOptions } from '../platform/content/vocabulary.js';
import { renderRichTextWithCharts } from '../platform/content/render-rich-text.js';
import { previewIsValid } from '../workflow/preview.js';
import { siteRoutes } from '../site/routes.js';
import { siteFeatures } from './site-features.js';
import { siteForms } from './site-forms.js';
import { monitorReportRoutes } from '../monitor/routes.js';
import { operationLogRoutes } from '../platform/oplog/routes.js';
import type { DatabaseSettings } from '../platform/config/env.js';
import { historyTable, migrationsDirectory, readMigrations } from '../platform/db/migrations.js';
import { logger } from '../platform/logging/logger.js';

export const adminBasePath = '/admin';

const page = (name: string) => Handlebars.compile(fs.readFileSync(path.join(projectRoot, `templates/pages/${name}.hbs`), 'utf8'));
const setupPage = page('setup');
const previewPage = page('preview');

/** Routes of ours, mounted in Keystone's Express app ahead of the Admin UI. */
export function serverRoutes(context: Context, db: DatabaseSettings): express.Router {
  const app = express.Router();
  // For a load balancer: /healthz says the process is up, /readyz that it can serve (database
  // reachable, every committed migration applied).
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    try {
      const rows = (await context.prisma.$queryRawUnsafe(`SELECT name FROM "${historyTable}"`)) as { name: string }[];
      const applied = new Set(rows.map((r) => r.name));
      const pending = readMigrations(migrationsDirectory(db.provider))
        .filter((m) => !applied.has(m.name))
        .map((m) => m.name);
      if (pending.length) return res.status(503).json({ status: 'not ready', reason: `待执行的迁移：${pending.join('、')}` });
      return res.json({ status: 'ready' });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      return res.status(503).json({ status: 'not ready', reason: '数据库不可用' });
    }
  });

  app.use(mediaRoutes(context, context));

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

  // A signed, expiring link shows a reviewer the unpublished document as the public will see it.
  app.get('/preview/documents/:id', async (req, res) => {
    const { expires = '', signature = '' } = req.query as Record<string, string>;
    res.set({ 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' });
    if (!previewIsValid(req.params.id, String(expires), String(signature))) {
      return res
        .status(403)
        .type('html')
        .send(
          '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>预览链接无效</title><p>预览链接无效或已过期，请在管理后台重新获取。</p></html>',
        );
    }
    const doc = await context
      .sudo()
      .prisma.document.findUnique({ where: { id: req.params.id }, include: { interpretations: { select: { title: true } } } });
    if (!doc)
      return res
        .status(404)
        .type('html')
        .send('<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>未找到</title><p>该文件不存在。</p></html>');
    const text = doc.disclosure === 'proactive' ? doc.body : doc.disclosure === 'redacted' ? doc.redactedBody : null;
    res.type('html').send(
      previewPage({
        ...doc,
        formationDate: calendarDayOf(doc.formationDate) ?? '',
        publishedDate: doc.publishedAt ? toCalendarDay(doc.publishedAt) : '（待发布）',
        publicText: text ? await renderRichTextWithCharts(text) : '',
        disclosureLabel: disclosureOptions.find((o) => o.value === doc.disclosure)?.label ?? '未明确',
        interpretations: doc.interpretations.map((i: { title: string }) => i.title),
        expiresAt: formatChinaTime(new Date(Number(expires) * 1000)),
      }),
    );
  });

  app.use(monitorReportRoutes(context));
  app.use(operationLogRoutes(context));
  app.use(siteRoutes(context, siteFeatures, { context, routers: siteForms }));
  return app;
}
