import type { KeystoneContext } from '@keystone-6/core/types';
import { recordRevision } from './revisions.js';
import { assignIndexNumber } from './index-number.js';
import { publicContentChanged } from '../site/invalidation.js';

/**
 * Publishes what was approved for a later time once that time has come: documents and
 * interpretations in status 'scheduled' whose publish time is due. Run by the scheduler each minute;
 * a document and its interpretations scheduled together go live in the same transaction, each
 * document with its published snapshot.
 */
export async function publishDueItems(context: KeystoneContext, now: Date = new Date()): Promise<{ documents: number; interpretations: number }> {
  const due = { status: 'scheduled', publishedAt: { lte: now } };
  type Tx = Parameters<typeof recordRevision>[0] & {
    document: { findMany(a: object): Promise<{ id: string; confidentialityReviewedById: string | null }[]>; updateMany(a: object): Promise<{ count: number }> };
    interpretation: { findMany(a: object): Promise<{ id: string }[]>; updateMany(a: object): Promise<{ count: number }> };
  } & Parameters<typeof assignIndexNumber>[0];
  const published = await context.prisma.$transaction(async (tx: Tx) => {
    const docs = await tx.document.findMany({ where: due, select: { id: true, confidentialityReviewedById: true } });
    await tx.document.updateMany({ where: { id: { in: docs.map((d) => d.id) } }, data: { status: 'published' } });
    for (const doc of docs) {
      await assignIndexNumber(tx, doc.id, now);
      await recordRevision(tx, doc.id, 'published', doc.confidentialityReviewedById, now);
    }
    const jds = await tx.interpretation.findMany({ where: due, select: { id: true } });
    await tx.interpretation.updateMany({ where: { id: { in: jds.map((j) => j.id) } }, data: { status: 'published' } });
    return { documents: docs.map((d) => d.id), interpretations: jds.map((j) => j.id) };
  });
  await publicContentChanged(context, published);
  return { documents: published.documents.length, interpretations: published.interpretations.length };
}
