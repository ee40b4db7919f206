import { jest } from '@jest/globals';
import { toCalendarDay, type CalendarDay } from '../../src/platform/calendar/working-days.js';

/*
 * The clock of the tests (trust #17). A test that depends on the day takes this fixed clock instead of
 * the day the suite happens to run: by default a weekday, the demo's story day; in the runs at fixed
 * "todays" (tests/run-at-fixed-days.mjs) the process's own clock, which libfaketime has set to a
 * Saturday, the eve of the Spring Festival or 31 December, so the same suites meet those days too.
 */

/** The fixed instant of an ordinary run: Tuesday 24 November 2026, 10:00 in China. */
export const defaultTestInstant = '2026-11-24T10:00:00+08:00';

/** Whether this run takes the process's clock (set by the fixed-today runs) instead of the default. */
export const systemClock = process.env.GONGKAI_TEST_CLOCK === 'system';

// Only Date is faked: timers, microtasks and performance.now() stay real, and the time still flows.
const realTimers = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

let started: Date | undefined;
let faked = false;

function fakeDate(at: Date): void {
  if (faked) jest.setSystemTime(at);
  else jest.useFakeTimers({ now: at, advanceTimers: true, doNotFake: [...realTimers] });
  faked = true;
}

/**
 * Sets this test file's clock to the run's fixed today (and leaves it alone in a fixed-today run,
 * whose process clock is already fixed); returns the instant it starts at. Call it at the top of the
 * file, before anything reads the date (the demo seed does). Idempotent.
 */
export function useTestClock(): Date {
  if (started) return started;
  started = systemClock ? new Date() : new Date(defaultTestInstant);
  if (!systemClock) fakeDate(started);
  return started;
}

/** The instant the test clock started at (starting it if need be). */
export function testNow(): Date {
  return useTestClock();
}

/** The test clock's day in China. */
export function testToday(): CalendarDay {
  return toCalendarDay(testNow());
}

/**
 * Moves this file's clock to `instant`, for a test of a particular day (a Saturday, 除夕); time flows
 * on from there. In a fixed-today run too, it takes over from the process's clock.
 */
export function setTestClock(instant: Date | string): Date {
  useTestClock();
  const at = new Date(instant);
  fakeDate(at);
  return at;
}
