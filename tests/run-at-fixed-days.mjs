// trust #17: the clock-sensitive suites again at fixed "todays" (`npm test` runs this after the
// PostgreSQL run): a Saturday, the eve of the Spring Festival (除夕, a week of holidays ahead) and
// 31 December (the year turns under the clocks). libfaketime (Debian's `faketime`) moves the clock of
// the whole process tree, jest's workers and the processes they start included, by a fixed offset;
// the monotonic clock stays real, so timers still fire on time. The tests take the process's clock in
// these runs (GONGKAI_TEST_CLOCK=system, tests/helpers/clock.ts) instead of their usual fixed day.
// A suite is clock-sensitive when its file says so in a line starting `// clock-sensitive`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** The fixed todays, at 10:00 in China. */
export const fixedTodays = [
  ['a Saturday', '2026-12-05T10:00:00+08:00'],
  ['除夕 (the eve of the Spring Festival)', '2027-02-05T10:00:00+08:00'],
  ['31 December', '2026-12-31T10:00:00+08:00'],
];

/** Test files under `dirs` (relative to the project) that declare themselves clock-sensitive. */
export function clockSensitiveSuites(dirs = ['tests/unit', 'tests/integration']) {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.test.ts') && /^\/\/ clock-sensitive\b/m.test(fs.readFileSync(file, 'utf8')))
        found.push(path.relative(root, file));
    }
  };
  for (const dir of dirs) walk(path.join(root, dir));
  return found.sort();
}

/** The real clock, read without libfaketime (this process may itself run under it). */
function realNow() {
  const { LD_PRELOAD: _preload, FAKETIME: _offset, ...plain } = process.env;
  const read = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(Date.now()))'], { encoding: 'utf8', env: plain });
  return Number(read.stdout) || Date.now();
}

/** The environment that runs a command at `instant` under libfaketime: an offset from the real clock. */
export function fakeTimeEnv(instant, now = realNow()) {
  const offsetSeconds = Math.round((Date.parse(instant) - now) / 1000);
  return {
    FAKETIME: `${offsetSeconds >= 0 ? '+' : ''}${offsetSeconds}`,
    FAKETIME_DONT_FAKE_MONOTONIC: '1',
    FAKETIME_NO_CACHE: '1',
    GONGKAI_TEST_CLOCK: 'system',
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.chdir(root);
  const suites = clockSensitiveSuites();
  let status = 0;
  for (const [name, instant] of fixedTodays) {
    console.log(`clock-sensitive suites on ${name}, ${instant}: ${suites.length} files`);
    // `faketime -f` loads the library into the process tree (LD_PRELOAD) with the offset it is given.
    const { FAKETIME, ...env } = fakeTimeEnv(instant);
    // On SQLite only: the PostgreSQL server runs on the real clock.
    const { TEST_DATABASE: _engine, ...inherited } = process.env;
    const run = spawnSync(
      'faketime',
      ['-f', FAKETIME, process.execPath, '--experimental-vm-modules', 'node_modules/jest/bin/jest.js', ...suites],
      {
        stdio: 'inherit',
        env: { ...inherited, ...env },
      },
    );
    if (run.error) {
      console.error(`faketime could not be run (${run.error.message}); tests/prepare-machine.ts installs it.`);
      process.exit(1);
    }
    status ||= run.status ?? 1;
    if (status) break;
  }
  process.exit(status);
}
