import type { KeystoneContext } from '@keystone-6/core/types';

/**
 * Publishes what was approved for a later time once that time has come: documents and
 * interpretations in status 'scheduled' whose publish time is due. Run by the scheduler each minute;
 * a document and its interpretations scheduled together go live in the same transaction.
 */
export async function publishDueItems(context: KeystoneContext, now: Date = new Date()): Promise<{ documents: number; interpretations: number }> {
  const due = { status: 'scheduled', publishedAt: { lte: now } };
  const [documents, interpretations] = await context.prisma.$transaction([
    context.prisma.document.updateMany({ where: due, data: { status: 'published' } }),
    context.prisma.interpretation.updateMany({ where: due, data: { status: 'published' } }),
  ]);
  return { documents: documents.count, interpretations: interpretations.count };
}
