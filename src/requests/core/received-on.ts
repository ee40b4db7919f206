import { assertCalendarDay, type CalendarDay } from '../../platform/calendar/working-days.js';
import type { RequestChannel } from './vocabulary.js';

/*
 * N13: the day a request counts as received (收到申请之日), from which the 20 working days run,
 * is fixed by 政府信息公开条例 第三十一条 by channel:
 * （一）当面提交: the day it is handed in;
 * （二）邮寄: the day the organ signs for it (签收之日); for 平常信函 without a receipt, the day the
 *      organ confirms with the applicant (双方确认之日) — we record that day in `signedForOn` too;
 * （三）互联网渠道 or 传真: the day both sides confirm (双方确认之日). E-mail is an internet channel.
 */

export interface ReceiptEvidence {
  channel: RequestChannel;
  /** 当面提交: the day the applicant handed it in. */
  handedInOn?: CalendarDay | null;
  /** 信函: the day it was signed for (or confirmed, for an ordinary letter). */
  signedForOn?: CalendarDay | null;
  /** 网上申请, 传真, 电子邮件: the day both sides confirmed the application. */
  confirmedOn?: CalendarDay | null;
}

/** Which evidence field counts for a channel, and what staff must record, in Chinese. */
export const receiptRules: Readonly<Record<RequestChannel, { field: 'handedInOn' | 'signedForOn' | 'confirmedOn'; label: string }>> = {
  inPerson: { field: 'handedInOn', label: '当面提交的，以提交之日为收到申请之日' },
  letter: { field: 'signedForOn', label: '以邮寄方式提交的，以签收之日为收到申请之日' },
  online: { field: 'confirmedOn', label: '通过互联网渠道提交的，以双方确认之日为收到申请之日' },
  email: { field: 'confirmedOn', label: '通过电子邮件提交的，以双方确认之日为收到申请之日' },
  fax: { field: 'confirmedOn', label: '通过传真提交的，以双方确认之日为收到申请之日' },
};

/** 条例 第三十一条: the day of receipt, or null while the channel's evidence is not recorded. */
export function receivedOnFor(evidence: ReceiptEvidence): CalendarDay | null {
  const rule = receiptRules[evidence.channel];
  if (!rule) throw new Error(`Invalid request channel ${JSON.stringify(evidence.channel)}`);
  const day = evidence[rule.field];
  return day ? assertCalendarDay(day) : null;
}
