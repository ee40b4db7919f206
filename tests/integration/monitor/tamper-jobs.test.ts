import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { renderHtml } from '../../../src/monitor/core/index.js';
import { recordProbes, runOwnSiteMonitor } from '../../../src/monitor/runner.js';
import { verifyPublishedSite } from '../../../src/monitor/verify.js';
import { OutboundPolicy } from '../../../src/platform/http/outbound.js';
import { migratedContext, type TestDatabase } from '../../helpers/database.js';
import { publishedPage, serveDirectory, writeManifest, writePublishedSite, type LiveSite } from '../../helpers/published-site.js';
import type { Manifest } from '../../../src/site/static/core/manifest.js';

// N9 in the jobs: the 5-minute probe checks a rotating sample of the published pages, the daily run all
// of them, as a veto section of the own-site report (SQLite, or PostgreSQL with TEST_DATABASE=postgresql).
const now = new Date('2026-03-02T02:00:00Z');
let t: TestDatabase;
let site: LiveSite;
let manifest: Manifest;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-tamper-jobs-'));
const publishDir = path.join(dataDir, 'site');
const servedDir = path.join(dataDir, 'served');
const saved = { data: process.env.GONGKAI_DATA_DIR, publish: process.env.PUBLISH_DIR };
// 25 documents and a home page linking them: 26 files, in URL order / then /documents/d01 … d25.
const ids = Array.from({ length: 25 }, (_, i) => `d${String(i + 1).padStart(2, '0')}`);
const pages: Record<string, string> = {
  '/': publishedPage('临沧市民政局', ids.map((id) => `<a href="/documents/${id}">文件 ${id}</a>`).join('')),
  ...Object.fromEntries(ids.map((id) => [`/documents/${id}`, publishedPage(`文件 ${id}`, `<h1>文件 ${id}</h1><p>正文 ${id}</p>`)])),
};
const served = (id: string) => path.join(servedDir, 'documents', id, 'index.html');

beforeAll(async () => {
  process.env.GONGKAI_DATA_DIR = dataDir;
  process.env.PUBLISH_DIR = publishDir;
  t = await migratedContext();
  manifest = writePublishedSite(publishDir, pages);
  writeManifest(path.join(dataDir, 'site-manifest.json'), manifest);
  fs.cpSync(publishDir, servedDir, { recursive: true });
  site = await serveDirectory(servedDir);
  const prisma = t.context.sudo().prisma;
  if (await prisma.siteSettings.findFirst()) await prisma.siteSettings.updateMany({ data: { baseUrl: site.origin } });
  else await prisma.siteSettings.create({ data: { id: 1, baseUrl: site.origin } });
  await prisma.monitorSettings.create({ data: { id: 1, probePaths: '/', checkExternalLinks: false } });
});
afterAll(async () => {
  await site.close();
  await t.close();
  process.env.GONGKAI_DATA_DIR = saved.data;
  process.env.PUBLISH_DIR = saved.publish;
  if (saved.data === undefined) delete process.env.GONGKAI_DATA_DIR;
  if (saved.publish === undefined) delete process.env.PUBLISH_DIR;
});

describe('N9 in the monitor jobs', () => {
  test('N9: the 5-minute probe checks 20 published pages each time, continuing where it stopped', async () => {
    // d22 is the 23rd file: outside the first sample (files 1–20), inside the second (21–26, 1–14).
    fs.writeFileSync(served('d22'), pages['/documents/d22'].replace('正文 d22', '正文 d22 365bet网投'));
    const first = await recordProbes(t.context, now);
    expect(first).toEqual({ probed: 1, failed: 0, tamperChecked: 20, tamperFindings: 0 });
    const settings = () => t.context.sudo().prisma.monitorSettings.findFirstOrThrow();
    expect((await settings()).tamperSampleOffset).toBe(20);
    const second = await recordProbes(t.context, new Date(now.getTime() + 5 * 60_000));
    expect(second).toEqual({ probed: 1, failed: 0, tamperChecked: 20, tamperFindings: 1 });
    expect((await settings()).tamperSampleOffset).toBe(14);
    expect((await settings()).tamperAlerted).toEqual([{ key: expect.stringContaining('/documents/d22'), url: '/documents/d22' }]);
  });

  test('N9: the daily run checks every page and reports the tampering as a veto section', async () => {
    fs.writeFileSync(served('d03'), pages['/documents/d03'].replace('</main>', '<script src="http://bet.example/x.js"></script></main>'));
    const run = await runOwnSiteMonitor(t.context, { now, force: true, checkExternal: false });
    const report = run!.report;
    expect(report.tamper).toMatchObject({ pagesTotal: 26, pagesChecked: 26, recordedManifestHash: null });
    expect(report.tamper!.findings.map((f) => `${f.kind} ${f.url}`)).toEqual(['script-added /documents/d03', 'changed /documents/d22']);
    const vetoes = report.findings.filter((f) => f.code.startsWith('N9.tamper-'));
    expect(vetoes.map((f) => [f.ruleId, f.severity, f.page])).toEqual([
      ['N9', 'veto', `${site.origin}/documents/d03`],
      ['N9', 'veto', `${site.origin}/documents/d22`],
    ]);
    expect(report.score.passed).toBe(false);
    expect(report.byRule.find((r) => r.ruleId === 'N9')!.vetoes).toBeGreaterThanOrEqual(2);
    const stored = await t.context.sudo().prisma.monitorRun.findFirstOrThrow({ where: { id: run!.id } });
    expect(stored.passed).toBe(false);
    expect((stored.report as { tamper?: { findings: unknown[] } }).tamper?.findings).toHaveLength(2);
    const html = renderHtml(report);
    expect(html).toContain('<h2>网页防篡改核验（N9）</h2>');
    expect(html).toContain('核验 26 / 26 个文件');
    expect(html).toContain('+ script src=http://bet.example/x.js');
    expect(html).toContain('{+ 365bet网投+}');
  });

  test('N9: an unpublished page linked from a live page, and a published page gone, are found', async () => {
    fs.mkdirSync(path.join(servedDir, 'notice'), { recursive: true });
    fs.writeFileSync(path.join(servedDir, 'notice', 'bet.html'), '<!doctype html><title>x</title><p>365bet网投</p>');
    fs.writeFileSync(
      served('d05'),
      pages['/documents/d05'].replace('</main>', '<a href="/notice/bet.html">通知</a><a href="/search?q=x">检索</a></main>'),
    );
    fs.rmSync(served('d07'));
    const result = await verifyPublishedSite({
      baseUrl: site.origin,
      manifest,
      publishDir,
      now: () => now,
      recordedManifestHash: 'a'.repeat(64),
      outbound: OutboundPolicy.none.trustingOrigin(site.origin),
    });
    expect(result.findings.map((f) => `${f.kind} ${f.url}`)).toEqual([
      'manifest-changed /',
      'script-added /documents/d03',
      'changed /documents/d05',
      'link-added /documents/d05',
      'link-added /documents/d05',
      'missing /documents/d07',
      'changed /documents/d22',
      // Linked from d05 and served; the search link is the application's, not a page.
      'unlisted /notice/bet.html',
    ]);
    expect(result.findings.find((f) => f.kind === 'missing')!.message).toContain('HTTP 404');
    expect(result.findings.find((f) => f.kind === 'unlisted')!.difference[0]).toBe(
      '+ /notice/bet.html（由 /documents/d05 链接，发布清单中没有，网站上可以访问）',
    );
  });
});
