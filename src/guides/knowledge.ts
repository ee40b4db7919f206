import type { Context } from '../platform/db/prisma.js';
import type { KnownServiceGuide } from '../monitor/core/types.js';
import { publicDocument } from '../platform/access/documents.js';
import { missingGuideElements, type GuideFields } from './core/guides.js';

/** N6: the published 办事指南 as the monitor checks them — their missing elements, forms and online link. */
export async function serviceGuideKnowledge(context: Context): Promise<KnownServiceGuide[]> {
  const rows = (await context.sudo().prisma.document.findMany({
    where: { ...publicDocument, documentKind: 'serviceGuide' },
    include: { guideForms: { select: { file_filename: true } } },
  })) as (GuideFields & { id: string; title: string; guideForms: { file_filename: string | null }[] })[];
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    url: `/documents/${row.id}`,
    missing: missingGuideElements(row).map((e) => e.label),
    formUrls: row.guideForms.filter((f) => f.file_filename).map((f) => `/media/${f.file_filename}`),
    onlineUrl: row.guideOnlineUrl?.trim() || null,
  }));
}
