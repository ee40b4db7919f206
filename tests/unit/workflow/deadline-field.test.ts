// clock-sensitive: also runs at each fixed today (tests/run-at-fixed-days.mjs).
import { describe, expect, test } from '@jest/globals';
import { describeDeadline } from '../../../src/workflow/deadline-field.js';

describe('公开期限 in the document list', () => {
  test('N12: a proactive draft shows its last day and the working days left', () => {
    // 20 working days from 2026-11-02 (no holiday in between) is 2026-11-30.
    expect(describeDeadline({ disclosure: 'proactive', formationDate: '2026-11-02' }, '2026-11-24')).toBe('2026-11-30（剩 4 个工作日）');
  });

  test('N12: past the last day it is overdue; once published it says whether it was on time', () => {
    expect(describeDeadline({ disclosure: 'proactive', formationDate: '2026-01-05' }, '2026-11-24')).toBe('已超期（期限 2026-02-02）');
    expect(
      describeDeadline(
        { disclosure: 'proactive', formationDate: '2026-11-02', publishedAt: new Date('2026-11-10T02:00:00Z') },
        '2026-11-24',
      ),
    ).toBe('按期公开');
    expect(
      describeDeadline(
        { disclosure: 'proactive', formationDate: '2026-01-05', publishedAt: new Date('2026-03-01T02:00:00Z') },
        '2026-11-24',
      ),
    ).toBe('逾期公开（期限 2026-02-02）');
  });

  test('N12: no clock for what is not proactive or has no formation date; a DATE read from PostgreSQL counts the same', () => {
    expect(describeDeadline({ disclosure: 'onRequest', formationDate: '2026-11-02' }, '2026-11-24')).toBe('');
    expect(describeDeadline({ disclosure: 'proactive', formationDate: null }, '2026-11-24')).toBe('');
    expect(describeDeadline({ disclosure: 'proactive', formationDate: new Date('2026-11-02T00:00:00Z') }, '2026-11-24')).toBe(
      '2026-11-30（剩 4 个工作日）',
    );
  });
});
