import type { Context, DatabaseContext } from '../db/prisma.js';
import { pageCacheFor } from './cache.js';

/*
 * What a change to public content invalidates in the page cache (see cache.ts for the tags). The
 * workflow calls these after it publishes or withdraws; list hooks call them for other edits.
 */

interface ColumnRow {
  id: string;
  parentId: string | null;
}

/** A column and its ancestors: a column's lists include its descendants' documents. */
async function withAncestors(context: DatabaseContext, columns: ColumnRow[]): Promise<string[]> {
  const ids = new Set<string>();
  let pending = columns;
  for (let depth = 0; pending.length && depth < 20; depth++) {
    const parents = new Set<string>();
    for (const c of pending) {
      ids.add(c.id);
      if (c.parentId && !ids.has(c.parentId)) parents.add(c.parentId);
    }
    pending = parents.size
      ? await context.sudo().prisma.column.findMany({ where: { id: { in: [...parents] } }, select: { id: true, parentId: true } })
      : [];
  }
  return [...ids];
}

/** The tags of the pages that show any of these documents. */
export async function documentTags(context: DatabaseContext, ids: string[]): Promise<string[]> {
  const docs = await context.sudo().prisma.document.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      columns: { select: { id: true, parentId: true } },
      interpretations: { select: { id: true } },
      catalogueEntries: { select: { id: true } },
    },
  });
  const tags = new Set(['documents']);
  // N19: the pages of the documents they amend or repeal link to them from their banner.
  const replaced = await context.sudo().prisma.document.findMany({ where: { replacedById: { in: ids } }, select: { id: true } });
  for (const doc of replaced) tags.add(`doc:${doc.id}`);
  for (const doc of docs) {
    tags.add(`doc:${doc.id}`);
    for (const jd of doc.interpretations) tags.add(`interp:${jd.id}`);
    if (doc.catalogueEntries.length) tags.add('catalogue');
  }
  for (const column of await withAncestors(
    context,
    docs.flatMap((d) => d.columns),
  ))
    tags.add(`column:${column}`);
  return [...tags];
}

/** The tags of the pages that show any of these interpretations. */
export async function interpretationTags(context: DatabaseContext, ids: string[]): Promise<string[]> {
  const jds = await context
    .sudo()
    .prisma.interpretation.findMany({ where: { id: { in: ids } }, select: { id: true, documents: { select: { id: true } } } });
  const tags = new Set(['interpretations']);
  for (const jd of jds) {
    tags.add(`interp:${jd.id}`);
    for (const doc of jd.documents) tags.add(`doc:${doc.id}`);
  }
  return [...tags];
}

/** After documents and interpretations went public, changed while public, or left the public site. */
export async function publicContentChanged(
  context: DatabaseContext,
  { documents = [], interpretations = [] }: { documents?: string[]; interpretations?: string[] },
): Promise<void> {
  const tags = [
    ...(documents.length ? await documentTags(context, documents) : []),
    ...(interpretations.length ? await interpretationTags(context, interpretations) : []),
  ];
  if (tags.length) pageCacheFor(context).invalidate(tags);
}

type HookArgs = {
  operation: 'create' | 'update' | 'delete';
  item?: Record<string, unknown>;
  originalItem?: Record<string, unknown>;
  resolvedData?: Record<string, unknown>;
  context: Context;
};

/**
 * afterOperation for documents and interpretations edited outside the workflow. Only a public item
 * matters; a change of its links (columns, documents, catalogue) or a delete clears the whole cache,
 * since the pages it left can no longer be found from the item.
 */
export function afterPublicItemChange(kind: 'documents' | 'interpretations') {
  return async ({ operation, item, originalItem, resolvedData, context }: HookArgs) => {
    const wasPublic = originalItem?.status === 'published' || item?.status === 'published';
    if (!wasPublic) return;
    const relinked = ['columns', 'documents', 'interpretations', 'catalogueEntries'].some((field) => resolvedData?.[field] !== undefined);
    if (operation === 'delete' || relinked || !item) return pageCacheFor(context).clear();
    await publicContentChanged(context, { [kind]: [String(item.id)] });
  };
}

/** afterOperation for what every page shows (site settings, columns, media): everything goes. */
export const afterSiteWideChange = ({ context }: { context: Context }) => pageCacheFor(context).clear();

/** afterOperation for the 主动公开目录. */
export const afterCatalogueChange = ({ context }: { context: Context }) => pageCacheFor(context).invalidate(['catalogue']);
