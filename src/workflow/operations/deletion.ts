import type { Context } from '../../platform/db/prisma.js';
import { isEditorOf, isOfficeOrLeader, memberOf, roleOf, sessionOf, type SessionData } from '../../platform/access/roles.js';
import { auditActorOf, auditEntryData, type AuditListKey } from '../core/audit.js';

/*
 * What the public has seen is withdrawn (撤回), never deleted: the record of what was published, when and
 * by whom stays (条例, S4 and the audit trail). Only a draft is ever deleted, by its department; an item
 * in review goes back to its drafter first. The lists' delete filters let the request reach these rules,
 * so that a refusal says what to do instead.
 */

/** Why `session` may not delete a document or an interpretation in `status`, or null when it may. */
export function workflowItemDeletionRefusal(
  noun: string,
  item: { status: string; departmentId: string | null },
  session: SessionData | undefined,
): string | null {
  switch (item.status) {
    case 'draft':
      return isEditorOf(memberOf(session), item.departmentId) ? null : `只有起草科室的编辑可以删除${noun}草稿`;
    case 'published':
    case 'scheduled':
      return `已发布（或已审批待发布）的${noun}不能删除，请使用“撤回”：撤回后公众不再能看到，流转记录和版本记录仍保留备查`;
    case 'withdrawn':
      return `已撤回的${noun}须保留备查，不能删除`;
    case 'merged':
      return `已并入原文的修订稿须保留备查，不能删除`;
    default:
      return `审核中的${noun}不能删除；如确需删除，请由局办公室或分管局领导退文后，再由起草科室删除草稿`;
  }
}

/** The same for a consultation (征求意见): once published the public has read it and may have commented. */
export function consultationDeletionRefusal(
  item: { status: string; departmentId: string | null },
  session: SessionData | undefined,
): string | null {
  switch (item.status) {
    case 'draft':
      return isEditorOf(memberOf(session), item.departmentId) || isOfficeOrLeader(roleOf(session))
        ? null
        : '只有起草科室的编辑或局办公室可以删除征求意见草稿';
    case 'review':
      return '审核中的征求意见不能删除；如确需删除，请先退回起草科室';
    default:
      return '已发布的征求意见不能删除：征求意见稿、收到的意见和采纳情况须保留备查';
  }
}

type DeletedItem = { id: unknown; title?: unknown; status?: unknown; departmentId?: unknown };

/** afterOperation of documents and interpretations: a deleted draft leaves an entry saying what it was and who deleted it (item 14). */
export function recordDeletion(listKey: AuditListKey) {
  return async ({
    operation,
    originalItem,
    context,
  }: {
    operation: string;
    originalItem?: DeletedItem | null;
    context: Context;
  }): Promise<void> => {
    if (operation !== 'delete' || !originalItem) return;
    const subject = {
      listKey,
      id: String(originalItem.id),
      title: String(originalItem.title ?? ''),
      departmentId: (originalItem.departmentId as string | null | undefined) ?? null,
    };
    const actor = auditActorOf(sessionOf(context));
    const data = auditEntryData(subject, {
      action: 'delete',
      from: String(originalItem.status ?? ''),
      to: null,
      actor,
      reason: '',
      at: new Date(),
    });
    // The item is gone: the entry keeps its title and id instead of a link.
    delete data[listKey === 'Document' ? 'documentId' : 'interpretationId'];
    await context.sudo().prisma.auditEntry.create({ data });
  };
}
