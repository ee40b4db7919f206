import type { ClockState } from '../../platform/calendar/disclosure-clock.js';
import {
  addWorkingDays,
  assertCalendarDay,
  hasOfficialCalendar,
  workingDaysBetween,
  type CalendarDay,
} from '../../platform/calendar/working-days.js';

export * from './request-vocabulary.js';

/*
 * N13: a request for disclosure (依申请公开) is answered within 20 working days of receipt; the
 * time may be extended once, by at most 20 working days, with the approval of the head of the
 * disclosure office and notice to the applicant (政府信息公开条例 第三十三条).
 *
 * Counting (our choice, documented): "自收到申请之日起20个工作日内" counts like every statutory period
 * in days — the day the period starts is not counted (民法典 第二百零一条; 行政诉讼法 第一百零二条 reads
 * the same way): the first working day after receipt is day 1, and the answer is due on the 20th
 * working day after it, i.e. `addWorkingDays(receivedOn, 20)`. The date of receipt itself is fixed by
 * 条例 第三十一条 (delivered in person: that day; post: the day signed for; online or fax: the day both
 * sides confirm), which the Keystone side records. When the applicant is asked to correct the request
 * (补正), the period runs from the day the corrected request arrives (第三十条): pass
 * `correctionReceivedOn`. Time spent consulting third parties (第三十二条, 第三十三条第三款) is not
 * modelled here.
 */

export const requestAnswerWorkingDays = 20;
export const requestExtensionWorkingDays = 20;

export interface RequestExtension {
  /** The day the head of the disclosure office approved it. */
  approvedOn: CalendarDay;
  /** The day the notice of extension was sent to the applicant. */
  noticeSentOn: CalendarDay;
}

export type RequestClockErrorCode =
  | 'secondExtension'
  | 'extensionApprovedAfterDeadline'
  | 'extensionNoticeAfterDeadline'
  | 'extensionNoticeBeforeApproval'
  | 'extensionBeforeStart';

export interface RequestClockError {
  code: RequestClockErrorCode;
  /** Chinese, for staff. */
  message: string;
}

export const requestClockStateLabels: Readonly<Record<ClockState, string>> = {
  met: '按期答复',
  late: '逾期答复',
  overdue: '已超期未答复',
  dueSoon: '即将到期',
  running: '办理中',
};

export interface RequestClock {
  /** The day the period runs from: receipt, or receipt of the corrected request. */
  startedOn: CalendarDay;
  /** 20 working days after `startedOn`. */
  originalDeadline: CalendarDay;
  /** The deadline in force: 20 more working days when a valid extension was granted. */
  deadline: CalendarDay;
  extended: boolean;
  state: ClockState;
  stateLabel: string;
  /** Working days after today up to the deadline while unanswered; 0 once answered or past it. */
  workingDaysLeft: number;
  /** Working days after the start up to the answer, or up to today while unanswered. */
  workingDaysUsed: number;
  /** Unanswered, not yet extended, and the original deadline not yet passed. */
  extensionPossible: boolean;
  /** Extensions that break N13; an extension with an error is not counted. */
  errors: RequestClockError[];
  /** The deadline's year has no State Council calendar in our data yet (counted Monday to Friday). */
  provisional: boolean;
}

export interface RequestClockInput {
  receivedOn: CalendarDay;
  /** 补正: the day the corrected request was received; the period runs from it. */
  correctionReceivedOn?: CalendarDay | null;
  extension?: RequestExtension | null;
  /** Every extension recorded, oldest first, for a Keystone list that keeps them all; merged after `extension`. */
  extensions?: readonly RequestExtension[];
  answeredOn?: CalendarDay | null;
  today: CalendarDay;
  dueSoonWorkingDays?: number;
}

function extensionErrors(extension: RequestExtension, startedOn: CalendarDay, originalDeadline: CalendarDay): RequestClockError[] {
  const errors: RequestClockError[] = [];
  const { approvedOn, noticeSentOn } = extension;
  // Validated 'YYYY-MM-DD' strings compare in date order.
  if (approvedOn < startedOn)
    errors.push({ code: 'extensionBeforeStart', message: `延期批准日期（${approvedOn}）早于答复期限起算日（${startedOn}）` });
  if (approvedOn > originalDeadline) {
    errors.push({
      code: 'extensionApprovedAfterDeadline',
      message: `延长答复期限须在期限届满前批准：批准日期 ${approvedOn} 晚于答复期限 ${originalDeadline}`,
    });
  }
  if (noticeSentOn > originalDeadline) {
    errors.push({
      code: 'extensionNoticeAfterDeadline',
      message: `延期告知须在答复期限届满前送出：告知日期 ${noticeSentOn} 晚于答复期限 ${originalDeadline}`,
    });
  }
  if (noticeSentOn < approvedOn)
    errors.push({ code: 'extensionNoticeBeforeApproval', message: `延期告知日期（${noticeSentOn}）早于批准日期（${approvedOn}）` });
  return errors;
}

/** N13: where one request stands against its answer deadline, on the national working-day calendar. */
export function requestClock({
  receivedOn,
  correctionReceivedOn,
  extension,
  extensions = [],
  answeredOn,
  today,
  dueSoonWorkingDays = 5,
}: RequestClockInput): RequestClock {
  assertCalendarDay(receivedOn);
  assertCalendarDay(today);
  if (!Number.isInteger(dueSoonWorkingDays) || dueSoonWorkingDays < 0)
    throw new Error(`Invalid dueSoonWorkingDays ${dueSoonWorkingDays}: expected a whole number, 0 or more`);
  if (correctionReceivedOn != null && assertCalendarDay(correctionReceivedOn) < receivedOn)
    throw new Error('Invalid correctionReceivedOn: before the request was received');
  if (answeredOn != null && assertCalendarDay(answeredOn) < receivedOn)
    throw new Error('Invalid answeredOn: before the request was received');
  const all = [...(extension ? [extension] : []), ...extensions];
  for (const e of all) {
    assertCalendarDay(e.approvedOn);
    assertCalendarDay(e.noticeSentOn);
  }

  const startedOn = correctionReceivedOn ?? receivedOn;
  const originalDeadline = addWorkingDays(startedOn, requestAnswerWorkingDays);
  const errors: RequestClockError[] = [];
  let extended = false;
  all.forEach((e, index) => {
    if (index > 0) {
      errors.push({ code: 'secondExtension', message: `答复期限只能延长一次：第${index + 1}次延期（${e.approvedOn}批准）无效` });
      return;
    }
    const found = extensionErrors(e, startedOn, originalDeadline);
    errors.push(...found);
    extended = found.length === 0;
  });
  const deadline = extended ? addWorkingDays(originalDeadline, requestExtensionWorkingDays) : originalDeadline;
  const provisional = !hasOfficialCalendar(deadline);
  const base = { startedOn, originalDeadline, deadline, extended, errors, provisional };

  if (answeredOn != null) {
    const state: ClockState = answeredOn <= deadline ? 'met' : 'late';
    return {
      ...base,
      state,
      stateLabel: requestClockStateLabels[state],
      workingDaysLeft: 0,
      workingDaysUsed: workingDaysBetween(startedOn, answeredOn),
      extensionPossible: false,
    };
  }
  const workingDaysLeft = workingDaysBetween(today, deadline);
  const state: ClockState = today > deadline ? 'overdue' : workingDaysLeft <= dueSoonWorkingDays ? 'dueSoon' : 'running';
  return {
    ...base,
    state,
    stateLabel: requestClockStateLabels[state],
    workingDaysLeft,
    workingDaysUsed: workingDaysBetween(startedOn, today),
    extensionPossible: all.length === 0 && today <= originalDeadline,
  };
}

/**
 * N13: what is wrong with granting `proposed` now, given the extensions already recorded; an empty
 * list means the Admin UI may save it.
 */
export function checkExtension(
  input: Omit<RequestClockInput, 'extension' | 'extensions' | 'answeredOn' | 'today'> & {
    existing?: readonly RequestExtension[];
    proposed: RequestExtension;
  },
): RequestClockError[] {
  const { existing = [], proposed, ...rest } = input;
  return requestClock({ ...rest, extensions: [...existing, proposed], today: proposed.approvedOn }).errors;
}
