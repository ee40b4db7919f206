/*
 * bench/monitor: time for our crawler to check a generated 2,000-page site, against GNU wget's
 * `wget -r --spider` and Debian's `linkchecker` on the same site, in the same run on the same machine.
 *
 * Ours is timed with every check run: the crawl (fetch, decode, extract everything the checks need)
 * plus evaluateCrawl with all the monitor's checks. Target (issue 20): at most 2 times wget's time.
 *
 * wget: `--recursive --level=inf --spider`, same host only (no --span-hosts), robots.txt respected (its
 * default; ours respects it too), no --wait or --limit-rate (ours runs without a rate limit here), a
 * 15 s timeout like ours, and no retries (ours retries only 429 and 503, which this site never sends). What wget does: one request at a time on one keep-alive connection,
 * a HEAD and then a GET for each page, its own tag scanner for links, and a list of broken links. What
 * it does not do: concurrency, decompression, charset detection, text and date extraction, hidden-link
 * detection, or any check. linkchecker: the same concurrency as ours and no rate limit (the site sends
 * the `LinkChecker` header linkchecker asks for before it goes above 10 requests per second).
 *
 * The machine is shared and noisy, so the comparison runs BENCH_ROUNDS times, alternating which tool
 * goes first, and prints the min and the median of the ratios. Our first round runs with the JIT cold,
 * as a one-off `gongkai monitor` does; the later ones as the server's daily run does.
 *
 *   npx tsx bench/monitor.ts          (BENCH_PAGES=2000 BENCH_CONCURRENCY=8 BENCH_ROUNDS=5 by default)
 *
 * wget: `apt-get install -y wget`; linkchecker: `apt-get install -y linkchecker`. Without one of them
 * the script says so and skips that comparison.
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
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5));

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

const installed = (command: string, flag: string) => spawnSync(command, [flag], { stdio: 'ignore' }).status === 0;
const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** wget's wall time, the URLs it fetched and the broken links it found; exit status 8 only means it found broken links. */
function runWget(url: string): Promise<{ seconds: number; status: number | null; fetched: number; broken?: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-wget-'));
  const log = path.join(dir, 'wget.log');
  const args = [
    '--recursive',
    '--level=inf',
    '--spider',
    '--no-directories',
    `--directory-prefix=${path.join(dir, 'files')}`,
    '--no-verbose',
    `--output-file=${log}`,
    '--timeout=15',
    '--tries=1',
    '--max-redirect=5',
    url,
  ];
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const child = spawn('wget', args, { stdio: 'ignore' });
    child.on('close', (status) => {
      const time = seconds(started);
      const out = fs.readFileSync(log, 'utf8');
      fs.rmSync(dir, { recursive: true, force: true });
      const broken = /Found (\d+) broken links?/.exec(out);
      resolve({ seconds: time, status, fetched: out.match(/ URL:/g)?.length ?? 0, broken: broken ? Number(broken[1]) : undefined });
    });
  });
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
      const time = seconds(started);
      fs.rmSync(dir, { recursive: true, force: true });
      const m = /(\d+) links? checked|(\d+) links? in \d+ URLs? checked|(\d+) URLs? checked/i.exec(out);
      resolve({ seconds: time, status, checked: m ? Number(m[1] ?? m[2] ?? m[3]) : undefined });
    });
  });
}

/** Our crawl and every check on its result, timed apart. */
async function runOurs(url: string) {
  const started = process.hrtime.bigint();
  const result = await crawl({
    baseUrl: url,
    // The generated site is on this machine, which outbound requests refuse unless allow-listed.
    outbound: OutboundPolicy.parse('127.0.0.1'),
    concurrency,
    requestsPerSecond: 0,
    maxPages: pages * 2,
    external: { enabled: false },
    cloaking: { enabled: false },
  });
  const crawlSeconds = seconds(started);
  const checksStarted = process.hrtime.bigint();
  const report = evaluateCrawl(result, { now: new Date('2026-11-24T02:00:00Z') });
  const checkSeconds = seconds(checksStarted);
  const broken = report.findings.filter((f) => f.code === 'N8.broken').length;
  return { urls: result.pages.length, crawlSeconds, checkSeconds, seconds: crawlSeconds + checkSeconds, broken };
}

const site = await startSite();
try {
  const withWget = installed('wget', '--version');
  const withLinkchecker = installed('linkchecker', '--version');
  console.log(`site: ${pages} documents in ${sections} sections, concurrency ${concurrency}, ${os.cpus().length} CPUs, ${rounds} rounds`);
  if (!withWget) console.log('wget: not installed (apt-get install -y wget); comparison skipped');
  const ratios: number[] = [];
  const crawlRatios: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    // Alternate who goes first, so a burst of load elsewhere does not always hit the same one.
    const wgetFirst = withWget && round % 2 === 0;
    const wget = wgetFirst ? await runWget(site.url) : undefined;
    const ours = await runOurs(site.url);
    const wgetRun = wget ?? (withWget ? await runWget(site.url) : undefined);
    let line = `round ${round}: gongkai ${ours.seconds.toFixed(2)} s (crawl ${ours.crawlSeconds.toFixed(2)} s + checks ${ours.checkSeconds.toFixed(2)} s, ${ours.urls} URLs, ${(ours.urls / ours.crawlSeconds).toFixed(0)}/s, ${ours.broken} broken links)`;
    if (wgetRun) {
      ratios.push(ours.seconds / wgetRun.seconds);
      crawlRatios.push(ours.crawlSeconds / wgetRun.seconds);
      line += `; wget --spider ${wgetRun.seconds.toFixed(2)} s (${wgetRun.fetched} URLs, ${wgetRun.broken ?? '?'} broken links, exit ${wgetRun.status}); ratio ${(ours.seconds / wgetRun.seconds).toFixed(2)}`;
    }
    console.log(line);
  }
  if (ratios.length) {
    const verdict = median(ratios) <= 2 ? 'met' : 'NOT met';
    console.log(
      `gongkai (crawl + checks) / wget --spider: min ${Math.min(...ratios).toFixed(2)}, median ${median(ratios).toFixed(2)} (target ≤ 2: ${verdict}); crawl alone: min ${Math.min(...crawlRatios).toFixed(2)}, median ${median(crawlRatios).toFixed(2)}`,
    );
  }

  if (!withLinkchecker) {
    console.log('linkchecker: not installed (apt-get install -y linkchecker); comparison skipped');
  } else {
    const ours = await runOurs(site.url);
    const lc = await runLinkchecker(site.url);
    console.log(`linkchecker: ${lc.checked ?? '?'} links in ${lc.seconds.toFixed(2)} s (exit ${lc.status})`);
    console.log(`gongkai crawl / linkchecker = ${(ours.crawlSeconds / lc.seconds).toFixed(2)} (below 1: ours is faster)`);
  }
} finally {
  site.stop();
}
