import type { SessionData } from './roles.js';
import { hasRole } from './roles.js';

/*
 * Who may read and change documents and interpretations (one place, for both lists):
 * - the public reads only what is published and disclosable (S1);
 * - editors create, edit and delete their own department's drafts, and read their department's items and
 *   everything published;
 * - the office, leaders, the info-construction section and the admin read everything and change nothing
 *   directly: they act through the workflow (review, return, approve, withdraw).
 */

type Args = { session?: unknown };
const sessionOf = (args: Args) => args.session as SessionData | undefined;
const ownDepartment = (session: SessionData) => ({ department: { id: { equals: session.data.department?.id ?? '' } } });

export function readFilter(publicFilter: Record<string, unknown>) {
  return (args: Args) => {
    const session = sessionOf(args);
    if (!session?.data.isActive) return publicFilter;
    if (session.data.role === 'editor') return { OR: [ownDepartment(session), { status: { equals: 'published' } }] };
    return true;
  };
}

export const mayCreate = (args: Args) => hasRole(sessionOf(args), 'editor') && Boolean(sessionOf(args)?.data.department);

/** Update and delete: an editor's own department's drafts only. */
export function ownDraftsOnly(args: Args) {
  const session = sessionOf(args);
  if (!hasRole(session, 'editor')) return false;
  return { AND: [ownDepartment(session!), { status: { equals: 'draft' } }] };
}

export const signedInStaff = (args: Args) => Boolean(sessionOf(args)?.data.isActive);

/** In the Admin UI, a form is editable only where the editor may save it: their department's drafts. */
export function editableInForm({ session, item }: { session?: unknown; item?: unknown }): 'edit' | 'read' {
  const s = session as SessionData | undefined;
  const it = item as { status?: string; departmentId?: string | null } | null | undefined;
  if (!it) return 'edit';
  return hasRole(s, 'editor') && it.status === 'draft' && it.departmentId === s!.data.department?.id ? 'edit' : 'read';
}
