import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { projectRoot } from '../../../src/platform/config/env.js';
import { instructions, planMachine, type MachineFacts } from '../../prepare-machine.js';

/*
 * trust #15: `npm test` on a fresh machine sets it up first: as root it installs what the tests need,
 * without the rights it says the one command to run and stops; with everything there it does nothing.
 */

const ready: MachineFacts = { root: true, apt: true, missing: [], postgres: 'ready' };

describe('trust #15: npm test sets the machine up', () => {
  test('trust #15: nothing is done when everything is there (the fast path, no apt-get update)', () => {
    expect(planMachine(ready)).toEqual([]);
    expect(planMachine({ ...ready, root: false })).toEqual([]);
    expect(planMachine({ ...ready, postgres: 'external' })).toEqual([]);
  });

  test('trust #15: a fresh Debian machine as root: one apt-get update, then what is missing is installed, local connections trusted and PostgreSQL started', () => {
    const steps = planMachine({ ...ready, missing: ['chromium', 'fonts-noto-cjk', 'postgresql', 'faketime'], postgres: 'stopped' });
    expect(steps.map((s) => s.command)).toEqual([
      'export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq chromium fonts-noto-cjk postgresql faketime >/dev/null',
      expect.stringMatching(/sed -i "1i host all all 127\.0\.0\.1\/32 trust" \/etc\/postgresql\/\$V\/main\/pg_hba\.conf/),
      expect.stringMatching(/pg_ctlcluster --skip-systemctl-redirect \$V main start\) && for i in/),
    ]);
    expect(steps.filter((s) => s.command.includes('apt-get update'))).toHaveLength(1);
  });

  test('trust #15: only what is missing is installed; a stopped PostgreSQL is started, one refusing us is told to trust local connections', () => {
    expect(planMachine({ ...ready, missing: ['faketime'] }).map((s) => s.command)).toEqual([
      'export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq faketime >/dev/null',
    ]);
    expect(planMachine({ ...ready, postgres: 'stopped' }).map((s) => s.why)).toEqual(['启动 PostgreSQL（127.0.0.1:5432）']);
    expect(planMachine({ ...ready, postgres: 'untrusted' }).map((s) => s.why)).toEqual([
      '允许本机以 trust 方式连接 PostgreSQL（仅 127.0.0.1）',
    ]);
    // A server of one's own (TEST_POSTGRES_URL) is not touched.
    expect(planMachine({ ...ready, missing: ['chromium'], postgres: 'external' }).map((s) => s.why)).toEqual(['安装 chromium']);
  });

  test('trust #15: nginx is installed without starting the system daemon (a policy-rc.d for the install only), after one apt-get update', () => {
    const alone = planMachine({ ...ready, missing: ['nginx'] });
    expect(alone.map((s) => s.why)).toEqual(['安装 nginx（不启动系统的 nginx 服务，测试各自启动）']);
    expect(alone[0].command).toContain('apt-get update -qq && P=/usr/sbin/policy-rc.d; if [ -e $P ]; then apt-get install -y -qq nginx');
    expect(alone[0].command).toMatch(
      /printf "#!\/bin\/sh\\nexit 101\\n" > \$P && chmod 755 \$P && apt-get install -y -qq nginx >\/dev\/null; R=\$\?; rm -f \$P; exit \$R; fi\)$/,
    );
    const both = planMachine({ ...ready, missing: ['faketime', 'nginx'] });
    expect(both.map((s) => s.why)).toEqual(['安装 faketime', '安装 nginx（不启动系统的 nginx 服务，测试各自启动）']);
    expect(both.filter((s) => s.command.includes('apt-get update'))).toHaveLength(1);
    // Fits the one quoted command a user without the rights is given.
    expect(instructions({ ...ready, root: false, missing: ['nginx'] }, alone)).not.toMatch(/sudo sh -c '.*'.*'/);
  });

  test('trust #15: without the rights, the one command to run, in Chinese, with everything it does', () => {
    const facts: MachineFacts = { root: false, apt: true, missing: ['chromium', 'faketime'], postgres: 'stopped' };
    const text = instructions(facts, planMachine(facts));
    expect(text).toContain('npm test 还缺少测试需要的环境');
    expect(text).toContain('安装 chromium、faketime');
    const commands = text.split('\n').filter((line) => line.trim().startsWith('sudo '));
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatch(/^ {2}sudo sh -c '.*apt-get install -y -qq chromium faketime.*pg_ctlcluster.*'$/);
    // One quoted argument: nothing inside closes the quote.
    expect(commands[0].trim().slice("sudo sh -c '".length, -1)).not.toContain("'");
    expect(instructions({ ...facts, apt: false }, planMachine(facts))).toContain('本机没有 apt-get');
  });

  test('trust #15: npm test runs the setup first, and CI runs exactly npm test after a clean install', () => {
    const scripts = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts['test:setup']).toBe('node --import tsx tests/prepare-machine.ts');
    expect(scripts.test.startsWith('npm run test:setup --silent && ')).toBe(true);
    expect(scripts.test).toContain('node tests/run-at-fixed-days.mjs');
    const ci = fs.readFileSync(path.join(projectRoot, '.ci/run'), 'utf8');
    const commands = ci.split('\n').filter((line) => line.trim() && !line.startsWith('#') && !/^(set |cd )/.test(line));
    expect(commands).toEqual(['npm ci --no-audit --no-fund', 'npm test']);
  });
});
