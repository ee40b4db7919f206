// clock-sensitive: also runs at each fixed today (tests/run-at-fixed-days.mjs).
import { describe, expect, test } from '@jest/globals';
import {
  catalogueItemWorkingDays,
  disclosureClock,
  disclosureDeadline,
  proactiveDisclosureWorkingDays,
} from '../../../src/platform/calendar/disclosure-clock.js';

describe('N12 disclosure deadlines', () => {
  test('N12: the limits are 20 working days, 10 for civil-affairs catalogue items', () => {
    expect(proactiveDisclosureWorkingDays).toBe(20);
    expect(catalogueItemWorkingDays).toBe(10);
  });

  test('N12: a document formed on the Friday before the Spring Festival counts Saturdays 14 and 28 February, not 15 to 23 February, and is due 19 March 2026', () => {
    expect(disclosureDeadline('2026-02-13')).toBe('2026-03-19');
  });

  test('N12: a document formed the day before National Day counts Saturday 10 October and is due 3 November 2026', () => {
    expect(disclosureDeadline('2026-09-30')).toBe('2026-11-03');
  });

  test('N12: a document formed in a plain month is due four calendar weeks later', () => {
    expect(disclosureDeadline('2026-11-02')).toBe('2026-11-30');
  });

  test('N12: catalogue items (social assistance, elderly care) are due after 10 working days', () => {
    expect(disclosureDeadline('2026-11-02', catalogueItemWorkingDays)).toBe('2026-11-16');
    expect(disclosureDeadline('2026-02-13', catalogueItemWorkingDays)).toBe('2026-03-05');
    expect(disclosureDeadline('2026-09-30', catalogueItemWorkingDays)).toBe('2026-10-20');
  });
});

describe('N12 disclosure clock', () => {
  // Formed Monday 2 November 2026: due Monday 30 November.
  const formationDate = '2026-11-02';

  test('N12: running while more than 5 working days are left', () => {
    expect(disclosureClock({ formationDate, publishedAt: null, today: '2026-11-20' })).toEqual({
      deadline: '2026-11-30',
      state: 'running',
      workingDaysLeft: 6,
      workingDaysUsed: 14,
      provisional: false,
    });
  });

  test('N12: due soon from 5 working days left to the deadline day itself', () => {
    expect(disclosureClock({ formationDate, today: '2026-11-23' })).toMatchObject({
      state: 'dueSoon',
      workingDaysLeft: 5,
      workingDaysUsed: 15,
    });
    // A weekend day counts from the next working day.
    expect(disclosureClock({ formationDate, today: '2026-11-28' })).toMatchObject({
      state: 'dueSoon',
      workingDaysLeft: 1,
      workingDaysUsed: 19,
    });
    expect(disclosureClock({ formationDate, today: '2026-11-30' })).toMatchObject({
      state: 'dueSoon',
      workingDaysLeft: 0,
      workingDaysUsed: 20,
    });
  });

  test('N12: the due-soon window can be set', () => {
    expect(disclosureClock({ formationDate, today: '2026-11-23', dueSoonWorkingDays: 4 }).state).toBe('running');
    expect(disclosureClock({ formationDate, today: '2026-11-24', dueSoonWorkingDays: 4 }).state).toBe('dueSoon');
  });

  test('N12: overdue once the deadline has passed unpublished', () => {
    expect(disclosureClock({ formationDate, publishedAt: null, today: '2026-12-01' })).toEqual({
      deadline: '2026-11-30',
      state: 'overdue',
      workingDaysLeft: 0,
      workingDaysUsed: 21,
      provisional: false,
    });
  });

  test('N12: met when published on or before the deadline, whatever today is', () => {
    expect(disclosureClock({ formationDate, publishedAt: '2026-11-30', today: '2027-03-01' })).toEqual({
      deadline: '2026-11-30',
      state: 'met',
      workingDaysLeft: 0,
      workingDaysUsed: 20,
      provisional: false,
    });
    expect(disclosureClock({ formationDate, publishedAt: '2026-11-03', today: '2026-11-03' })).toMatchObject({
      state: 'met',
      workingDaysUsed: 1,
    });
  });

  test('N12: late when published after the deadline', () => {
    expect(disclosureClock({ formationDate, publishedAt: '2026-12-01', today: '2026-12-01' })).toMatchObject({
      state: 'late',
      workingDaysLeft: 0,
      workingDaysUsed: 21,
    });
  });

  test('N12: a document formed on the Friday before the Spring Festival is still running on 2 March 2026', () => {
    expect(disclosureClock({ formationDate: '2026-02-13', today: '2026-03-02' })).toMatchObject({
      deadline: '2026-03-19',
      state: 'running',
      workingDaysLeft: 13,
      workingDaysUsed: 7,
    });
  });

  test('N12: a catalogue item on the 10-day limit is overdue where a document on the 20-day limit is still running', () => {
    expect(disclosureClock({ formationDate, today: '2026-11-17', limitWorkingDays: catalogueItemWorkingDays })).toMatchObject({
      deadline: '2026-11-16',
      state: 'overdue',
      workingDaysUsed: 11,
    });
    expect(disclosureClock({ formationDate, today: '2026-11-17' }).state).toBe('running');
    expect(
      disclosureClock({ formationDate, publishedAt: '2026-11-16', today: '2026-11-17', limitWorkingDays: catalogueItemWorkingDays }).state,
    ).toBe('met');
  });

  test('N12: a deadline in a year not yet in the calendar data is marked provisional', () => {
    // Counted Monday to Friday through 2027's 元旦, which the library (1.5.7) does not have yet.
    expect(disclosureClock({ formationDate: '2026-12-15', today: '2026-12-16' })).toEqual({
      deadline: '2027-01-12',
      state: 'running',
      workingDaysLeft: 19,
      workingDaysUsed: 1,
      provisional: true,
    });
  });

  test('N12: invalid input is refused with a clear error', () => {
    expect(() => disclosureClock({ formationDate: '2026-11-31', today: '2026-12-01' })).toThrow('Invalid calendar day "2026-11-31"');
    expect(() => disclosureClock({ formationDate, today: '2026/12/01' })).toThrow('Invalid calendar day "2026/12/01"');
    expect(() => disclosureClock({ formationDate, publishedAt: '2026-12-1', today: '2026-12-01' })).toThrow(
      'Invalid calendar day "2026-12-1"',
    );
    expect(() => disclosureClock({ formationDate, publishedAt: '', today: '2026-12-01' })).toThrow('Invalid calendar day ""');
    expect(() => disclosureClock({ formationDate, today: '2026-12-01', limitWorkingDays: -1 })).toThrow(
      'Invalid number of working days -1',
    );
    expect(() => disclosureClock({ formationDate, today: '2026-12-01', dueSoonWorkingDays: 2.5 })).toThrow(
      'Invalid dueSoonWorkingDays 2.5',
    );
  });
});
