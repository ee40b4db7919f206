import type { DatabaseContext } from '../platform/db/prisma.js';
import express from 'express';
import { toCalendarDay } from '../platform/calendar/working-days.js';
import type { SiteKit } from '../site/kit.js';
import { renderWebsiteReportBody, type WebsiteReport } from './core/website-report.js';

/*
 * N17: the published 网站工作年度报表 on the public site (linked from every page's footer, the home
 * page included), in the site frame and with the print style of the N14 report.
 */

interface PublishedRow {
  year: number;
  publishedAt: Date;
  snapshot: unknown;
}

const snapshotOf = (row: { snapshot: unknown }): WebsiteReport =>
  (typeof row.snapshot === 'string' ? JSON.parse(row.snapshot) : row.snapshot) as WebsiteReport;

export async function publishedWebsiteReports(context: DatabaseContext): Promise<{ year: number; title: string; publishedOn: string }[]> {
  const rows = (await context.sudo().prisma.websiteAnnualReport.findMany({
    where: { publishedAt: { not: null } },
    select: { year: true, snapshot: true, publishedAt: true },
    orderBy: { year: 'desc' },
  })) as PublishedRow[];
  return rows.map((r) => ({ year: r.year, title: snapshotOf(r).title, publishedOn: toCalendarDay(r.publishedAt) }));
}

export function websiteReportRoutes(context: DatabaseContext, kit: SiteKit): express.Router {
  const router = express.Router();
  router.get('/disclosure/website-reports', async (req, res) => {
    const since = kit.cache.generation;
    const reports = await publishedWebsiteReports(context);
    await kit.html(req, res, since, 200, 'website-reports-list', {
      title: '政府网站工作年度报表',
      reports,
      cacheTags: ['website-reports'],
    });
  });
  router.get('/disclosure/website-reports/:year', async (req, res) => {
    const since = kit.cache.generation;
    if (!/^\d{4}$/.test(req.params.year)) return kit.notFound(req, res);
    const row = (await context.sudo().prisma.websiteAnnualReport.findFirst({
      where: { year: Number(req.params.year), publishedAt: { not: null } },
      select: { year: true, snapshot: true, publishedAt: true },
    })) as PublishedRow | null;
    if (!row) return kit.notFound(req, res);
    const report = snapshotOf(row);
    return kit.html(req, res, since, 200, 'website-reports-show', {
      title: report.title,
      year: row.year,
      publishedOn: toCalendarDay(row.publishedAt),
      reportHtml: renderWebsiteReportBody(report),
      meta: {
        article: {
          title: report.title,
          published: row.publishedAt,
          source: '',
          author: '',
          keywords: `政府网站,工作年度报表,${row.year}年`,
          description: report.title,
          path: `/disclosure/website-reports/${row.year}`,
        },
      },
      cacheTags: ['website-reports'],
    });
  });
  return router;
}
