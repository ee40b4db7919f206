// clock-sensitive: also runs at each fixed today (tests/run-at-fixed-days.mjs).
import { describe, expect, test } from '@jest/globals';
import { isWorkingDay, workingDaysBetween } from '../../../src/platform/calendar/working-days.js';
import { describeRequestDeadline } from '../../../src/requests/core/request-state.js';
import { demoClock, demoClockSeededAt, demoStoryDay } from '../../../src/platform/demo/clock.js';
import { demoRequests } from '../../../src/requests/seed.js';
import { testNow } from '../../helpers/clock.js';

const at = (iso: string) => new Date(iso);

describe('trust #16: the demo clock moves the story to the day of seeding', () => {
  test('trust #16: on the story day nothing moves', () => {
    const clock = demoClock(at(`${demoStoryDay}T10:00:00+08:00`));
    expect({ shiftDays: clock.shiftDays, shiftYears: clock.shiftYears }).toEqual({ shiftDays: 0, shiftYears: 0 });
    expect(clock.instant('2026-11-18T16:30:00+08:00').toISOString()).toBe(at('2026-11-18T16:30:00+08:00').toISOString());
    expect(clock.text('临民发〔2026〕12号')).toBe('临民发〔2026〕12号');
  });

  test('trust #16: seeded on a Saturday, dates move by whole days, the time of day in China kept; history stays', () => {
    const clock = demoClock(at('2026-12-05T01:30:00+08:00'));
    expect(clock.today).toBe('2026-12-05');
    expect(clock.shiftDays).toBe(11);
    // 16:30 in China is 08:30 UTC: the day in China is what moves, not the day in UTC.
    expect(clock.instant('2026-11-18T16:30:00+08:00').toISOString()).toBe('2026-11-29T08:30:00.000Z');
    expect(clock.instant('2026-11-18T23:30:00+08:00').toISOString()).toBe('2026-11-29T15:30:00.000Z');
    expect(clock.day('2026-11-19')).toBe('2026-11-30');
    expect(clock.day('2025-12-29')).toBe('2026-01-09');
    // The bureau's 2017 rules are history.
    expect(clock.instant('2017-06-26T10:00:00+08:00').toISOString()).toBe(at('2017-06-26T10:00:00+08:00').toISOString());
    expect(clock.day('2017-06-24')).toBe('2017-06-24');
    expect(clock.text('关于调整2026年全市城乡最低生活保障标准的通知')).toBe('关于调整2026年全市城乡最低生活保障标准的通知');
  });

  test('trust #16: seeded months later, the years named in texts follow the nearest whole year; numbers and history do not', () => {
    const clock = demoClock(at('2027-09-15T10:00:00+08:00'));
    expect(clock.shiftDays).toBe(295);
    expect(clock.shiftYears).toBe(1);
    expect(clock.text('临民发〔2026〕12号：做好2026—2027年冬春期间工作，2025年度社会组织年检')).toBe(
      '临民发〔2027〕12号：做好2027—2028年冬春期间工作，2026年度社会组织年检',
    );
    expect(clock.text('依据临政办发〔2017〕105号，2008年抗震救灾物资台账')).toBe('依据临政办发〔2017〕105号，2008年抗震救灾物资台账');
    expect(clock.text('电话13800002026，身份证号530902202601011234，0883-2123456')).toBe(
      '电话13800002026，身份证号530902202601011234，0883-2123456',
    );
    expect(demoClock(at('2027-05-20T10:00:00+08:00')).shiftYears).toBe(0);
    // Seeded before the story day, everything moves back.
    const earlier = demoClock(at('2026-06-01T10:00:00+08:00'));
    expect(earlier.shiftDays).toBe(-176);
    expect(earlier.day('2026-06-18')).toBe('2025-12-24');
  });

  test('trust #16: what recurs on a day of the year moves by whole years to its latest occurrence', () => {
    const annual = (today: string) => demoClock(at(`${today}T10:00:00+08:00`)).everyYear('2026-01-23');
    expect(annual('2026-11-24').shiftYears).toBe(0);
    expect(annual('2027-01-22').shiftYears).toBe(0);
    expect(annual('2027-01-23').shiftYears).toBe(1);
    expect(annual('2027-02-05').instant('2026-01-23T10:00:00+08:00').toISOString()).toBe('2027-01-23T02:00:00.000Z');
    expect(annual('2027-02-05').text('2025年政府信息公开工作年度报告')).toBe('2026年政府信息公开工作年度报告');
    expect(annual('2026-01-22').shiftYears).toBe(-1);
    // 29 February becomes 28 February in a common year.
    expect(demoClock(at('2027-03-01T10:00:00+08:00')).everyYear('2024-02-29').day('2024-02-29')).toBe('2027-02-28');
  });

  test('trust #16: a demo seeded earlier keeps the day it was seeded on', () => {
    // First seeded on Saturday 5 December: its first message, of 9 October in the story, came 11 days later.
    const clock = demoClockSeededAt('2026-10-09T09:12:00+08:00', at('2026-10-20T09:12:00+08:00'), at('2027-03-01T15:00:00+08:00'));
    expect({ today: clock.today, shiftDays: clock.shiftDays }).toEqual({ today: '2026-12-05', shiftDays: 11 });
    expect(clock.now.toISOString()).toBe(at('2026-12-05T15:00:00+08:00').toISOString());
  });
});

describe('trust #17: the demo request due soon has 3 working days left whatever the day', () => {
  // A Saturday, 除夕, 31 December, a weekday, a Saturday before a worked Sunday (调休) and that Sunday,
  // the last day of the National Day holidays, a worked Saturday, a Saturday of 2027, and the day of this run.
  const days = [
    '2026-12-05',
    '2027-02-05',
    '2026-12-31',
    '2026-11-24',
    '2026-09-19',
    '2026-09-20',
    '2026-10-07',
    '2026-10-10',
    '2027-02-20',
  ];
  test.each([...days, 'today'])('trust #17: seeded on %s', (day) => {
    const clock = demoClock(day === 'today' ? testNow() : at(`${day}T10:00:00+08:00`));
    const requests = demoRequests(clock);
    const soon = requests.find((r) => r.topic === '高龄津贴发放名单')!;
    const facts = {
      receivedOn: soon.receivedOn,
      correctionRequestedOn: null,
      correctionReceivedOn: null,
      extensionApprovedOn: null,
      extensionNoticeSentOn: null,
      outcome: null,
      closedOn: null,
    };
    expect(describeRequestDeadline(facts, clock.today)).toMatch(/（剩 3 个工作日）$/);
    // The extended one runs, within its 40 working days, and every request was received on a working day, by today.
    const extended = requests.find((r) => r.extension && !r.outcome)!;
    expect(
      describeRequestDeadline(
        {
          ...facts,
          receivedOn: extended.receivedOn,
          extensionApprovedOn: extended.extension!.approvedOn,
          extensionNoticeSentOn: extended.extension!.noticeSentOn,
        },
        clock.today,
      ),
    ).toMatch(/剩 \d+ 个工作日，已延期/);
    for (const r of requests.filter((r) => r.receivedOn)) {
      expect([r.topic, isWorkingDay(r.receivedOn!), r.receivedOn! <= clock.today]).toEqual([r.topic, true, true]);
      if (r.closedOn) expect(workingDaysBetween(r.closedOn, clock.today) >= 0 && r.closedOn <= clock.today).toBe(true);
    }
  });
});
