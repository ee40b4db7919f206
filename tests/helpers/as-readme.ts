import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/platform/config/env.js';
import { freePort } from './ports.js';
import { untilListening, type RunningService } from './service.js';
import { freshPostgres } from './postgres.js';

/**
 * The product started exactly as the README says (`npm start`), with nothing in its environment but what a
 * newcomer's shell has (PATH, HOME), a port and a data folder of its own: no SESSION_SECRET, no NODE_ENV, no
 * scheduler switch. On the PostgreSQL pass the operator's DATABASE_URL is added, as the README's several-instance
 * section says. Started in its own process group, so `npm`'s child node process stops with it.
 */
export async function startAsReadmeSays(
  extraEnv: Record<string, string> = {},
  dataDir?: string,
): Promise<RunningService & { dataDir: string }> {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-as-users-'));
  const postgres = process.env.TEST_DATABASE === 'postgresql' && !extraEnv.DATABASE_URL ? await freshPostgres() : null;
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? os.homedir(),
    PORT: String(port),
    GONGKAI_DATA_DIR: dir,
    ...extraEnv,
  };
  if (postgres) env.DATABASE_URL = postgres.url;
  let output = '';
  const child = spawn('npm', ['start'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
    if (!dataDir) fs.rmSync(dir, { recursive: true, force: true });
    await postgres?.drop();
  };
  await untilListening(child, () => output, stop, 'npm start');
  return { url: `http://localhost:${port}`, pid: child.pid!, output: () => output, stop, dataDir: dir };
}
