import type { Disclosure } from '../content/vocabulary.js';
import { isEditor, isEditorOf, isLeader, isOfficeReviewer, memberOf, sessionOf, signedIn, type Member } from './roles.js';
import type { LinkableFilter } from './links.js';

/*
 * Who may read and change documents and interpretations (one place, for both lists):
 * - the public reads only what is published and disclosable (S1);
 * - editors create, edit and delete their own department's drafts, and read their department's items and
 *   everything published; they link a draft only to their department's drafts and published items;
 * - the office, leaders, the info-construction section and the admin read everything and change nothing
 *   directly: they act through the workflow (review, return, approve, withdraw).
 */

/** S1: only 主动公开 documents, and the redacted text of 删减后公开 ones, ever reach the public. */
export const publicDisclosures: Disclosure[] = ['proactive', 'redacted'];

/**
 * S1: a document the public may read, published with a public attribute. One filter, written so that it is
 * both a Keystone filter (the lists' access) and a Prisma `where` (the site, the monitor, the reports).
 */
export const publicDocument = { status: { equals: 'published' }, disclosure: { in: publicDisclosures } };

/** S1, of a row already read: the same test as `publicDocument`. */
export const isPublicDocument = (row: { status?: string; disclosure?: string | null }): boolean =>
  row.status === 'published' && publicDisclosures.some((d) => d === row.disclosure);

/** S1 for interpretations: one the public may read is published (an interpretation is always 主动公开). */
export const publicInterpretation = { status: { equals: 'published' } };

/** S1, of an interpretation already read: the same test as `publicInterpretation`. */
export const isPublicInterpretation = (row: { status?: string }): boolean => row.status === 'published';

type Args = { session?: unknown };
const ownDepartment = (member: Member) => ({ department: { id: { equals: member.departmentId ?? '' } } });

export function readFilter(publicFilter: Record<string, unknown>) {
  return (args: Args) => {
    const member = memberOf(sessionOf(args));
    if (!member) return publicFilter;
    if (isEditor(member.role)) return { OR: [ownDepartment(member), { status: { equals: 'published' } }] };
    return true;
  };
}

export const mayCreate = (args: Args) => {
  const member = memberOf(sessionOf(args));
  return isEditor(member?.role) && Boolean(member!.departmentId);
};

/** Update: an editor's own department's drafts only. */
export function ownDraftsOnly(args: Args) {
  const member = memberOf(sessionOf(args));
  if (!isEditor(member?.role)) return false;
  return { AND: [ownDepartment(member!), { status: { equals: 'draft' } }] };
}

/**
 * Delete: what an editor's department owns, and everything for the office and the leaders, who withdraw.
 * Only a draft is deleted in the end: the list's delete hook refuses the rest with what to do instead
 * (a published item is withdrawn, never deleted), so the refusal can say so.
 */
export function deletableReach(args: Args) {
  const member = memberOf(sessionOf(args));
  if (isOfficeReviewer(member?.role) || isLeader(member?.role)) return true;
  return isEditor(member?.role) ? ownDepartment(member!) : false;
}

/**
 * S5 (谁起草谁解读, 双向关联): a document and an interpretation are linked only by an editor of the
 * department that drafted both, from a draft, to a draft or a published item of that department. A
 * published item gains the link only when the draft is published; an item under review is never changed.
 */
export const linkableWorkflowItem: LinkableFilter = (args) => {
  const member = memberOf(sessionOf(args));
  if (!isEditor(member?.role)) return false;
  return { AND: [ownDepartment(member!), { status: { in: ['draft', 'published'] } }] };
};

/** Lists whose links follow a rule of their own rather than their update access (see src/workflow/lists/ownership.ts). */
export const linkOverrides: Record<string, { linkable: LinkableFilter; hint: string }> = {
  Document: {
    linkable: linkableWorkflowItem,
    hint: '只能关联本科室的草稿或已发布的文件（谁起草谁解读，S5）；其他科室的、审核中的不能关联',
  },
  Interpretation: {
    linkable: linkableWorkflowItem,
    hint: '只能关联本科室的草稿或已发布的解读（谁起草谁解读，S5）；其他科室的、审核中的不能关联',
  },
};

export const signedInStaff = signedIn;

/** In the Admin UI, a form is editable only where the editor may save it: their department's drafts. */
export function editableInForm({ session, item }: { session?: unknown; item?: unknown }): 'edit' | 'read' {
  const it = item as { status?: string; departmentId?: string | null } | null | undefined;
  if (!it) return 'edit';
  return it.status === 'draft' && isEditorOf(memberOf(sessionOf({ session })), it.departmentId) ? 'edit' : 'read';
}
