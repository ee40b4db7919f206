// clock-sensitive: also runs at each fixed today (tests/run-at-fixed-days.mjs).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { projectRoot } from '../../../src/platform/config/env.js';
import { defaultTestInstant, systemClock, testNow, testToday } from '../../helpers/clock.js';

/*
 * trust #17: tests do not depend on the day they run. A test that reads the date (new Date(),
 * Date.now(), or the demo seed, which dates the demo from today) takes the test clock; a stopwatch is
 * performance.now(). The browser tests drive a `gongkai start` process on its own clock and are left out.
 */

const readsTheDate = /\bnew Date\(\s*\)|\bDate\.now\(\)|\bseedDemo\(/;
const takesTheClock = /from '(?:\.\.\/)*(?:helpers\/|\.\/)(?:clock|seeded-api)\.js'/;

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? testFiles(file) : file.endsWith('.ts') ? [file] : [];
  });
}

describe('trust #17: tests take a fixed clock', () => {
  test('trust #17: every test that reads the date takes the test clock', () => {
    const files = ['tests/unit', 'tests/integration', 'tests/helpers'].flatMap((dir) => testFiles(path.join(projectRoot, dir)));
    expect(files.length).toBeGreaterThan(50);
    const offenders = files
      .filter((file) => !file.endsWith(path.join('helpers', 'clock.ts')))
      .filter((file) => {
        const source = fs.readFileSync(file, 'utf8');
        return readsTheDate.test(source) && !takesTheClock.test(source);
      })
      .map((file) => path.relative(projectRoot, file));
    expect(offenders).toEqual([]);
  });

  test('trust #17: the clock is fixed: the default day, or in a fixed-today run the day the run set', () => {
    if (systemClock) {
      // The runs at fixed todays (run-at-fixed-days.mjs) set the process's clock with libfaketime.
      expect(['2026-12-05', '2027-02-05', '2026-12-31']).toContain(testToday());
    } else {
      expect(testNow().toISOString()).toBe(new Date(defaultTestInstant).toISOString());
      // The date flows on from the fixed instant, so timeouts and token ages still work.
      expect(Date.now()).toBeGreaterThanOrEqual(testNow().getTime());
      expect(Date.now() - testNow().getTime()).toBeLessThan(60_000);
    }
  });

  test('trust #17: libfaketime really moves the clock of a Node process and the processes it starts; timers still fire', () => {
    let faketime = '';
    try {
      faketime = execFileSync('sh', ['-c', 'command -v faketime'], { encoding: 'utf8' }).trim();
    } catch {
      // Without it `npm test` stops before the tests (tests/prepare-machine.ts); a lone jest run skips this.
      if (process.env.CI === 'true') throw new Error('faketime is missing: run tests/prepare-machine.ts');
      return;
    }
    const script = `
      const started = performance.now();
      setTimeout(() => {
        const child = require('node:child_process').execFileSync(process.execPath, ['-e', 'process.stdout.write(new Date().toISOString())'], { encoding: 'utf8' });
        console.log(JSON.stringify({ now: new Date().toISOString(), child, waited: performance.now() - started }));
      }, 300);`;
    // The real clock, read by a process without libfaketime (this one's Date is the test clock).
    const { LD_PRELOAD: _preload, FAKETIME: _offset, ...plain } = process.env;
    const real = Number(
      execFileSync(process.execPath, ['-e', 'process.stdout.write(String(Date.now()))'], { encoding: 'utf8', env: plain }),
    );
    // 40 days back from the real clock.
    const out = JSON.parse(
      execFileSync(faketime, ['-f', '-3456000', process.execPath, '-e', script], {
        encoding: 'utf8',
        env: { ...plain, FAKETIME_DONT_FAKE_MONOTONIC: '1' },
      }),
    );
    const expected = real - 3456000 * 1000;
    expect(Math.abs(Date.parse(out.now) - expected)).toBeLessThan(120_000);
    expect(Math.abs(Date.parse(out.child) - expected)).toBeLessThan(120_000);
    expect(out.waited).toBeGreaterThanOrEqual(290);
    expect(out.waited).toBeLessThan(5000);
  });
});
