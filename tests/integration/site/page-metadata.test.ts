import type { Context } from '../../../src/platform/db/prisma.js';
import { describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { siteRoutes } from '../../../src/site/routes.js';
import { siteFeatures } from '../../../src/app/site-features.js';
import { siteForms } from '../../../src/app/site-forms.js';
import { extractPage } from '../../../src/monitor/core/extract.js';
import { n18PageMetadata } from '../../../src/monitor/core/checks/n18-page-metadata.js';
import { defaultRulesConfig } from '../../../src/monitor/core/config.js';
import { expectedLevels, metadataProblems, pubDatePattern, specTagsOf } from '../../../src/site/core/metadata-spec.js';
import { crawlOf } from '../../helpers/monitor-fixtures.js';
import { seededApi } from '../../helpers/seeded-api.js';
import { testNow } from '../../helpers/clock.js';

const { state } = seededApi([]);

/** Every GET route of the public site, nested feature routers included, as Express holds it. */
function publicRoutes(context: Context): string[] {
  type Layer = { route?: { path: unknown; methods: Record<string, boolean> }; handle: { stack?: Layer[] } };
  const paths: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route?.methods.get && typeof layer.route.path === 'string') paths.push(layer.route.path);
      else if (layer.handle.stack) walk(layer.handle.stack);
    }
  };
  walk((siteRoutes(context, siteFeatures, { context, routers: siteForms }) as unknown as { stack: Layer[] }).stack);
  return paths;
}

/** Article pages: the article level applies to them. */
const articleRoutes = new Set([
  '/documents/:id',
  '/interpretations/:id',
  '/mailbox/:id',
  '/consultations/:id',
  '/disclosure/annual-reports/:year',
  '/disclosure/website-reports/:year',
]);

describe('N18 page metadata on our own site', () => {
  test('N18: every public route carries the site, column and article metadata of the national specification, and the monitor finds nothing', async () => {
    const prisma = state.t.context.sudo().prisma;
    const doc = await prisma.document.findFirstOrThrow({
      where: { status: 'published', disclosure: 'proactive' },
      orderBy: { publishedAt: 'desc' },
    });
    const jd = await prisma.interpretation.findFirstOrThrow({ where: { status: 'published' } });
    const message = await prisma.message.findFirstOrThrow({ where: { replyPublishedAt: { not: null } } });
    const consultation = await prisma.consultation.findFirstOrThrow({ where: { status: { in: ['open', 'closed', 'reported'] } } });
    const entry = await prisma.catalogueEntry.findFirstOrThrow();
    const report = await prisma.annualReport.findFirstOrThrow({ where: { publishedAt: { not: null } } });
    const column = await prisma.column.findFirstOrThrow({ where: { visibility: 'public', kind: 'policy' } });
    for (const found of [doc, jd, message, consultation, entry, report, column]) expect(found).toBeTruthy();

    // Each route's example address; null for a route that serves no HTML page (feeds, sitemap, robots, stylesheet).
    const examples: Record<string, string | null> = {
      '/': '/',
      '/search': '/search?q=民政',
      '/columns/:slug': `/columns/${column.slug}`,
      '/documents/:id': `/documents/${doc.id}`,
      '/interpretations/:id': `/interpretations/${jd.id}`,
      '/disclosure/catalogue': '/disclosure/catalogue',
      '/disclosure/catalogue/:id': `/disclosure/catalogue/${entry.id}`,
      '/feed.xml': null,
      '/atom.xml': null,
      '/columns/:slug/feed.xml': null,
      '/columns/:slug/atom.xml': null,
      '/sitemap.xml': null,
      '/robots.txt': null,
      '/mailbox/new': '/mailbox/new',
      '/mailbox/query': '/mailbox/query',
      '/mailbox': '/mailbox',
      '/mailbox/:id': `/mailbox/${message.id}`,
      '/consultations': '/consultations',
      '/consultations/:id': `/consultations/${consultation.id}`,
      '/consultations/:id/comment': `/consultations/${consultation.id}/comment`,
      '/disclosure/apply': '/disclosure/apply',
      '/disclosure/apply/query': '/disclosure/apply/query',
      '/disclosure/annual-reports/annual-report.css': null,
      '/disclosure/annual-reports': '/disclosure/annual-reports',
      '/disclosure/annual-reports/:year': `/disclosure/annual-reports/${report.year}`,
      '/disclosure/normative-documents': '/disclosure/normative-documents',
      // Chart pictures (SVG) of a document or interpretation page, described by the page's own tags.
      '/documents/:id/charts/:file': null,
      '/interpretations/:id/charts/:file': null,
      '/disclosure/website-reports': '/disclosure/website-reports',
      '/disclosure/website-reports/:year': `/disclosure/website-reports/${report.year}`,
    };
    const routes = publicRoutes(state.t.context);
    // A new public route must be added here, so that its metadata is checked too.
    expect(routes.filter((r) => !(r in examples))).toEqual([]);

    const base = 'http://localhost:3000';
    const pages = [];
    for (const route of [...routes, '/no-such-page']) {
      const path = route === '/no-such-page' ? route : examples[route];
      if (path === null) continue;
      const res = await request(state.app).get(path);
      expect({ path, status: res.status }).toEqual({ path, status: route === '/no-such-page' ? 404 : 200 });
      expect(res.type).toBe('text/html');
      const facts = extractPage(res.text, `${base}${path}`, ['localhost:3000']);
      const tags = specTagsOf(facts.metaTags ?? []);
      const home = route === '/';
      const article = articleRoutes.has(route);
      // Site level everywhere, with the site's own values.
      expect({ path, site: [tags.get('SiteName'), tags.get('SiteDomain'), tags.get('SiteIDCode')] }).toEqual({
        path,
        site: ['临沧市民政局', 'localhost:3000', '5309000042'],
      });
      const levels = route === '/no-such-page' ? (['site'] as const) : expectedLevels(tags, { home, article });
      expect({ path, levels }).toEqual({
        path,
        levels: ['site', ...(home || route === '/no-such-page' ? [] : ['column']), ...(article ? ['article'] : [])],
      });
      expect({ path, problems: metadataProblems(tags, levels) }).toEqual({ path, problems: [] });
      if (article) {
        expect(tags.get('PubDate')).toMatch(pubDatePattern);
        expect(tags.get('Url')).toBe(`${base}${path}`);
      }
      if (res.status === 200) pages.push({ url: `${base}${path}`, finalUrl: `${base}${path}`, status: 200, isHtml: true, ...facts });
    }
    // The monitor's check reads the same pages as an inspector would and finds nothing.
    const crawl = crawlOf(pages, `${base}/`);
    expect(
      n18PageMetadata.run({
        baseUrl: `${base}/`,
        crawl,
        now: testNow(),
        config: defaultRulesConfig,
        knowledge: { documents: [{ id: doc.id, title: doc.title, interpretationIds: [] }] },
      }),
    ).toEqual([]);
  });

  test('N18: a document page names its column and carries its article tags', async () => {
    const prisma = state.t.context.sudo().prisma;
    const doc = await prisma.document.findFirstOrThrow({
      where: { title: '临沧市民政局关于全面推进民政政务公开工作的实施细则', status: 'published' },
      include: { columns: { orderBy: { order: 'asc' } } },
    });
    const res = await request(state.app).get(`/documents/${doc.id}`);
    const tags = specTagsOf(extractPage(res.text, 'http://localhost:3000/', []).metaTags ?? []);
    expect(tags.get('ArticleTitle')).toBe(doc.title);
    expect(tags.get('ColumnName')).toBe(doc.columns[0].name);
    expect(tags.get('ContentSource')).toBe(doc.issuingAuthority);
    expect(tags.get('Description')!.length).toBeGreaterThan(10);
    expect(res.text).toMatch(/<meta name="SiteName" content="临沧市民政局">/);
  });

  test("N18: a column's own keywords and description, set in the Admin UI, are its metadata", async () => {
    const column = await state.t.context.sudo().db.Column.findOne({ where: { slug: 'zcwj' } });
    await state.t.context.sudo().db.Column.updateOne({
      where: { id: String(column!.id) },
      data: { keywords: '政策文件,规范性文件', description: '本局发布的政策文件' },
    });
    const res = await request(state.app).get('/columns/zcwj');
    const tags = specTagsOf(extractPage(res.text, 'http://localhost:3000/', []).metaTags ?? []);
    expect([tags.get('ColumnKeywords'), tags.get('ColumnDescription'), tags.get('ColumnType')]).toEqual([
      '政策文件,规范性文件',
      '本局发布的政策文件',
      '政策文件',
    ]);
  });
});
