/*
 * bench/load: the public site of two gongkai instances on one PostgreSQL database, against one
 * instance, in the same run: requests per second, p99 latency and errors on a cached document page,
 * and the peak memory of each instance. Target (issue: several instances): two serve ≥ 1.6× the
 * requests per second of one, or the README says what limits it.
 *
 *   npm run bench:load                 (BENCH_SECONDS=10 BENCH_CONNECTIONS=32; PostgreSQL on 127.0.0.1)
 */
import fs from 'node:fs';
import autocannon from 'autocannon';
import { applyPendingMigrations } from '../src/platform/db/migrations.js';
import { closeContext, openContext } from '../src/app/context.js';
import { seedDemo } from '../src/app/demo.js';
import { freshPostgres } from '../tests/helpers/postgres.js';
import { startService, type RunningService } from '../tests/helpers/service.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);

interface Load {
  rps: number;
  p99: number;
  errors: number;
}

async function drive(urls: string[]): Promise<Load> {
  // The connections are shared out between the instances, as a load balancer would.
  const per = Math.max(1, Math.floor(connections / urls.length));
  await Promise.all(urls.map((url) => autocannon({ url, connections: per, duration: 2 })));
  const results = await Promise.all(urls.map((url) => autocannon({ url, connections: per, duration: seconds })));
  return {
    rps: results.reduce((sum, r) => sum + r.requests.average, 0),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((sum, r) => sum + r.errors + r.timeouts + r.non2xx, 0),
  };
}

/** The most memory the instance's process has held (VmHWM). */
function peakMemoryMb(service: RunningService): number {
  const line = fs
    .readFileSync(`/proc/${service.pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'));
  return Math.round(Number(line?.replace(/\D+/g, '') ?? 0) / 1024);
}

const database = await freshPostgres();
const services: RunningService[] = [];
try {
  await applyPendingMigrations(database);
  const context = await openContext(database);
  await seedDemo(context);
  const doc = await context.prisma.document.findFirstOrThrow({
    where: { status: 'published', disclosure: 'proactive' },
    orderBy: { publishedAt: 'desc' },
  });
  await closeContext(context);
  const env = { DATABASE_URL: database.url, GONGKAI_SCHEDULER: 'on' };
  services.push(await startService(env, ['--no-demo']));
  const path = `/documents/${doc.id}`;
  const one = await drive([services[0].url + path]);
  services.push(await startService(env, ['--no-demo']));
  const two = await drive(services.map((s) => s.url + path));
  const ratio = two.rps / one.rps;
  console.log(`\n已缓存的文件页，共 ${connections} 个连接，每项 ${seconds} 秒（PostgreSQL，同一台机器）\n`);
  console.log(`一个实例   ${one.rps.toFixed(0).padStart(8)} 次/秒   p99 ${String(one.p99).padStart(4)} ms   错误 ${one.errors}`);
  console.log(`两个实例   ${two.rps.toFixed(0).padStart(8)} 次/秒   p99 ${String(two.p99).padStart(4)} ms   错误 ${two.errors}`);
  console.log(`\n两个实例 / 一个实例 = ${ratio.toFixed(2)}（目标 ≥ 1.60：${ratio >= 1.6 ? '达到' : '未达到'}）`);
  console.log(`内存峰值：${services.map((s, i) => `实例${i + 1} ${peakMemoryMb(s)} MB`).join('，')}`);
  console.log(`本机 CPU 核数：${(await import('node:os')).cpus().length}（压测工具与实例共用）`);
  if (one.errors || two.errors) process.exitCode = 1;
} finally {
  for (const service of services) await service.stop();
  await database.drop();
}
