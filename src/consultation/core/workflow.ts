import { isEditorOf, isOfficeOrLeader, type Member } from '../../platform/access/roles.js';
import type { ConsultationStatus } from './rules.js';

/*
 * The path of a consultation (征求意见), pure: who may do what in which state.
 *
 *   draft ─submit→ review ─approve(保密审查)→ open ─close (period ended)→ closed ─publishReport→ reported
 *   review ─returnToDrafter(reason)→ draft
 *
 * A draft that is secret is never consulted (S2 "涉密的除外"): it simply never becomes a consultation.
 */

export const consultationActions = ['submit', 'approve', 'returnToDrafter', 'close', 'publishReport'] as const;
export type ConsultationAction = (typeof consultationActions)[number];

export const consultationActionLabels: Record<ConsultationAction, string> = {
  submit: '提交审核',
  approve: '审核发布',
  returnToDrafter: '退回修改',
  close: '结束征求意见',
  publishReport: '公布采纳情况',
};

export type ConsultationActor = Member;

export function consultationActionsFor(
  item: { status: ConsultationStatus; departmentId: string | null },
  actor: ConsultationActor | null,
): ConsultationAction[] {
  if (!actor) return [];
  const ownDepartment = isEditorOf(actor, item.departmentId);
  // The office (局办公室) and the leaders approve publication and the adoption report; the admin may stand in.
  const approver = isOfficeOrLeader(actor.role);
  switch (item.status) {
    case 'draft':
      return ownDepartment || approver ? ['submit'] : [];
    case 'review':
      return approver ? ['approve', 'returnToDrafter'] : [];
    case 'open':
      return ownDepartment || approver ? ['close'] : [];
    case 'closed':
      return approver ? ['publishReport'] : [];
    default:
      return [];
  }
}
