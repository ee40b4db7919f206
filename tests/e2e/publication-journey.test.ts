import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { demoPassword } from '../../src/app/demo.js';
import { projectRoot } from '../../src/platform/config/env.js';
import { fileOfUrl, parseManifest, type Manifest } from '../../src/site/static/core/manifest.js';
import { startAsReadmeSays } from '../helpers/as-readme.js';
import { eventually } from '../helpers/eventually.js';
import { nginxAvailable, requestFrom, startNginx, unavailablePage, type RunningNginx } from '../helpers/nginx.js';
import { freshPostgres } from '../helpers/postgres.js';
import { localRobot } from '../helpers/published-site.js';
import type { RunningService } from '../helpers/service.js';

/*
 * Issue 20's acceptance, end to end: gongkai started as the README says, Debian's nginx with the shipped
 * deploy/nginx.conf in front, its root gongkai's own PUBLISH_DIR (<data dir>/site). A document drafted, reviewed
 * and published through the API appears at once in the directory and through nginx on every page that lists it,
 * and leaves them all when withdrawn; with gongkai stopped nginx still serves every published file. Then the
 * published site is tampered with four ways, `gongkai verify` finds each (N9) and alerts once, and
 * `gongkai publish --repair` restores it. Bytes are compared everywhere: nginx's answer = the file = the manifest.
 */

const available = nginxAvailable();
const describeNginx = available ? describe : describe.skip;

const visitor = '127.0.0.2';
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-journey-'));
const publishDir = path.join(dataDir, 'site');
let env: Record<string, string>;
let postgres: Awaited<ReturnType<typeof freshPostgres>> | null = null;
let service: (RunningService & { dataDir: string }) | undefined;
let nginx: RunningNginx | undefined;
let robot: Awaited<ReturnType<typeof localRobot>>;

const manifest = (): Manifest => parseManifest(fs.readFileSync(path.join(dataDir, 'site-manifest.json'), 'utf8'));
const entryOf = (url: string) => Object.values(manifest().files).find((e) => e.url === url);
const fileBytes = (url: string) => fs.readFileSync(path.join(publishDir, fileOfUrl(url)!));

beforeAll(async () => {
  if (!available) return;
  // nginx's workers (nobody, as the tests run as root) read the published directory inside the data folder.
  fs.chmodSync(dataDir, 0o755);
  // As the README says for nginx in front.
  env = { GONGKAI_TRUST_PROXY: 'loopback' };
  // The PostgreSQL pass: a database of this file's own, so the CLI runs below reach the service's data.
  if (process.env.TEST_DATABASE === 'postgresql') {
    postgres = await freshPostgres();
    env.DATABASE_URL = postgres.url;
  }
  service = await startAsReadmeSays(env, dataDir);
  // The first start publishes the demo site into PUBLISH_DIR.
  await eventually(async () => fs.existsSync(path.join(dataDir, 'site-manifest.json')), 120_000);
  nginx = await startNginx({ root: publishDir, upstreamPort: Number(new URL(service.url).port) });
  robot = await localRobot();
}, 300_000);

afterAll(async () => {
  await nginx?.stop();
  await service?.stop();
  await robot?.close();
  await postgres?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** GraphQL over HTTP, as the Admin UI sends it; `cookie` is a signed-in session. */
async function graphql(query: string, variables: Record<string, unknown> = {}, cookie?: string) {
  const res = await fetch(`${service!.url}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { body: (await res.json()) as { data?: Record<string, any>; errors?: { message: string }[] }, res };
}

const sessions: Record<string, string> = {};
async function as(username: string, query: string, variables: Record<string, unknown> = {}) {
  if (!sessions[username]) {
    const { res, body } = await graphql(
      `mutation($u: String!, $p: String!) { authenticateUserWithPassword(username: $u, password: $p) {
        ... on UserAuthenticationWithPasswordSuccess { item { id } } } }`,
      { u: username, p: demoPassword },
    );
    const cookies = res.headers.getSetCookie();
    if (!cookies.length) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(body)}`);
    sessions[username] = cookies.map((c) => c.split(';')[0]).join('; ');
  }
  const { body } = await graphql(query, variables, sessions[username]);
  if (body.errors?.length) throw new Error(`${username}: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data!;
}

const act = async (username: string, mutation: string, id: string, extra = '') =>
  (await as(username, `mutation($id: ID!) { ${mutation}(where: { id: $id }${extra}) { id status } }`, { id }))[mutation].status as string;

/** nginx's answer for a published URL is the file is the manifest's entry, byte for byte. */
async function expectServedAsPublished(url: string): Promise<Buffer> {
  const entry = entryOf(url);
  expect({ url, listed: Boolean(entry) }).toEqual({ url, listed: true });
  const answer = await requestFrom(visitor, nginx!.url, url);
  expect({ url, status: answer.status }).toEqual({ url, status: 200 });
  expect([url, sha256(answer.body)]).toEqual([url, sha256(fileBytes(url))]);
  expect([url, sha256(answer.body)]).toEqual([url, entry!.sha256]);
  return answer.body;
}

function gongkai(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // The service's own environment and data folder, as an operator runs the command beside it.
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin/gongkai.js'), ...args], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? os.homedir(), GONGKAI_DATA_DIR: dataDir, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

const title = '关于做好2026年冬春临时救助工作的通知';
const columns = ['tzgg', 'linshi'];
const listPages = columns.map((slug) => `/columns/${slug}`);
const feeds = ['/feed.xml', '/atom.xml', ...columns.map((slug) => `/columns/${slug}/feed.xml`)];

describeNginx('issue 20 acceptance: publication through nginx, tampering found and repaired', () => {
  test('a document drafted, reviewed and published is at once in the directory and through nginx everywhere; withdrawn, gone from each; gongkai stopped, nginx serves every published file', async () => {
    // The editor drafts into two columns, the office reviews, the leader publishes: the real workflow over HTTP.
    const columnIds = (await as('jiuzhu', `query { columns(where: { slug: { in: ${JSON.stringify(columns)} } }) { id } }`)).columns.map(
      (c: { id: string }) => ({ id: c.id }),
    );
    expect(columnIds).toHaveLength(2);
    const created = await as('jiuzhu', 'mutation($data: DocumentCreateInput!) { createDocument(data: $data) { id } }', {
      data: { title, disclosure: 'proactive', columns: { connect: columnIds } },
    });
    const id = created.createDocument.id as string;
    const page = `/documents/${id}`;
    expect(['submitted', 'officeReview']).toContain(await act('jiuzhu', 'submitDocument', id));
    expect(await act('bangongshi', 'officeApproveDocument', id, ', confidentialityConclusion: "不涉密，同意公开"')).toBe('leaderApproval');
    expect(await act('lingdao', 'approveDocument', id)).toBe('published');

    // At once: the operation returned when the files were written; no waiting here.
    const shows = [page, ...listPages, '/', ...feeds, '/sitemap.xml'];
    for (const url of shows) {
      const bytes = (await expectServedAsPublished(url)).toString('utf8');
      expect([url, bytes.includes(url === page ? title : page)]).toEqual([url, true]);
    }
    expect(entryOf(page)!.item).toBe(`document:${id}`);

    // 撤回公开: the office withdraws it; its file is gone, and it leaves every page that showed it.
    expect(await act('bangongshi', 'withdrawDocument', id, ', reason: "通知内容已调整"')).toBe('withdrawn');
    expect(fs.existsSync(path.join(publishDir, fileOfUrl(page)!))).toBe(false);
    expect(entryOf(page)).toBeUndefined();
    const gone = await requestFrom(visitor, nginx!.url, page);
    expect(gone.status).toBe(404);
    // The 404 page is gongkai's, through nginx, the same bytes it answers directly.
    const direct = await fetch(`${service!.url}${page}`);
    expect(direct.status).toBe(404);
    expect(sha256(gone.body)).toBe(sha256(Buffer.from(await direct.arrayBuffer())));
    for (const url of shows.slice(1)) {
      const bytes = (await expectServedAsPublished(url)).toString('utf8');
      expect([url, bytes.includes(page), bytes.includes(title)]).toEqual([url, false, false]);
    }

    // gongkai stopped: every file of the manifest is still served by nginx, byte for byte; dynamic routes get
    // the unavailable page.
    await service!.stop();
    const entries = Object.values(manifest().files);
    expect(entries.length).toBeGreaterThan(50);
    for (const entry of entries) {
      const answer = await requestFrom(visitor, nginx!.url, entry.url);
      expect([entry.url, answer.status, sha256(answer.body)]).toEqual([entry.url, 200, entry.sha256]);
    }
    const unavailable = fs.readFileSync(unavailablePage);
    for (const target of ['/search?q=%E6%95%91%E5%8A%A9', page]) {
      const answer = await requestFrom(visitor, nginx!.url, target);
      expect([target, answer.status, sha256(answer.body)]).toEqual([target, 503, sha256(unavailable)]);
    }
  }, 300_000);

  test('N9: four kinds of tampering behind nginx are each reported with the difference, exit 1, one alert; publish --repair restores; verify then exits 0', async () => {
    // The monitor's robot, set in the site's settings through the API (gongkai back up, on the same data).
    service = await startAsReadmeSays(env, dataDir);
    await as('xinxi', 'mutation($w: String!) { updateMonitorSettings(data: { webhooks: $w }) { id } }', { w: `企业微信 ${robot.url}` });
    // The robot is on this machine: allow-listed (issue 14 #10), as an intranet robot would be.
    await as('xinxi', 'mutation { updateSiteSettings(data: { outboundAllowList: "127.0.0.1" }) { id } }');

    const pages = Object.values(manifest().files)
      .filter((e) => e.url.startsWith('/documents/') && /html/.test(e.type))
      .map((e) => e.url)
      .sort();
    const [changed, injected, forPhones, shownToPhones] = pages;
    const original = new Map([changed, injected].map((url) => [url, fileBytes(url)]));
    // One character: the first character of the page's <h1>.
    const text = original.get(changed)!.toString('utf8');
    const h1 = /<h1[^>]*>([^<])/.exec(text)!;
    const replacement = h1[1] === '囧' ? '圆' : '囧';
    const at = h1.index + h1[0].length - 1;
    fs.writeFileSync(path.join(publishDir, fileOfUrl(changed)!), text.slice(0, at) + replacement + text.slice(at + 1));
    // A hidden gambling link.
    const gambling = '<div style="display:none"><a href="http://365bet.example/">365bet网投</a></div>';
    fs.writeFileSync(
      path.join(publishDir, fileOfUrl(injected)!),
      original.get(injected)!.toString('utf8').replace('</main>', `${gambling}</main>`),
    );
    // A file no publication wrote.
    fs.mkdirSync(path.join(publishDir, 'notice'), { recursive: true });
    fs.writeFileSync(
      path.join(publishDir, 'notice/bet.html'),
      '<!doctype html><html><head><title>365bet网投</title></head><body><p>365bet网投 官方网站</p></body></html>',
    );
    // Another page for phones: a test-only directive in nginx's server block (the shipped file is untouched), as a
    // compromised web server would be configured.
    await nginx!.stop();
    const upstreamPort = Number(new URL(service.url).port);
    nginx = await startNginx({
      root: publishDir,
      upstreamPort,
      serverExtra: `if ($http_user_agent ~* "iphone|android|mobile") { rewrite ^${forPhones}$ ${shownToPhones} last; }`,
    });
    expect(
      sha256((await requestFrom(visitor, nginx.url, forPhones, { headers: { 'user-agent': 'Mozilla/5.0 (iPhone) Mobile' } })).body),
    ).toBe(entryOf(shownToPhones)!.sha256);

    const found = await gongkai(['verify', nginx.url]);
    expect(found.stderr).not.toContain('gongkai:');
    expect(found.status).toBe(1);
    expect(found.stdout).toContain('发现 4 处与发布时不一致（N9 单项否决）');
    const lines = found.stdout.split('\n');
    // The changed character, as text: the expected side rendered again from the database (PUBLISH_DIR's own
    // file is the one changed).
    expect(lines.some((l) => l.startsWith('[N9] 页面内容被改动：') && l.endsWith(` ${changed}`))).toBe(true);
    expect(lines.some((l) => l.startsWith('  ~ ') && l.includes(`{+${replacement}+}`))).toBe(true);
    expect(
      lines.some(
        (l) =>
          l.startsWith('[N9] 页面被加入链接：a href=http://365bet.example/ 「365bet网投」（隐藏：display:none）') &&
          l.endsWith(` ${injected}）`),
      ),
    ).toBe(true);
    expect(lines).toContain('  + a href=http://365bet.example/ 「365bet网投」（隐藏：display:none）');
    expect(found.stdout).toContain('[N9] 网站上出现未发布的页面：“365bet网投” /notice/bet.html');
    expect(lines).toContain('  + 365bet网投 官方网站');
    expect(lines.some((l) => l.startsWith('[N9] 手机访问看到的内容与发布的不同：') && l.endsWith(` ${forPhones}`))).toBe(true);
    expect(found.stdout).toContain('告警 企业微信：已发送');
    expect(robot.received).toHaveLength(1);
    const alert = JSON.parse(robot.received[0]) as { markdown: { content: string } };
    for (const expected of ['网页防篡改告警', changed, injected, '365bet.example', '/notice/bet.html', forPhones])
      expect(alert.markdown.content).toContain(expected);

    const repaired = await gongkai(['publish', '--repair']);
    expect(repaired.status).toBe(0);
    for (const [url, bytes] of original) expect(sha256(fileBytes(url))).toBe(sha256(bytes));
    expect(fs.existsSync(path.join(publishDir, 'notice/bet.html'))).toBe(false);
    for (const url of [changed, injected]) await expectServedAsPublished(url);

    // The phone rewrite is the web server's configuration, not a published file: no publication can repair it,
    // the operator removes it. nginx with the shipped configuration again:
    await nginx!.stop();
    nginx = await startNginx({ root: publishDir, upstreamPort });
    const clean = await gongkai(['verify', nginx.url]);
    expect(clean.stdout).toContain('全部与发布时一致');
    expect(clean.status).toBe(0);
    expect(robot.received).toHaveLength(1);
  }, 600_000);
});
