/**
 * The item as an operation would leave it: the stored item with the resolved changes over it.
 *
 * Keystone's `resolvedData` has a key for every field of the list, `undefined` for each field the
 * operation does not change; spreading it over the item (`{ ...item, ...resolvedData }`) wipes every
 * field left out, so a partial update was validated as if those fields were empty (issue 14 #17).
 * Validation hooks that look at the whole item use this instead.
 */
export function itemAfter<T extends object>(
  item: T | null | undefined,
  resolvedData: Record<string, unknown>,
): T & Record<string, unknown> {
  const changes = Object.fromEntries(Object.entries(resolvedData).filter(([, value]) => value !== undefined));
  return { ...(item ?? {}), ...changes } as T & Record<string, unknown>;
}
