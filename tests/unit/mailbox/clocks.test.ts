// clock-sensitive: also runs at each fixed today (tests/run-at-fixed-days.mjs).
import { describe, expect, test } from '@jest/globals';
import { addMonths, messageClock, messageSummary, type MessageRecord } from '../../../src/mailbox/core/clocks.js';

const cst = (local: string): Date => new Date(`${local}+08:00`);
const msg = (
  id: string,
  submitted: string,
  replied?: string,
  published?: string,
  kind: MessageRecord['kind'] = 'consultation',
): MessageRecord => ({
  id,
  kind,
  submittedAt: cst(submitted),
  repliedAt: replied ? cst(replied) : null,
  replyPublishedAt: published ? cst(published) : null,
});

describe('N5 month arithmetic', () => {
  test('N5: months are calendar months; a missing day is the last of the month', () => {
    expect(addMonths('2026-09-15', 2)).toBe('2026-11-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-12-31', 2)).toBe('2027-02-28');
    expect(() => addMonths('2026-02-30', 1)).toThrow(/Invalid calendar day/);
  });
});

describe('N5 one message', () => {
  test('N5: published within 2 months: no deduction, no veto', () => {
    expect(messageClock(msg('a', '2026-09-15T10:00', '2026-10-20T09:00', '2026-11-15T18:00'), '2026-12-31')).toMatchObject({
      submittedOn: '2026-09-15',
      publishBy: '2026-11-15',
      answerBy: '2026-12-15',
      state: 'published',
      stateLabel: '已按时公开答复',
      veto: false,
      deduction: false,
      daysLeft: 0,
    });
  });

  test('N5: the day is the day in China: submitted 23:30 on 30 September is 30 September, not 1 October', () => {
    expect(messageClock(msg('a', '2026-09-30T23:30'), '2026-10-01').publishBy).toBe('2026-11-30');
  });

  test('N5: awaiting, then due soon in the last 14 days before 2 months', () => {
    expect(messageClock(msg('a', '2026-09-15T10:00'), '2026-10-31')).toMatchObject({ state: 'awaiting', daysLeft: 15 });
    expect(messageClock(msg('a', '2026-09-15T10:00'), '2026-11-01')).toMatchObject({ state: 'dueSoon', daysLeft: 14 });
    expect(messageClock(msg('a', '2026-09-15T10:00', '2026-11-10T10:00'), '2026-11-15')).toMatchObject({
      state: 'dueSoon',
      replied: true,
      daysLeft: 0,
    });
  });

  test('N5: a reply not published within 2 months costs points', () => {
    expect(messageClock(msg('a', '2026-09-15T10:00', '2026-10-01T10:00', '2026-11-16T08:00'), '2026-12-31')).toMatchObject({
      state: 'late',
      deduction: true,
      veto: false,
    });
    expect(messageClock(msg('a', '2026-09-15T10:00'), '2026-11-16')).toMatchObject({
      state: 'late',
      deduction: true,
      veto: false,
      daysLeft: 0,
    });
  });

  test('N5: a consultation unanswered for more than 3 months is a veto; on the last day of the 3 months it is not yet', () => {
    expect(messageClock(msg('a', '2026-09-15T10:00'), '2026-12-15')).toMatchObject({ state: 'late', veto: false });
    expect(messageClock(msg('a', '2026-09-15T10:00'), '2026-12-16')).toMatchObject({
      state: 'unanswered',
      stateLabel: '超过3个月未答复',
      veto: true,
      deduction: true,
    });
  });

  test('N5: a reply given after more than 3 months leaves the veto on record', () => {
    expect(messageClock(msg('a', '2026-09-15T10:00', '2026-12-20T10:00', '2026-12-20T11:00'), '2026-12-31')).toMatchObject({
      state: 'late',
      veto: true,
    });
  });

  test('N5: the veto is for consultation messages; a complaint unanswered for 4 months is late but not a veto', () => {
    expect(messageClock(msg('a', '2026-09-15T10:00', undefined, undefined, 'complaint'), '2027-01-15')).toMatchObject({
      state: 'unanswered',
      veto: false,
      deduction: true,
    });
  });

  test('N5: a published reply must carry its reply time; replies cannot precede the message', () => {
    expect(() => messageClock(msg('a', '2026-09-15T10:00', undefined, '2026-10-01T10:00'), '2026-12-31')).toThrow(/without a reply time/);
    expect(() => messageClock(msg('a', '2026-09-15T10:00', '2026-09-14T10:00'), '2026-12-31')).toThrow(/reply before submission/);
  });
});

describe('N5 summary', () => {
  test('N5: counts per state, veto and deduction ids, and the Chinese summary', () => {
    const summary = messageSummary(
      [
        msg('ok', '2026-10-01T09:00', '2026-10-08T09:00', '2026-10-08T10:00'),
        msg('waiting', '2026-12-01T09:00'),
        msg('soon', '2026-10-20T09:00'),
        msg('late', '2026-09-01T09:00', '2026-10-01T09:00', '2026-11-20T09:00'),
        msg('veto', '2026-08-01T09:00'),
      ],
      '2026-12-10',
    );
    expect(summary).toMatchObject({
      total: 5,
      byState: { published: 1, awaiting: 1, dueSoon: 1, late: 1, unanswered: 1 },
      passes: false,
      vetoIds: ['veto'],
      deductionIds: ['late', 'veto'],
      onTimeRate: 0.2,
    });
    expect(summary.summary).toBe(
      '留言5条：按时公开答复1条，待答复2条（即将满2个月1条），超过2个月未公开答复2条，超过3个月未答复（单项否决）1条',
    );
    expect(messageSummary([], '2026-12-10')).toMatchObject({ total: 0, passes: true, onTimeRate: 1 });
  });
});
