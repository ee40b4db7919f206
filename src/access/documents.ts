import type { SessionData } from './roles.js';
import { hasRole } from './roles.js';
import type { LinkableFilter } from './links.js';

/*
 * Who may read and change documents and interpretations (one place, for both lists):
 * - the public reads only what is published and disclosable (S1);
 * - editors create, edit and delete their own department's drafts, and read their department's items and
 *   everything published; they link a draft only to their department's drafts and published items;
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

/** Update: an editor's own department's drafts only. */
export function ownDraftsOnly(args: Args) {
  const session = sessionOf(args);
  if (!hasRole(session, 'editor')) return false;
  return { AND: [ownDepartment(session!), { status: { equals: 'draft' } }] };
}

/**
 * Delete: what an editor's department owns, and everything for the office and the leaders, who withdraw.
 * Only a draft is deleted in the end: the list's delete hook refuses the rest with what to do instead
 * (a published item is withdrawn, never deleted), so the refusal can say so.
 */
export function deletableReach(args: Args) {
  const session = sessionOf(args);
  if (hasRole(session, 'officeReviewer', 'leader')) return true;
  return hasRole(session, 'editor') ? ownDepartment(session!) : false;
}

/**
 * S5 (谁起草谁解读, 双向关联): a document and an interpretation are linked only by an editor of the
 * department that drafted both, from a draft, to a draft or a published item of that department. A
 * published item gains the link only when the draft is published; an item under review is never changed.
 */
export const linkableWorkflowItem: LinkableFilter = (args) => {
  const session = sessionOf(args);
  if (!hasRole(session, 'editor')) return false;
  return { AND: [ownDepartment(session!), { status: { in: ['draft', 'published'] } }] };
};

/** Lists whose links follow a rule of their own rather than their update access (see src/schema/ownership.ts). */
export const linkOverrides: Record<string, { linkable: LinkableFilter; hint: string }> = {
  Document: { linkable: linkableWorkflowItem, hint: '只能关联本科室的草稿或已发布的文件（谁起草谁解读，S5）；其他科室的、审核中的不能关联' },
  Interpretation: { linkable: linkableWorkflowItem, hint: '只能关联本科室的草稿或已发布的解读（谁起草谁解读，S5）；其他科室的、审核中的不能关联' },
};

export const signedInStaff = (args: Args) => Boolean(sessionOf(args)?.data.isActive);

/** In the Admin UI, a form is editable only where the editor may save it: their department's drafts. */
export function editableInForm({ session, item }: { session?: unknown; item?: unknown }): 'edit' | 'read' {
  const s = session as SessionData | undefined;
  const it = item as { status?: string; departmentId?: string | null } | null | undefined;
  if (!it) return 'edit';
  return hasRole(s, 'editor') && it.status === 'draft' && it.departmentId === s!.data.department?.id ? 'edit' : 'read';
}
