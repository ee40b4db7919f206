import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { projectRoot } from '../../../src/platform/config/env.js';
import { footer, page, serve, type Served } from '../../helpers/monitor-fixtures.js';

// `gongkai monitor URL` against a site from the outside: a page hijacked by gambling spam (N9), as the
// bureau's own rules page once was.
let site: Served;
beforeAll(async () => {
  site = await serve({
    '/robots.txt': 'User-agent: *\nDisallow:\n',
    '/': page({ title: '首页', body: `<p>欢迎访问</p><a href="/about">机构概况</a>${footer()}` }),
    '/about': page({ title: '机构概况', body: `<p>365bet网投 实施细则</p>${footer()}` }),
  });
});
afterAll(() => site.close());

// The fixture site is on this machine: allow-listed for the command line (issue 14 #10).
function gongkai(
  args: string[],
  allow: Record<string, string> = { GONGKAI_OUTBOUND_ALLOW: '127.0.0.1' },
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin/gongkai.js'), ...args], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        GONGKAI_SCHEDULER: 'off',
        DATABASE_URL: `file:${path.join(os.tmpdir(), 'gongkai-cli-monitor-unused.db')}`,
        ...allow,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

test('N9: gongkai monitor URL reports a hijacked site as failing, with exit status 1', async () => {
  const html = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-monitor-')), 'report.html');
  const r = await gongkai(['monitor', site.origin + '/', '--max-pages', '20', '--html', html]);
  expect(r.status).toBe(1);
  expect(r.stdout).toContain('不合格');
  expect(r.stdout).toContain('[N9]');
  expect(fs.readFileSync(html, 'utf8')).toContain('<svg');
  const json = await gongkai(['monitor', site.origin + '/', '--json']);
  expect(JSON.parse(json.stdout).score.vetoes.some((v: { ruleId: string }) => v.ruleId === 'N9')).toBe(true);
  const bad = await gongkai(['monitor', 'ftp://example.org']);
  expect(bad.status).toBe(1);
  expect(bad.stderr).toContain('网址应以 http:// 或 https:// 开头');
});

test('trust #10: gongkai monitor URL does not fetch a site on this machine unless GONGKAI_OUTBOUND_ALLOW names it', async () => {
  const before = site.requests.length;
  const r = await gongkai(['monitor', site.origin + '/', '--json'], {});
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain(`已拒绝访问 ${site.origin}/`);
  expect(r.stderr).toContain('GONGKAI_OUTBOUND_ALLOW');
  expect(site.requests.length).toBe(before);
  const bad = await gongkai(['monitor', site.origin + '/'], { GONGKAI_OUTBOUND_ALLOW: '10.0.0.0/33' });
  expect(bad.status).toBe(1);
  expect(bad.stderr).toContain('GONGKAI_OUTBOUND_ALLOW');
});
