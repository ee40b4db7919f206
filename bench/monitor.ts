/*
 * bench/monitor: time for our crawler to check a generated 2,000-page site, against Debian's
 * `linkchecker` on the same site with the same concurrency, in the same run on the same machine.
 * Both run without a rate limit (the site sends the `LinkChecker` header linkchecker asks for before
 * it goes above 10 requests per second), respect robots.txt, and check internal links only. Ours
 * also extracts everything the checks need; the checks themselves are timed separately.
 *
 *   npx tsx bench/monitor.ts          (BENCH_PAGES=2000 BENCH_CONCURRENCY=8 by default)
 *
 * linkchecker: `apt-get install -y linkchecker`; without it the script says so and times ours alone.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crawl } from '../src/monitor/core/crawler.js';
import { evaluateCrawl } from '../src/monitor/core/monitor.js';
import { OutboundPolicy } from '../src/platform/http/outbound.js';

const pages = Number(process.env.BENCH_PAGES ?? 2000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const sections = 20;

/*
 * The site, in a process of its own (as a real server would be): a home page linking 20 sections;
 * each section lists its pages 50 to a list page with pagination; each document links to its
 * neighbours, the home page, and one in fifty to a missing page. Pages are generated per request.
 */
const serverScript = `
const http = require('node:http');
const pages = ${pages}, sections = ${sections}, perSection = Math.ceil(pages / sections), perList = 50;
const footer = '<footer><p>主办单位：临沧市民政局</p><p>联系电话：0883-2123456</p><span>网站标识码：5309000001</span><span>滇ICP备05003121号</span><span>滇公网安备53090202000117号</span></footer>';
const wrap = (title, body) => '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>' + title + '</title></head><body><header><a href="/">首页</a><form action="/search"><input type="search" name="q"></form></header><main><h1>' + title + '</h1>' + body + '</main>' + footer + '</body></html>';
const day = (n) => new Date(Date.UTC(2026, 10, 24) - (n % 300) * 86400000).toISOString().slice(0, 10);
function render(p) {
  if (p === '/') return wrap('首页', '<ul>' + Array.from({ length: sections }, (_, s) => '<li><a href="/s/' + s + '/1">栏目' + s + '</a></li>').join('') + '</ul>');
  let m = /^\\/s\\/(\\d+)\\/(\\d+)$/.exec(p);
  if (m) {
    const s = +m[1], page = +m[2], first = s * perSection + (page - 1) * perList;
    const last = Math.min(first + perList, (s + 1) * perSection, pages);
    if (s >= sections || first >= last) return null;
    const items = [];
    for (let i = first; i < last; i++) items.push('<li><a href="/d/' + i + '">民政工作信息' + i + '</a> ' + day(i) + '</li>');
    const next = last < Math.min((s + 1) * perSection, pages) ? '<a href="/s/' + s + '/' + (page + 1) + '">下一页</a>' : '';
    return wrap('栏目' + s, '<ul>' + items.join('') + '</ul>' + next);
  }
  m = /^\\/d\\/(\\d+)$/.exec(p);
  if (m && +m[1] < pages) {
    const i = +m[1];
    const links = [i - 1, i + 1].filter((n) => n >= 0 && n < pages).map((n) => '<a href="/d/' + n + '">相关信息' + n + '</a>').join(' ');
    const broken = i % 50 === 0 ? ' <a href="/missing/' + i + '">失效链接</a>' : '';
    return wrap('民政工作信息' + i, '<p>发布日期：' + day(i) + '</p><p>' + '为进一步做好民政服务工作，现将有关事项通知如下。'.repeat(20) + '</p>' + links + broken);
  }
  return null;
}
http.createServer((req, res) => {
  const headers = { 'content-type': 'text/html; charset=utf-8', 'LinkChecker': 'allow' };
  if (req.url === '/robots.txt') { res.writeHead(200, { 'content-type': 'text/plain' }); return res.end('User-agent: *\\nDisallow: /admin/\\n'); }
  const body = render(req.url);
  res.writeHead(body ? 200 : 404, headers);
  res.end(req.method === 'HEAD' ? undefined : (body || wrap('页面不存在', '')));
}).listen(0, '127.0.0.1', function () { console.log(this.address().port); });
`;

async function startSite() {
  const child = spawn(process.execPath, ['-e', serverScript], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() };
}

function hasLinkchecker(): boolean {
  return spawnSync('linkchecker', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** linkchecker's wall time; exit status 1 only means it found broken links. */
function runLinkchecker(url: string): Promise<{ seconds: number; status: number | null; checked?: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-lc-'));
  fs.chmodSync(dir, 0o755);
  const config = path.join(dir, 'linkcheckerrc');
  // Same concurrency as ours, no rate limit (the site sends the LinkChecker header for it).
  fs.writeFileSync(config, `[checking]\nthreads=${concurrency}\nmaxrequestspersecond=10000\ntimeout=15\n[output]\nstatus=0\nwarnings=0\n`);
  fs.chmodSync(config, 0o644);
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const child = spawn('linkchecker', ['-f', config, '-t', String(concurrency), '--no-status', '-o', 'text', url], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', () => {});
    child.on('close', (status) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      fs.rmSync(dir, { recursive: true, force: true });
      const m = /(\d+) links? checked|(\d+) links? in \d+ URLs? checked|(\d+) URLs? checked/i.exec(out);
      resolve({ seconds, status, checked: m ? Number(m[1] ?? m[2] ?? m[3]) : undefined });
    });
  });
}

const site = await startSite();
try {
  console.log(`site: ${pages} documents in ${sections} sections, concurrency ${concurrency}, ${os.cpus().length} CPUs`);
  const started = process.hrtime.bigint();
  const result = await crawl({
    baseUrl: site.url,
    // The generated site is on this machine, which outbound requests refuse unless allow-listed.
    outbound: OutboundPolicy.parse('127.0.0.1'),
    concurrency,
    requestsPerSecond: 0,
    maxPages: pages * 2,
    external: { enabled: false },
    cloaking: { enabled: false },
  });
  const crawlSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const checksStarted = process.hrtime.bigint();
  const report = evaluateCrawl(result, { now: new Date('2026-11-24T02:00:00Z') });
  const checkSeconds = Number(process.hrtime.bigint() - checksStarted) / 1e9;
  const broken = report.findings.filter((f) => f.code === 'N8.broken').length;
  console.log(
    `gongkai crawler: ${result.pages.length} URLs in ${crawlSeconds.toFixed(2)} s (${(result.pages.length / crawlSeconds).toFixed(0)}/s), ${broken} broken links; checks ${checkSeconds.toFixed(2)} s`,
  );

  if (!hasLinkchecker()) {
    console.log('linkchecker: not installed (apt-get install -y linkchecker); comparison skipped');
  } else {
    const lc = await runLinkchecker(site.url);
    console.log(`linkchecker: ${lc.checked ?? '?'} links in ${lc.seconds.toFixed(2)} s (exit ${lc.status})`);
    console.log(`ours / linkchecker = ${(crawlSeconds / lc.seconds).toFixed(2)} (below 1: ours is faster)`);
  }
} finally {
  site.stop();
}
