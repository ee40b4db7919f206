/*
 * bench/publish: the public site as files (issue 20), on a generated site of 10,000 documents in 40 columns.
 * Printed in one run:
 *   1. full rebuild: `gongkai publish --all` run as users run it, a process of its own (the data generation
 *      of this one is not counted): pages per second (target ≥ 500), CPU seconds, and the peak memory of its
 *      process tree (RSS summed, target < 300 MB; PSS beside it, shared pages shared out);
 *   2. one document published through the real publication operation, until its page, its column's first
 *      list page and the home page are written, by a publisher started as the server starts its own (its round
 *      over the whole site first, which must write nothing): p99 over 50 publications (target < 1 s), and CPU
 *      per publication;
 *   3. nginx (deploy/nginx.conf) serving the published document page against gongkai's in-process page cache
 *      serving the same bytes: requests per second of each with the same load tool (wrk when installed —
 *      apt-get install -y wrk — else autocannon), target ≥ 3×.
 *
 *   npm run bench:publish   (BENCH_DOCUMENTS=10000 BENCH_COLUMNS=40 BENCH_PUBLICATIONS=50 BENCH_SECONDS=10 by default)
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import express from 'express';
import { applyPendingMigrations } from '../src/platform/db/migrations.js';
import { projectRoot } from '../src/platform/config/env.js';
import { closeContext, openContext } from '../src/app/context.js';
import { serverBackgroundConcurrency, startPublishing } from '../src/app/publishing.js';
import { siteFeatures } from '../src/app/site-features.js';
import { siteRoutes } from '../src/site/routes.js';
import { publishItems } from '../src/workflow/operations/publication.js';
import { paragraphsToHtml } from '../src/platform/demo/rich-text.js';
import { nginxAvailable, startNginx } from '../tests/helpers/nginx.js';
import { freePort } from '../tests/helpers/ports.js';

process.env.GONGKAI_SCHEDULER = 'off';
process.env.SESSION_SECRET ??= 'bench-secret-that-is-at-least-32-characters-long';
const documents = Number(process.env.BENCH_DOCUMENTS ?? 10_000);
const columns = Number(process.env.BENCH_COLUMNS ?? 40);
const publications = Number(process.env.BENCH_PUBLICATIONS ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 32;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-publish-'));
// nginx's workers (nobody) read the published files.
fs.chmodSync(dir, 0o755);
process.env.MEDIA_DIR ??= path.join(dir, 'media');
const db = { provider: 'sqlite' as const, url: `file:${path.join(dir, 'bench.db')}` };
await applyPendingMigrations(db);
const context = await openContext(db);
const prisma = context.sudo().prisma;

const body = (n: number) =>
  paragraphsToHtml([
    `为做好第 ${n} 项民政工作，现将有关事项通知如下。`,
    '一、各县（区）民政局要高度重视，认真组织实施，确保各项政策落到实处。'.repeat(8),
    '二、请于规定时间内报送工作进展情况。'.repeat(6),
  ]);
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const docId = (n: number) => `benchdoc${pad(n, 6)}`;
const columnId = (c: number) => `benchcol${pad(c, 3)}`;
const base = Date.parse('2026-01-01T00:00:00Z');

// Bulk inserts: the site in a few seconds, not through the workflow one document at a time.
const started = performance.now();
await prisma.column.createMany({
  data: Array.from({ length: columns }, (_, c) => ({
    id: columnId(c),
    name: `栏目${c + 1}`,
    slug: `col-${pad(c + 1, 2)}`,
    kind: 'news',
    order: c,
  })),
});
const total = documents + publications;
for (let from = 0; from < total; from += 500) {
  const batch = Array.from({ length: Math.min(500, total - from) }, (_, i) => from + i);
  await prisma.document.createMany({
    data: batch.map((n) => ({
      id: docId(n),
      title: `关于做好第 ${n} 项民政工作的通知`,
      documentNumber: `临民发〔2026〕${n} 号`,
      disclosure: 'proactive',
      // The last ones wait for the publication benchmark.
      status: n < documents ? 'published' : 'approved',
      publishedAt: n < documents ? new Date(base + n * 60_000) : null,
      body: body(n),
      redactedBody: '',
    })),
  });
  const values = batch.map((n) => `('${columnId(n % columns)}', '${docId(n)}')`).join(',');
  await prisma.$executeRawUnsafe(`INSERT INTO "_Column_documents" ("A", "B") VALUES ${values}`);
}
console.log(`生成站点：${documents} 篇文件，${columns} 个栏目，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);

/** The pids of a process and its descendants (Linux /proc). */
function processTree(pid: number): number[] {
  const children = (p: number) =>
    fs
      .readdirSync(`/proc/${p}/task`, { withFileTypes: true })
      .flatMap((t) => fs.readFileSync(`/proc/${p}/task/${t.name}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
  const all: number[] = [];
  for (let queue = [pid]; queue.length;) {
    const p = queue.shift()!;
    all.push(p);
    try {
      queue.push(...children(p));
    } catch {
      // It exited meanwhile.
    }
  }
  return all;
}

const tick = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/**
 * The memory (bytes) and CPU time (seconds, user + system) of each process of a tree now. `peakRss` is the
 * kernel's high-water mark of the process's resident memory (VmHWM), exact whenever it is read; `pss` (read
 * only with `withPss`: it walks the page tables, which slows the process down) shares out the pages processes
 * share, so the tree's PSS is what it holds.
 */
function treeUsage(pid: number, withPss: boolean): Map<number, { peakRss: number; pss: number; cpu: number }> {
  const usage = new Map<number, { peakRss: number; pss: number; cpu: number }>();
  for (const p of processTree(pid)) {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, 'utf8');
      const rollup = withPss ? fs.readFileSync(`/proc/${p}/smaps_rollup`, 'utf8') : '';
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ');
      usage.set(p, {
        peakRss: Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024,
        pss: Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024,
        cpu: (Number(stat[11]) + Number(stat[12])) / tick,
      });
    } catch {
      // It exited meanwhile.
    }
  }
  return usage;
}

// 1. Full rebuild: the command users run, in a process of its own, its tree's memory sampled while it runs.
const publishEnv = {
  ...process.env,
  DATABASE_URL: db.url,
  GONGKAI_DATA_DIR: dir,
  PUBLISH_DIR: path.join(dir, 'site'),
  PUBLISH_HOOK: '',
  NODE_OPTIONS: '',
};
const rebuildStart = performance.now();
const child = spawn(path.join(projectRoot, 'bin/gongkai'), ['publish', '--all'], {
  env: publishEnv,
  stdio: ['ignore', 'pipe', 'inherit'],
});
let output = '';
child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
// Per process, the highest mark read: summed, the tree's peak (exact for one process, an upper bound for more,
// whose peaks need not coincide).
const peaks = new Map<number, { rss: number; cpu: number }>();
let peakPss = 0;
let samples = 0;
const sample = () => {
  const usage = treeUsage(child.pid!, samples++ % 20 === 0);
  for (const [p, u] of usage) {
    const seen = peaks.get(p);
    peaks.set(p, { rss: Math.max(u.peakRss, seen?.rss ?? 0), cpu: Math.max(u.cpu, seen?.cpu ?? 0) });
  }
  peakPss = Math.max(
    peakPss,
    [...usage.values()].reduce((sum, u) => sum + u.pss, 0),
  );
};
const sampler = setInterval(sample, 25);
const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
clearInterval(sampler);
const peakRss = [...peaks.values()].reduce((sum, p) => sum + p.rss, 0);
const cpuSeconds = [...peaks.values()].reduce((sum, p) => sum + p.cpu, 0);
const rebuildSeconds = (performance.now() - rebuildStart) / 1000;
if (code !== 0) throw new Error(`gongkai publish --all 失败（退出码 ${code}）：${output}`);
const manifestPath = path.join(dir, 'site-manifest.json');
const rebuiltFiles = Object.keys((JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { files: object }).files).length;
const pagesPerSecond = rebuiltFiles / rebuildSeconds;
const peakMb = peakRss / 1024 / 1024;

// The publisher of the publications below starts as the server's does (keystone-config): it reads the manifest
// the command wrote and checks the directory against the data in a round over the whole site, which should write
// nothing (the server renders the bytes the command wrote); publications follow that round, as on a server.
const site = path.join(dir, 'site');
const publisher = startPublishing(context, {
  directory: site,
  manifestPath,
  hook: null,
  backgroundConcurrency: serverBackgroundConcurrency,
});
await publisher.current();
const checkStart = performance.now();
const startRound = await publisher.sync(null, { reason: '启动时核对发布目录' });
const checkSeconds = (performance.now() - checkStart) / 1000;
if (startRound.written.length || startRound.removed.length)
  throw new Error(`服务启动时的核对改动了 ${startRound.written.length + startRound.removed.length} 个文件：与命令生成的不一致`);

// 2. One document at a time through the publication operation; done when its page, its column's first page and home show it.
const times: number[] = [];
const cpuTimes: number[] = [];
for (let i = 0; i < publications; i++) {
  const n = documents + i;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await publishItems(context, [{ listKey: 'Document', id: docId(n) }], {
    action: 'applyRevision',
    actor: null,
    at: new Date(base + (documents + i) * 60_000),
  });
  const link = `/documents/${docId(n)}`;
  const ok =
    fs.existsSync(path.join(site, `documents/${docId(n)}/index.html`)) &&
    fs.readFileSync(path.join(site, `columns/col-${pad((n % columns) + 1, 2)}/index.html`), 'utf8').includes(link) &&
    fs.readFileSync(path.join(site, 'index.html'), 'utf8').includes(link);
  if (!ok) throw new Error(`发布 ${docId(n)} 后，页面、栏目首页或首页没有显示它`);
  times.push(performance.now() - t0);
  const cpu = process.cpuUsage(cpu0);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
}
times.sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);
const p99 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.99) - 1)];
const median = (list: number[]) => list[Math.floor(list.length / 2)];

// 3. The published document page from nginx and from gongkai's page cache, the same load tool for both.
const wrk = spawnSync('wrk', ['--version'], { encoding: 'utf8' }).error ? null : 'wrk';
async function requestsPerSecond(url: string): Promise<number> {
  const run = (args: string[]) =>
    new Promise<string>((resolve, reject) => {
      const tool = wrk
        ? spawn('wrk', ['-t', '2', '-c', String(connections), ...args, url])
        : spawn(process.execPath, [
            path.join(projectRoot, 'node_modules/autocannon/autocannon.js'),
            '-j',
            '-c',
            String(connections),
            ...args,
            url,
          ]);
      let out = '';
      tool.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      tool.once('error', reject);
      tool.once('exit', () => resolve(out));
    });
  const duration = (s: number) => (wrk ? ['-d', `${s}s`] : ['-d', String(s)]);
  await run(duration(2));
  const out = await run(duration(seconds));
  if (wrk) {
    if (/Non-2xx or 3xx responses/.test(out)) throw new Error(`${url} 有错误响应：${out}`);
    return Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
  }
  const result = JSON.parse(out) as { requests: { average: number }; non2xx: number; errors: number };
  if (result.non2xx || result.errors) throw new Error(`${url} 有错误响应`);
  return result.requests.average;
}
let serving: string;
if (nginxAvailable()) {
  const app = express();
  app.disable('x-powered-by');
  app.use(siteRoutes(context, siteFeatures, null));
  const port = await freePort();
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const nginx = await startNginx({ root: site, upstreamPort: port });
  try {
    const page = `/documents/${docId(0)}`;
    const fromGongkai = Buffer.from(await (await fetch(`http://127.0.0.1:${port}${page}`)).arrayBuffer());
    const fromNginx = Buffer.from(await (await fetch(`${nginx.url}${page}`)).arrayBuffer());
    if (!fromGongkai.equals(fromNginx)) throw new Error(`nginx 与 gongkai 给出的 ${page} 字节不同`);
    const ours = await requestsPerSecond(`http://127.0.0.1:${port}${page}`);
    const theirs = await requestsPerSecond(`${nginx.url}${page}`);
    const ratio = theirs / ours;
    serving =
      `3. 文件页（${fromNginx.length} 字节，${wrk ?? 'autocannon'}，${connections} 个连接，各 ${seconds} 秒）：` +
      `nginx ${theirs.toFixed(0)} 次/秒，gongkai 进程内缓存 ${ours.toFixed(0)} 次/秒，` +
      `${ratio.toFixed(1)} 倍（目标 ≥ 3：${ratio >= 3 ? '达到' : '未达到'}）` +
      (wrk ? '' : '\n   （未安装 wrk，用 autocannon 测量：它自身占用一个核，nginx 的数字偏低；apt-get install -y wrk）');
  } finally {
    await nginx.stop();
    server.close();
  }
} else serving = '3. nginx 与进程内缓存的对比：未安装 nginx（apt-get install -y nginx），跳过';

const verdict = (ok: boolean) => (ok ? '达到' : '未达到');
console.log(
  `\n1. 全站重建（gongkai publish --all）：${rebuiltFiles} 个文件，${rebuildSeconds.toFixed(1)} 秒，${pagesPerSecond.toFixed(0)} 页/秒（目标 ≥ 500：${verdict(pagesPerSecond >= 500)}）；` +
    `CPU ${cpuSeconds.toFixed(1)} 秒（${(rebuiltFiles / cpuSeconds).toFixed(0)} 页/CPU 秒）`,
);
console.log(
  `   进程树峰值内存（各进程 RSS 高水位之和）${peakMb.toFixed(0)} MB（目标 < 300 MB：${verdict(peakMb < 300)}）；` +
    `PSS ${(peakPss / 1024 / 1024).toFixed(0)} MB（每半秒取样，与其他进程共享的页按份计）`,
);
console.log(`   服务启动时核对全站（每次 ${serverBackgroundConcurrency} 页）：${checkSeconds.toFixed(1)} 秒，未改动文件`);
console.log(
  `2. 发布一篇文件至其页面、栏目首页和首页写好：${publications} 次，中位数 ${median(times).toFixed(0)} ms，p99 ${p99.toFixed(0)} ms（目标 < 1000 ms：${verdict(p99 < 1000)}）；` +
    `CPU 中位数 ${median(cpuTimes).toFixed(0)} ms`,
);
console.log(serving);
console.log(`（机器负载：${os.loadavg()[0].toFixed(1)}，${os.cpus().length} 核；负载高时墙钟时间偏长，CPU 时间更可比）`);

await closeContext(context);
fs.rmSync(dir, { recursive: true, force: true });
