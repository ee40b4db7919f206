/*
 * bench/site: requests per second and p99 latency of a cached document page, against a bare Node HTTP
 * server sending the same bytes and headers, measured in the same run on the same machine.
 * Target (issue: public site): ≥ 0.8 of the bare server's requests per second, p99 < 25 ms at 32 connections.
 *
 *   npm run bench:site                 (BENCH_SECONDS=10 BENCH_CONNECTIONS=32 by default)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort } from '../tests/helpers/ports.js';
import { startService } from '../tests/helpers/service.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);

interface Measure {
  name: string;
  rps: number;
  p99: number;
  errors: number;
}

async function measure(name: string, url: string): Promise<Measure> {
  // A short warm-up first: JIT, keep-alive sockets, the page cache.
  await autocannon({ url, connections, duration: 2 });
  const result = await autocannon({ url, connections, duration: seconds });
  return { name, rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx };
}

/** The same bytes and headers from Node's http module alone, in a process of its own like the service. */
async function startBareServer(body: Buffer, headers: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-'));
  fs.writeFileSync(path.join(dir, 'body'), body);
  fs.writeFileSync(path.join(dir, 'headers.json'), JSON.stringify(headers));
  const port = await freePort();
  const script = `
    const fs = require('node:fs'); const http = require('node:http');
    const body = fs.readFileSync(${JSON.stringify(path.join(dir, 'body'))});
    const headers = JSON.parse(fs.readFileSync(${JSON.stringify(path.join(dir, 'headers.json'))}, 'utf8'));
    http.createServer((req, res) => { res.writeHead(200, headers); res.end(body); }).listen(${port}, () => console.log('ready'));`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
  return {
    url: `http://localhost:${port}`,
    stop: () => {
      child.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const service = await startService();
try {
  const column = await (await fetch(`${service.url}/columns/zcwj`)).text();
  const id = /href="\/documents\/([a-z0-9]+)"/.exec(column)?.[1];
  if (!id) throw new Error('no document found on /columns/zcwj');
  const pageUrl = `${service.url}/documents/${id}`;
  const first = await fetch(pageUrl);
  const body = Buffer.from(await first.arrayBuffer());
  const headers: Record<string, string> = {};
  first.headers.forEach((value, key) => {
    if (!['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(key)) headers[key] = value;
  });
  const bare = await startBareServer(body, headers);
  try {
    const ours = await measure('gongkai（已缓存的文件页）', pageUrl);
    const reference = await measure('裸 Node HTTP 服务器（相同字节）', bare.url);
    const ratio = ours.rps / reference.rps;
    console.log(`\n文件页 ${body.length} 字节，${connections} 个连接，每项 ${seconds} 秒\n`);
    for (const m of [ours, reference])
      console.log(`${m.name.padEnd(24)} ${m.rps.toFixed(0).padStart(8)} 次/秒   p99 ${String(m.p99).padStart(4)} ms   错误 ${m.errors}`);
    console.log(`\n吞吐比 gongkai / 裸服务器 = ${ratio.toFixed(2)}（目标 ≥ 0.80：${ratio >= 0.8 ? '达到' : '未达到'}）`);
    console.log(`gongkai p99 = ${ours.p99} ms（目标 < 25 ms：${ours.p99 < 25 ? '达到' : '未达到'}）`);
    if (ours.errors) process.exitCode = 1;
  } finally {
    bare.stop();
  }
} finally {
  await service.stop();
}
