/*
 * bench/syndication: imports 2,000 upstream documents from a local fixture server into a fresh SQLite
 * CMS (list, detail pages, extraction, sanitizing, dedup, the review queue) by running the command users
 * run, `gongkai syndicate KEY`, as its own process, and prints items per second and that process's peak
 * memory against the targets of issue 17: at least 300 items a second, under 300 MB peak RSS. The peak
 * is the sum over the command's processes (its own, and any it starts), read from /proc as it runs.
 *
 *   npm run bench:syndication
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { applyPendingMigrations } from '../src/platform/db/migrations.js';
import { closeDatabase, openDatabase } from '../src/platform/db/database.js';
import { projectRoot } from '../src/platform/config/env.js';

const lists = 4;
const perList = 500;
const TARGET_PER_SECOND = 300;
const TARGET_PEAK_MB = 300;
const paragraph =
  '各州、市人民政府，省直各委、办、厅、局：为进一步做好社会救助兜底保障工作，切实保障困难群众基本生活，现就有关事项通知如下。';

const server = http.createServer((req, res) => {
  const list = /^\/list-(\d+)\.json$/.exec(req.url ?? '');
  if (list) {
    const n = Number(list[1]);
    const items = Array.from({ length: perList }, (_, i) => ({
      TITLE: `关于第${n * perList + i}项工作的通知`,
      URL: `/content_${n * perList + i}.htm`,
      DOCRELPUBTIME: '2026-11-20',
    }));
    return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(items));
  }
  const detail = /^\/content_(\d+)\.htm$/.exec(req.url ?? '');
  if (detail) {
    const body = Array.from({ length: 12 }, (_, i) => `<p>${i + 1}. ${paragraph}</p>`).join('');
    return res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><html><head><meta name="manuscriptId" content="m${detail[1]}"></head><body><div class="share-title">关于第${detail[1]}项工作的通知</div><div class="TRS_UEDITOR">${body}</div></body></html>`,
      );
  }
  res.writeHead(404).end();
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-syndication-'));
const db = { provider: 'sqlite' as const, url: `file:${path.join(dir, 'bench.db')}` };
await applyPendingMigrations(db);
const setup = await openDatabase(db);
try {
  const column = await setup.prisma.column.create({ data: { name: '国务院文件', slug: 'gwy', kind: 'reprint' } });
  await setup.prisma.syndicationSource.create({
    data: {
      key: 'bench',
      name: '基准测试上游',
      level: 'state-council',
      adapter: 'json-list',
      schedule: '* * * * *',
      policy: 'review',
      enabled: true,
      maxItems: perList,
      listUrls: Array.from({ length: lists }, (_, n) => `${base}/list-${n}.json`).join('\n'),
      targetColumn: { connect: { id: column.id } },
    },
  });
} finally {
  await closeDatabase(setup);
}

/** CPU time a process has used, in seconds, from /proc (user + system). */
function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0; // gone
  }
}

/** Peak RSS of a process, in kB, from /proc (VmHWM): the kernel keeps the high-water mark. */
function peakKb(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0; // gone
  }
}
function childrenOf(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

try {
  const load = os.loadavg()[0];
  const started = performance.now();
  // The fixture upstream is on this machine, which outbound requests refuse unless allow-listed.
  // The command as installed; BENCH_NODE_ARGS="--cpu-prof …" profiles it, not the bench.
  const child = spawn(path.join(projectRoot, 'bin/gongkai'), ['syndicate', 'bench', '--json'], {
    env: {
      ...process.env,
      GONGKAI_NODE_ARGS: process.env.BENCH_NODE_ARGS ?? '',
      DATABASE_URL: db.url,
      GONGKAI_DATA_DIR: dir,
      GONGKAI_OUTBOUND_ALLOW: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Every process of the command, by pid, with the highest mark read; polled until it exits.
  const peaks = new Map<number, { name: string; kb: number; cpu: number }>();
  const poll = () => {
    const pending = [child.pid!];
    while (pending.length) {
      const pid = pending.pop()!;
      const kb = peakKb(pid);
      if (!kb) continue;
      let name = '';
      try {
        name = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      } catch {
        // gone
      }
      peaks.set(pid, {
        name: peaks.get(pid)?.name || name,
        kb: Math.max(kb, peaks.get(pid)?.kb ?? 0),
        cpu: Math.max(cpuSeconds(pid), peaks.get(pid)?.cpu ?? 0),
      });
      pending.push(...childrenOf(pid));
    }
  };
  const timer = setInterval(poll, 10);
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  const wall = (performance.now() - started) / 1000;
  // The JSON is the last thing on stdout (a first run after an update may print the client's build before it).
  const [result] = JSON.parse(stdout.slice(stdout.lastIndexOf('\n[') + 1)) as {
    itemsNew: number;
    failures: unknown[];
    startedAt: string;
    finishedAt: string;
  }[];
  const seconds = (Date.parse(result.finishedAt) - Date.parse(result.startedAt)) / 1000;
  const check = await openDatabase(db);
  const stored = await check.prisma.upstreamItem.count();
  await closeDatabase(check);
  const perSecond = result.itemsNew / seconds;
  const peakMb = [...peaks.values()].reduce((sum, p) => sum + p.kb, 0) / 1024;
  console.log(
    `导入 ${result.itemsNew} 条（库中 ${stored} 条，失败 ${result.failures.length} 条），采集用时 ${seconds.toFixed(1)} 秒（命令共 ${wall.toFixed(1)} 秒，含启动）`,
  );
  console.log(
    `每秒 ${perSecond.toFixed(0)} 条（目标 ≥ ${TARGET_PER_SECOND}，为目标的 ${(perSecond / TARGET_PER_SECOND).toFixed(2)} 倍）${perSecond >= TARGET_PER_SECOND ? '达标' : '未达标'}`,
  );
  console.log(
    `内存峰值 ${peakMb.toFixed(0)} MB（${[...peaks.values()].map((p) => `${p.name} ${(p.kb / 1024).toFixed(0)} MB`).join(' + ')}；目标 < ${TARGET_PEAK_MB} MB，为目标的 ${(peakMb / TARGET_PEAK_MB).toFixed(2)} 倍）${peakMb < TARGET_PEAK_MB ? '达标' : '未达标'}`,
  );
  const cpu = [...peaks.values()].reduce((sum, p) => sum + p.cpu, 0);
  console.log(`命令的 CPU 时间约 ${cpu.toFixed(1)} 秒（含启动；每条约 ${((cpu * 1000) / lists / perList).toFixed(1)} 毫秒）`);
  console.log(
    `本机负载（1 分钟平均）开始时 ${load.toFixed(1)}，结束时 ${os.loadavg()[0].toFixed(1)}，CPU ${os.cpus().length} 核：负载高于核数时速度不可比`,
  );
  if (code !== 0 || result.itemsNew !== lists * perList || stored !== lists * perList) process.exitCode = 1;
} finally {
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
