import { describe, expect, test } from '@jest/globals';
import { addWorkingDays, hasOfficialCalendar, isWorkingDay, toCalendarDay, workingDaysBetween } from '../../src/calendar/working-days.js';
import { catalogueItemWorkingDays, disclosureClock, disclosureDeadline } from '../../src/calendar/disclosure-clock.js';

describe('the national working-day calendar', () => {
  test('the 2026 Spring Festival: nine days off, with Saturdays 14 and 28 February worked (调休)', () => {
    expect(isWorkingDay('2026-02-14')).toBe(true);
    for (let d = 15; d <= 23; d++) expect(isWorkingDay(`2026-02-${d}`)).toBe(false);
    expect(isWorkingDay('2026-02-28')).toBe(true);
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
    expect(workingDaysBetween('2026-02-13', '2026-02-28')).toBe(6);
  });

  test('the 2026 National Day holiday: 1 to 7 October off, Saturday 10 October worked', () => {
    for (let d = 1; d <= 7; d++) expect(isWorkingDay(`2026-10-0${d}`)).toBe(false);
    expect(isWorkingDay('2026-10-10')).toBe(true);
    expect(isWorkingDay('2026-10-11')).toBe(false);
  });

  test('a plain week counts Monday to Friday', () => {
    expect(addWorkingDays('2026-11-20', 1)).toBe('2026-11-23');
    expect(workingDaysBetween('2026-11-22', '2026-11-29')).toBe(5);
    expect(addWorkingDays('2026-11-24', 0)).toBe('2026-11-24');
    expect(workingDaysBetween('2026-11-24', '2026-11-20')).toBe(0);
  });

  test('days are counted in China (UTC+8)', () => {
    expect(toCalendarDay(new Date('2026-11-23T17:30:00Z'))).toBe('2026-11-24');
    expect(toCalendarDay(new Date('2026-11-23T15:59:59Z'))).toBe('2026-11-23');
  });

  test('a year the State Council has not published yet falls back to Monday to Friday, and says so', () => {
    expect(hasOfficialCalendar('2026-06-01')).toBe(true);
    expect(hasOfficialCalendar('2031-06-02')).toBe(false);
    expect(isWorkingDay('2031-06-02')).toBe(true); // a Monday
    expect(isWorkingDay('2031-06-07')).toBe(false); // a Saturday
  });

  test('invalid dates are refused clearly', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(/不是有效的日期/);
    expect(() => addWorkingDays('2026/11/24', 1)).toThrow(/YYYY-MM-DD/);
    expect(() => addWorkingDays('2026-11-24', -1)).toThrow(/非负整数/);
  });
});

describe('N12 disclosure clock', () => {
  test('N12: a document formed the day before National Day must be public by 3 November (20 working days, 10 October counted)', () => {
    expect(disclosureDeadline('2026-09-30')).toBe('2026-11-03');
  });

  test('N12: a document formed just before the Spring Festival gets the holiday added back', () => {
    expect(disclosureDeadline('2026-02-10')).toBe('2026-03-16');
  });

  test('N12: catalogue items (social assistance, elderly care) have 10 working days', () => {
    expect(catalogueItemWorkingDays).toBe(10);
    expect(disclosureDeadline('2026-09-30', catalogueItemWorkingDays)).toBe('2026-10-20');
  });

  test('N12: each state of the clock', () => {
    expect(disclosureClock({ formationDate: '2026-10-30', publishedAt: null, today: '2026-11-24' })).toEqual({ deadline: '2026-11-27', state: 'dueSoon', workingDaysLeft: 3, workingDaysUsed: 17 });
    expect(disclosureClock({ formationDate: '2026-11-20', today: '2026-11-24' }).state).toBe('running');
    expect(disclosureClock({ formationDate: '2026-09-01', today: '2026-11-24' })).toMatchObject({ deadline: '2026-09-29', state: 'overdue', workingDaysLeft: 0 });
    expect(disclosureClock({ formationDate: '2026-09-30', publishedAt: '2026-11-03', today: '2026-11-24' })).toMatchObject({ state: 'met', workingDaysUsed: 20 });
    expect(disclosureClock({ formationDate: '2026-09-30', publishedAt: '2026-11-04', today: '2026-11-24' })).toMatchObject({ state: 'late', workingDaysUsed: 21 });
  });
});
