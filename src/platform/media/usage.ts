import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, projectRoot } from '../config/env.js';
import { listDb, prismaModel, type Context } from '../db/prisma.js';

/*
 * Where media are used, read from the Keystone schema itself (every relationship field of every list that
 * points at Media), never from a hand-kept list: a list or field added tomorrow that links media is covered
 * by the ownership, locking and serving rules without anyone remembering it (issue 14 #6).
 */

type Lists = Context['__internal']['lists'];

/** A relationship field of some list whose items link Media items. */
export interface MediaRelationship {
  /** The list that links media, and its field. */
  listKey: string;
  fieldKey: string;
  /** Whether that field holds many Media items. */
  many: boolean;
  /** The same relation seen from Media, as Prisma names it (e.g. `from_Document_attachments`). */
  mediaSide: string;
  mediaSideMany: boolean;
}

const found = new WeakMap<Lists, MediaRelationship[]>();

export function relationshipsToMedia(context: Context): MediaRelationship[] {
  const lists = context.__internal.lists;
  const known = found.get(lists);
  if (known) return known;
  const relationships: MediaRelationship[] = [];
  for (const list of Object.values(lists)) {
    for (const [fieldKey, field] of Object.entries(list.fields)) {
      const db = field.dbField;
      if (db.kind !== 'relation' || db.list !== 'Media') continue;
      const back = lists.Media.resolvedDbFields[db.field];
      relationships.push({
        listKey: list.listKey,
        fieldKey,
        many: db.mode === 'many',
        mediaSide: db.field,
        mediaSideMany: back?.kind === 'relation' && back.mode === 'many',
      });
    }
  }
  found.set(lists, relationships);
  return relationships;
}

/** Where `gongkai build` writes relationshipsToMedia, for a process that does not load Keystone (the publisher). */
export const mediaRelationshipsFile = path.join(projectRoot, 'generated/media-relationships.json');

/** Called by the build, once Keystone's lists are generated: the same relationships, read by storedMediaRelationships. */
export function writeMediaRelationships(context: Context): void {
  fs.writeFileSync(mediaRelationshipsFile, `${JSON.stringify(relationshipsToMedia(context), null, 2)}\n`);
}

let stored: MediaRelationship[] | null = null;

/** The relationships to Media as the last build read them from the lists (a test holds them equal to the live ones). */
export function storedMediaRelationships(): MediaRelationship[] {
  if (!stored) {
    try {
      stored = JSON.parse(fs.readFileSync(mediaRelationshipsFile, 'utf8')) as MediaRelationship[];
    } catch {
      throw new ConfigError(`缺少 ${path.relative(projectRoot, mediaRelationshipsFile)}：请先运行 gongkai build`);
    }
  }
  return stored;
}

/** An item that links a Media item. */
export interface MediaUse {
  listKey: string;
  /** The list's name in the Admin UI, e.g. 文件, 政策解读. */
  listLabel: string;
  id: string;
  title: string;
  /** Past its draft (submitted, in review, scheduled, published, withdrawn): its media are frozen. */
  holds: boolean;
}

/**
 * Whether an item has left its draft: a workflow `status` other than `draft`, or a publication date. What
 * such an item shows was reviewed or published, so the media it links may no longer change; a new version
 * goes through the workflow as a new Media item attached to a draft or a revision.
 */
export function holdsItsMedia(item: { status?: unknown; publishedAt?: unknown }): boolean {
  return (typeof item.status === 'string' && item.status !== 'draft') || (item.publishedAt !== undefined && item.publishedAt !== null);
}

/** Every item (at most 50 per relationship) that links this Media item, read regardless of access. */
export async function usesOfMedia(context: Context, mediaId: string): Promise<MediaUse[]> {
  const lists = context.__internal.lists;
  const prisma = context.sudo().prisma;
  const uses: MediaUse[] = [];
  for (const relationship of relationshipsToMedia(context)) {
    const list = lists[relationship.listKey];
    const scalar = (key: string) => list.fields[key]?.dbField.kind === 'scalar';
    const labelField = scalar(list.ui.labelField) ? list.ui.labelField : 'id';
    const select: Record<string, true> = { id: true, [labelField]: true };
    for (const key of ['status', 'publishedAt']) if (scalar(key)) select[key] = true;
    const rows = await prismaModel(prisma, list.prisma.listKey).findMany({
      where: { [relationship.fieldKey]: relationship.many ? { some: { id: mediaId } } : { is: { id: mediaId } } },
      select,
      take: 50,
    });
    for (const row of rows) {
      uses.push({
        listKey: list.listKey,
        listLabel: list.ui.labels.singular,
        id: String(row.id),
        title: String(row[labelField] || row.id),
        holds: holdsItsMedia(row),
      });
    }
  }
  return uses;
}

/**
 * The uses in a sentence for the person acting: the items they may read by list and title, the others
 * only counted (a refusal must not tell anyone what they cannot read).
 */
export async function describeUses(context: Context, uses: MediaUse[]): Promise<string> {
  const readable = new Set<string>();
  const byList = new Map<string, string[]>();
  for (const use of uses) byList.set(use.listKey, [...(byList.get(use.listKey) ?? []), use.id]);
  for (const [listKey, ids] of byList) {
    // What the person may not query at all stays unnamed.
    const rows = await listDb(context, listKey)
      .findMany({ where: { id: { in: ids } } })
      .catch(() => []);
    for (const row of rows) readable.add(`${listKey}:${String(row.id)}`);
  }
  const named = uses.filter((u) => readable.has(`${u.listKey}:${u.id}`)).map((u) => `${u.listLabel}《${u.title}》`);
  const others = uses.length - named.length;
  return [
    ...named.slice(0, 5),
    ...(named.length > 5 ? [`等 ${named.length} 项`] : []),
    ...(others ? [`另有 ${others} 项您无权查看的内容`] : []),
  ].join('、');
}

/** Whether a Media row names this stored file. */
export async function fileNamedByMedia(context: Context, key: string): Promise<boolean> {
  return (await context.sudo().prisma.media.count({ where: { file_filename: key } })) > 0;
}

/**
 * Whether a stored file is still in use: a Media row names it, or some stored text links to it (a reprint's
 * body links the copies of its images by URL). Every text column of every list is looked at.
 */
export async function storedFileInUse(context: Context, key: string, link: string): Promise<boolean> {
  if (await fileNamedByMedia(context, key)) return true;
  const prisma = context.sudo().prisma;
  for (const list of Object.values(context.__internal.lists)) {
    const texts = Object.entries(list.fields)
      .filter(([, f]) => f.dbField.kind === 'scalar' && f.dbField.scalar === 'String')
      .map(([fieldKey]) => fieldKey);
    if (!texts.length) continue;
    if (
      (await prismaModel(prisma, list.prisma.listKey).count({
        where: { OR: texts.map((fieldKey) => ({ [fieldKey]: { contains: link } })) },
      })) > 0
    )
      return true;
  }
  return false;
}
