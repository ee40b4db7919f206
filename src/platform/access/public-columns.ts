import type { PrismaClient } from '../db/prisma.js';
import { publicDocument } from './documents.js';

export interface DatedDocument {
  id: string;
  publishedAt: Date | null;
}

/** Newest first; documents published at the same moment by id, so every page of a list agrees. */
export function newestFirst(a: DatedDocument, b: DatedDocument): number {
  const at = (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0);
  return at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * The public documents (S1) of columns, newest first, as ids and dates: all of them, or the latest `limit`. Read from
 * the columns' side, which follows the link table's index: a filter from the documents' side (`columns: { some }`)
 * has SQLite test every document in turn, a fifth of a second for each page of each column of a 10,000-document
 * site. The latest of the union are among each column's own latest, so with `limit` (the home page's sections and
 * the feeds, rendered at every publication) a column's other documents are never read.
 */
export async function publicDocumentsIn(prisma: PrismaClient, columnIds: string[], limit?: number): Promise<DatedDocument[]> {
  const columns = await prisma.column.findMany({
    where: { id: { in: columnIds } },
    select: {
      documents: {
        where: publicDocument,
        select: { id: true, publishedAt: true },
        ...(limit === undefined
          ? {}
          : // As `newestFirst`: undated last (PostgreSQL would put them first).
            { orderBy: [{ publishedAt: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }], take: limit }),
      },
    },
  });
  const byId = new Map<string, DatedDocument>();
  for (const column of columns) for (const document of column.documents) byId.set(document.id, document);
  return [...byId.values()].sort(newestFirst).slice(0, limit);
}

/** Rows read by id, put back in the order of `ids`. */
export function inOrderOf<T extends { id: string }>(ids: string[], rows: T[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
