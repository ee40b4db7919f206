import type { Context } from '../../platform/db/prisma.js';
import { inPublication } from './publication.js';

/**
 * Publishes what was approved for a later time once that time has come (定时发布): documents and
 * interpretations in status 'scheduled' whose publish time is due. Run by the scheduler each minute;
 * a document and its interpretations scheduled together go live in the same transaction, published by
 * the system at the time they were scheduled for.
 */
export async function publishDueItems(context: Context, now: Date = new Date()): Promise<{ documents: number; interpretations: number }> {
  const due = { where: { status: 'scheduled', publishedAt: { lte: now } }, select: { id: true } } as const;
  return inPublication(context, async (tx, publication) => {
    const documents = await tx.document.findMany(due);
    const interpretations = await tx.interpretation.findMany(due);
    await publication.publish(
      [
        ...documents.map(({ id }) => ({ listKey: 'Document' as const, id })),
        ...interpretations.map(({ id }) => ({ listKey: 'Interpretation' as const, id })),
      ],
      { action: 'scheduledPublish', actor: null, at: now },
    );
    return { documents: documents.length, interpretations: interpretations.length };
  });
}
