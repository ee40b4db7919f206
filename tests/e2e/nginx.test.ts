import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { securityHeaders } from '../../src/platform/page-cache/cache.js';
import { startAsReadmeSays } from '../helpers/as-readme.js';
import { eventually } from '../helpers/eventually.js';
import { nginxAvailable, requestFrom, startNginx, unavailablePage, writePublishedFiles, type RunningNginx } from '../helpers/nginx.js';
import type { RunningService } from '../helpers/service.js';

/*
 * Issue 20, production layout: Debian's nginx with the shipped deploy/nginx.conf in front of a real gongkai
 * (started as the README says). Published files are served byte for byte by nginx, only the dynamic routes reach
 * gongkai, staff functions only from allowed addresses (N20), and with gongkai stopped the published site stays up.
 */

const available = nginxAvailable();
const describeNginx = available ? describe : describe.skip;

/** The visitor: another loopback address than nginx's own, so the address gongkai records tells them apart. */
const visitor = '127.0.0.2';
const staff = '127.0.0.1';

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** A PUBLISH_DIR as the publisher lays it out (fileOfUrl), each file with bytes of its own, and the types nginx must send. */
const published: { url: string; type: string; bytes: string }[] = [
  { url: '/', type: 'text/html; charset=utf-8', bytes: '<!doctype html><title>首页</title><p>固定的首页字节 1</p>' },
  { url: '/columns/nginx-fixture', type: 'text/html; charset=utf-8', bytes: '<p>栏目第 1 页</p>' },
  { url: '/columns/nginx-fixture?page=3', type: 'text/html; charset=utf-8', bytes: '<p>栏目第 3 页</p>' },
  { url: '/documents/nginxdoc1', type: 'text/html; charset=utf-8', bytes: '<p>关于做好防汛工作的通知</p>' },
  { url: '/documents/nginxdoc1/charts/1.svg', type: 'image/svg+xml; charset=utf-8', bytes: '<svg xmlns="http://www.w3.org/2000/svg"/>' },
  { url: '/feed.xml', type: 'application/rss+xml; charset=utf-8', bytes: '<?xml version="1.0"?><rss version="2.0"><channel/></rss>' },
  {
    url: '/atom.xml',
    type: 'application/atom+xml; charset=utf-8',
    bytes: '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"/>',
  },
  { url: '/columns/nginx-fixture/feed.xml', type: 'application/rss+xml; charset=utf-8', bytes: '<rss version="2.0"><!-- 栏目 --></rss>' },
  { url: '/sitemap.xml', type: 'application/xml; charset=utf-8', bytes: '<?xml version="1.0"?><urlset/>' },
  { url: '/robots.txt', type: 'text/plain; charset=utf-8', bytes: 'User-agent: *\nSitemap: /sitemap.xml\n' },
  { url: '/static/site.css', type: 'text/css; charset=utf-8', bytes: 'body { color: #222; }\n' },
  { url: '/media/fixture-file.pdf', type: 'application/pdf', bytes: '%PDF-1.4 固定附件\n' },
];

let root: string;
let service: (RunningService & { dataDir: string }) | undefined;
let nginx: RunningNginx | undefined;

function gongkaiLog(): string {
  const file = path.join(service!.dataDir, 'logs/access.log');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
}

/** gongkai's access-log lines for a request target, once there are `count` (it writes each as the answer has gone). */
async function gongkaiLines(method: string, target: string, count = 1): Promise<string[]> {
  const lines = () =>
    gongkaiLog()
      .split('\n')
      .filter((line) => line.includes(`"${method} ${target} HTTP/`));
  // None expected: give a stray line the same moment to appear.
  if (count === 0) await new Promise((resolve) => setTimeout(resolve, 300));
  else await eventually(async () => lines().length >= count);
  return lines();
}

async function expectPublishedFilesServed() {
  for (const file of published) {
    const answer = await requestFrom(visitor, nginx!.url, file.url);
    expect({ url: file.url, status: answer.status, type: answer.headers['content-type'] }).toEqual({
      url: file.url,
      status: 200,
      type: file.type,
    });
    expect(sha256(answer.body)).toBe(sha256(file.bytes));
  }
}

beforeAll(async () => {
  if (!available) return;
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-publish-'));
  writePublishedFiles(root, published);
  fs.writeFileSync(path.join(root, '.manifest.tmp'), 'never served');
  // As the README says for nginx in front: gongkai trusts the proxy on loopback for the visitor's address.
  service = await startAsReadmeSays({ GONGKAI_TRUST_PROXY: 'loopback' });
  nginx = await startNginx({ root, upstreamPort: Number(new URL(service.url).port), staff: [staff] });
}, 300_000);

afterAll(async () => {
  await nginx?.stop();
  await service?.stop();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describeNginx('deploy/nginx.conf with Debian nginx in front of gongkai', () => {
  test('published pages come from the files, byte for byte, with their types, the security headers and no-cache', async () => {
    await expectPublishedFilesServed();
    for (const url of ['/', '/columns/nginx-fixture?page=3', '/documents/nginxdoc1', '/feed.xml']) {
      const answer = await requestFrom(visitor, nginx!.url, url);
      for (const [name, value] of Object.entries(securityHeaders)) expect(answer.headers[name.toLowerCase()]).toBe(value);
      expect(answer.headers['cache-control']).toBe('no-cache');
      // Conditional requests work as with gongkai's own cache: a cheap 304.
      const again = await requestFrom(visitor, nginx!.url, url, { headers: { 'If-None-Match': String(answer.headers.etag) } });
      expect(again.status).toBe(304);
    }
    expect((await requestFrom(visitor, nginx!.url, '/static/site.css')).headers['cache-control']).toBe('max-age=86400');
    // ?page=1 is the first page, and HEAD answers from the file too.
    expect(sha256((await requestFrom(visitor, nginx!.url, '/columns/nginx-fixture?page=1')).body)).toBe(sha256('<p>栏目第 1 页</p>'));
    const head = await requestFrom(visitor, nginx!.url, '/documents/nginxdoc1', { method: 'HEAD' });
    expect([head.status, head.headers['content-length'], head.body.length]).toEqual([
      200,
      String(Buffer.byteLength(published[3].bytes)),
      0,
    ]);
    // None of these reached gongkai.
    expect(await gongkaiLines('GET', '/documents/nginxdoc1', 0)).toEqual([]);
    expect(await gongkaiLines('GET', '/columns/nginx-fixture?page=3', 0)).toEqual([]);
  });

  test('dot-files are refused', async () => {
    const answer = await requestFrom(visitor, nginx!.url, '/.manifest.tmp');
    expect(answer.status).toBe(403);
    expect(answer.body.toString()).toContain('禁止访问');
    expect(answer.body.toString()).not.toContain('never served');
  });

  test('an unknown query, an unpublished address and every POST go to gongkai', async () => {
    const other = await requestFrom(visitor, nginx!.url, '/columns/nginx-fixture?page=3&sort=new');
    expect(other.status).toBe(404);
    expect(other.body.toString()).toContain('页面不存在');
    expect(await gongkaiLines('GET', '/columns/nginx-fixture?page=3&sort=new')).toHaveLength(1);
    const leadingZero = await requestFrom(visitor, nginx!.url, '/columns/nginx-fixture?page=03');
    expect(sha256(leadingZero.body)).not.toBe(sha256('<p>栏目第 3 页</p>'));
    expect(await gongkaiLines('GET', '/columns/nginx-fixture?page=03')).toHaveLength(1);
    expect((await requestFrom(visitor, nginx!.url, '/documents/notpublished')).status).toBe(404);
    expect(await gongkaiLines('GET', '/documents/notpublished')).toHaveLength(1);
    // A POST to a published address is not answered from its file.
    const post = await requestFrom(visitor, nginx!.url, '/documents/nginxdoc1', { method: 'POST', body: '' });
    expect(sha256(post.body)).not.toBe(sha256(published[3].bytes));
    expect(await gongkaiLines('POST', '/documents/nginxdoc1')).toHaveLength(1);
  });

  test('search, a form post, the Admin UI and the API reach gongkai, which records the visitor address (N17: nginx logs it combined)', async () => {
    const search = await requestFrom(visitor, nginx!.url, '/search?q=%E9%98%B2%E6%B1%9B');
    expect(search.status).toBe(200);
    expect(search.body.toString()).toContain('搜索');
    // gongkai and nginx both record the visitor (127.0.0.2), not nginx's own address (127.0.0.1).
    expect((await gongkaiLines('GET', '/search?q=%E9%98%B2%E6%B1%9B')).map((line) => line.split(' ')[0])).toEqual([visitor]);
    // gongkai's own headers pass through once, not doubled by nginx's.
    expect(search.headers['content-security-policy']).toBe(securityHeaders['Content-Security-Policy']);
    expect(search.headers['x-frame-options']).toBe(securityHeaders['X-Frame-Options']);
    // nginx writes its line once the answer has gone.
    const combined = /^127\.0\.0\.2 - - \[[^\]]+\] "GET \/search\?q=%E9%98%B2%E6%B1%9B HTTP\/1\.1" 200 \d+ "-" "-"$/m;
    await eventually(async () => combined.test(fs.readFileSync(nginx!.accessLog, 'utf8')));
    expect(fs.readFileSync(nginx!.accessLog, 'utf8')).toMatch(combined);

    // The mailbox form without its token: gongkai's own refusal, in Chinese.
    const form = await requestFrom(visitor, nginx!.url, '/mailbox/new', {
      method: 'POST',
      body: 'kind=consultation&title=%E6%B5%8B%E8%AF%95',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBeGreaterThanOrEqual(400);
    expect(form.body.toString()).toContain('提交未成功');
    expect((await gongkaiLines('POST', '/mailbox/new')).map((line) => line.split(' ')[0])).toEqual([visitor]);

    const admin = await requestFrom(staff, nginx!.url, '/admin');
    expect(admin.status).not.toBe(403);
    expect(await gongkaiLines('GET', '/admin')).toHaveLength(1);
    const api = await requestFrom(staff, nginx!.url, '/api/graphql', {
      method: 'POST',
      body: JSON.stringify({ query: '{ __typename }' }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(JSON.parse(api.body.toString())).toEqual({ data: { __typename: 'Query' } });
    expect((await requestFrom(visitor, nginx!.url, '/healthz')).body.toString()).toBe('{"status":"ok"}');
    // A body over nginx's default 1 MB reaches gongkai (uploads go through /api/graphql).
    const large = await requestFrom(staff, nginx!.url, '/api/graphql', {
      method: 'POST',
      body: JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(3 * 1024 * 1024) }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(large.body.toString()).not.toContain('<center>nginx</center>');
    expect(await gongkaiLines('POST', '/api/graphql', 2)).toHaveLength(2);
  });

  test('N20: staff functions only from allowed addresses, refused by nginx before gongkai', async () => {
    for (const target of ['/admin', '/admin/signin', '/api/graphql', '/preview/documents/x', '/oplog/operations.csv']) {
      const answer = await requestFrom(visitor, nginx!.url, target);
      expect({ target, status: answer.status }).toEqual({ target, status: 403 });
      expect(answer.body.toString()).toContain('禁止访问（403）');
    }
    expect(gongkaiLog()).not.toMatch(/^127\.0\.0\.2 .*"GET \/(admin|api|preview|oplog)/m);
  });

  test('with gongkai stopped, every published page is still served and dynamic routes answer the Chinese unavailable page', async () => {
    await service!.stop();
    await expectPublishedFilesServed();
    const page = fs.readFileSync(unavailablePage);
    for (const [method, target] of [
      ['GET', '/search?q=x'],
      ['POST', '/mailbox/new'],
      ['GET', '/columns/nginx-fixture?page=3&sort=new'],
      ['GET', '/documents/notpublished'],
    ]) {
      const answer = await requestFrom(visitor, nginx!.url, target, { method, body: method === 'POST' ? 'a=1' : undefined });
      expect({ target, status: answer.status, type: answer.headers['content-type'] }).toEqual({
        target,
        status: 503,
        type: 'text/html; charset=utf-8',
      });
      expect(sha256(answer.body)).toBe(sha256(page));
    }
    expect(page.toString()).toContain('服务暂时不可用');
  });
});
