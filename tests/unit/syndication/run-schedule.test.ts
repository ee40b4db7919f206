import { describe, expect, test } from '@jest/globals';
import {
  backoffDelayMs,
  failureAlertAction,
  nextAttemptAfter,
  shouldRun,
  sourceHealth,
  type SourceState,
} from '../../../syndication/core/run.js';

const MIN = 60_000;
const now = new Date('2026-11-20T02:00:00Z');

describe('S9 backoff and scheduling of failing sources', () => {
  test('S9: backoff doubles from 15 minutes and is capped at 24 hours', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => backoffDelayMs(n) / MIN)).toEqual([0, 15, 30, 60, 120, 240, 480, 960, 1440, 1440]);
  });

  test('S9: a Retry-After longer than the backoff wins', () => {
    expect(nextAttemptAfter(1, now).toISOString()).toBe('2026-11-20T02:15:00.000Z');
    expect(nextAttemptAfter(1, now, 2 * 60 * MIN).toISOString()).toBe('2026-11-20T04:00:00.000Z');
    expect(nextAttemptAfter(3, now, 1000).toISOString()).toBe('2026-11-20T03:00:00.000Z');
  });

  test('S9: shouldRun waits out the backoff and skips disabled sources', () => {
    const failing: SourceState = { lists: {}, consecutiveFailures: 2, nextAttemptAfter: new Date('2026-11-20T02:30:00Z') };
    expect(shouldRun(null, now)).toBe(true);
    expect(shouldRun(failing, now)).toBe(false);
    expect(shouldRun(failing, new Date('2026-11-20T02:30:00Z'))).toBe(true);
    expect(shouldRun({ lists: {}, consecutiveFailures: 0 }, now, { enabled: false })).toBe(false);
  });

  test('S9: a source that keeps failing is shown as unhealthy, not retried hot', () => {
    expect(sourceHealth(null)).toBe('never-run');
    expect(sourceHealth({ lists: {}, consecutiveFailures: 0, lastRunAt: now })).toBe('healthy');
    expect(sourceHealth({ lists: {}, consecutiveFailures: 4, lastRunAt: now })).toBe('failing');
    expect(sourceHealth({ lists: {}, consecutiveFailures: 5, lastRunAt: now })).toBe('unhealthy');
  });
});

describe('S9 failing-source alert rule', () => {
  const state = (consecutiveFailures: number) => ({ lists: {}, consecutiveFailures });
  test('S9: the alert is due at the third failure in a row or an empty list, once, and cleared by a success', () => {
    expect(failureAlertAction({ ok: false, listEmpty: false, state: state(2) }, false)).toBe('none');
    expect(failureAlertAction({ ok: false, listEmpty: false, state: state(3) }, false)).toBe('alert');
    expect(failureAlertAction({ ok: false, listEmpty: true, state: state(1) }, false)).toBe('alert');
    expect(failureAlertAction({ ok: false, listEmpty: false, state: state(7) }, true)).toBe('none');
    expect(failureAlertAction({ ok: true, listEmpty: false, state: state(0) }, true)).toBe('clear');
    expect(failureAlertAction({ ok: true, listEmpty: false, state: state(0) }, false)).toBe('none');
  });
});
