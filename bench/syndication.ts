/*
 * bench/syndication: imports 2,000 upstream documents from a local fixture server into a fresh SQLite
 * CMS (list, detail pages, extraction, sanitizing, dedup, the review queue) and prints items per second
 * and the peak memory of the process against the targets of issue 17: at least 300 items a second, under
 * 300 MB peak RSS (the baseline line shows what the process holds before the run: Keystone, Prisma and
 * the migration engine).
 *
 *   npm run bench:syndication
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { applyPendingMigrations } from '../src/platform/db/migrations.js';
import { closeContext, openContext } from '../src/app/context.js';
import { runSyndicationSource } from '../syndication/runner.js';
import { HttpFetcher } from '../syndication/core/fetch.js';
import { OutboundPolicy } from '../src/platform/http/outbound.js';

// The fixture upstream is on this machine, which outbound requests refuse unless allow-listed (the
// source is validated against it when saved, the fetcher when it connects).
process.env.GONGKAI_OUTBOUND_ALLOW = '127.0.0.1';

const lists = 4;
const TARGET_PER_SECOND = 300;
const TARGET_PEAK_MB = 300;
const perList = 500;
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
const context = await openContext(db);
console.log(
  `（基线：迁移和打开数据库后 RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB，峰值 ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB）`,
);
try {
  const column = await context.sudo().db.Column.createOne({ data: { name: '国务院文件', slug: 'gwy', kind: 'reprint' } });
  await context.sudo().db.SyndicationSource.createOne({
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
  const started = performance.now();
  const record = await runSyndicationSource(context, 'bench', {
    fetcher: new HttpFetcher({ perHostConcurrency: 8, outbound: OutboundPolicy.parse('127.0.0.1') }),
  });
  const seconds = (performance.now() - started) / 1000;
  const stored = await context.prisma.upstreamItem.count();
  console.log(`导入 ${record.itemsNew} 条（库中 ${stored} 条，失败 ${record.itemFailures.length} 条），用时 ${seconds.toFixed(1)} 秒`);
  const perSecond = record.itemsNew / seconds;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    `每秒 ${perSecond.toFixed(0)} 条（目标 ≥ ${TARGET_PER_SECOND}，为目标的 ${(perSecond / TARGET_PER_SECOND).toFixed(2)} 倍）${perSecond >= TARGET_PER_SECOND ? '达标' : '未达标'}`,
  );
  console.log(
    `进程内存峰值 ${peakMb.toFixed(0)} MB（目标 < ${TARGET_PEAK_MB} MB，为目标的 ${(peakMb / TARGET_PEAK_MB).toFixed(2)} 倍）${peakMb < TARGET_PEAK_MB ? '达标' : '未达标'}`,
  );
  console.log(`本机负载（1 分钟平均）${os.loadavg()[0].toFixed(1)}，CPU ${os.cpus().length} 核：负载高于核数时速度不可比`);
  if (record.itemsNew !== lists * perList || stored !== lists * perList) process.exitCode = 1;
} finally {
  await closeContext(context);
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
