/*
 * bench/publish: the public site as files (issue 20), on a generated site of 10,000 documents in 40 columns.
 * Printed in one run:
 *   1. full rebuild (gongkai publish --all): pages per second (target ≥ 500) and peak memory (target < 300 MB);
 *   2. one document published through the real publication operation, until its page, its column's first
 *      list page and the home page are written: p99 over 50 publications (target < 1 s);
 *   3. nginx serving the published document page against gongkai's in-process cache (see the marked place below).
 *
 *   npm run bench:publish            (BENCH_DOCUMENTS=10000 BENCH_COLUMNS=40 BENCH_PUBLICATIONS=50 by default)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { applyPendingMigrations } from '../src/platform/db/migrations.js';
import { closeContext, openContext } from '../src/app/context.js';
import { startPublishing } from '../src/app/publishing.js';
import { publishItems } from '../src/workflow/operations/publication.js';

process.env.GONGKAI_SCHEDULER = 'off';
process.env.SESSION_SECRET ??= 'bench-secret-that-is-at-least-32-characters-long';
const documents = Number(process.env.BENCH_DOCUMENTS ?? 10_000);
const columns = Number(process.env.BENCH_COLUMNS ?? 40);
const publications = Number(process.env.BENCH_PUBLICATIONS ?? 50);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-publish-'));
process.env.MEDIA_DIR ??= path.join(dir, 'media');
const db = { provider: 'sqlite' as const, url: `file:${path.join(dir, 'bench.db')}` };
await applyPendingMigrations(db);
const context = await openContext(db);
const prisma = context.sudo().prisma;

const body = (n: number) => [
  { type: 'paragraph', children: [{ text: `为做好第 ${n} 项民政工作，现将有关事项通知如下。` }] },
  { type: 'paragraph', children: [{ text: '一、各县（区）民政局要高度重视，认真组织实施，确保各项政策落到实处。'.repeat(8) }] },
  { type: 'paragraph', children: [{ text: '二、请于规定时间内报送工作进展情况。'.repeat(6) }] },
];
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
      redactedBody: [],
    })),
  });
  const values = batch.map((n) => `('${columnId(n % columns)}', '${docId(n)}')`).join(',');
  await prisma.$executeRawUnsafe(`INSERT INTO "_Column_documents" ("A", "B") VALUES ${values}`);
}
console.log(`生成站点：${documents} 篇文件，${columns} 个栏目，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);

const publisher = startPublishing(context, {
  directory: path.join(dir, 'site'),
  manifestPath: path.join(dir, 'site-manifest.json'),
  hook: null,
});

// 1. Full rebuild, with memory sampled while it runs.
const baseRss = process.memoryUsage().rss;
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const rebuildStart = performance.now();
const rebuilt = await publisher.sync(null, { reason: '全站重建' });
const rebuildSeconds = (performance.now() - rebuildStart) / 1000;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
const pagesPerSecond = rebuilt.files / rebuildSeconds;
const peakMb = peakRss / 1024 / 1024;

// 2. One document at a time through the publication operation; done when its page, its column's first page and home show it.
const site = path.join(dir, 'site');
const times: number[] = [];
for (let i = 0; i < publications; i++) {
  const n = documents + i;
  const t0 = performance.now();
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
}
times.sort((a, b) => a - b);
const p99 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.99) - 1)];

const verdict = (ok: boolean) => (ok ? '达到' : '未达到');
console.log(
  `\n1. 全站重建：${rebuilt.files} 个文件，${rebuildSeconds.toFixed(1)} 秒，${pagesPerSecond.toFixed(0)} 页/秒（目标 ≥ 500：${verdict(pagesPerSecond >= 500)}）`,
);
console.log(
  `   峰值内存（RSS）${peakMb.toFixed(0)} MB（目标 < 300 MB：${verdict(peakMb < 300)}；重建前 ${(baseRss / 1024 / 1024).toFixed(0)} MB）`,
);
console.log(
  `2. 发布一篇文件至其页面、栏目首页和首页写好：${publications} 次，中位数 ${times[Math.floor(times.length / 2)].toFixed(0)} ms，p99 ${p99.toFixed(0)} ms（目标 < 1000 ms：${verdict(p99 < 1000)}）`,
);
// 3. nginx serving the published document page against gongkai's in-process cache: to be added here
//    (requests per second of each, target ≥ 3×), over the directory `site` published above.
console.log('3. nginx 与进程内缓存的对比：尚未加入本测试');

await closeContext(context);
fs.rmSync(dir, { recursive: true, force: true });
