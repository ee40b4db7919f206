/*
 * trust #15: `npm test` sets up the machine it runs on, as CI's did. The tests need Debian's Chromium (its headless shell)
 * with a CJK font (the browser tests), PostgreSQL on 127.0.0.1:5432 with trust authentication (every
 * integration test runs on it too), libfaketime (the runs at fixed todays, run-at-fixed-days.mjs) and nginx
 * (deploy/nginx.conf in front of gongkai, each test starting its own on a port of its own).
 * When everything is there it does nothing. Run as root, it installs what is missing (apt-get update
 * only then), lets local connections in and starts PostgreSQL when stopped. Without the rights, it
 * prints the one command that does it and exits non-zero, before any test fails for a missing program.
 * With TEST_POSTGRES_URL set, that server is the tests' business and PostgreSQL is left alone.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** What the tests need from Debian, and how to tell it is there. */
export const neededPackages = [
  { name: 'chromium', why: '浏览器测试', present: { command: 'chromium' } },
  // The same Chromium without its browser window's machinery (Debian builds both from one source): the browser
  // tests run in it, as Playwright's own headless mode does, for about a quarter less CPU than `chromium --headless`.
  { name: 'chromium-headless-shell', why: '浏览器测试（无界面的 Chromium）', present: { command: 'chromium-headless-shell' } },
  { name: 'fonts-noto-cjk', why: '浏览器测试的中文字体', present: { package: 'fonts-noto-cjk' } },
  { name: 'postgresql', why: 'PostgreSQL 上的测试', present: { command: 'pg_ctlcluster' } },
  { name: 'faketime', why: '固定日期的测试', present: { command: 'faketime' } },
  // Absolute: /usr/sbin is not on every user's PATH, and tests/helpers/nginx.ts runs this one.
  { name: 'nginx', why: 'nginx 前置部署的测试', present: { command: '/usr/sbin/nginx' } },
] as const;

export type PackageName = (typeof neededPackages)[number]['name'];

/** Where the local PostgreSQL stands: answering with trust auth, stopped, refusing us, or not ours to manage. */
export type PostgresState = 'ready' | 'stopped' | 'untrusted' | 'external';

export interface MachineFacts {
  root: boolean;
  /** Whether apt-get is there (Debian and its derivatives). */
  apt: boolean;
  missing: PackageName[];
  /** Ignored when postgresql is missing: it is installed first. */
  postgres: PostgresState;
}

/** One step, a shell command run as root. */
export interface Step {
  why: string;
  command: string;
}

// The newest cluster, as Debian names it (/etc/postgresql/15/main): known only once installed.
const cluster = 'V="$(ls /etc/postgresql | sort -n | tail -1)"';
const waitForPostgres = 'for i in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done';

/** What to do on a machine with these facts, in order; nothing when it is ready (the fast path). */
export function planMachine(facts: MachineFacts): Step[] {
  const steps: Step[] = [];
  const others = facts.missing.filter((name) => name !== 'nginx');
  if (others.length) {
    steps.push({
      why: `安装 ${others.join('、')}`,
      command: `export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq ${others.join(' ')} >/dev/null`,
    });
  }
  if (facts.missing.includes('nginx')) {
    // Debian's package starts a daemon on port 80 when it is free, and a failed start fails the install. The tests
    // start their own nginx, so the system's is kept from starting: invoke-rc.d asks /usr/sbin/policy-rc.d (101:
    // not now), written for this install only when the machine has none (containers usually have one).
    steps.push({
      why: '安装 nginx（不启动系统的 nginx 服务，测试各自启动）',
      command:
        `(export DEBIAN_FRONTEND=noninteractive; ${others.length ? '' : 'apt-get update -qq && '}P=/usr/sbin/policy-rc.d; ` +
        'if [ -e $P ]; then apt-get install -y -qq nginx >/dev/null; ' +
        'else printf "#!/bin/sh\\nexit 101\\n" > $P && chmod 755 $P && apt-get install -y -qq nginx >/dev/null; R=$?; rm -f $P; exit $R; fi)',
    });
  }
  const postgres: PostgresState | 'new' = facts.missing.includes('postgresql') ? 'new' : facts.postgres;
  // A new cluster only lets local users in with a password; the tests connect as postgres without one.
  if (postgres === 'new' || postgres === 'untrusted') {
    steps.push({
      why: '允许本机以 trust 方式连接 PostgreSQL（仅 127.0.0.1）',
      command: `${cluster}; sed -i "1i host all all 127.0.0.1/32 trust" /etc/postgresql/$V/main/pg_hba.conf && (pg_ctlcluster --skip-systemctl-redirect $V main reload || true)`,
    });
  }
  if (postgres === 'new' || postgres === 'stopped') {
    steps.push({
      why: '启动 PostgreSQL（127.0.0.1:5432）',
      command: `${cluster}; (pg_isready -h 127.0.0.1 -p 5432 -q || pg_ctlcluster --skip-systemctl-redirect $V main start) && ${waitForPostgres}`,
    });
  }
  return steps;
}

/** The one command a user without the rights runs, and why, in Chinese. */
export function instructions(facts: MachineFacts, steps: Step[]): string {
  const lines = ['npm test 还缺少测试需要的环境：', ...steps.map((step) => `  - ${step.why}`)];
  if (facts.missing.length && !facts.apt) {
    lines.push(
      '本机没有 apt-get：请用本机的包管理器安装上述软件（Debian 包名），并让 PostgreSQL 在 127.0.0.1:5432 以 trust 方式接受本机连接，然后再运行 npm test。',
    );
    return lines.join('\n');
  }
  lines.push('请以 root 身份运行下面这一条命令，然后再运行 npm test：', `  sudo sh -c '${steps.map((step) => step.command).join(' && ')}'`);
  return lines.join('\n');
}

// ——— The facts of this machine ———

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const installed = (pkg: string) => spawnSync('dpkg', ['-s', pkg], { stdio: 'ignore' }).status === 0;

async function postgresState(): Promise<PostgresState> {
  if (process.env.TEST_POSTGRES_URL) return 'external';
  const client = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres', connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return 'ready';
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    // 28P01 wrong password, 28000 no pg_hba.conf entry; a password asked for is a SASL error in pg.
    if (code === '28P01' || code === '28000' || /SASL|password/i.test(message)) return 'untrusted';
    return 'stopped';
  } finally {
    await client.end().catch(() => {});
  }
}

export async function machineFacts(): Promise<MachineFacts> {
  const missing = neededPackages
    .filter(({ name }) => !(process.env.TEST_POSTGRES_URL && name === 'postgresql'))
    .filter(({ present }) => !('command' in present ? has(present.command) : installed(present.package)))
    .map(({ name }) => name);
  return { root: process.getuid?.() === 0, apt: has('apt-get'), missing, postgres: await postgresState() };
}

async function main(): Promise<number> {
  // Installing can take two rounds: PostgreSQL's cluster exists only once its package is in.
  for (let round = 0; round < 3; round++) {
    const facts = await machineFacts();
    const steps = planMachine(facts);
    if (!steps.length) return 0;
    if (!facts.root || (facts.missing.length && !facts.apt)) {
      console.error(instructions(facts, steps));
      return 1;
    }
    for (const step of steps) {
      console.log(`npm test：${step.why}……`);
      const run = spawnSync('sh', ['-c', step.command], { stdio: 'inherit' });
      if (run.status !== 0) {
        console.error(`npm test：${step.why}失败（${step.command}）`);
        return 1;
      }
    }
  }
  const facts = await machineFacts();
  console.error(`npm test：安装后环境仍未就绪。\n${instructions(facts, planMachine(facts))}`);
  return 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.chdir(path.dirname(path.dirname(fileURLToPath(import.meta.url))));
  process.exitCode = await main();
}
