import type { SessionData } from '../access/roles.js';
import { hasRole } from '../access/roles.js';

/**
 * Who may change or delete a Media item (issue 14 #6): its owner, the department of the person who uploaded
 * it, or the office (局办公室, which reviews what is published). Anyone else, signed in or not, finds no item
 * to change. An item nobody uploaded (a syndicated copy) is the office's. Whether the item may change at
 * all while something uses it is the Media list's validation (usage.ts).
 */
export function mediaChangeFilter({ session }: { session?: unknown }) {
  const s = session as SessionData | undefined;
  if (!s?.data?.isActive) return false;
  if (hasRole(s, 'officeReviewer')) return true;
  const department = s.data.department?.id;
  return department ? { uploadedBy: { department: { id: { equals: department } } } } : false;
}
