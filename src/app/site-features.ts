import type { SiteFeature } from '../site/kit.js';
import { mailboxRoutes } from '../mailbox/routes.js';
import { consultationRoutes } from '../consultation/routes.js';
import { requestRoutes } from '../requests/routes.js';
import { annualReportRoutes } from '../reports/site.js';
import { normativeLibraryRoutes } from '../validity/library.js';
import { websiteReportRoutes } from '../reports/website-site.js';

/** The public features beyond documents and interpretations, each a router of its own capability. */
export const siteFeatures: readonly SiteFeature[] = [
  mailboxRoutes,
  consultationRoutes,
  requestRoutes,
  annualReportRoutes,
  normativeLibraryRoutes,
  websiteReportRoutes,
];
