import type { BaseListTypeInfo, ListConfig } from '@keystone-6/core/types';
import { guardActionsByAccess } from './action-guard.js';
import { guardFiltersByAccess } from './filter-guard.js';

/**
 * Access by class, for every list at once: filters reach only what the caller may read (trust #3) and
 * every action checks the record with the caller's own access (trust #4). See the two modules.
 */
export function accessByClass<T extends Record<string, ListConfig<BaseListTypeInfo>>>(lists: T): T {
  return guardActionsByAccess(guardFiltersByAccess(lists));
}
