import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../../src/platform/config/env.js';
import { freePort } from '../../helpers/ports.js';

const bin = path.join(projectRoot, 'bin/gongkai.js');
const secret = 'cli-test-secret-that-is-long-enough-000';

function gongkai(args: string[], env: Record<string, string | undefined>) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, SESSION_SECRET: secret, GONGKAI_SCHEDULER: 'off', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.trim() };
}

/** One line that says what to fix, not a stack trace. */
function expectOneClearLine(stderr: string, pattern: RegExp) {
  expect(stderr.split('\n')).toHaveLength(1);
  expect(stderr).toMatch(/^gongkai: /);
  expect(stderr).toMatch(pattern);
  expect(stderr).not.toMatch(/\s+at\s+\S+\s+\(/);
}

describe('gongkai start refuses to start with one clear line', () => {
  test('a DATABASE_URL it cannot use', () => {
    const r = gongkai(['start'], { DATABASE_URL: 'mysql://root:secret@db/gongkai' });
    expect(r.status).toBe(1);
    expectOneClearLine(r.stderr, /DATABASE_URL 无法识别：mysql:\/\/root:\*\*\*@db\/gongkai/);
  });

  test('an unreachable database', async () => {
    const r = gongkai(['start'], { DATABASE_URL: 'postgres://gongkai:pw@127.0.0.1:9/gongkai', PORT: String(await freePort()) });
    expect(r.status).toBe(1);
    expectOneClearLine(r.stderr, /无法连接数据库 postgres:\/\/gongkai:\*\*\*@127\.0\.0\.1:9\/gongkai.*DATABASE_URL/);
  });

  test('no SESSION_SECRET and a data directory where none can be kept', () => {
    const notADirectory = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-cli-')), 'file');
    fs.writeFileSync(notADirectory, '');
    const r = gongkai(['start'], { NODE_ENV: 'production', SESSION_SECRET: undefined, GONGKAI_DATA_DIR: path.join(notADirectory, 'data') });
    fs.rmSync(path.dirname(notADirectory), { recursive: true, force: true });
    expect(r.status).toBe(1);
    expectOneClearLine(r.stderr, /无法在数据目录保存会话密钥.*SESSION_SECRET/);
  });

  test('a port in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const r = gongkai(['start'], { PORT: String(port) });
      expect(r.status).toBe(1);
      expectOneClearLine(r.stderr, new RegExp(`端口 ${port} 已被占用.*PORT`));
    } finally {
      blocker.close();
    }
  });
});

describe('gongkai help', () => {
  test('--help lists the commands', () => {
    const r = gongkai(['--help'], {});
    expect(r.status).toBe(0);
    for (const command of ['start', 'migrate', 'seed --demo', 'migrate create']) expect(r.stdout).toContain(command);
  });

  test('an unknown command is an error with the help', () => {
    const r = gongkai(['publish-everything'], {});
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('未知命令');
  });
});
