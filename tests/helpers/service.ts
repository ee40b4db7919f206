import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/config/env.js';
import { demoClock, type DemoClock } from '../../src/seed/demo-clock.js';
import { freshPostgres } from './postgres.js';

/**
 * A port for a server that a test starts in another process and that binds it seconds later. Taken from
 * below the kernel's ephemeral range (32768 and up), from a block of its own for each Jest worker: a port
 * picked by listening on 0 was free at the time but could be handed, before our server bound it, to a
 * fixture server of the other worker that listened on 0 (CI once saw "端口 … 已被占用" so).
 */
let nextPortInBlock = 0;
export async function freePort(): Promise<number> {
  const worker = Number(process.env.JEST_WORKER_ID ?? '1');
  const blockStart = 20_000 + ((worker - 1) % 16) * 500 + (process.pid % 5) * 100;
  for (let tries = 0; tries < 100; tries++) {
    const port = blockStart + (nextPortInBlock++ % 100);
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port from ${blockStart}`);
}

async function canListen(port: number): Promise<boolean> {
  const server = net.createServer();
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => resolve(true));
  });
  if (listening) await new Promise((resolve) => server.close(resolve));
  return listening;
}

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
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [path.join(projectRoot, 'bin/gongkai.js'), 'start', ...args], {
    env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: `file:${path.join(dir, 'gongkai.db')}`, PORT: String(port), SESSION_SECRET: 'e2e-secret-that-is-long-enough-0000000', GONGKAI_SCHEDULER: 'off', ...env },
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
