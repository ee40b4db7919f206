// clock-sensitive: also runs at each fixed today (tests/run-at-fixed-days.mjs).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import chineseDays from 'chinese-days';
import {
  addWorkingDays,
  assertCalendarDay,
  calendarCoverage,
  hasOfficialCalendar,
  isWorkingDay,
  toCalendarDay,
  workingDaysBetween,
} from '../../../src/platform/calendar/working-days.js';

const days = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

describe('the national working-day calendar (chinese-days 1.5.7)', () => {
  test('the 2026 Spring Festival: 15 to 23 February off, Saturdays 14 and 28 February worked (调休)', () => {
    expect(isWorkingDay('2026-02-13')).toBe(true);
    expect(isWorkingDay('2026-02-14')).toBe(true);
    for (const day of days('2026-02-15', '2026-02-23')) expect([day, isWorkingDay(day)]).toEqual([day, false]);
    expect(isWorkingDay('2026-02-24')).toBe(true);
    expect(isWorkingDay('2026-02-28')).toBe(true);
    expect(isWorkingDay('2026-03-01')).toBe(false);
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-27', 1)).toBe('2026-02-28');
    // 14, 24, 25, 26, 27 and 28 February.
    expect(workingDaysBetween('2026-02-13', '2026-02-28')).toBe(6);
  });

  test('the 2026 National Day holiday: 1 to 7 October off, Sunday 20 September and Saturday 10 October worked; Mid-Autumn 25 to 27 September off', () => {
    expect(isWorkingDay('2026-09-20')).toBe(true);
    for (const day of days('2026-09-25', '2026-09-27')) expect([day, isWorkingDay(day)]).toEqual([day, false]);
    for (const day of days('2026-10-01', '2026-10-07')) expect([day, isWorkingDay(day)]).toEqual([day, false]);
    expect(isWorkingDay('2026-10-08')).toBe(true);
    expect(isWorkingDay('2026-10-10')).toBe(true);
    expect(isWorkingDay('2026-10-11')).toBe(false);
    expect(addWorkingDays('2026-09-18', 1)).toBe('2026-09-20');
    expect(addWorkingDays('2026-09-24', 1)).toBe('2026-09-28');
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays('2026-10-09', 1)).toBe('2026-10-10');
    // 8, 9, 10 and 12 October.
    expect(workingDaysBetween('2026-09-30', '2026-10-12')).toBe(4);
  });

  test('a plain week counts Monday to Friday', () => {
    expect(days('2026-11-21', '2026-11-29').map(isWorkingDay)).toEqual([false, false, true, true, true, true, true, false, false]);
    expect(addWorkingDays('2026-11-20', 1)).toBe('2026-11-23');
    expect(addWorkingDays('2026-11-20', 5)).toBe('2026-11-27');
    expect(addWorkingDays('2026-11-20', 6)).toBe('2026-11-30');
    expect(workingDaysBetween('2026-11-22', '2026-11-29')).toBe(5);
  });

  test('n = 0 gives the start day, and a range that does not move forward counts nothing', () => {
    expect(addWorkingDays('2026-11-22', 0)).toBe('2026-11-22');
    expect(workingDaysBetween('2026-11-24', '2026-11-24')).toBe(0);
    expect(workingDaysBetween('2026-11-24', '2026-11-20')).toBe(0);
  });

  test('days are the days in China (UTC+8)', () => {
    expect(toCalendarDay(new Date('2026-11-23T15:59:59.999Z'))).toBe('2026-11-23');
    expect(toCalendarDay(new Date('2026-11-23T16:00:00Z'))).toBe('2026-11-24');
    expect(toCalendarDay(new Date('2026-11-23T17:30:00Z'))).toBe('2026-11-24');
    expect(toCalendarDay(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  test('the calendar does not depend on the time zone the server runs in', () => {
    // chinese-days works out weekdays in the process's zone; west of UTC that is a day early.
    const moduleUrl = new URL('../../../src/platform/calendar/working-days.ts', import.meta.url).href;
    const script = `const w = await import(${JSON.stringify(moduleUrl)});
      console.log(JSON.stringify(['2026-03-07', '2026-03-09', '2026-02-14', '2026-02-16', '2026-09-20'].map(w.isWorkingDay)));`;
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      env: { ...process.env, TZ: 'America/Los_Angeles', NODE_OPTIONS: '' },
      encoding: 'utf8',
    });
    expect(JSON.parse(output)).toEqual([false, true, true, false, true]);
  });

  test('a year not yet in the data falls back to Monday to Friday, and says so', () => {
    // chinese-days 1.5.7 carries 2004 to 2026; upgrading to a release with 2027 moves these.
    expect(calendarCoverage()).toEqual({ from: 2004, to: 2026 });
    expect(hasOfficialCalendar('2026-12-31')).toBe(true);
    expect(hasOfficialCalendar('2004-01-01')).toBe(true);
    expect(hasOfficialCalendar('2027-01-01')).toBe(false);
    expect(hasOfficialCalendar('2003-12-31')).toBe(false);
    // 1 January 2027 (元旦) is a Friday: counted as a working day until the 2027 calendar is in the data.
    expect(isWorkingDay('2027-01-01')).toBe(true);
    expect(isWorkingDay('2027-01-02')).toBe(false);
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addWorkingDays('2026-12-31', 2)).toBe('2027-01-04');
  });

  test('invalid input is refused with a clear error', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026/11/24', '2026-2-3', '20261124', '', '2026-11-24T00:00:00Z']) {
      expect(() => isWorkingDay(bad)).toThrow(`Invalid calendar day ${JSON.stringify(bad)}: expected an existing date as YYYY-MM-DD`);
    }
    expect(assertCalendarDay('2028-02-29')).toBe('2028-02-29');
    expect(() => assertCalendarDay('2026-02-29')).toThrow(/Invalid calendar day/);
    expect(() => hasOfficialCalendar('2026-00-10')).toThrow(/Invalid calendar day/);
    expect(() => workingDaysBetween('2026-11-24', '2026-11-31')).toThrow(/Invalid calendar day "2026-11-31"/);
    expect(() => workingDaysBetween('2026-11-31', '2026-11-24')).toThrow(/Invalid calendar day "2026-11-31"/);
    expect(() => addWorkingDays('2026-11-24', -1)).toThrow('Invalid number of working days -1');
    expect(() => addWorkingDays('2026-11-24', 1.5)).toThrow('Invalid number of working days 1.5');
    expect(() => toCalendarDay(new Date('not a date'))).toThrow(/Invalid instant/);
  });

  test('N12: the precomputed calendar answers as a walk of the library day by day, inside its years and past them', () => {
    // The walk the table replaced, written out here: the library's entry for a listed day, else Monday to Friday.
    const plain = new Set(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);
    const known = new Map<string, boolean>();
    const walked = (day: string) => {
      if (known.has(day)) return known.get(day)!;
      const detail = chineseDays.getDayDetail(day);
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      known.set(day, plain.has(detail.name) ? weekday !== 0 && weekday !== 6 : detail.work);
      return known.get(day)!;
    };
    const walkAdd = (start: string, n: number) => {
      let t = Date.parse(`${start}T00:00:00Z`);
      for (let left = n; left > 0;) if (walked(new Date((t += 86_400_000)).toISOString().slice(0, 10))) left--;
      return new Date(t).toISOString().slice(0, 10);
    };
    const walkBetween = (from: string, to: string) => days(from, to).slice(1).filter(walked).length;
    // Every day around the table's first and last years and the holidays of 2025 and 2026, one by one.
    for (const day of [...days('2003-12-01', '2004-02-29'), ...days('2025-01-01', '2027-01-31'), ...days('2036-12-01', '2037-01-31')])
      expect([day, isWorkingDay(day)]).toEqual([day, walked(day)]);
    // Deadlines (20 working days) and counts from many starts, including ones whose answer leaves the table.
    const starts = [...days('2003-12-20', '2004-01-10'), ...days('2025-12-15', '2026-02-28'), ...days('2036-12-01', '2036-12-31')];
    for (const start of starts) {
      for (const n of [0, 1, 5, 20, 40]) expect([start, n, addWorkingDays(start, n)]).toEqual([start, n, walkAdd(start, n)]);
      for (const to of ['2004-01-05', '2026-02-24', '2026-10-12', '2037-01-15'])
        expect([start, to, workingDaysBetween(start, to)]).toEqual([start, to, walkBetween(start, to)]);
    }
  });
});
