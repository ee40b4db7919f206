import type { DatabaseContext } from '../platform/db/prisma.js';
import { toCalendarDay } from '../platform/calendar/working-days.js';
import express from 'express';
import type { SiteKit } from '../site/kit.js';
import { securityHeaders } from '../platform/page-cache/cache.js';
import { annualReportCss, renderAnnualReportBody, type AnnualReport } from './core/annual-report.js';

/*
 * N14: the published annual reports on the public site, inside the site frame (so that each page has
 * the footer N10 asks for, and the report is found like any page). The report's own CSS comes as a
 * stylesheet (the CSP allows no inline style); printing hides the frame so the paper is the official
 * format on A4.
 */

const framePrintCss = `
@media print {
  .site-header, .site-footer, .skip, .crumbs, .annual-report-links { display: none; }
  main.wrap { max-width: none; margin: 0; padding: 0; }
}`;
const stylesheet = `${annualReportCss}\n${framePrintCss}\n`;

interface PublishedRow {
  year: number;
  title: string;
  publishedAt: Date;
  snapshot: unknown;
}

const snapshotOf = (row: { snapshot: unknown }): AnnualReport =>
  (typeof row.snapshot === 'string' ? JSON.parse(row.snapshot) : row.snapshot) as AnnualReport;

export async function publishedAnnualReports(context: DatabaseContext): Promise<{ year: number; title: string; publishedOn: string }[]> {
  const rows = (await context.sudo().prisma.annualReport.findMany({
    where: { publishedAt: { not: null } },
    select: { year: true, snapshot: true, publishedAt: true },
    orderBy: { year: 'desc' },
  })) as PublishedRow[];
  return rows.map((r) => ({ year: r.year, title: snapshotOf(r).title, publishedOn: toCalendarDay(r.publishedAt) }));
}

export function annualReportRoutes(context: DatabaseContext, kit: SiteKit): express.Router {
  const router = express.Router();
  router.get('/disclosure/annual-reports/annual-report.css', (_req, res) => {
    res
      .set({ ...securityHeaders, 'Cache-Control': 'public, max-age=86400' })
      .type('text/css; charset=utf-8')
      .send(stylesheet);
  });
  router.get('/disclosure/annual-reports', async (req, res) => {
    const since = kit.cache.generation;
    const reports = await publishedAnnualReports(context);
    await kit.html(req, res, since, 200, 'annual-reports-list', {
      title: '政府信息公开工作年度报告',
      reports,
      cacheTags: ['annual-reports'],
    });
  });
  router.get('/disclosure/annual-reports/:year', async (req, res) => {
    const since = kit.cache.generation;
    if (!/^\d{4}$/.test(req.params.year)) return kit.notFound(req, res);
    const row = (await context.sudo().prisma.annualReport.findFirst({
      where: { year: Number(req.params.year), publishedAt: { not: null } },
      select: { year: true, snapshot: true, publishedAt: true },
    })) as PublishedRow | null;
    if (!row) return kit.notFound(req, res);
    const report = snapshotOf(row);
    return kit.html(req, res, since, 200, 'annual-reports-show', {
      title: report.title,
      year: row.year,
      publishedOn: toCalendarDay(row.publishedAt),
      reportHtml: renderAnnualReportBody(report),
      // N18: the report is an article of its section.
      meta: {
        article: {
          title: report.title,
          published: row.publishedAt,
          source: '',
          author: '',
          keywords: `政府信息公开,年度报告,${row.year}年`,
          description: report.title,
          path: `/disclosure/annual-reports/${row.year}`,
        },
      },
      cacheTags: ['annual-reports'],
    });
  });
  return router;
}
