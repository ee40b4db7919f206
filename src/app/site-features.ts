import type { SiteFeatureEntry } from '../site/kit.js';
import { mailboxRoutes } from '../mailbox/routes.js';
import { consultationRoutes } from '../consultation/routes.js';
import { annualReportRoutes, publishedAnnualReports } from '../reports/site.js';
import { libraryPath, normativeLibraryRoutes } from '../validity/library.js';
import { publishedWebsiteReports, websiteReportRoutes } from '../reports/website-site.js';
import { publicMessage } from '../mailbox/public-data.js';
import { publicConsultation } from '../consultation/data.js';

/**
 * The public features beyond documents and interpretations, each a router of its own capability, with the
 * addresses of theirs that are published as files (the forms and look-ups stay dynamic).
 */
export const siteFeatures: readonly SiteFeatureEntry[] = [
  {
    routes: mailboxRoutes,
    publicUrls: async (context) => {
      const letters = await context.sudo().prisma.message.findMany({ where: publicMessage, select: { id: true }, orderBy: { id: 'asc' } });
      return { pages: letters.map((m) => `/mailbox/${m.id}`), lists: ['/mailbox'] };
    },
  },
  {
    routes: consultationRoutes,
    publicUrls: async (context) => {
      const rows = await context
        .sudo()
        .prisma.consultation.findMany({ where: publicConsultation, select: { id: true }, orderBy: { id: 'asc' } });
      return { pages: ['/consultations', ...rows.map((c) => `/consultations/${c.id}`)] };
    },
  },
  {
    routes: annualReportRoutes,
    publicUrls: async (context) => ({
      pages: [
        '/disclosure/annual-reports',
        '/disclosure/annual-reports/annual-report.css',
        ...(await publishedAnnualReports(context)).map((r) => `/disclosure/annual-reports/${r.year}`),
      ],
    }),
  },
  { routes: normativeLibraryRoutes, publicUrls: async () => ({ pages: [], lists: [libraryPath] }) },
  {
    routes: websiteReportRoutes,
    publicUrls: async (context) => ({
      pages: [
        '/disclosure/website-reports',
        ...(await publishedWebsiteReports(context)).map((r) => `/disclosure/website-reports/${r.year}`),
      ],
    }),
  },
];
