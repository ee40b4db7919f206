import type { SessionData } from '../access/roles.js';
import { searchTextOf } from '../content/search-text.js';
import { itemAfter } from '../platform/item-after.js';

type Data = Record<string, unknown>;

/** On create, the drafter and their department default to the signed-in user (谁起草谁解读 needs both). */
export function withDrafter({ resolvedData, context }: { resolvedData: Data; context: { session?: unknown } }): Data {
  const session = context.session as SessionData | undefined;
  if (!session) return resolvedData;
  return {
    ...resolvedData,
    drafter: resolvedData.drafter ?? { connect: { id: session.itemId } },
    department: resolvedData.department ?? (session.data.department ? { connect: { id: session.data.department.id } } : undefined),
  };
}

/** Keeps the search text in step with what the public may read of the item. */
export function withSearchText(resolvedData: Data, item?: Data | null): Data {
  // itemAfter: resolvedData holds every field, undefined when unchanged (a spread would drop the body).
  return { ...resolvedData, searchText: searchTextOf(itemAfter(item, resolvedData)) };
}
