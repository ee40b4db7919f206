import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { projectRoot } from '../../../src/platform/config/env.js';
import { migratedContext, type TestDatabase } from '../../helpers/database.js';
import {
  localRobot,
  publishedPage,
  serveDirectory,
  writeManifest,
  writePublishedSite,
  type LiveSite,
} from '../../helpers/published-site.js';

// one engine: the tamper checks read files and pages, not the database (the recorded hash is read on both engines
// in monitor/tamper-jobs.test.ts); this suite checks the command's findings, alerts and exit codes.

// N9 网页篡改: `gongkai verify BASE` on a copy of a published site served on this machine, tampered
// four ways: one character, a hidden gambling link, a file no publication wrote, another page for phones.
let t: TestDatabase;
let site: LiveSite;
let robot: Awaited<ReturnType<typeof localRobot>>;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-verify-'));
const publishDir = path.join(dataDir, 'site');
const servedDir = path.join(dataDir, 'served');
const pages: Record<string, string> = {
  '/': publishedPage(
    '临沧市民政局',
    '<ul><li><a href="/documents/a">春节救助通知</a></li><li><a href="/documents/b">低保标准</a></li></ul>',
  ),
  '/documents/a': publishedPage('春节救助通知', '<h1>春节救助通知</h1><p>关于做好2026年春节期间困难群众救助工作的通知</p>'),
  '/documents/b': publishedPage('低保标准', '<h1>低保标准</h1><p>城乡最低生活保障标准调整如下</p><p><a href="/search?q=低保">检索</a></p>'),
  '/documents/c': publishedPage('临时救助', '<h1>临时救助</h1><p>临时救助申请条件</p>'),
  '/static/site.css': 'body { font-family: sans-serif; }\n',
  '/static/site.js': 'document.documentElement.className = "js";\n',
};

beforeAll(async () => {
  t = await migratedContext();
  writeManifest(path.join(dataDir, 'site-manifest.json'), writePublishedSite(publishDir, pages));
  fs.cpSync(publishDir, servedDir, { recursive: true });
  site = await serveDirectory(servedDir);
  robot = await localRobot();
  await t.context.sudo().prisma.monitorSettings.create({ data: { id: 1, webhooks: `企业微信 ${robot.url}` } });
});
afterAll(async () => {
  await site.close();
  await robot.close();
  await t.close();
});

function gongkai(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin/gongkai.js'), ...args], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        GONGKAI_SCHEDULER: 'off',
        DATABASE_URL: t.db.url,
        GONGKAI_DATA_DIR: dataDir,
        PUBLISH_DIR: publishDir,
        // The robot is on this machine, as an intranet robot would be (issue 14 #10).
        GONGKAI_OUTBOUND_ALLOW: '127.0.0.1',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

const served = (url: string) => path.join(servedDir, url === '/' ? 'index.html' : `${url.slice(1)}/index.html`);

// Each run starts a process over the TypeScript sources: 10 to 40 seconds on a busy two-core machine.
const cliTimeout = 240_000;

describe('gongkai verify (N9 网页篡改)', () => {
  test(
    'N9: the site as published: exit 0, every file checked as desktop and phone',
    async () => {
      const r = await gongkai(['verify', site.origin]);
      expect(r.stderr).not.toContain('gongkai:');
      expect(r.stdout).toContain(`${site.origin}：核验 6 / 6 个文件，全部与发布时一致`);
      expect(r.status).toBe(0);
      expect(site.requests.filter((q) => q.includes('iPhone')).map((q) => q.split(' ')[1])).toEqual(
        expect.arrayContaining(['/', '/documents/a', '/documents/b', '/documents/c']),
      );
      expect(robot.received).toHaveLength(0);
    },
    cliTimeout,
  );

  test(
    'N9: four kinds of tampering are each reported with the difference, exit 1, one alert; the next run does not alert again',
    async () => {
      fs.writeFileSync(served('/documents/a'), pages['/documents/a'].replace('春节期间', '春季期间'));
      fs.writeFileSync(
        served('/documents/b'),
        pages['/documents/b'].replace('</main>', '<div style="display:none"><a href="http://365bet.example/">365bet网投</a></div></main>'),
      );
      // A file dropped into the published directory, which the web server serves.
      const dropped = '<!doctype html><html><head><title>365bet网投</title></head><body><p>365bet网投 官方网站</p></body></html>';
      for (const root of [servedDir, publishDir]) {
        fs.mkdirSync(path.join(root, 'notice'), { recursive: true });
        fs.writeFileSync(path.join(root, 'notice', 'bet.html'), dropped);
      }
      site.mobile.set('/documents/c', pages['/documents/c'].replace('临时救助申请条件', '手机用户请访问 365bet网投'));

      const r = await gongkai(['verify', site.origin]);
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('核验 6 / 6 个文件，发现 4 处与发布时不一致（N9 单项否决）');
      const lines = r.stdout.split('\n');
      // One character: the line before and after, and the character.
      expect(lines).toContain('[N9] 页面内容被改动：“春节救助通知” /documents/a');
      expect(lines).toContain('  - 关于做好2026年春节期间困难群众救助工作的通知');
      expect(lines).toContain('  + 关于做好2026年春季期间困难群众救助工作的通知');
      expect(lines).toContain('  ~ 关于做好2026年春[-节-]{+季+}期间困难群众救助工作的通…');
      // The hidden gambling link.
      expect(lines).toContain('  + a href=http://365bet.example/ 「365bet网投」（隐藏：display:none）');
      // The file no publication wrote.
      expect(r.stdout).toContain('[N9] 网站上出现未发布的页面：“365bet网投” /notice/bet.html');
      expect(lines).toContain('  + 365bet网投 官方网站');
      // Another page for phones.
      expect(r.stdout).toContain('[N9] 手机访问看到的内容与发布的不同：“临时救助” /documents/c');
      expect(lines).toContain('  + 手机用户请访问 365bet网投');
      expect(r.stdout).toMatch(/页面：\/documents\/a（春节救助通知）；访问方式：电脑浏览器；时间：\d{4}/);
      expect(r.stdout).toContain('告警 企业微信：已发送');

      expect(robot.received).toHaveLength(1);
      const alert = JSON.parse(robot.received[0]) as { markdown: { content: string } };
      for (const expected of [
        '网页防篡改告警',
        '[N9] 页面内容被改动',
        '365bet.example',
        '/notice/bet.html',
        '手机访问看到的内容与发布的不同',
      ])
        expect(alert.markdown.content).toContain(expected);

      const again = await gongkai(['verify', site.origin, '--json']);
      expect(again.status).toBe(1);
      const json = JSON.parse(again.stdout) as { findings: { kind: string; url: string; ruleId: string }[]; newKeys: string[] };
      expect(json.findings.map((f) => `${f.ruleId} ${f.kind} ${f.url}`).sort()).toEqual([
        'N9 changed /documents/a',
        'N9 link-added /documents/b',
        'N9 mobile-differs /documents/c',
        'N9 unlisted /notice/bet.html',
      ]);
      expect(json.newKeys).toEqual([]);
      expect(robot.received).toHaveLength(1);
    },
    cliTimeout,
  );

  test(
    'N9: restored as published, exit 0; a --sample checks the next pages in turn',
    async () => {
      for (const url of ['/documents/a', '/documents/b']) fs.writeFileSync(served(url), pages[url]);
      for (const root of [servedDir, publishDir]) fs.rmSync(path.join(root, 'notice'), { recursive: true });
      site.mobile.clear();
      const r = await gongkai(['verify', site.origin]);
      expect(r.stdout).toContain('全部与发布时一致');
      expect(r.status).toBe(0);
      const sample = await gongkai(['verify', site.origin, '--sample', '4']);
      expect(sample.stdout).toContain('核验 4 / 6 个文件');
      expect(sample.status).toBe(0);
      expect(robot.received).toHaveLength(1);
    },
    cliTimeout,
  );

  test(
    'a clear sentence when nothing was published or an option is wrong',
    async () => {
      const bad = await gongkai(['verify', site.origin, '--sample', 'x']);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain('--sample 应为正整数');
      fs.renameSync(path.join(dataDir, 'site-manifest.json'), path.join(dataDir, 'manifest.bak'));
      try {
        const none = await gongkai(['verify', site.origin]);
        expect(none.status).toBe(1);
        expect(none.stderr).toContain('还没有发布清单');
      } finally {
        fs.renameSync(path.join(dataDir, 'manifest.bak'), path.join(dataDir, 'site-manifest.json'));
      }
    },
    cliTimeout,
  );
});
