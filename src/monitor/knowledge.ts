import { columnKindFromCms, type OwnSiteKnowledge } from './core/index.js';
import { consultationUpdateDates } from '../consultation/data.js';
import { publicDocument, publicInterpretation } from '../platform/access/documents.js';
import { publicDocumentsIn } from '../platform/access/public-columns.js';
import { homeData } from '../site/data.js';
import { messageKnowledge, publicMessage } from '../mailbox/public-data.js';
import { serviceGuideKnowledge } from '../guides/knowledge.js';
import { datedItemKnowledge } from '../validity/knowledge.js';
import { type Context, type PrismaClient } from '../platform/db/prisma.js';

/**
 * The public items a column's page lists, and the dates of the newest five: its own documents and its
 * sub-columns'; a 政策解读 column lists the interpretations, a 领导信箱 column the published replies (N5).
 */
async function listedItems(
  prisma: PrismaClient,
  column: { id: string; kind: string; children: { id: string }[] },
): Promise<{ count: number; dates: Date[] }> {
  if (column.kind === 'mailbox') {
    const [count, rows] = await Promise.all([
      prisma.message.count({ where: publicMessage }),
      prisma.message.findMany({ where: publicMessage, orderBy: { replyPublishedAt: 'desc' }, take: 5, select: { replyPublishedAt: true } }),
    ]);
    return { count, dates: rows.flatMap((r) => r.replyPublishedAt ?? []) };
  }
  if (column.kind === 'interpretation') {
    const [count, rows] = await Promise.all([
      prisma.interpretation.count({ where: publicInterpretation }),
      prisma.interpretation.findMany({
        where: publicInterpretation,
        orderBy: { publishedAt: 'desc' },
        take: 5,
        select: { publishedAt: true },
      }),
    ]);
    return { count, dates: rows.flatMap((r) => r.publishedAt ?? []) };
  }
  const listed = await publicDocumentsIn(prisma, [column.id, ...column.children.map((c) => c.id)]);
  return { count: listed.length, dates: listed.slice(0, 5).flatMap((r) => r.publishedAt ?? []) };
}

/**
 * What the CMS knows of our own site, for the monitor's checks: the columns with their items' dates
 * (N3, N4), the newest item on the home page (N2), the links between documents and interpretations
 * (N11), the messages and their replies (N5), the service guides (N6), the items with a last day (N19)
 * and every document that must never be reachable (S1).
 */
export async function ownSiteKnowledge(context: Context): Promise<OwnSiteKnowledge> {
  const prisma = context.sudo().prisma;
  const columns = await prisma.column.findMany({
    where: { visibility: 'public' },
    include: { children: { where: { visibility: 'public' }, select: { id: true } } },
  });
  const known = [];
  for (const column of columns) {
    const listed = await listedItems(prisma, column);
    // A 征求意见 column lists consultations: each publication and adoption report is an update.
    const consultations = column.kind === 'consultation' ? await consultationUpdateDates(context) : null;
    known.push({
      id: column.id,
      name: column.name,
      url: `/columns/${column.slug}`,
      kind: columnKindFromCms(column.kind),
      itemDates: consultations ? consultations.dates.slice(0, 5) : listed.dates,
      itemCount: consultations ? consultations.count : listed.count,
    });
  }
  const home = await homeData(context);
  const homeDates = [...home.sections.flatMap((s) => s.documents), ...home.interpretations]
    .map((d) => d.date)
    .filter(Boolean)
    .sort();

  const docs = await prisma.document.findMany({
    where: publicDocument,
    select: { id: true, title: true, publishedAt: true, interpretations: { where: publicInterpretation, select: { id: true } } },
  });
  const jds = await prisma.interpretation.findMany({
    where: publicInterpretation,
    select: { id: true, title: true, publishedAt: true, documents: { where: publicDocument, select: { id: true } } },
  });
  const hidden = await prisma.document.findMany({ where: { NOT: publicDocument }, select: { id: true, title: true } });
  const hiddenJds = await prisma.interpretation.findMany({ where: { NOT: publicInterpretation }, select: { id: true, title: true } });
  return {
    homeLatestDate: homeDates.at(-1) ?? null,
    columns: known,
    messages: await messageKnowledge(context),
    documents: docs.map((d) => ({
      id: d.id,
      title: d.title,
      url: `/documents/${d.id}`,
      publishedAt: d.publishedAt,
      interpretationIds: d.interpretations.map((j) => j.id),
    })),
    interpretations: jds.map((j) => ({
      id: j.id,
      title: j.title,
      url: `/interpretations/${j.id}`,
      publishedAt: j.publishedAt,
      documentIds: j.documents.map((d) => d.id),
    })),
    serviceGuides: await serviceGuideKnowledge(context),
    datedItems: await datedItemKnowledge(context),
    nonPublicDocuments: [
      ...hidden.map((d) => ({ id: d.id, title: d.title, urls: [`/documents/${d.id}`] })),
      ...hiddenJds.map((j) => ({ id: j.id, title: j.title, urls: [`/interpretations/${j.id}`] })),
    ],
  };
}
