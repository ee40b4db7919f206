import type { Role } from '../../platform/access/roles.js';
import type { Status } from '../../platform/content/vocabulary.js';
import type { WorkflowAction } from './state-machine.js';

/*
 * Who a workflow step tells, and what (issue 16, 流程可见): a return (退文) tells the drafter why, a
 * submission tells the office that reviews next, and the office's approval tells the leaders. Pure: the
 * workflow transition (operations/transition.ts) asks it for each step and writes what it answers.
 */

export const notificationKindOptions = [
  { value: 'returned', label: '退文' },
  { value: 'awaitingReview', label: '待审核' },
  { value: 'awaitingApproval', label: '待审批' },
] as const;
export type NotificationKind = (typeof notificationKindOptions)[number]['value'];

export interface NotifiedStep {
  action: WorkflowAction;
  to: Status;
  /** Why it was returned, when it was (a reviewer's reason or the automatic return's cause). */
  reason: string;
  noun: '文件' | '解读';
  title: string;
  actorName: string;
}

/** Who is told: the drafter of the item, or everyone with a role (the next reviewers). */
export type Audience = { drafter: true } | { role: Role };

export interface Notice {
  kind: NotificationKind;
  audience: Audience;
  message: string;
}

/** What a step tells and to whom; nothing for steps nobody waits on (撤回提交 is the drafter's own). */
export function noticeOf(step: NotifiedStep): Notice | null {
  const what = `${step.noun}《${step.title}》`;
  if (step.to === 'draft' && step.action !== 'recallSubmission') {
    return {
      kind: 'returned',
      audience: { drafter: true },
      message: `${what}已被${step.actorName}退文，原因：${step.reason || '（未说明）'}。请修改后重新提交。`,
    };
  }
  if (step.to === 'submitted') {
    return { kind: 'awaitingReview', audience: { role: 'officeReviewer' }, message: `${step.actorName}提交了${what}，请审核。` };
  }
  if (step.to === 'leaderApproval') {
    return { kind: 'awaitingApproval', audience: { role: 'leader' }, message: `${what}已通过局办公室审核，请审批。` };
  }
  return null;
}
