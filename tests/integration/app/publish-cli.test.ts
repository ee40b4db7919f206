import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../../src/platform/config/env.js';
import { parseManifest, sha256Hex } from '../../../src/site/static/core/manifest.js';
import type { TestDatabase } from '../../helpers/database.js';
import { seededDemoContext } from '../../helpers/demo-template.js';
import { useTestClock } from '../../helpers/clock.js';

// one engine: rendering and publishing run on both engines in site/publication-files.test.ts and the publication
// journey (tests/e2e); this suite checks the command's options, progress, differences and exit codes.

/*
 * `gongkai publish --all [--check | --repair]` as an operator runs it: the directory is built from the database,
 * --check names every difference (a changed byte, an added file, a deleted file) and exits 1, --repair restores.
 */

useTestClock();
const bin = path.join(projectRoot, 'bin/gongkai.js');
const installed = path.join(projectRoot, 'bin/gongkai');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-publish-cli-'));
const siteDir = path.join(dataDir, 'site');
let t: TestDatabase;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** What /proc showed of the started process while it ran: its command lines, and whether it ever had a child. */
  seen: { commandLines: Set<string>; hadChild: boolean };
}

/** `node bin/gongkai.js …`, or with `installed` the command as installed (package.json "bin"). */
function gongkai(args: string[], { asInstalled = false } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(asInstalled ? installed : process.execPath, asInstalled ? args : [bin, ...args], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        SESSION_SECRET: 'cli-test-secret-that-is-long-enough-000',
        GONGKAI_SCHEDULER: 'off',
        DATABASE_URL: t.db.url,
        GONGKAI_DATA_DIR: dataDir,
        MEDIA_DIR: process.env.MEDIA_DIR,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const seen = { commandLines: new Set<string>(), hadChild: false };
    const look = setInterval(() => {
      try {
        seen.commandLines.add(fs.readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0').join(' ').trim());
        if (fs.readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim()) seen.hadChild = true;
      } catch {
        // It has exited.
      }
    }, 10);
    child.on('close', (status) => {
      clearInterval(look);
      resolve({ status, stdout, stderr, seen });
    });
  });
}

beforeAll(async () => {
  t = await seededDemoContext();
}, 180_000);
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('gongkai publish', () => {
  test('--all builds the directory, --check finds it equal, then names each change, --repair restores it', async () => {
    const all = await gongkai(['publish', '--all']);
    expect(all.stdout).toMatch(/已发布到 .*：共 \d+ 个文件/);
    expect(all.status).toBe(0);
    const manifest = parseManifest(fs.readFileSync(path.join(dataDir, 'site-manifest.json'), 'utf8'));
    const rows = await t.context.sudo().prisma.sitePublication.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0].manifestHash).toBe(sha256Hex(fs.readFileSync(path.join(dataDir, 'site-manifest.json'))));
    const home = fs.readFileSync(path.join(siteDir, 'index.html'));
    expect(sha256Hex(home)).toBe(manifest.files['index.html'].sha256);

    const clean = await gongkai(['publish', '--check']);
    expect(clean.stdout).toContain('发布目录与数据库一致');
    expect(clean.status).toBe(0);

    // One character changed, a file added, a file deleted.
    const document = Object.keys(manifest.files).find((f) => f.startsWith('documents/') && f.endsWith('/index.html'))!;
    const page = fs.readFileSync(path.join(siteDir, document), 'utf8');
    fs.writeFileSync(path.join(siteDir, document), page.replace('</title>', 'x</title>'));
    fs.writeFileSync(path.join(siteDir, 'columns', 'bet365.html'), '<a href="https://365bet.example">网投</a>');
    fs.rmSync(path.join(siteDir, 'sitemap.xml'));

    const dirty = await gongkai(['publish', '--check']);
    expect(dirty.status).toBe(1);
    expect(dirty.stdout).toContain(`文件 ${document} 的内容与数据库中应发布的内容不一致`);
    expect(dirty.stdout).toContain('目录中多出文件 columns/bet365.html');
    expect(dirty.stdout).toContain('缺少文件 sitemap.xml');
    expect(dirty.stdout).toContain('发现 3 处不一致');

    const repair = await gongkai(['publish', '--repair']);
    expect(repair.status).toBe(0);
    expect(fs.readFileSync(path.join(siteDir, document), 'utf8')).toBe(page);
    expect(fs.existsSync(path.join(siteDir, 'columns', 'bet365.html'))).toBe(false);
    expect(sha256Hex(fs.readFileSync(path.join(siteDir, 'sitemap.xml')))).toBe(manifest.files['sitemap.xml'].sha256);
    const repaired = await t.context.sudo().prisma.sitePublication.findMany({ orderBy: { at: 'asc' } });
    expect(repaired.at(-1)).toMatchObject({ reason: '修复', written: 2, removed: 1 });

    const again = await gongkai(['publish', '--check']);
    expect(again.stdout).toContain('发布目录与数据库一致');
    expect(again.status).toBe(0);
  }, 300_000);

  test('as installed, the command is one process with the small heap: nothing stays behind to wait (bench/publish counts the whole tree)', async () => {
    const r = await gongkai(['publish', '--check'], { asInstalled: true });
    // The started process itself becomes the run: first the shell script (whose $(…) may fork for a moment), then
    // Node with the small heap, and nothing else.
    const lines = [...r.seen.commandLines].filter(Boolean); // empty while it exits
    const node = lines.filter((line) => line.includes('bin/gongkai.js publish --check'));
    expect(node.length).toBeGreaterThan(0);
    for (const line of node) expect(line).toMatch(/^\S*node --max-semi-space-size=1 --max-old-space-size=256 --no-wasm-tier-up /);
    for (const line of lines) if (!node.includes(line)) expect(line).toMatch(/^\S*sh \S*bin\/gongkai publish --check$/);

    // Started as `node bin/gongkai.js`, the same run happens in a child while the first process waits.
    const direct = await gongkai(['publish', '--check']);
    expect(direct.seen.hadChild).toBe(true);
    expect([direct.status, direct.stdout, direct.stderr]).toEqual([r.status, r.stdout, r.stderr]);
  }, 120_000);

  test('without --all, --check or --repair it says how to use it', async () => {
    const r = await gongkai(['publish']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('gongkai: 用法：gongkai publish --all [--check | --repair]（--all 全部重新生成发布目录）');
  });
});
