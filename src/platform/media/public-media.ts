import type { DatabaseContext } from '../db/prisma.js';
import { pageCacheFor } from '../page-cache/cache.js';
import { publicDocument, publicInterpretation } from '../access/documents.js';
import { storedMediaRelationships } from './usage.js';

// Answers per file name, kept while the page cache's generation holds: whatever publishes, withdraws or
// changes media invalidates that cache, so images on cached pages cost no query each time.
const answers = new WeakMap<object, { generation: number; byName: Map<string, boolean> }>();
const maxRemembered = 10_000;

/**
 * The lists whose items the public sees, with what makes an item public (S1). Every relationship from
 * these lists to Media serves its files (read from the schema: a new media field of a document is covered);
 * a list not named here never makes a file public.
 */
const publicItems: Record<string, object> = { Document: publicDocument, Interpretation: publicInterpretation };

/**
 * Whether a stored file is shown by something public: a file linked by a public document or a published
 * interpretation, through any of their media fields (S1: nothing else is served to the public, however
 * its name became known).
 */
export async function isPublicMedia(context: DatabaseContext, filename: string): Promise<boolean> {
  const { generation } = pageCacheFor(context);
  let remembered = answers.get(context.prisma);
  if (!remembered || remembered.generation !== generation) answers.set(context.prisma, (remembered = { generation, byName: new Map() }));
  const known = remembered.byName.get(filename);
  if (known !== undefined) return known;
  const shownBy = storedMediaRelationships()
    .filter((r) => r.listKey in publicItems)
    .map((r) => ({ [r.mediaSide]: r.mediaSideMany ? { some: publicItems[r.listKey] } : { is: publicItems[r.listKey] } }));
  const count = shownBy.length ? await context.sudo().prisma.media.count({ where: { file_filename: filename, OR: shownBy } }) : 0;
  // Only an answer read without an invalidation in between is kept.
  if (pageCacheFor(context).generation === generation && remembered.byName.size < maxRemembered) remembered.byName.set(filename, count > 0);
  return count > 0;
}

/** The stored names of every file a public item shows (S1: the same test as isPublicMedia), for the published site. */
export async function publicMediaNames(context: DatabaseContext): Promise<string[]> {
  const shownBy = storedMediaRelationships()
    .filter((r) => r.listKey in publicItems)
    .map((r) => ({ [r.mediaSide]: r.mediaSideMany ? { some: publicItems[r.listKey] } : { is: publicItems[r.listKey] } }));
  if (!shownBy.length) return [];
  const rows = await context.sudo().prisma.media.findMany({ where: { OR: shownBy }, select: { file_filename: true } });
  return [...new Set(rows.map((r) => r.file_filename).filter((n): n is string => Boolean(n)))].sort();
}
