// Imported by the Admin UI's build (admin/config.tsx), whose bundler resolves only the .ts name itself.
import { isEditor, type RoleOrNobody } from '../access/roles.ts';

/*
 * The Admin UI's navigation by role. A department editor sees what she works with (her department's
 * drafts, their media, what is assigned to her department, her half-year self-inspection and the trail of
 * her items); the office, the leaders, the info-construction section and the admin see every list. This
 * is only what the navigation offers: what each may read or change is the lists' access, unchanged.
 */

/** The lists in a department editor's navigation, in this order. */
export const editorLists = [
  'Document',
  'Interpretation',
  'Media',
  'Message',
  'DisclosureRequest',
  'Consultation',
  'SelfInspection',
  'AuditEntry',
] as const;
// 通知 is not among them: 待办 shows her new ones and links to them all.

/** The lists of the navigation for `role`: a department editor's own, in her order; everyone else's, as given. */
export function navigationLists<List extends { key: string }>(role: RoleOrNobody, lists: readonly List[]): List[] {
  if (!isEditor(role)) return [...lists];
  const byKey = new Map(lists.map((list) => [list.key, list]));
  return editorLists.flatMap((key) => byKey.get(key) ?? []);
}

/** 待办 in the navigation, with how many wait (none shown while unknown or zero). */
export function tasksLabel(count: number | undefined): string {
  return count ? `待办（${count}）` : '待办';
}
