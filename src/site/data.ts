import type { DatabaseContext, PrismaClient } from '../platform/db/prisma.js';
import { toCalendarDay } from '../platform/calendar/working-days.js';
import { calendarDayOf } from '../platform/db/calendar-day.js';
import { publicDocument, publicInterpretation } from '../platform/access/documents.js';
import { inOrderOf, publicDocumentsIn } from '../platform/access/public-columns.js';
import { columnKindOptions, openCategoryOptions } from '../platform/content/vocabulary.js';
import { chartSvgsOf, renderRichTextWithCharts } from '../platform/content/render-rich-text.js';
import { chartBlocksOf, publicChart } from '../platform/content/chart-blocks.js';
import { chartAltText } from '../platform/charts/table.js';
import { renderReprintBody } from '../platform/content/render-reprint.js';
import { publicBodyText } from '../platform/content/search-text.js';
import { firstHit, markTerms, searchTerms } from './core/search-terms.js';
import { maskedExcerpt, maskPersonalData } from '../platform/privacy/mask.js';
import { plainText } from '../platform/content/plain-text.js';
import { mailboxColumnItems, publicMessage } from '../mailbox/public-data.js';
import { consultationColumnItems } from '../consultation/data.js';
import { articleDescription, columnMetadata } from './core/metadata.js';
import { guideSections } from '../guides/site.js';
import type { GuideFields } from '../guides/core/guides.js';
import { successorSelect, validityView, type ValidityRow } from '../validity/view.js';
import { publishedWebsiteReports } from '../reports/website-site.js';

/*
 * The public site's data: only what may be public is ever read here (S1) — published documents whose
 * attribute is 主动公开 (full text) or 删减后公开 (redacted text only), published interpretations,
 * public columns — and personal data is masked on the way out (N15).
 */

const publicColumn = { visibility: 'public' };
/** Columns in the navigation's order; columns of the same order (under different parents) by id, so every read agrees. */
const columnOrder = () => [{ order: 'asc' as const }, { id: 'asc' as const }];

export const pageSize = 20;

export interface ColumnLink {
  slug: string;
  name: string;
}
export interface DocumentSummary {
  id: string;
  title: string;
  date: string;
}
export interface SiteFrame {
  siteName: string;
  sponsor: string;
  contact: string;
  siteCode: string;
  icpNumber: string;
  policeRecordNumber: string;
  /** The site's address (网站设置 → 网站地址), without a trailing slash: SiteDomain and Url of the page metadata (N18). */
  baseUrl: string;
  navigation: ColumnLink[];
}

const day = (d: Date | null) => (d ? toCalendarDay(d) : '');
const summary = (d: { id: string; title: string; publishedAt: Date | null }): DocumentSummary => ({
  id: d.id,
  title: maskPersonalData(d.title),
  date: day(d.publishedAt),
});

export async function siteFrame(context: DatabaseContext): Promise<SiteFrame> {
  const prisma = context.sudo().prisma;
  const settings = await prisma.siteSettings.findFirst();
  const top = await prisma.column.findMany({
    where: { ...publicColumn, parentId: null },
    orderBy: columnOrder(),
    select: { slug: true, name: true },
  });
  return {
    siteName: settings?.siteName ?? '政务公开网站',
    sponsor: settings?.sponsor ?? '',
    contact: settings?.contact ?? '',
    siteCode: settings?.siteCode ?? '',
    icpNumber: settings?.icpNumber ?? '',
    policeRecordNumber: settings?.policeRecordNumber ?? '',
    baseUrl: String(settings?.baseUrl ?? 'http://localhost:3000').replace(/\/+$/, ''),
    navigation: top,
  };
}

export async function homeData(context: DatabaseContext) {
  const prisma = context.sudo().prisma;
  const columns = await prisma.column.findMany({
    where: { ...publicColumn, parentId: null, kind: { in: ['news', 'notice', 'policy', 'disclosure'] } },
    orderBy: columnOrder(),
  });
  const sections = [];
  for (const column of columns) {
    const ids = [
      column.id,
      ...(await prisma.column.findMany({ where: { parentId: column.id, ...publicColumn }, select: { id: true } })).map(
        (c: { id: string }) => c.id,
      ),
    ];
    const latest = (await publicDocumentsIn(prisma, ids, 6)).map((d) => d.id);
    const docs = inOrderOf(
      latest,
      await prisma.document.findMany({
        where: { ...publicDocument, id: { in: latest } },
        select: { id: true, title: true, publishedAt: true },
      }),
    );
    sections.push({ id: column.id, slug: column.slug, name: column.name, documents: docs.map(summary) });
  }
  const interpretations = await prisma.interpretation.findMany({
    where: publicInterpretation,
    orderBy: { publishedAt: 'desc' },
    take: 6,
    select: { id: true, title: true, publishedAt: true },
  });
  // N17: the latest 网站工作年度报表 in a prominent place on the home page (国办函〔2018〕12号).
  const [websiteReport] = await publishedWebsiteReports(context);
  return {
    sections,
    interpretations: interpretations.map(summary),
    websiteReport: websiteReport ?? null,
    cacheTags: ['interpretations', 'website-reports', ...sections.map((s: { id: string }) => `column:${s.id}`)],
  };
}

export async function columnData(context: DatabaseContext, slug: string, page: number) {
  const prisma = context.sudo().prisma;
  const column = await prisma.column.findFirst({
    where: { slug, ...publicColumn },
    include: { children: { where: publicColumn, orderBy: columnOrder() } },
  });
  if (!column) return null;
  // A 征求意见 column lists the published consultations (S2), in the shape of a document list.
  if (column.kind === 'consultation') {
    const { total, items } = await consultationColumnItems(context, page, pageSize);
    const pages = Math.max(1, Math.ceil(total / pageSize));
    if (page > pages) return null;
    return {
      column: { id: column.id, slug: column.slug, name: column.name, description: column.description },
      meta: { column: columnMetadata(column) },
      disclosureSection: false,
      children: column.children.map((c: ColumnLink) => ({ slug: c.slug, name: c.name })),
      documents: items,
      listsInterpretations: false,
      page,
      pages,
      previous: page > 1 ? page - 1 : null,
      next: page < pages ? page + 1 : null,
      total,
    };
  }
  const ids = [column.id, ...column.children.map((c: { id: string }) => c.id)];
  // A 政策解读 column lists the published interpretations; any other its documents.
  const listsInterpretations = column.kind === 'interpretation';
  // A 领导信箱 column lists the published replies to messages (S11, N5).
  const messages = column.kind === 'mailbox' ? await mailboxColumnItems(context, page, pageSize) : null;
  const listed = messages || listsInterpretations ? null : await publicDocumentsIn(prisma, ids);
  const total = messages ? messages.total : listed ? listed.length : await prisma.interpretation.count({ where: publicInterpretation });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (page > pages) return null;
  const select = { id: true, title: true, publishedAt: true } as const;
  const onPage = listed?.slice((page - 1) * pageSize, page * pageSize).map((d) => d.id) ?? [];
  const docs: { id: string; title: string; publishedAt: Date | null; url?: string }[] = messages
    ? messages.items
    : listed
      ? inOrderOf(onPage, await prisma.document.findMany({ where: { ...publicDocument, id: { in: onPage } }, select }))
      : await prisma.interpretation.findMany({
          where: publicInterpretation,
          orderBy: { publishedAt: 'desc' },
          skip: (page - 1) * pageSize,
          take: pageSize,
          select,
        });
  return {
    column: { id: column.id, slug: column.slug, name: column.name, description: column.description },
    meta: { column: columnMetadata(column) },
    // The 政府信息公开 section leads to the 主动公开目录 (S3).
    disclosureSection: column.kind === 'disclosure',
    // A 政策文件 column leads to the library of normative documents and their validity (N19).
    policySection: column.kind === 'policy' && !column.parentId && /政策文件|规范性文件/.test(column.name),
    // A 领导信箱 column leads to the letter form and the look-up (S11).
    mailboxSection: column.kind === 'mailbox',
    children: column.children.map((c: ColumnLink) => ({ slug: c.slug, name: c.name })),
    documents: docs.map((d) => ({ ...summary(d), url: d.url ?? `/${listsInterpretations ? 'interpretations' : 'documents'}/${d.id}` })),
    listsInterpretations,
    page,
    pages,
    previous: page > 1 ? page - 1 : null,
    next: page < pages ? page + 1 : null,
    total,
  };
}

const documentPageInclude = {
  columns: {
    where: publicColumn,
    orderBy: columnOrder(),
    select: { slug: true, name: true, description: true, keywords: true, kind: true },
  },
  interpretations: { where: publicInterpretation, select: { id: true, title: true, publishedAt: true } },
  attachments: { select: { id: true, title: true, kind: true, file_filename: true, altText: true, caption: true, textVersion: true } },
  guideForms: { select: { id: true, title: true, file_filename: true } },
  replacedBy: { select: successorSelect },
} as const;

/**
 * The pages of public documents (S1), in the order of `ids`, null where a document is not public: read
 * together, a few queries for a batch of pages (site/routes.ts batches the reads of pages rendered at once).
 */
export async function documentsData(context: DatabaseContext, ids: readonly string[]) {
  const prisma = context.sudo().prisma;
  const rows = await readDocumentPages(prisma, ids);
  // N19: what each amended or replaced.
  const replacing = await prisma.document.findMany({
    where: { ...publicDocument, replacedById: { in: rows.map((d) => d.id) } },
    orderBy: [{ formationDate: 'asc' }, { id: 'asc' }],
    select: { id: true, title: true, validity: true, replacedById: true },
  });
  const replacedBy = new Map<string, typeof replacing>();
  for (const r of replacing) {
    if (!r.replacedById) continue;
    const list = replacedBy.get(r.replacedById) ?? [];
    list.push(r);
    replacedBy.set(r.replacedById, list);
  }
  const byId = new Map(rows.map((d) => [d.id, d]));
  return Promise.all(
    ids.map((id) => {
      const doc = byId.get(id);
      return doc ? documentPage(context, doc, replacedBy.get(id) ?? []) : null;
    }),
  );
}

function readDocumentPages(prisma: PrismaClient, ids: readonly string[]) {
  return prisma.document.findMany({ where: { id: { in: [...ids] }, ...publicDocument }, include: documentPageInclude });
}
type DocumentPageRow = Awaited<ReturnType<typeof readDocumentPages>>[number];

async function documentPage(context: DatabaseContext, doc: DocumentPageRow, replaces: { id: string; title: string; validity: string }[]) {
  const source = doc.origin === 'reprint' && doc.sourceName ? doc.sourceName : doc.issuingAuthority;
  const files = (media: { title: string; file_filename: string | null }[]) =>
    media.filter((a) => a.file_filename).map((a) => ({ title: a.title, url: `/media/${a.file_filename}` }));
  return {
    // N18: the column it is listed in (the first, in the navigation's order) and the article's tags.
    meta: {
      column: doc.columns.length ? columnMetadata(doc.columns[0]) : await sectionOfKind(context, 'policy'),
      article: {
        title: doc.title,
        published: doc.publishedAt,
        source,
        author: doc.issuingAuthority || source,
        keywords: [doc.topic, ...doc.columns.map((c: { name: string }) => c.name)].filter(Boolean).join(','),
        description: articleDescription(publicBodyText(doc)),
        path: `/documents/${doc.id}`,
      },
    },
    id: doc.id,
    title: maskPersonalData(doc.title),
    indexNumber: doc.indexNumber ?? '',
    issuingAuthority: doc.issuingAuthority,
    documentNumber: doc.documentNumber,
    formationDate: calendarDayOf(doc.formationDate) ?? '',
    publishedDate: day(doc.publishedAt),
    topic: doc.topic,
    openCategory: openCategoryOptions.find((o) => o.value === doc.openCategory)?.label ?? '',
    // 删减后公开: the public reads the redacted text only.
    bodyHtml:
      doc.origin === 'reprint' && doc.reprintBody ? renderReprintBody(doc.reprintBody) : await renderRichTextWithCharts(publicBodyOf(doc)),
    redacted: doc.disclosure === 'redacted',
    reprint: doc.origin === 'reprint' ? { sourceName: doc.sourceName, sourceUrl: doc.sourceUrl } : null,
    columns: doc.columns.map((c: ColumnLink) => ({ slug: c.slug, name: c.name })),
    interpretations: doc.interpretations.map(summary),
    attachments: files(doc.attachments),
    // A 长图 attached to a document shows on its page beside its 文字版 (N16), and stays downloadable.
    longImages: doc.attachments
      .filter((a) => a.kind === 'longImage')
      .filter(hasFile)
      .map(pictureView),
    validity: validityView(doc as ValidityRow, doc.replacedBy),
    replaces: replaces.map((r: { id: string; title: string; validity: string }) => ({
      id: r.id,
      title: maskPersonalData(r.title),
      how: r.validity === 'amended' ? '修改' : '废止',
    })),
    // N6: a 办事指南 shows one section per element.
    guide: doc.documentKind === 'serviceGuide' ? { sections: guideSections(doc as unknown as GuideFields, files(doc.guideForms)) } : null,
  };
}

interface PictureRow {
  title: string;
  kind: string;
  altText: string;
  caption: string;
  file_filename: string;
  textVersion: string;
}

/** A media item whose file is stored (only such can be shown). */
function hasFile<T extends { file_filename: string | null }>(m: T): m is T & { file_filename: string } {
  return Boolean(m.file_filename);
}

/** A picture as a page shows it; a 长图 with its 文字版 beside it (N16), one paragraph a line. */
function pictureView(m: PictureRow) {
  return {
    url: `/media/${m.file_filename}`,
    alt: m.altText || m.title,
    caption: m.caption,
    textVersion:
      m.kind === 'longImage'
        ? maskPersonalData(m.textVersion)
            .split(/\n+/)
            .map((line) => line.trim())
            .filter(Boolean)
        : null,
    title: maskPersonalData(m.title),
  };
}

/** The rich text the public reads of a document: 删减后公开 shows the redacted text only (S1). */
function publicBodyOf(doc: { origin?: string; disclosure: string | null; body: unknown; redactedBody: unknown }): unknown {
  if (doc.origin === 'reprint') return null;
  return doc.disclosure === 'redacted' ? doc.redactedBody : doc.body;
}

/**
 * The picture of chart number `n` (from 1, in the order of the body) of a public document or interpretation,
 * as SVG: its stable address is what feeds and other sites show, with the chart's text as alt text.
 */
export async function chartSvgData(
  context: DatabaseContext,
  kind: 'documents' | 'interpretations',
  id: string,
  n: number,
): Promise<string | null> {
  const prisma = context.sudo().prisma;
  const item =
    kind === 'documents'
      ? await prisma.document.findFirst({ where: { id, ...publicDocument } })
      : await prisma.interpretation.findFirst({ where: { id, ...publicInterpretation } });
  if (!item) return null;
  const body = 'origin' in item ? publicBodyOf(item) : item.body;
  const svgs = await chartSvgsOf(body);
  return svgs[n - 1] ?? null;
}

/** The charts of a public item as feed images: their stable SVG address and their text, every value (N16). */
function chartImages(body: unknown, itemUrl: string): { url: string; alt: string }[] {
  return chartBlocksOf(body).flatMap((input, i) => {
    const { chart } = publicChart(input);
    return chart ? [{ url: `${itemUrl}/charts/${i + 1}.svg`, alt: chartAltText(chart) }] : [];
  });
}

const interpretationMedia = {
  select: { title: true, kind: true, file_filename: true, altText: true, caption: true, textVersion: true },
} as const;
const interpretationPageInclude = {
  documents: {
    where: publicDocument,
    select: {
      id: true,
      title: true,
      publishedAt: true,
      regulatoryKind: true,
      effectiveFrom: true,
      validUntil: true,
      repealedOn: true,
      validity: true,
      replacedBy: { select: successorSelect },
    },
  },
  images: interpretationMedia,
  video: interpretationMedia,
  videoPoster: interpretationMedia,
  videoCaptions: interpretationMedia,
} as const;

function readInterpretationPages(prisma: PrismaClient, ids: readonly string[]) {
  return prisma.interpretation.findMany({ where: { id: { in: [...ids] }, ...publicInterpretation }, include: interpretationPageInclude });
}

/** The pages of public interpretations (S1), in the order of `ids`, null where one is not public (read together, as documentsData). */
export async function interpretationsData(context: DatabaseContext, ids: readonly string[]) {
  const rows = await readInterpretationPages(context.sudo().prisma, ids);
  if (!rows.length) return ids.map(() => null);
  // The same for every page of the batch.
  const base = await baseUrl(context);
  const column = await sectionOfKind(context, 'interpretation');
  const byId = new Map(rows.map((jd) => [jd.id, jd]));
  return Promise.all(
    ids.map((id) => {
      const jd = byId.get(id);
      return jd ? interpretationPage(jd, base, column) : null;
    }),
  );
}

async function interpretationPage(
  jd: Awaited<ReturnType<typeof readInterpretationPages>>[number],
  base: string,
  column: Awaited<ReturnType<typeof sectionOfKind>>,
) {
  const url = (m: { file_filename: string | null } | null) => (m?.file_filename ? `/media/${m.file_filename}` : null);
  const image = jd.images.find((m: { file_filename: string | null }) => m.file_filename);
  return {
    // N18: the 政策解读 column and the article's tags (its first picture as Image).
    meta: {
      column,
      article: {
        title: jd.title,
        published: jd.publishedAt,
        source: '',
        author: '',
        keywords: ['政策解读', ...jd.documents.map((d: { title: string }) => maskPersonalData(d.title))].join(','),
        description: articleDescription(plainText(jd.body)),
        image: image ? `${base}${url(image)}` : undefined,
        path: `/interpretations/${jd.id}`,
      },
    },
    id: jd.id,
    title: maskPersonalData(jd.title),
    publishedDate: day(jd.publishedAt),
    bodyHtml: await renderRichTextWithCharts(jd.body),
    documents: jd.documents.map(summary),
    // N19: an interpretation of a document no longer in force says so, as the document's page does.
    validityBanners: jd.documents
      .map((d: { id: string; title: string; replacedBy: Parameters<typeof validityView>[1] } & ValidityRow) => ({
        document: { id: d.id, title: maskPersonalData(d.title) },
        view: validityView(d, d.replacedBy),
      }))
      .filter((b: { view: ReturnType<typeof validityView> }) => b.view?.banner),
    images: jd.images.filter(hasFile).map(pictureView),
    video: jd.video?.file_filename
      ? { url: url(jd.video), poster: url(jd.videoPoster), captions: url(jd.videoCaptions), title: jd.video.title }
      : null,
  };
}

/** The first public column of a kind (the 政策解读 column for an interpretation), or the kind itself as a section. */
async function sectionOfKind(context: DatabaseContext, kind: string) {
  const column = await context.sudo().prisma.column.findFirst({
    where: { kind, ...publicColumn },
    orderBy: columnOrder(),
    select: { name: true, description: true, keywords: true, kind: true },
  });
  const label = columnKindOptions.find((o) => o.value === kind)?.label ?? '综合';
  return columnMetadata(column ?? { name: label, description: '', keywords: '', kind });
}

const summaryLength = 200;

/** The base URL the site is known by (site settings), without a trailing slash. */
export async function baseUrl(context: DatabaseContext): Promise<string> {
  const settings = await context.sudo().prisma.siteSettings.findFirst();
  return String(settings?.baseUrl ?? 'http://localhost:3000').replace(/\/+$/, '');
}

/** The latest public documents (of a column and its children, or of the whole site with interpretations). */
export async function feedData(context: DatabaseContext, slug: string | null, limit = 50) {
  const prisma = context.sudo().prisma;
  const base = await baseUrl(context);
  let column: { id: string; name: string; slug: string; kind: string; description: string } | null = null;
  let latest: string[] | null = null;
  if (slug) {
    const found = await prisma.column.findFirst({
      where: { slug, ...publicColumn },
      include: { children: { where: publicColumn, select: { id: true } } },
    });
    if (!found) return null;
    column = found;
    const ids = [found.id, ...found.children.map((c: { id: string }) => c.id)];
    if (found.kind !== 'interpretation') latest = (await publicDocumentsIn(prisma, ids, limit)).map((d) => d.id);
  }
  // A 政策解读 column's feed lists its interpretations (it read no documents above).
  const interpretationsOnly = column?.kind === 'interpretation';
  const docs = interpretationsOnly
    ? []
    : latest
      ? inOrderOf(latest, await prisma.document.findMany({ where: { ...publicDocument, id: { in: latest } } }))
      : await prisma.document.findMany({ where: publicDocument, orderBy: { publishedAt: 'desc' }, take: limit });
  // A feed item needs its date: every published item has one.
  const items = docs.flatMap((d) =>
    d.publishedAt
      ? [
          {
            title: maskPersonalData(d.title),
            url: `${base}/documents/${d.id}`,
            published: d.publishedAt,
            // N15: masked before it is cut, so the cut never leaves part of a number in the clear.
            summary: maskedExcerpt(publicBodyText(d), summaryLength),
            images: chartImages(publicBodyOf(d), `${base}/documents/${d.id}`),
          },
        ]
      : [],
  );
  if (!slug || interpretationsOnly) {
    const jds = await prisma.interpretation.findMany({ where: publicInterpretation, orderBy: { publishedAt: 'desc' }, take: limit });
    for (const j of jds) {
      if (!j.publishedAt) continue;
      const url = `${base}/interpretations/${j.id}`;
      items.push({
        title: maskPersonalData(j.title),
        url,
        published: j.publishedAt,
        summary: maskedExcerpt(plainText(j.body), summaryLength),
        images: chartImages(j.body, url),
      });
    }
    items.sort((a, b) => b.published.getTime() - a.published.getTime());
  }
  const frame = await siteFrame(context);
  return {
    base,
    cacheTags: column && !interpretationsOnly ? [`column:${column.id}`] : ['documents', 'interpretations'],
    channel: {
      title: column ? `${column.name} - ${frame.siteName}` : frame.siteName,
      description: column?.description || `${frame.siteName}发布的政府信息`,
      url: column ? `${base}/columns/${column.slug}` : `${base}/`,
    },
    items: items.slice(0, limit),
  };
}

/** Every public page, for sitemap.xml. */
export async function sitemapData(context: DatabaseContext) {
  const prisma = context.sudo().prisma;
  const base = await baseUrl(context);
  const columns = await prisma.column.findMany({ where: publicColumn, orderBy: columnOrder(), select: { slug: true } });
  const docs = await prisma.document.findMany({ where: publicDocument, select: { id: true, publishedAt: true } });
  const jds = await prisma.interpretation.findMany({ where: publicInterpretation, select: { id: true, publishedAt: true } });
  const entries = await prisma.catalogueEntry.findMany({ orderBy: [{ order: 'asc' }, { id: 'asc' }], select: { id: true } });
  const messages = await prisma.message.findMany({ where: publicMessage, select: { id: true, replyPublishedAt: true } });
  return [
    { url: `${base}/` },
    ...columns.map((c: { slug: string }) => ({ url: `${base}/columns/${c.slug}` })),
    { url: `${base}/disclosure/catalogue` },
    ...entries.map((e: { id: string }) => ({ url: `${base}/disclosure/catalogue/${e.id}` })),
    ...docs.map((d: { id: string; publishedAt: Date | null }) => ({ url: `${base}/documents/${d.id}`, lastModified: d.publishedAt })),
    ...jds.map((d: { id: string; publishedAt: Date | null }) => ({ url: `${base}/interpretations/${d.id}`, lastModified: d.publishedAt })),
    { url: `${base}/mailbox` },
    ...messages.map((m) => ({ url: `${base}/mailbox/${m.id}`, lastModified: m.replyPublishedAt })),
  ];
}

export type SearchType = 'all' | 'documents' | 'interpretations';

/** A short piece of text around the first hit, masked before it is cut (N15), the words marked. */
function snippet(text: string, terms: string[]): string {
  const masked = maskPersonalData(text.replace(/\s+/g, ' '));
  const start = Math.max(0, firstHit(masked, terms) - 40);
  return markTerms(masked.slice(start, start + 120), terms);
}

/**
 * Search over published documents and interpretations. Chinese has no word spaces, so each word of the query
 * (search-terms.ts) is matched as a substring of an item's search text, and an item must hold them all, in any
 * order (the same on SQLite and PostgreSQL); results are counted by category and listed newest first, the words
 * marked in their titles and excerpts.
 */
export async function searchData(context: DatabaseContext, query: string, type: SearchType, page: number) {
  const prisma = context.sudo().prisma;
  const terms = searchTerms(query);
  const match = { AND: terms.map((term) => ({ searchText: { contains: term } })) };
  const docWhere = { ...publicDocument, ...match };
  const jdWhere = { ...publicInterpretation, ...match };
  const [documentCount, interpretationCount] = [
    await prisma.document.count({ where: docWhere }),
    await prisma.interpretation.count({ where: jdWhere }),
  ];
  const take = pageSize * page;
  type Hit = { id: string; title: string; publishedAt: Date | null; searchText: string };
  const docs: Hit[] =
    type === 'interpretations'
      ? []
      : await prisma.document.findMany({
          where: docWhere,
          orderBy: { publishedAt: 'desc' },
          take,
          select: { id: true, title: true, publishedAt: true, searchText: true },
        });
  const jds: Hit[] =
    type === 'documents'
      ? []
      : await prisma.interpretation.findMany({
          where: jdWhere,
          orderBy: { publishedAt: 'desc' },
          take,
          select: { id: true, title: true, publishedAt: true, searchText: true },
        });
  const results = [
    ...docs.map((d) => ({
      ...summary(d),
      kind: '文件',
      url: `/documents/${d.id}`,
      titleHtml: markTerms(maskPersonalData(d.title), terms),
      snippetHtml: snippet(d.searchText, terms),
    })),
    ...jds.map((d) => ({
      ...summary(d),
      kind: '解读',
      url: `/interpretations/${d.id}`,
      titleHtml: markTerms(maskPersonalData(d.title), terms),
      snippetHtml: snippet(d.searchText, terms),
    })),
  ]
    .sort((a, b) => b.date.localeCompare(a.date))
    .slice((page - 1) * pageSize, page * pageSize);
  const total =
    type === 'documents' ? documentCount : type === 'interpretations' ? interpretationCount : documentCount + interpretationCount;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return {
    query,
    manyWords: terms.length > 1,
    type,
    results,
    documentCount,
    interpretationCount,
    total,
    page,
    pages,
    previous: page > 1 ? page - 1 : null,
    next: page < pages ? page + 1 : null,
  };
}

type CatalogueRow = {
  id: string;
  area: string;
  subject: string;
  content: string;
  basis: string;
  timeLimit: string;
  method: string;
  department: { name: string } | null;
  documents: { id: string; title: string; publishedAt: Date | null }[];
  _count: { documents: number };
};
const cataloguePreview = 5;

function catalogueEntryView(entry: CatalogueRow) {
  return {
    id: entry.id,
    area: openCategoryOptions.find((o) => o.value === entry.area)?.label ?? '',
    subject: entry.subject,
    content: entry.content,
    basis: entry.basis,
    timeLimit: entry.timeLimit,
    method: entry.method,
    department: entry.department?.name ?? '',
    documents: entry.documents.map(summary),
    total: entry._count.documents,
  };
}

/** 主动公开目录 (S3): the catalogue by area of the 五公开, each entry with its latest public documents. */
export async function catalogueData(context: DatabaseContext) {
  const entries = (await context.sudo().prisma.catalogueEntry.findMany({
    orderBy: [{ order: 'asc' }, { subject: 'asc' }],
    include: {
      department: { select: { name: true } },
      documents: {
        where: publicDocument,
        orderBy: { publishedAt: 'desc' },
        take: cataloguePreview,
        select: { id: true, title: true, publishedAt: true },
      },
      _count: { select: { documents: { where: publicDocument } } },
    },
  })) as CatalogueRow[];
  const areas = openCategoryOptions
    .map((o) => ({
      label: o.label,
      entries: entries
        .filter((e) => e.area === o.value)
        .map((e) => ({ ...catalogueEntryView(e), more: e._count.documents > cataloguePreview })),
    }))
    .filter((a) => a.entries.length);
  return { title: '主动公开目录', areas, cacheTags: ['catalogue'] };
}

/** One catalogue entry with all its public documents, paginated. */
export async function catalogueEntryData(context: DatabaseContext, id: string, page: number) {
  const prisma = context.sudo().prisma;
  const entry = (await prisma.catalogueEntry.findFirst({
    where: { id },
    include: {
      department: { select: { name: true } },
      documents: {
        where: publicDocument,
        orderBy: { publishedAt: 'desc' },
        skip: (page - 1) * pageSize,
        take: pageSize,
        select: { id: true, title: true, publishedAt: true },
      },
      _count: { select: { documents: { where: publicDocument } } },
    },
  })) as CatalogueRow | null;
  if (!entry) return null;
  const pages = Math.max(1, Math.ceil(entry._count.documents / pageSize));
  if (page > pages) return null;
  return {
    title: entry.subject,
    entry: catalogueEntryView(entry),
    page,
    pages,
    previous: page > 1 ? page - 1 : null,
    next: page < pages ? page + 1 : null,
    cacheTags: ['catalogue'],
  };
}

/**
 * Everything of the site itself that is published as files (S1: the same filters as the pages): single pages,
 * and lists whose further pages exist as long as the list has them. Features add theirs (kit.ts, PublicUrls).
 * The charts' pictures need the bodies: they are read only for the items `readCharts` names (all, in a full
 * publication; the changed ones otherwise), a batch at a time, and the publisher keeps the published ones of the rest.
 */
export async function sitePublicUrls(
  context: DatabaseContext,
  readCharts: (kind: 'documents' | 'interpretations', id: string) => boolean = () => true,
): Promise<{ pages: string[]; lists: string[] }> {
  const prisma = context.sudo().prisma;
  const columns = await prisma.column.findMany({ where: publicColumn, orderBy: { slug: 'asc' }, select: { slug: true } });
  const entries = await prisma.catalogueEntry.findMany({ orderBy: { id: 'asc' }, select: { id: true } });
  const pages = ['/', '/robots.txt', '/sitemap.xml', '/feed.xml', '/atom.xml', '/disclosure/catalogue'];
  for (const c of columns) pages.push(`/columns/${c.slug}/feed.xml`, `/columns/${c.slug}/atom.xml`);
  const docs = await prisma.document.findMany({ where: publicDocument, orderBy: { id: 'asc' }, select: { id: true } });
  const jds = await prisma.interpretation.findMany({ where: publicInterpretation, orderBy: { id: 'asc' }, select: { id: true } });
  for (const d of docs) pages.push(`/documents/${d.id}`);
  for (const d of jds) pages.push(`/interpretations/${d.id}`);
  const batch = 500;
  const docIds = docs.map((d) => d.id).filter((id) => readCharts('documents', id));
  for (let i = 0; i < docIds.length; i += batch) {
    const rows = await prisma.document.findMany({
      where: { id: { in: docIds.slice(i, i + batch) } },
      select: { id: true, origin: true, disclosure: true, body: true, redactedBody: true },
    });
    for (const d of rows) chartBlocksOf(publicBodyOf(d)).forEach((_, n) => pages.push(`/documents/${d.id}/charts/${n + 1}.svg`));
  }
  const jdIds = jds.map((d) => d.id).filter((id) => readCharts('interpretations', id));
  for (let i = 0; i < jdIds.length; i += batch) {
    const rows = await prisma.interpretation.findMany({
      where: { id: { in: jdIds.slice(i, i + batch) } },
      select: { id: true, body: true },
    });
    for (const d of rows) chartBlocksOf(d.body).forEach((_, n) => pages.push(`/interpretations/${d.id}/charts/${n + 1}.svg`));
  }
  return {
    pages,
    lists: [...columns.map((c) => `/columns/${c.slug}`), ...entries.map((e) => `/disclosure/catalogue/${e.id}`)],
  };
}
