import { assertCalendarDay, toCalendarDay, type CalendarDay } from '../../platform/calendar/working-days.js';
import { assertInstant } from '../../platform/calendar/china-time.js';

/*
 * N5, S11: messages from the public (网民留言, 领导信箱, the 96128 hotline, opinion collection) and
 * their replies. The inspection (国办秘函〔2019〕19号) counts in calendar months, not working days:
 * a consultation message unanswered for more than 3 months is a single veto (单项否决); a reply not
 * published within 2 months of submission costs points. Pure: `today` is passed in.
 */

/** S11: the channels the seed names. */
export const messageChannelOptions = [
  { value: 'webMessage', label: '网民留言' },
  { value: 'leaderMailbox', label: '领导信箱' },
  { value: 'hotline96128', label: '96128热线' },
  { value: 'opinionCollection', label: '民意征集' },
] as const;
export type MessageChannel = (typeof messageChannelOptions)[number]['value'];

/** N5: the veto is for consultation (政务咨询) messages; complaints and suggestions carry the same clocks without it. */
export const messageKindOptions = [
  { value: 'consultation', label: '咨询' },
  { value: 'suggestion', label: '建议' },
  { value: 'complaint', label: '投诉举报' },
] as const;
export type MessageKind = (typeof messageKindOptions)[number]['value'];

export const replyPublicationMonths = 2;
export const unansweredVetoMonths = 3;

/**
 * published: the reply is public within 2 months. awaiting / dueSoon: not public yet, within 2
 * months (dueSoon: the last `dueSoonDays`). late: the reply was published, or is still unpublished,
 * after 2 months (points lost). unanswered: no reply at all for more than 3 months.
 */
export type MessageState = 'published' | 'awaiting' | 'dueSoon' | 'late' | 'unanswered';

export const messageStateLabels: Readonly<Record<MessageState, string>> = {
  published: '已按时公开答复',
  awaiting: '待答复公开',
  dueSoon: '即将满2个月',
  late: '超过2个月未公开答复（扣分）',
  unanswered: '超过3个月未答复',
};

export interface MessageRecord {
  id: string;
  kind: MessageKind;
  submittedAt: Date;
  /** When the reply was given (the time the public page shows as 答复时间). */
  repliedAt?: Date | null;
  /** When the reply went up on the public site. */
  replyPublishedAt?: Date | null;
}

export interface MessageClock {
  id: string;
  kind: MessageKind;
  submittedOn: CalendarDay;
  /** The last day the reply may be published without losing points (2 months). */
  publishBy: CalendarDay;
  /** The last day a reply keeps a consultation message clear of the veto (3 months). */
  answerBy: CalendarDay;
  state: MessageState;
  stateLabel: string;
  replied: boolean;
  /** N5 single veto: a consultation message answered more than 3 months after submission, or not at all. */
  veto: boolean;
  /** N5 deduction: the reply was not public within 2 months. */
  deduction: boolean;
  /** Calendar days after today up to `publishBy` while unpublished; 0 once published or past it. */
  daysLeft: number;
}

const dayMs = 86_400_000;
const daysBetween = (from: CalendarDay, to: CalendarDay): number => Math.round((Date.parse(to) - Date.parse(from)) / dayMs);

/** The same day `months` calendar months later, or the month's last day when it has none (30 November + 3 months = 28 February). */
export function addMonths(day: CalendarDay, months: number): CalendarDay {
  assertCalendarDay(day);
  const [y, m, d] = day.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

export function messageClock(
  message: MessageRecord,
  today: CalendarDay,
  { dueSoonDays = 14 }: { dueSoonDays?: number } = {},
): MessageClock {
  assertCalendarDay(today);
  assertInstant(message.submittedAt, 'submittedAt');
  const submittedOn = toCalendarDay(message.submittedAt);
  const repliedOn = message.repliedAt ? toCalendarDay(assertInstant(message.repliedAt, 'repliedAt')) : null;
  const publishedOn = message.replyPublishedAt ? toCalendarDay(assertInstant(message.replyPublishedAt, 'replyPublishedAt')) : null;
  if ((repliedOn && repliedOn < submittedOn) || (publishedOn && publishedOn < submittedOn))
    throw new Error(`Invalid message ${message.id}: reply before submission`);
  if (publishedOn && !repliedOn)
    throw new Error(`Invalid message ${message.id}: reply published without a reply time (N5: replies show submission and reply time)`);

  const publishBy = addMonths(submittedOn, replyPublicationMonths);
  const answerBy = addMonths(submittedOn, unansweredVetoMonths);
  // A late reply still shows both times on the page: the message stays a veto for the inspection.
  const answeredLate = repliedOn ? repliedOn > answerBy : today > answerBy;
  const veto = message.kind === 'consultation' && answeredLate;
  const deduction = publishedOn ? publishedOn > publishBy : today > publishBy;
  let state: MessageState;
  if (!repliedOn && today > answerBy) state = 'unanswered';
  else if (deduction) state = 'late';
  else if (publishedOn) state = 'published';
  else state = daysBetween(today, publishBy) <= dueSoonDays ? 'dueSoon' : 'awaiting';
  const daysLeft = publishedOn || today > publishBy ? 0 : daysBetween(today, publishBy);
  return {
    id: message.id,
    kind: message.kind,
    submittedOn,
    publishBy,
    answerBy,
    state,
    stateLabel: messageStateLabels[state],
    replied: repliedOn !== null,
    veto,
    deduction,
    daysLeft,
  };
}

export interface MessageSummary {
  total: number;
  byState: Record<MessageState, number>;
  /** N5: no veto means this check passes. */
  passes: boolean;
  vetoIds: string[];
  deductionIds: string[];
  /** Replied and published within 2 months, as a share of all messages (1 when there are none). */
  onTimeRate: number;
  /** Chinese one-liner for the dashboard. */
  summary: string;
}

/** N5 over many messages (e.g. those of the last 12 months, chosen by the caller). */
export function messageSummary(messages: readonly MessageRecord[], today: CalendarDay, options?: { dueSoonDays?: number }): MessageSummary {
  const clocks = messages.map((m) => messageClock(m, today, options));
  const byState: Record<MessageState, number> = { published: 0, awaiting: 0, dueSoon: 0, late: 0, unanswered: 0 };
  for (const c of clocks) byState[c.state]++;
  const vetoIds = clocks.filter((c) => c.veto).map((c) => c.id);
  const deductionIds = clocks.filter((c) => c.deduction).map((c) => c.id);
  const onTimeRate = clocks.length ? byState.published / clocks.length : 1;
  const summary =
    `留言${clocks.length}条：按时公开答复${byState.published}条，待答复${byState.awaiting + byState.dueSoon}条（即将满2个月${byState.dueSoon}条），` +
    `超过2个月未公开答复${deductionIds.length}条，超过3个月未答复（单项否决）${vetoIds.length}条`;
  return { total: clocks.length, byState, passes: vetoIds.length === 0, vetoIds, deductionIds, onTimeRate, summary };
}
