import type { AnyLists } from '../db/prisma.js';
import { guardActionsByAccess } from './action-guard.js';
import { guardFiltersByAccess } from './filter-guard.js';

/**
 * Access by class, for every list at once: filters reach only what the caller may read (trust #3) and
 * every action checks the record with the caller's own access (trust #4). See the two modules.
 */
export function accessByClass<T extends AnyLists>(lists: T): T {
  return guardActionsByAccess(guardFiltersByAccess(lists));
}
