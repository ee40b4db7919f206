// clock-sensitive: also runs at each fixed today (tests/run-at-fixed-days.mjs).
import { describe, expect, test } from '@jest/globals';
import {
  applicantTypeOptions,
  checkExtension,
  outcomeGroupOf,
  requestAnswerWorkingDays,
  requestClock,
  requestExtensionWorkingDays,
  requestOutcomeGroups,
  requestOutcomeOptions,
  type RequestOutcome,
} from '../../../src/requests/core/clock.js';

describe('N13 vocabulary as in the annual report table (国办公开办函〔2021〕30号)', () => {
  test('N14: applicant columns: 自然人, then five kinds of 法人或其他组织', () => {
    expect(applicantTypeOptions.map((o) => o.label)).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    expect(applicantTypeOptions.filter((o) => o.group === '法人或其他组织')).toHaveLength(5);
  });

  test('N14: outcome groups (一) to (六) with 8, 3, 5 and 3 sub-rows under (三) to (六)', () => {
    expect(requestOutcomeGroups.map((g) => `${g.number}${g.label.replace(/（.*$/, '')}:${g.items.length}`)).toEqual([
      '（一）予以公开:0',
      '（二）部分公开:0',
      '（三）不予公开:8',
      '（四）无法提供:3',
      '（五）不予处理:5',
      '（六）其他处理:3',
    ]);
    expect(requestOutcomeOptions).toHaveLength(21);
    expect(new Set(requestOutcomeOptions.map((o) => o.value)).size).toBe(21);
    expect(requestOutcomeOptions.find((o) => o.value === 'withheldProcessInformation')!.label).toBe('（三）不予公开：6.属于四类过程性信息');
    expect(outcomeGroupOf('notProcessedRepeated')).toBe('notProcessed');
    expect(outcomeGroupOf('partlyDisclosed')).toBe('partlyDisclosed');
    expect(() => outcomeGroupOf('withheld' as RequestOutcome)).toThrow(/Invalid request outcome/);
    // A group with sub-rows is not itself an outcome.
    // @ts-expect-error 'withheld' is a group, not a leaf
    const notALeaf: RequestOutcome = 'withheld';
    expect(notALeaf).toBe('withheld');
  });
});

describe('N13 request deadlines', () => {
  test('N13: 20 working days, extendable once by 20', () => {
    expect([requestAnswerWorkingDays, requestExtensionWorkingDays]).toEqual([20, 20]);
  });

  test('N13: the day after receipt is day 1: received Monday 2 November 2026, due Monday 30 November', () => {
    expect(requestClock({ receivedOn: '2026-11-02', today: '2026-11-03' })).toMatchObject({
      startedOn: '2026-11-02',
      deadline: '2026-11-30',
      state: 'running',
      stateLabel: '办理中',
      workingDaysUsed: 1,
      workingDaysLeft: 19,
      extensionPossible: true,
      errors: [],
      provisional: false,
    });
  });

  test('N13: received the Friday before the 2026 Spring Festival: 15 to 23 February do not count, Saturdays 14 and 28 February do; due 19 March', () => {
    const clock = requestClock({ receivedOn: '2026-02-13', today: '2026-02-24' });
    expect(clock).toMatchObject({ deadline: '2026-03-19', workingDaysUsed: 2, workingDaysLeft: 18 });
  });

  test('N13: received on 30 September 2026: 1 to 7 October do not count, Saturday 10 October does; due 3 November, extended to 1 December', () => {
    expect(requestClock({ receivedOn: '2026-09-30', today: '2026-10-09' })).toMatchObject({
      deadline: '2026-11-03',
      workingDaysUsed: 2,
      workingDaysLeft: 18,
    });
    const extended = requestClock({
      receivedOn: '2026-09-30',
      extension: { approvedOn: '2026-10-28', noticeSentOn: '2026-10-29' },
      today: '2026-11-04',
    });
    expect(extended).toMatchObject({
      originalDeadline: '2026-11-03',
      deadline: '2026-12-01',
      extended: true,
      state: 'running',
      errors: [],
      extensionPossible: false,
    });
  });

  test('N13: an adjusted working Sunday (20 September 2026) is day 1 of a request received on Friday 18 September', () => {
    expect(requestClock({ receivedOn: '2026-09-18', today: '2026-09-20' })).toMatchObject({ deadline: '2026-10-22', workingDaysUsed: 1 });
  });

  test('N13: extended across the Qingming holiday: due 19 March, extended to 17 April 2026', () => {
    expect(
      requestClock({ receivedOn: '2026-02-13', extension: { approvedOn: '2026-03-19', noticeSentOn: '2026-03-19' }, today: '2026-03-20' }),
    ).toMatchObject({
      deadline: '2026-04-17',
      extended: true,
    });
  });

  test('N13: a corrected request (补正) runs from the day the correction arrives', () => {
    expect(requestClock({ receivedOn: '2026-09-18', correctionReceivedOn: '2026-09-28', today: '2026-10-08' })).toMatchObject({
      startedOn: '2026-09-28',
      deadline: '2026-10-30',
      workingDaysUsed: 3,
    });
  });

  test('N13: due soon within 5 working days, overdue after the deadline, met or late once answered', () => {
    expect(requestClock({ receivedOn: '2026-11-02', today: '2026-11-23' })).toMatchObject({ state: 'dueSoon', workingDaysLeft: 5 });
    expect(requestClock({ receivedOn: '2026-11-02', today: '2026-11-30' })).toMatchObject({
      state: 'dueSoon',
      workingDaysLeft: 0,
      extensionPossible: true,
    });
    expect(requestClock({ receivedOn: '2026-11-02', today: '2026-12-01' })).toMatchObject({
      state: 'overdue',
      stateLabel: '已超期未答复',
      workingDaysLeft: 0,
      extensionPossible: false,
    });
    expect(requestClock({ receivedOn: '2026-11-02', answeredOn: '2026-11-30', today: '2027-02-01' })).toMatchObject({
      state: 'met',
      workingDaysUsed: 20,
      extensionPossible: false,
    });
    expect(requestClock({ receivedOn: '2026-11-02', answeredOn: '2026-12-01', today: '2026-12-01' })).toMatchObject({
      state: 'late',
      stateLabel: '逾期答复',
    });
  });

  test('N13: a deadline in a year without the State Council calendar yet is provisional', () => {
    expect(
      requestClock({ receivedOn: '2026-12-01', extension: { approvedOn: '2026-12-28', noticeSentOn: '2026-12-28' }, today: '2026-12-29' }),
    ).toMatchObject({
      originalDeadline: '2026-12-29',
      deadline: '2027-01-26',
      provisional: true,
    });
  });
});

describe('N13 extension rules', () => {
  const receivedOn = '2026-11-02';

  test('N13: a second extension is an error and does not move the deadline', () => {
    const clock = requestClock({
      receivedOn,
      extensions: [
        { approvedOn: '2026-11-27', noticeSentOn: '2026-11-27' },
        { approvedOn: '2026-12-20', noticeSentOn: '2026-12-21' },
      ],
      today: '2026-12-22',
    });
    expect(clock.deadline).toBe('2026-12-28');
    expect(clock.errors).toEqual([{ code: 'secondExtension', message: '答复期限只能延长一次：第2次延期（2026-12-20批准）无效' }]);
  });

  test('N13: `extension` and `extensions` together count as two', () => {
    const clock = requestClock({
      receivedOn,
      extension: { approvedOn: '2026-11-27', noticeSentOn: '2026-11-27' },
      extensions: [{ approvedOn: '2026-11-28', noticeSentOn: '2026-11-28' }],
      today: '2026-11-30',
    });
    expect(clock.errors.map((e) => e.code)).toEqual(['secondExtension']);
  });

  test('N13: an extension approved after the deadline is an error and not counted', () => {
    const clock = requestClock({ receivedOn, extension: { approvedOn: '2026-12-01', noticeSentOn: '2026-12-01' }, today: '2026-12-02' });
    expect(clock).toMatchObject({ deadline: '2026-11-30', extended: false, state: 'overdue' });
    expect(clock.errors.map((e) => e.code)).toEqual(['extensionApprovedAfterDeadline', 'extensionNoticeAfterDeadline']);
    expect(clock.errors[0].message).toBe('延长答复期限须在期限届满前批准：批准日期 2026-12-01 晚于答复期限 2026-11-30');
  });

  test('N13: approved in time but notified too late, or notified before approval: errors', () => {
    expect(
      requestClock({ receivedOn, extension: { approvedOn: '2026-11-30', noticeSentOn: '2026-12-01' }, today: '2026-12-01' }).errors.map(
        (e) => e.code,
      ),
    ).toEqual(['extensionNoticeAfterDeadline']);
    expect(
      requestClock({ receivedOn, extension: { approvedOn: '2026-11-20', noticeSentOn: '2026-11-19' }, today: '2026-12-01' }).errors.map(
        (e) => e.code,
      ),
    ).toEqual(['extensionNoticeBeforeApproval']);
  });

  test('N13: checkExtension tells the Admin UI whether a proposed extension may be saved', () => {
    expect(checkExtension({ receivedOn, proposed: { approvedOn: '2026-11-30', noticeSentOn: '2026-11-30' } })).toEqual([]);
    expect(
      checkExtension({
        receivedOn,
        existing: [{ approvedOn: '2026-11-27', noticeSentOn: '2026-11-27' }],
        proposed: { approvedOn: '2026-12-10', noticeSentOn: '2026-12-10' },
      }).map((e) => e.code),
    ).toEqual(['secondExtension']);
  });

  test('N13: invalid days are refused', () => {
    expect(() => requestClock({ receivedOn: '2026-02-30', today: '2026-03-01' })).toThrow(/Invalid calendar day "2026-02-30"/);
    expect(() => requestClock({ receivedOn, answeredOn: '2026-11-01', today: '2026-11-03' })).toThrow(/answeredOn: before/);
    expect(() =>
      requestClock({ receivedOn, extension: { approvedOn: '2026-11-31', noticeSentOn: '2026-11-20' }, today: '2026-11-03' }),
    ).toThrow(/Invalid calendar day/);
  });
});
