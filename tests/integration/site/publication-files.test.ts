import { describe, expect, test, beforeAll, jest } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seededApi } from '../../helpers/seeded-api.js';
import { startPublishing, siteRenderer } from '../../../src/app/publishing.js';
import { siteFeatures } from '../../../src/app/site-features.js';
import { Publisher } from '../../../src/site/static/publisher.js';
import { parseManifest, sha256Hex } from '../../../src/site/static/core/manifest.js';
import { pageCacheFor } from '../../../src/platform/page-cache/cache.js';
import { securityHeaders } from '../../../src/platform/page-cache/cache.js';
import { servePublishedFiles } from '../../../src/site/static/serve.js';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { publishItems } from '../../../src/workflow/operations/publication.js';

/*
 * The public site as files (issue 20): publication writes the pages a change touches, atomically, and a
 * withdrawal takes its files away in the same step; the manifest says what was published, and each
 * publication is recorded with the manifest's hash.
 */

// Seeding the demo template can take over a minute on a busy machine.
jest.setTimeout(300_000);
const { state, act } = seededApi(['bangongshi']);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-site-'));
const siteDir = path.join(dir, 'site');
const manifestPath = path.join(dir, 'site-manifest.json');
const at = new Date('2026-11-24T02:00:00Z');
let publisher: Publisher;

const read = (file: string) => fs.readFileSync(path.join(siteDir, file), 'utf8');
const exists = (file: string) => fs.existsSync(path.join(siteDir, file));
const manifest = () => parseManifest(fs.readFileSync(manifestPath, 'utf8'));
function filesOnDisk(): string[] {
  return fs
    .readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(siteDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}
const snapshot = () => Object.fromEntries(filesOnDisk().map((f) => [f, sha256Hex(fs.readFileSync(path.join(siteDir, f)))]));
const publications = () => state.t.context.sudo().prisma.sitePublication.findMany({ orderBy: { at: 'asc' } });

beforeAll(async () => {
  publisher = startPublishing(state.t.context, { directory: siteDir, manifestPath, hook: null, now: () => at });
  await publisher.sync(null, { reason: '全站重建' });
}, 120_000);

describe('publication writes files', () => {
  test('the whole site is published, and the manifest gives each file its sha256 and size; the record holds its hash', async () => {
    const files = manifest().files;
    for (const f of [
      'index.html',
      'sitemap.xml',
      'robots.txt',
      'feed.xml',
      'atom.xml',
      'static/site.css',
      'disclosure/catalogue/index.html',
    ])
      expect(files[f]).toBeDefined();
    expect(Object.keys(files).some((f) => /^columns\/[a-z0-9-]+\/index\.html$/.test(f))).toBe(true);
    expect(Object.keys(files).some((f) => /^documents\/[a-z0-9]+\/index\.html$/.test(f))).toBe(true);
    expect(Object.keys(files).some((f) => /^mailbox\/[a-z0-9]+\/index\.html$/.test(f))).toBe(true);
    // Pages with a form token stay dynamic.
    expect(files['mailbox/new/index.html']).toBeUndefined();
    expect(files['disclosure/apply/index.html']).toBeUndefined();
    expect(filesOnDisk()).toEqual(Object.keys(files).sort());
    for (const [file, entry] of Object.entries(files)) {
      const bytes = fs.readFileSync(path.join(siteDir, file));
      expect({ file, sha256: sha256Hex(bytes), size: bytes.length }).toEqual({ file, sha256: entry.sha256, size: entry.size });
    }
    expect(files['index.html'].type).toBe('text/html; charset=utf-8');
    expect(files['index.html'].item).toBe('home');
    const [first] = await publications();
    expect(first).toMatchObject({ reason: '全站重建', files: Object.keys(files).length, removed: 0 });
    expect(first.manifestHash).toBe(sha256Hex(fs.readFileSync(manifestPath)));
  });

  test('stable bytes: rendering the site again gives the same bytes, so a rebuild writes nothing and the check finds nothing', async () => {
    const before = snapshot();
    const again = await publisher.sync(null);
    expect(again.written).toEqual([]);
    expect(again.removed).toEqual([]);
    expect(snapshot()).toEqual(before);
    expect(await publisher.check()).toEqual([]);
    expect(await publications()).toHaveLength(1);
  }, 120_000);

  test('withdrawal (撤回) removes the page and updates its lists, home, feeds and sitemap in the same step', async () => {
    const prisma = state.t.context.sudo().prisma;
    const doc = await prisma.document.findFirstOrThrow({
      where: { status: 'published', disclosure: 'proactive', columns: { some: { slug: 'mzdt' } } },
      orderBy: { publishedAt: 'desc' },
    });
    const page = `documents/${doc.id}/index.html`;
    const link = `/documents/${doc.id}`;
    expect(exists(page)).toBe(true);
    expect(read('columns/mzdt/index.html')).toContain(link);
    expect(read('feed.xml')).toContain(link);
    const result = await act('bangongshi', 'withdrawDocument', doc.id, ', reason: "信息有误"');
    expect(result.data?.withdrawDocument.status).toBe('withdrawn');
    // No waiting: when withdraw returns, the files show it.
    expect(exists(page)).toBe(false);
    expect(exists(`documents/${doc.id}`)).toBe(false);
    for (const file of ['columns/mzdt/index.html', 'feed.xml', 'atom.xml', 'columns/mzdt/feed.xml', 'sitemap.xml'])
      expect(read(file)).not.toContain(link);
    expect(manifest().files[page]).toBeUndefined();
    const last = (await publications()).at(-1)!;
    expect(last.removed).toBeGreaterThanOrEqual(1);
    expect(last.manifestHash).toBe(sha256Hex(fs.readFileSync(manifestPath)));

    // Published again through the publication operation: its page, its column's first list page, home, feeds, sitemap.
    await publishItems(state.t.context, [{ listKey: 'Document', id: doc.id }], { action: 'applyRevision', actor: null, at: new Date() });
    expect(exists(page)).toBe(true);
    const entry = manifest().files[page];
    expect(entry.sha256).toBe(sha256Hex(fs.readFileSync(path.join(siteDir, page))));
    expect(entry.item).toBe(`document:${doc.id}`);
    expect(entry.tags).toContain(`doc:${doc.id}`);
    for (const file of ['columns/mzdt/index.html', 'index.html', 'feed.xml', 'columns/mzdt/feed.xml', 'sitemap.xml'])
      expect(read(file)).toContain(link);
    expect(filesOnDisk()).toEqual(Object.keys(manifest().files).sort());
    expect(await publisher.check()).toEqual([]);
  }, 120_000);

  test('a render failing mid-sync leaves the old files and manifest as they were, and no temporary file', async () => {
    const prisma = state.t.context.sudo().prisma;
    const before = snapshot();
    const manifestBefore = fs.readFileSync(manifestPath, 'utf8');
    const rowsBefore = (await publications()).length;
    const settings = await prisma.siteSettings.findFirstOrThrow();
    await prisma.siteSettings.update({ where: { id: settings.id }, data: { siteName: '改名后的网站' } });
    // Every page changes. The site's frame is read again (the cache's generation moves) without an invalidation,
    // which the running publisher would follow: only the failing publisher below renders.
    pageCacheFor(state.t.context).generation++;
    const render = siteRenderer(state.t.context);
    let calls = 0;
    const failing = new Publisher({
      context: state.t.context,
      features: siteFeatures,
      directory: siteDir,
      manifestPath,
      now: () => at,
      render: async (url) => {
        if (++calls === 40) throw new Error('模拟的渲染失败');
        return render(url);
      },
    });
    await expect(failing.sync(null)).rejects.toThrow('模拟的渲染失败');
    expect(snapshot()).toEqual(before);
    expect(fs.readFileSync(manifestPath, 'utf8')).toBe(manifestBefore);
    expect(filesOnDisk().filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(await publications()).toHaveLength(rowsBefore);
    await prisma.siteSettings.update({ where: { id: settings.id }, data: { siteName: settings.siteName } });
    pageCacheFor(state.t.context).generation++;
  }, 120_000);

  test('the embedded server answers from the published files, byte for byte with the security headers; a withdrawn page is 404 at once', async () => {
    const server = http.createServer(state.app as unknown as http.RequestListener);
    servePublishedFiles(server, publisher);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const doc = await state.t.context.sudo().prisma.document.findFirstOrThrow({
        where: { status: 'published', disclosure: 'proactive', columns: { some: { slug: 'mzdt' } } },
        orderBy: { publishedAt: 'asc' },
      });
      const file = `documents/${doc.id}/index.html`;
      const res = await fetch(`${base}/documents/${doc.id}`);
      const body = Buffer.from(await res.arrayBuffer());
      expect(res.status).toBe(200);
      expect(sha256Hex(body)).toBe(manifest().files[file].sha256);
      for (const [name, value] of Object.entries(securityHeaders)) expect(res.headers.get(name)).toBe(value);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const etag = res.headers.get('etag')!;
      expect((await fetch(`${base}/documents/${doc.id}`, { headers: { 'if-none-match': etag } })).status).toBe(304);
      // The bytes come from the file: what is on disk is what is served.
      const original = fs.readFileSync(path.join(siteDir, file));
      fs.writeFileSync(path.join(siteDir, file), Buffer.concat([original, Buffer.from('<!-- 磁盘上的文件 -->')]));
      expect(await (await fetch(`${base}/documents/${doc.id}`)).text()).toContain('<!-- 磁盘上的文件 -->');
      fs.writeFileSync(path.join(siteDir, file), original);
      // A list page with ?page=1 is not a file address: the dynamic site answers it.
      expect((await fetch(`${base}/columns/mzdt`)).status).toBe(200);

      await act('bangongshi', 'withdrawDocument', doc.id, ', reason: "信息有误"');
      const gone = await fetch(`${base}/documents/${doc.id}`);
      expect(gone.status).toBe(404);
      expect(await gone.text()).toContain('页面不存在');
      expect(fs.existsSync(path.join(siteDir, file))).toBe(false);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 120_000);

  test('a round over the whole site that no one waits on renders few pages at once, leaving the process to its requests; a rebuild with progress renders many', async () => {
    const render = siteRenderer(state.t.context);
    let inFlight = 0;
    let most = 0;
    const publisher = new Publisher({
      context: state.t.context,
      features: siteFeatures,
      directory: fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-site-rounds-')),
      manifestPath: path.join(dir, 'rounds-manifest.json'),
      now: () => at,
      hook: null,
      concurrency: 12,
      backgroundConcurrency: 2,
      render: async (url) => {
        most = Math.max(most, ++inFlight);
        try {
          return await render(url);
        } finally {
          inFlight--;
        }
      },
    });
    // The server's start round, or a change of the site's frame.
    await publisher.sync(null, { reason: '启动时核对发布目录' });
    expect(most).toBe(2);
    most = 0;
    // `gongkai publish --all`: someone watches its progress.
    await publisher.sync(null, { reason: '全站重建', onProgress: () => {} });
    expect(most).toBe(12);
  }, 120_000);

  test('PUBLISH_HOOK gets the changed and removed paths on stdin, one a line, run in the published directory', async () => {
    const out = path.join(dir, 'hook.txt');
    const withHook = new Publisher({
      context: state.t.context,
      features: siteFeatures,
      directory: siteDir,
      manifestPath,
      now: () => at,
      render: siteRenderer(state.t.context),
      hook: `pwd > ${JSON.stringify(out)}; cat >> ${JSON.stringify(out)}`,
    });
    const robots = fs.readFileSync(path.join(siteDir, 'robots.txt'));
    fs.writeFileSync(path.join(siteDir, 'robots.txt'), 'User-agent: *\nDisallow:\n');
    fs.writeFileSync(path.join(siteDir, 'extra.html'), '<p>不在清单中</p>');
    const result = await withHook.sync(null, { repair: true, reason: '修复' });
    await withHook.hooksDone();
    expect(result.written).toEqual(['robots.txt']);
    expect(result.removed).toEqual(['extra.html']);
    expect(fs.readFileSync(path.join(siteDir, 'robots.txt'))).toEqual(robots);
    expect(fs.readFileSync(out, 'utf8')).toBe(`${fs.realpathSync(siteDir)}\nrobots.txt\nextra.html\n`);
  }, 120_000);
});
