import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { verifyPublishedSite } from '../../../src/monitor/verify.js';
import { OutboundPolicy } from '../../../src/platform/http/outbound.js';
import type { Manifest } from '../../../src/site/static/core/manifest.js';
import { publishedPage, serveDirectory, writePublishedSite, type LiveSite } from '../../helpers/published-site.js';

// N9 网页篡改 when the web server serves PUBLISH_DIR itself: the tampered file is the published one, so the
// expected bytes come from rendering the URL again (`expectedBytes`), used only when their hash is the manifest's.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-verify-expected-'));
const pages: Record<string, string> = {
  '/': publishedPage('临沧市民政局', '<p><a href="/documents/a">春节救助通知</a></p>'),
  '/documents/a': publishedPage('春节救助通知', '<h1>春节救助通知</h1><p>关于做好2026年春节期间困难群众救助工作的通知</p>'),
};
const at = new Date('2026-02-03T01:00:00Z');
let manifest: Manifest;
let site: LiveSite;

beforeAll(async () => {
  manifest = writePublishedSite(root, pages);
  site = await serveDirectory(root);
  // The published file itself is changed: nothing on disk still has the bytes the manifest lists.
  fs.writeFileSync(path.join(root, 'documents/a/index.html'), pages['/documents/a'].replace('春节期间', '春季期间'));
});
afterAll(async () => {
  await site.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const check = (expectedBytes?: (url: string) => Promise<Buffer | null>) =>
  verifyPublishedSite({
    baseUrl: site.origin,
    manifest,
    publishDir: root,
    now: () => at,
    expectedBytes,
    outbound: OutboundPolicy.none.trustingOrigin(site.origin),
  });

describe('N9: the expected side of a difference when PUBLISH_DIR itself was tampered with', () => {
  test('N9: the page rendered again, with the manifest hash, gives the text difference', async () => {
    const asked: string[] = [];
    const run = await check(async (url) => {
      asked.push(url);
      return Buffer.from(pages[url] ?? '');
    });
    expect(run.findings.map((f) => `${f.ruleId} ${f.kind} ${f.url}`)).toEqual(['N9 changed /documents/a']);
    expect(run.findings[0].difference).toEqual(
      expect.arrayContaining(['- 关于做好2026年春节期间困难群众救助工作的通知', '+ 关于做好2026年春季期间困难群众救助工作的通知']),
    );
    // Only the page that differs is rendered again, once.
    expect(asked).toEqual(['/documents/a']);
  });

  test("N9: a rendering whose hash is not the manifest's (the data moved on) is not used: hashes only", async () => {
    const run = await check(async (url) => Buffer.from((pages[url] ?? '').replace('困难群众', '群众')));
    const [finding] = run.findings;
    expect(`${finding.kind} ${finding.url}`).toBe('changed /documents/a');
    expect(finding.difference.join('\n')).not.toContain('春节期间');
    expect(finding.expectedSha256).toBe(manifest.files['documents/a/index.html'].sha256);
    const without = await check();
    expect(without.findings.map((f) => f.difference)).toEqual(run.findings.map((f) => f.difference));
  });

  test('N9: a failing rendering leaves the finding as without one', async () => {
    const run = await check(async () => {
      throw new Error('数据库不可用');
    });
    expect(run.findings.map((f) => `${f.kind} ${f.url}`)).toEqual(['changed /documents/a']);
  });
});
