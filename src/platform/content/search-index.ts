import { maskPersonalData } from '../privacy/mask.js';
import { maskReprintHtml } from './render-reprint.js';
import { searchTextOf } from './search-text.js';
import type { Context } from '../db/prisma.js';

const batch = 200;

/**
 * Brings stored rows up to today's rules for public text (issue 14 #11, N15): every document's and
 * interpretation's search text as `searchTextOf` makes it now (masked), and every reprint's title and
 * body masked at rest, as new reprints are stored. Rows already right are not written, so it is cheap
 * to run at every start (`gongkai start`), and instances starting together write the same values.
 */
export async function rebuildPublicText(context: Context): Promise<{ documents: number; interpretations: number }> {
  const prisma = context.sudo().prisma;
  let documents = 0;
  let interpretations = 0;
  for (let cursor: string | undefined; ;) {
    const rows = await prisma.document.findMany({
      take: batch,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      orderBy: { id: 'asc' },
      select: {
        id: true,
        title: true,
        documentNumber: true,
        disclosure: true,
        body: true,
        redactedBody: true,
        reprintBody: true,
        origin: true,
        searchText: true,
      },
    });
    for (const row of rows) {
      const reprint = row.origin === 'reprint';
      const title = reprint ? maskPersonalData(row.title) : row.title;
      const reprintBody = reprint && row.reprintBody ? maskReprintHtml(row.reprintBody) : row.reprintBody;
      const searchText = searchTextOf({ ...row, title, reprintBody });
      if (title === row.title && reprintBody === row.reprintBody && searchText === row.searchText) continue;
      await prisma.document.update({ where: { id: row.id }, data: { title, reprintBody, searchText } });
      documents++;
    }
    if (rows.length < batch) break;
    cursor = rows[rows.length - 1].id;
  }
  for (let cursor: string | undefined; ;) {
    const rows = await prisma.interpretation.findMany({
      take: batch,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      orderBy: { id: 'asc' },
      select: { id: true, title: true, body: true, searchText: true },
    });
    for (const row of rows) {
      const searchText = searchTextOf(row);
      if (searchText === row.searchText) continue;
      await prisma.interpretation.update({ where: { id: row.id }, data: { searchText } });
      interpretations++;
    }
    if (rows.length < batch) break;
    cursor = rows[rows.length - 1].id;
  }
  return { documents, interpretations };
}
