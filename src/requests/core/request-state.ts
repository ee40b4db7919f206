import { checkExtension, requestClock, requestOutcomes, type RequestClock, type RequestExtension, type RequestOutcome } from './clock.js';
import type { CalendarDay } from '../../platform/calendar/working-days.js';
import type { RequestProgress } from './vocabulary.js';

/*
 * N13: where one stored request stands, from its recorded days (pure: the Keystone hooks, actions,
 * 待办, alerts and the public query page all read it from here). The period does not run before
 * receipt is fixed (条例 第三十一条) nor while the applicant is asked to correct the request (补正,
 * 第三十条: it restarts on the day the correction arrives). An extension counts once the leader
 * approved it and the applicant was told (第三十三条).
 */

export interface RequestFacts {
  receivedOn: CalendarDay | null;
  correctionRequestedOn: CalendarDay | null;
  correctionReceivedOn: CalendarDay | null;
  extensionApprovedOn: CalendarDay | null;
  extensionNoticeSentOn: CalendarDay | null;
  outcome: string | null;
  closedOn: CalendarDay | null;
}

export const awaitingCorrection = (f: RequestFacts) =>
  f.closedOn == null && f.correctionRequestedOn != null && f.correctionReceivedOn == null;

/** The extension in force for the clock: approved and notified. */
function extensionOf(f: RequestFacts): RequestExtension | null {
  return f.extensionApprovedOn && f.extensionNoticeSentOn
    ? { approvedOn: f.extensionApprovedOn, noticeSentOn: f.extensionNoticeSentOn }
    : null;
}

/** The clock, or null while it does not run (receipt not fixed, or waiting for the correction). */
export function clockOf(f: RequestFacts, today: CalendarDay): RequestClock | null {
  if (!f.receivedOn || awaitingCorrection(f)) return null;
  return requestClock({
    receivedOn: f.receivedOn,
    correctionReceivedOn: f.correctionReceivedOn,
    extension: extensionOf(f),
    answeredOn: f.closedOn,
    today,
  });
}

export function progressOf(f: RequestFacts, today: CalendarDay): RequestProgress {
  if (f.closedOn) return 'answered';
  if (!f.receivedOn) return 'awaitingReceipt';
  if (awaitingCorrection(f)) return 'correctionRequested';
  return clockOf(f, today)?.extended ? 'extended' : 'processing';
}

/** 答复期限 in a few words, for the list, the item page and the API. */
export function describeRequestDeadline(f: RequestFacts, today: CalendarDay): string {
  if (!f.receivedOn) return '待确认收到（条例第三十一条）';
  const clock = clockOf(f, today);
  if (!clock) return `待补正（${f.correctionRequestedOn} 通知补正，收到补正之日起重新计算）`;
  const extended = clock.extended ? '，已延期' : '';
  switch (clock.state) {
    case 'met':
    case 'late':
      return `${clock.stateLabel}（${f.closedOn} 答复，期限 ${clock.deadline}${extended}）`;
    case 'overdue':
      return `已超期（期限 ${clock.deadline}${extended}）`;
    default:
      return `${clock.deadline}（剩 ${clock.workingDaysLeft} 个工作日${extended}）`;
  }
}

// ——— Checks before saving (Chinese, for staff) ———

function notOpenProblems(f: RequestFacts, what: string): string[] {
  if (f.closedOn) return [`该申请已于 ${f.closedOn} 答复，不能${what}`];
  if (!f.receivedOn) return [`尚未确定收到申请之日（条例第三十一条），不能${what}`];
  if (awaitingCorrection(f)) return [`申请人尚未补正，答复期限未起算，不能${what}`];
  return [];
}

/** 批准延期 on `approvedOn`: refused for a second extension, after the deadline, or on a closed request. */
export function approvalProblems(f: RequestFacts, approvedOn: CalendarDay): string[] {
  const open = notOpenProblems(f, '延期');
  if (open.length) return open;
  const existing = f.extensionApprovedOn
    ? [{ approvedOn: f.extensionApprovedOn, noticeSentOn: f.extensionNoticeSentOn ?? f.extensionApprovedOn }]
    : [];
  // The notice is checked when it is recorded; here it stands in on the day of approval.
  return checkExtension({
    receivedOn: f.receivedOn!,
    correctionReceivedOn: f.correctionReceivedOn,
    existing,
    proposed: { approvedOn, noticeSentOn: approvedOn },
  }).map((e) => e.message);
}

/** 延期告知 sent on `noticeSentOn`: only after approval, and before the original deadline. */
export function noticeProblems(f: RequestFacts, noticeSentOn: CalendarDay): string[] {
  const open = notOpenProblems(f, '告知延期');
  if (open.length) return open;
  if (!f.extensionApprovedOn) return ['延长答复期限尚未经批准，不能告知延期'];
  if (f.extensionNoticeSentOn) return [`已于 ${f.extensionNoticeSentOn} 告知申请人延期，答复期限只能延长一次`];
  return checkExtension({
    receivedOn: f.receivedOn!,
    correctionReceivedOn: f.correctionReceivedOn,
    proposed: { approvedOn: f.extensionApprovedOn, noticeSentOn },
  }).map((e) => e.message);
}

/** 答复: the outcome and the answer day are set together, on a received, open request. */
export function answerProblems(f: RequestFacts, outcome: string | null | undefined, closedOn: CalendarDay, today: CalendarDay): string[] {
  if (f.closedOn) return [`该申请已于 ${f.closedOn} 答复`];
  if (!f.receivedOn) return ['尚未确定收到申请之日（条例第三十一条），不能答复'];
  const problems: string[] = [];
  if (!outcome || !requestOutcomes.includes(outcome as RequestOutcome)) problems.push('请选择办理结果');
  if (closedOn < f.receivedOn) problems.push(`答复日期（${closedOn}）不能早于收到申请之日（${f.receivedOn}）`);
  if (closedOn > today) problems.push(`答复日期（${closedOn}）不能晚于今天`);
  if (outcome === 'unavailableUnclear' && !f.correctionReceivedOn)
    problems.push('“补正后申请内容仍不明确”须先记录补正通知和收到补正的日期');
  if (outcome === 'otherNoCorrection' && !awaitingCorrection(f)) problems.push('“逾期不补正”须已通知补正且未收到补正');
  if (outcome !== 'otherNoCorrection' && awaitingCorrection(f))
    problems.push('申请人尚未补正：请先记录收到补正的日期，或选择“申请人无正当理由逾期不补正”');
  return problems;
}

/** Whatever is saved, by form or API, stays consistent (the actions check more before this). */
export function recordProblems(f: RequestFacts): string[] {
  const problems: string[] = [];
  if ((f.outcome == null) !== (f.closedOn == null)) problems.push('办理结果和答复日期须同时填写（请使用“答复”操作）');
  if (f.closedOn && f.receivedOn && f.closedOn < f.receivedOn) problems.push('答复日期不能早于收到申请之日');
  if (f.correctionReceivedOn && !f.correctionRequestedOn) problems.push('请先填写通知补正日期');
  if (f.correctionRequestedOn && f.receivedOn && f.correctionRequestedOn < f.receivedOn) problems.push('通知补正日期不能早于收到申请之日');
  if (f.correctionRequestedOn && f.correctionReceivedOn && f.correctionReceivedOn < f.correctionRequestedOn)
    problems.push('收到补正日期不能早于通知补正日期');
  if (f.extensionNoticeSentOn && !f.extensionApprovedOn) problems.push('延期告知须在延期批准之后');
  if (f.extensionApprovedOn && f.receivedOn && !awaitingCorrection(f)) {
    const proposed = { approvedOn: f.extensionApprovedOn, noticeSentOn: f.extensionNoticeSentOn ?? f.extensionApprovedOn };
    problems.push(
      ...checkExtension({ receivedOn: f.receivedOn, correctionReceivedOn: f.correctionReceivedOn, proposed }).map((e) => e.message),
    );
  }
  return problems;
}

// ——— Alerts ———

/**
 * The alert a request is owed now: one per deadline and state (即将到期, then 已超期), so an extension
 * (a new deadline) is alerted afresh. Null when nothing is owed or it was already sent (`lastKey`).
 */
export function alertKeyFor(clock: RequestClock | null, lastKey: string | null | undefined): string | null {
  if (!clock || (clock.state !== 'dueSoon' && clock.state !== 'overdue')) return null;
  const key = `${clock.deadline}:${clock.state}`;
  return key === lastKey ? null : key;
}
