import { isEditor, isEditorOf, isLeader, isOfficeReviewer, type Member, type Role } from '../../platform/access/roles.js';
import type { Disclosure, Status } from '../../platform/content/vocabulary.js';
import { disclosureMissing, disclosureProblems } from './disclosure.js';

/*
 * The document workflow (发文审批流程) as a pure function: what an action does to an item in a state,
 * done by an actor, or why it is refused. Keystone actions and hooks only load the facts, call
 * `decide` and apply the outcome; every rule lives here.
 *
 *   draft ─submit→ submitted ─startReview→ officeReview ─officeApprove→ leaderApproval ─approve→ published | scheduled
 *   submitted | officeReview | leaderApproval ─returnToDrafter(reason)→ draft            (退文)
 *   submitted ─recallSubmission→ draft     (撤回提交: the drafting department, before review starts)
 *   published | scheduled ─withdraw(reason)→ withdrawn
 *
 * A published document is changed through a revision: a draft copy that takes the same path and,
 * once approved, is applied to the original (see revisions.ts), which stays public meanwhile.
 */

export const workflowActions = [
  'submit',
  'recallSubmission',
  'startReview',
  'officeApprove',
  'returnToDrafter',
  'approve',
  'withdraw',
] as const;
export type WorkflowAction = (typeof workflowActions)[number];

export const actionLabels: Record<WorkflowAction, string> = {
  submit: '提交审核',
  recallSubmission: '撤回提交',
  startReview: '开始审核',
  officeApprove: '审核通过',
  returnToDrafter: '退文',
  approve: '审批发布',
  withdraw: '撤回',
};

export interface ItemFacts {
  status: Status;
  drafterId: string | null;
  departmentId: string | null;
  disclosure: Disclosure | null;
  disclosureReason: string | null;
  hasRedactedBody: boolean;
  requiresInterpretation: boolean;
  /** Statuses of the linked interpretations (三同步 moves them with the document). */
  interpretationStatuses: Status[];
  /** S4: whether a confidentiality review (保密审查) with a passing conclusion is recorded. */
  confidentialityReviewed: boolean;
  /** The requested publication time; absent or past means at once. */
  publishAt: Date | null;
}

export interface ActionInput {
  reason?: string | null;
  confidentialityConclusion?: string | null;
}

export type ErrorCode =
  | 'FORBIDDEN'
  | 'INVALID_TRANSITION'
  | 'OFFICE_REVIEW_REQUIRED'
  | 'OWN_DRAFT'
  | 'REASON_REQUIRED'
  | 'CONFIDENTIALITY_REVIEW_REQUIRED'
  | 'INTERPRETATION_NOT_READY';

export type Decision =
  | {
      ok: true;
      to: Status;
      /** S1/S5: a submission that lacks what the rules require is returned at once with its cause. */
      autoReturnCause?: string;
      /** S5: the interpretations move with the document. */
      moveInterpretations: boolean;
      /** S4: the confidentiality review this action records. */
      recordConfidentiality?: string;
    }
  | { ok: false; code: ErrorCode; message: string };

const refuse = (code: ErrorCode, message: string): Decision => ({ ok: false, code, message });

const from: Record<WorkflowAction, Status[]> = {
  submit: ['draft'],
  // Once the office has started its review, the item is theirs until they return or pass it.
  recallSubmission: ['submitted'],
  startReview: ['submitted'],
  officeApprove: ['submitted', 'officeReview'],
  returnToDrafter: ['submitted', 'officeReview', 'leaderApproval'],
  approve: ['leaderApproval'],
  withdraw: ['published', 'scheduled'],
};

// The office here is 局办公室审核 itself: the admin stands in for the office elsewhere, not in review (S1).
const reviewerOrLeader = (role: Role) => isOfficeReviewer(role) || isLeader(role);

/** Who may take each action (an editor only on the own department's items: see mayAct). */
const who: Record<WorkflowAction, (role: Role) => boolean> = {
  submit: isEditor,
  recallSubmission: isEditor,
  startReview: isOfficeReviewer,
  officeApprove: isOfficeReviewer,
  returnToDrafter: reviewerOrLeader,
  approve: isLeader,
  withdraw: reviewerOrLeader,
};

const roleNames: Record<Role, string> = {
  admin: '系统管理员',
  infoSection: '信息建设科',
  officeReviewer: '局办公室',
  leader: '分管局领导',
  editor: '科室编辑',
};

const statusNames: Record<Status, string> = {
  draft: '草稿',
  submitted: '已提交',
  officeReview: '局办公室审核中',
  leaderApproval: '待领导审批',
  scheduled: '定时发布',
  published: '已发布',
  withdrawn: '已撤回',
  merged: '已并入原文',
};

/** Whether a role takes `action` at all, on some item (the list's bulk actions are offered by this). */
export function roleTakes(action: WorkflowAction, role: Role): boolean {
  return who[action](role);
}

/** Whether `actor` may take `action` on the item at all (role and department), regardless of state. */
export function mayAct(action: WorkflowAction, item: Pick<ItemFacts, 'departmentId'>, actor: Member): boolean {
  if (!who[action](actor.role)) return false;
  // Editors act on their own department's documents only.
  return !isEditor(actor.role) || isEditorOf(actor, item.departmentId);
}

/** The actions open to `actor` on the item in its current state (for the Admin UI and the 待办 page). */
export function availableActions(item: Pick<ItemFacts, 'status' | 'departmentId'>, actor: Member): WorkflowAction[] {
  return workflowActions.filter((action) => from[action].includes(item.status) && mayAct(action, item, actor));
}

export function decide(action: WorkflowAction, item: ItemFacts, actor: Member, input: ActionInput, now: Date): Decision {
  if (!mayAct(action, item, actor)) {
    return refuse(
      'FORBIDDEN',
      `${roleNames[actor.role]}不能执行“${actionLabels[action]}”${isEditor(actor.role) ? '（只能处理本科室的文件）' : ''}`,
    );
  }
  if (!from[action].includes(item.status)) {
    // Skipping the office is the transition people try most; name it.
    if (action === 'approve' && (item.status === 'submitted' || item.status === 'officeReview')) {
      return refuse('OFFICE_REVIEW_REQUIRED', '文件须先经局办公室审核，才能由分管局领导审批');
    }
    return refuse('INVALID_TRANSITION', `状态为“${statusNames[item.status]}”的文件不能“${actionLabels[action]}”`);
  }
  const isOwnDraft = item.drafterId !== null && item.drafterId === actor.id;

  switch (action) {
    case 'submit': {
      // S1: no attribute, or no reason where one is required, and the office returns it (退文).
      const causes = [disclosureMissing(item.disclosure), ...disclosureProblems(item)].filter((c): c is string => Boolean(c));
      // S5: a document that needs an interpretation is submitted with it (三同步), or returned.
      if (item.requiresInterpretation && item.interpretationStatuses.length === 0) causes.push('需要政策解读的文件未附解读材料（三同步）');
      if (causes.length) return { ok: true, to: 'draft', autoReturnCause: causes.join('；'), moveInterpretations: false };
      return { ok: true, to: 'submitted', moveInterpretations: item.requiresInterpretation };
    }
    case 'recallSubmission':
      // The interpretations submitted with it come back with it (三同步).
      return { ok: true, to: 'draft', moveInterpretations: item.requiresInterpretation };
    case 'startReview':
      return { ok: true, to: 'officeReview', moveInterpretations: item.requiresInterpretation };
    case 'officeApprove': {
      if (isOwnDraft) return refuse('OWN_DRAFT', '不能审核自己起草的文件');
      const conclusion = input.confidentialityConclusion?.trim();
      if (!conclusion) return refuse('CONFIDENTIALITY_REVIEW_REQUIRED', '审核通过前须填写保密审查结论（S4）');
      return { ok: true, to: 'leaderApproval', moveInterpretations: item.requiresInterpretation, recordConfidentiality: conclusion };
    }
    case 'returnToDrafter':
      if (!input.reason?.trim()) return refuse('REASON_REQUIRED', '退文须说明原因');
      return { ok: true, to: 'draft', moveInterpretations: item.requiresInterpretation };
    case 'approve': {
      if (isOwnDraft) return refuse('OWN_DRAFT', '不能审批自己起草的文件');
      if (!item.confidentialityReviewed) return refuse('CONFIDENTIALITY_REVIEW_REQUIRED', '未经保密审查的文件不能发布（S4）');
      // S5: approved only together with its interpretation, which must have come the same way.
      if (
        item.requiresInterpretation &&
        (item.interpretationStatuses.length === 0 || item.interpretationStatuses.some((s) => s !== item.status))
      ) {
        return refuse('INTERPRETATION_NOT_READY', '需要政策解读的文件，须与其解读材料同步审批、同步发布（三同步）');
      }
      const to: Status = item.publishAt && item.publishAt.getTime() > now.getTime() ? 'scheduled' : 'published';
      return { ok: true, to, moveInterpretations: item.requiresInterpretation };
    }
    case 'withdraw':
      if (!input.reason?.trim()) return refuse('REASON_REQUIRED', '撤回须说明原因');
      return { ok: true, to: 'withdrawn', moveInterpretations: false };
  }
}
