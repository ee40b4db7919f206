import { isOfficeReviewer, memberOf, sessionOf } from '../access/roles.js';

/**
 * Who may change or delete a Media item (issue 14 #6): its owner, the department of the person who uploaded
 * it, or the office (局办公室, which reviews what is published). Anyone else, signed in or not, finds no item
 * to change. An item nobody uploaded (a syndicated copy) is the office's. Whether the item may change at
 * all while something uses it is the Media list's validation (usage.ts).
 */
export function mediaChangeFilter(args: { session?: unknown }) {
  const member = memberOf(sessionOf(args));
  if (!member) return false;
  if (isOfficeReviewer(member.role)) return true;
  const department = member.departmentId;
  return department ? { uploadedBy: { department: { id: { equals: department } } } } : false;
}
