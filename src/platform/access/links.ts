import { listDb, prismaModel, type Context } from '../db/prisma.js';

/*
 * A link is part of both items it joins (S5 双向关联: a document lists its interpretations, each
 * interpretation its documents). Changing a link from one side changes the other item too, so it needs
 * the right to change that item as well: an editor links only what his department may edit. Keystone
 * itself checks only that the caller may *read* the item connected, and nothing at all for `set` or for
 * the items a `set` leaves out.
 */

export type Where = Record<string, unknown>;
export type Filter = boolean | Where;

/** Which items of a list the caller may link to or unlink from another item: all, none, or a filter. */
export type LinkableFilter = (args: { session?: unknown; context: Context }) => Filter | Promise<Filter>;

export interface LinkTarget {
  listKey: string;
  /** What one item is called (the list's singular label), for the refusal. */
  noun: string;
  /** The field that names an item (the list's label field), for the refusal. */
  labelField: string;
  linkable: LinkableFilter;
  /** Says what may be linked instead, in the refusal. */
  hint: string;
}

type Ref = { id: unknown };
/** A relationship's input as Keystone resolved it: connect/disconnect/set of `{ id }`, one or many. */
export type ResolvedRelation = { connect?: Ref | Ref[]; disconnect?: Ref | Ref[] | boolean; set?: Ref[] } | null;

const idsOf = (value: Ref | Ref[] | boolean | undefined): string[] =>
  value === undefined || typeof value === 'boolean' ? [] : (Array.isArray(value) ? value : [value]).map((ref) => String(ref.id));

/**
 * The items whose link to this one the input adds or removes, given the items linked now. A `set` changes
 * what it adds and what it leaves out; a connect of an item already linked, or a disconnect of one not
 * linked, changes nothing.
 */
export function changedLinks(input: ResolvedRelation, current: string[], many: boolean): string[] {
  const linked = new Set(current);
  if (many) {
    if (input?.set) {
      const next = new Set(idsOf(input.set));
      return [...[...next].filter((id) => !linked.has(id)), ...current.filter((id) => !next.has(id))];
    }
    return [
      ...new Set([...idsOf(input?.connect).filter((id) => !linked.has(id)), ...idsOf(input?.disconnect).filter((id) => linked.has(id))]),
    ];
  }
  const next = input === null || input?.disconnect === true ? null : (idsOf(input?.connect)[0] ?? current[0] ?? null);
  const now = current[0] ?? null;
  return next === now ? [] : [next, now].filter((id): id is string => id !== null);
}

const modelOf = (listKey: string) => listKey.charAt(0).toLowerCase() + listKey.slice(1);

/** The ids linked now through `fieldKey` of the item `itemId` of `listKey`. */
export async function currentLinks(context: Context, listKey: string, fieldKey: string, itemId: string): Promise<string[]> {
  const [row] = await prismaModel(context.sudo().prisma, modelOf(listKey)).findMany({
    where: { id: itemId },
    select: { [fieldKey]: { select: { id: true } } },
  });
  const value = row?.[fieldKey] as Ref | Ref[] | null | undefined;
  return value ? idsOf(value) : [];
}

/**
 * S5, and the rule of links for every relationship into an owned list: the Chinese refusals for the
 * items in `ids` the caller may not link or unlink (none when all may be).
 */
export async function linkRefusals(context: Context, target: LinkTarget, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const filter = await target.linkable({ session: context.session, context });
  if (filter === true) return [];
  const sudo = context.sudo();
  const allowed =
    filter === false
      ? new Set<string>()
      : new Set(
          (await listDb(sudo, target.listKey).findMany({ where: { AND: [{ id: { in: ids } }, filter] } })).map((row) => String(row.id)),
        );
  const refused = ids.filter((id) => !allowed.has(id));
  if (!refused.length) return [];
  const rows = await prismaModel(sudo.prisma, modelOf(target.listKey)).findMany({
    where: { id: { in: refused } },
    select: { id: true, [target.labelField]: true },
  });
  return rows.map((row) => `不能关联或取消关联${target.noun}《${String(row[target.labelField] ?? row.id)}》：${target.hint}`);
}
