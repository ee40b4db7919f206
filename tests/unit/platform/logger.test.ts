import { spawnSync } from 'node:child_process';
import { expect, test } from '@jest/globals';
import { projectRoot } from '../../../src/platform/config/env.js';

test("logs go to stderr, one JSON line each, so a command's stdout (--json) is its output alone", () => {
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '-e',
      "const { logger } = await import('./src/platform/logging/logger.ts'); logger.warn({ source: 'gwy' }, '采集失败'); process.stdout.write('{}');",
    ],
    {
      cwd: projectRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info' },
      encoding: 'utf8',
    },
  );
  expect(run.status).toBe(0);
  expect(run.stdout).toBe('{}');
  expect(JSON.parse(run.stderr.trim())).toMatchObject({ level: 40, name: 'gongkai', source: 'gwy', msg: '采集失败' });
});
