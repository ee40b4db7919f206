import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/platform/config/env.js';
import { demoClock, type DemoClock } from '../../src/platform/demo/clock.js';
import { freshPostgres } from './postgres.js';
import { freePort } from './ports.js';

export interface RunningService {
  url: string;
  pid: number;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * `gongkai start` as the README runs it, on a free port and a fresh database: unless `env` names one, a
 * SQLite file, or a PostgreSQL database of its own when TEST_DATABASE=postgresql.
 */
export async function startService(env: Record<string, string> = {}, args: string[] = []): Promise<RunningService> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-service-'));
  const postgres = !env.DATABASE_URL && process.env.TEST_DATABASE === 'postgresql' ? await freshPostgres() : null;
  if (postgres) env = { DATABASE_URL: postgres.url, ...env };
  const port = await freePort();
  // In a test, the demo is seeded once a run and copied (its media into the test file's MEDIA_DIR); the first
  // start of an empty database, and its seeding, is tested as the README runs it (tests/e2e/as-users-run-it.test.ts).
  const database = path.join(dir, 'gongkai.db');
  const inJest = Boolean(process.env.JEST_WORKER_ID);
  if (inJest && !postgres && !env.DATABASE_URL && !args.includes('--no-demo')) {
    // Loaded only under Jest: the demo template takes the tests' clock, which needs Jest (the benches start services too).
    const { demoForService } = await import('./demo-template.js');
    await demoForService(database, `http://localhost:${port}`);
  }
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [path.join(projectRoot, 'bin/gongkai.js'), 'start', ...args], {
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      DATABASE_URL: `file:${database}`,
      PORT: String(port),
      SESSION_SECRET: 'e2e-secret-that-is-long-enough-0000000',
      GONGKAI_SCHEDULER: 'off',
      // As users run it, the public site is published as files and served from them: into this service's own
      // data folder, never the checkout's data/site.
      GONGKAI_DATA_DIR: dir,
      GONGKAI_PUBLISH: 'on',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const stop = async () => {
    // A process killed by a signal has no exit code, only its signal.
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    fs.rmSync(dir, { recursive: true, force: true });
    await postgres?.drop();
  };
  await untilListening(child, () => output, stop, 'gongkai start');
  return { url: `http://localhost:${port}`, pid: child.pid!, output: () => output, stop };
}

/** Waits for a started server's "listening" line; stops it and says why when it exits or takes over 4 minutes. */
export async function untilListening(child: ChildProcess, output: () => string, stop: () => Promise<void>, name: string): Promise<void> {
  const deadline = performance.now() + 240_000;
  while (!/Server listening on/.test(output())) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${output()}`);
    if (performance.now() > deadline) {
      await stop();
      throw new Error(`${name} did not come up:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * The clock of the demo a running service seeded when it started: the service keeps its own clock
 * (the machine's, or the day a fixed-today run set), read here from the Date header it sends, so a
 * browser test expects what the demo shows on that day (trust #16).
 */
export async function serviceDemoClock(service: RunningService): Promise<DemoClock> {
  const response = await fetch(`${service.url}/healthz`);
  return demoClock(new Date(response.headers.get('date')!));
}
