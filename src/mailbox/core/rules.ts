import { isEditorOf, isOffice, isOfficeOrLeader, type Member } from '../../platform/access/roles.js';
import { messageClock, type MessageClock, type MessageKind } from './clocks.js';
import type { CalendarDay } from '../../platform/calendar/working-days.js';

/*
 * S11, N5: how a message (留言) is handled, as pure functions. The office (局办公室) assigns it to a
 * department; that department's editors draft the reply; the office reviewer or a leader approves it
 * (published at once unless withheld with a reason) or returns it with the reason.
 *
 *   received ─assign→ assigned ─submitReply→ replyReview ─approve→ replied
 *   replyReview ─returnReply(reason)→ assigned                       (退回修改)
 *   replied (public) ─withdraw(reason)→ replied (not public) ─publish→ replied (public)
 */

export const messageStatusOptions = [
  { value: 'received', label: '待分办' },
  { value: 'assigned', label: '办理中' },
  { value: 'replyReview', label: '答复待审核' },
  { value: 'replied', label: '已答复' },
] as const;
export type MessageStatus = (typeof messageStatusOptions)[number]['value'];

export const messageActions = ['assign', 'submitReply', 'approveReply', 'returnReply', 'withdrawReply', 'publishReply'] as const;
export type MessageAction = (typeof messageActions)[number];

export const messageActionLabels: Record<MessageAction, string> = {
  assign: '分办',
  submitReply: '提交答复审核',
  approveReply: '审核通过并公开',
  returnReply: '退回修改',
  withdrawReply: '撤回公开',
  publishReply: '公开答复',
};

export type MessageActor = Member;

export interface MessageFacts {
  status: MessageStatus;
  departmentId: string | null;
  replyText: string;
  /** Whether the reply may be published (the office may withhold it, e.g. a personal matter). */
  isPublic: boolean;
  withholdReason: string;
  replyPublishedAt: Date | null;
}

export interface MessageActionInput {
  reason?: string | null;
}

export type MessageDecision = { ok: true; data: MessageChange } | { ok: false; message: string };

/** What an action writes; instants are filled in by the caller with `now`. */
export interface MessageChange {
  status?: MessageStatus;
  returnReason?: string;
  isPublic?: boolean;
  withholdReason?: string;
  setRepliedAt?: boolean;
  /** true: published now; false: taken off the site. */
  published?: boolean;
}

type HandlingState = Pick<MessageFacts, 'status' | 'departmentId' | 'replyPublishedAt'>;

const office = (actor: MessageActor) => isOffice(actor.role);
const approver = (actor: MessageActor) => isOfficeOrLeader(actor.role);
const ownDepartment = (actor: MessageActor, facts: HandlingState) => isEditorOf(actor, facts.departmentId);

/** The actions open to `actor` on a message in its present state (the Admin UI shows only these). */
export function messageActionsFor(f: HandlingState, actor: MessageActor | null): MessageAction[] {
  if (!actor) return [];
  const open: MessageAction[] = [];
  if (office(actor) && (f.status === 'received' || f.status === 'assigned')) open.push('assign');
  if (f.status === 'assigned' && (ownDepartment(actor, f) || office(actor))) open.push('submitReply');
  if (f.status === 'replyReview' && approver(actor)) open.push('approveReply', 'returnReply');
  if (f.status === 'replied' && approver(actor)) open.push(f.replyPublishedAt ? 'withdrawReply' : 'publishReply');
  return open;
}

/** What `action` does to the message, or why it is refused (in Chinese). */
export function decideMessageAction(
  facts: MessageFacts,
  actor: MessageActor,
  action: MessageAction,
  input: MessageActionInput = {},
): MessageDecision {
  if (!messageActionsFor(facts, actor).includes(action)) return { ok: false, message: `当前状态下您不能“${messageActionLabels[action]}”` };
  const reason = input.reason?.trim() ?? '';
  switch (action) {
    case 'assign':
      // The office picks the department in the form (saved first), then 分办.
      if (!facts.departmentId) return { ok: false, message: '请先选择承办科室并保存，再分办' };
      return { ok: true, data: { status: 'assigned' } };
    case 'submitReply':
      if (!facts.replyText.trim()) return { ok: false, message: '请先填写答复内容再提交审核' };
      return { ok: true, data: { status: 'replyReview', returnReason: '' } };
    case 'returnReply':
      if (!reason) return { ok: false, message: '请填写退回原因' };
      return { ok: true, data: { status: 'assigned', returnReason: reason } };
    case 'approveReply':
      if (!facts.replyText.trim()) return { ok: false, message: '答复内容为空，不能审核通过' };
      // A withheld reply needs its reason on record; otherwise it goes public at once (N5).
      if (!facts.isPublic && !facts.withholdReason.trim()) return { ok: false, message: '不公开的答复须填写不公开理由' };
      return { ok: true, data: { status: 'replied', returnReason: '', setRepliedAt: true, published: facts.isPublic } };
    case 'withdrawReply':
      if (!reason) return { ok: false, message: '请填写撤回公开的理由' };
      return { ok: true, data: { isPublic: false, withholdReason: reason, published: false } };
    case 'publishReply':
      return { ok: true, data: { isPublic: true, withholdReason: '', published: true } };
  }
}

/** N15: the sender as the public sees them: the family name and stars (张**), or nothing. */
export function maskedSenderName(name: string): string {
  const chars = [...name.trim()];
  if (!chars.length) return '';
  return chars[0] + '*'.repeat(Math.max(2, chars.length - 1));
}

export interface ClockedMessage {
  id: string;
  kind: MessageKind;
  status: MessageStatus;
  submittedAt: Date;
  repliedAt: Date | null;
  replyPublishedAt: Date | null;
  isPublic: boolean;
}

/**
 * The N5 clock of a message still owed a public reply, or null: a published reply, or one withheld
 * on purpose (with its reason), has nothing left to run.
 */
export function openMessageClock(m: ClockedMessage, today: CalendarDay): MessageClock | null {
  if (m.replyPublishedAt || (m.status === 'replied' && !m.isPublic)) return null;
  return messageClock({ id: m.id, kind: m.kind, submittedAt: m.submittedAt, repliedAt: m.repliedAt, replyPublishedAt: null }, today);
}

/** The alert stages, in order: each message is alerted at most once per stage. */
export const alertStages = ['dueSoon', 'late', 'unanswered'] as const;
export type AlertStage = (typeof alertStages)[number];

export const alertStageLabels: Record<AlertStage, string> = {
  dueSoon: '即将满2个月未公开答复',
  late: '超过2个月未公开答复（扣分）',
  unanswered: '超过3个月未答复',
};

/** The stage a clock has reached that was not yet alerted (`alerted`: the last stage sent), or null. */
export function alertDue(clock: MessageClock | null, alerted: AlertStage | null): AlertStage | null {
  if (!clock) return null;
  const stage: AlertStage | null = clock.state === 'dueSoon' || clock.state === 'late' || clock.state === 'unanswered' ? clock.state : null;
  if (!stage) return null;
  return alerted && alertStages.indexOf(alerted) >= alertStages.indexOf(stage) ? null : stage;
}
