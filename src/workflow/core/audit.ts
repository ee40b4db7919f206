import { roleOf, type Role, type SessionData } from '../../platform/access/roles.js';
import { actionLabels, type WorkflowAction } from './state-machine.js';

/*
 * 流转记录: one append-only entry per step of a document or an interpretation, one per publication or
 * withdrawal whatever made it (publication.ts), and one when a draft is deleted. Each entry keeps the title
 * and id of the item it describes and its department when it is written, so it still says what it was about
 * after the item is gone (its link then becomes empty).
 */

export type AuditListKey = 'Document' | 'Interpretation';

/**
 * Publications that are not a workflow step, named by their cause. Those made by the system (定时发布,
 * 自动转载, 演示数据) have no actor: the entry says 系统 and the cause.
 */
export const publicationCauseLabels = {
  scheduledPublish: '定时发布',
  autoReprint: '自动转载',
  acceptReprint: '采用转载',
  applyUpstreamChange: '采用上游修改',
  applyRevision: '发布修订稿',
  demoData: '发布演示数据',
} as const;
export type PublicationCause = keyof typeof publicationCauseLabels;

export type AuditAction = WorkflowAction | 'delete' | PublicationCause;

export const auditActionLabels: Record<AuditAction, string> = { ...actionLabels, delete: '删除草稿', ...publicationCauseLabels };
export const auditActions = Object.keys(auditActionLabels) as AuditAction[];

/** Who took a step; null is the system (系统). */
export type AuditActor = { id: string; name: string; role: Role } | null;

/** Who the 流转记录 names for a session: its active user, or null (the system) when there is none. */
export function auditActorOf(session: SessionData | undefined): AuditActor {
  const role = roleOf(session);
  return role ? { id: session!.itemId, name: session!.data.name, role } : null;
}

const nouns: Record<AuditListKey, string> = { Document: '文件', Interpretation: '解读' };

export interface AuditSubject {
  listKey: AuditListKey;
  id: string;
  title: string;
  departmentId: string | null;
}

export interface AuditStep {
  action: AuditAction;
  /** What the summary says was done, when not the action's label (e.g. 提交，被自动退文). */
  done?: string;
  from: string | null;
  to: string | null;
  actor: AuditActor;
  reason: string;
  at: Date;
}

/** The row of an audit entry, for the Prisma client (the same on both engines). */
export function auditEntryData(subject: AuditSubject, step: AuditStep): Record<string, unknown> {
  const actorName = step.actor?.name ?? '系统';
  return {
    summary: `${actorName}${step.done ?? auditActionLabels[step.action]}（${nouns[subject.listKey]}）`,
    [subject.listKey === 'Document' ? 'documentId' : 'interpretationId']: subject.id,
    itemTitle: subject.title,
    itemId: subject.id,
    departmentId: subject.departmentId,
    action: step.action,
    fromStatus: step.from,
    toStatus: step.to,
    actorId: step.actor?.id ?? null,
    actorName,
    actorRole: step.actor?.role ?? null,
    reason: step.reason,
    at: step.at,
  };
}
