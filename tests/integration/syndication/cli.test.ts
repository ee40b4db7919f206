import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import iconv from 'iconv-lite';
import { main } from '../../../src/app/cli.js';
import { projectRoot } from '../../../src/platform/config/env.js';
import { migratedContext, type TestDatabase } from '../../helpers/database.js';
import { fixtureBytes, fixtureText, serve, startFixtureServer, type FixtureServer } from '../../helpers/syndication-server.js';

/*
 * S9: the command line of syndication, as an operator runs it: `gongkai source try` on each fixture of
 * the faithfulness tests (served from this machine, allowed by GONGKAI_OUTBOUND_ALLOW as an intranet
 * operator would), with and without --json; `gongkai syndicate --dry-run` stores nothing. One run of each
 * command goes through bin/gongkai.js as a process; the others call the same `main` in this process,
 * which spares a TypeScript start-up of a few seconds per run.
 */

let server: FixtureServer;
let t: TestDatabase;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-cli-syndication-'));

beforeAll(async () => {
  server = await startFixtureServer();
  const local = (text: string) =>
    text
      .replaceAll('https://mzt.example.gov.cn', server.origin)
      .replaceAll('https://feed.example.gov.cn', server.origin)
      .replaceAll('http://www.yn.gov.cn', server.origin);
  const recode = (name: string, charset: string) => iconv.encode(local(iconv.decode(fixtureBytes(name), charset)), charset);
  server.route('/entities.xml', serve(local(fixtureText('entities-cdata.xml')), 'application/rss+xml'));
  server.route('/full-content.xml', serve(local(fixtureText('full-content.xml')), 'application/rss+xml'));
  server.route('/big5.xml', serve(recode('rss-big5.big5.xml', 'big5'), 'application/xml'));
  server.route('/utf16.xml', serve(recode('rss-utf16le-nobom.xml', 'utf-16le'), 'application/xml'));
  server.route('/trs/list.html', serve(recode('trs-list.gbk.html', 'gb18030'), 'text/html'));
  server.route('/trs/202611/t20261118_1000001.html', serve(fixtureBytes('trs-wh.gb2312.html'), 'text/html'));
  server.route('/files/401.pdf', serve(Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'), 'application/pdf'));
  // Every other page: a plain detail page (the full-content feed's links answer 404 below).
  server.route('*', (req, res) => {
    if (req.url?.startsWith('/qw/')) res.writeHead(404).end();
    else
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<html><body><div class="TRS_UEDITOR"><p>详情页正文</p></div></body></html>');
  });
  fs.writeFileSync(path.join(dir, 'trs.json'), JSON.stringify({ list: { item: 'ul.list li.list-item' } }));
  t = await migratedContext();
});

afterAll(async () => {
  await server.close();
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const cliEnv = { GONGKAI_SCHEDULER: 'off', GONGKAI_DATA_DIR: dir, GONGKAI_OUTBOUND_ALLOW: '127.0.0.1' };

/** `main` of the command, in this process, with what it prints collected. */
async function inProcess(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const saved = { ...process.env };
  Object.assign(process.env, cliEnv, env);
  const log = jest.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(parts.join(' ')));
  const error = jest.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void err.push(parts.join(' ')));
  try {
    const status = await main(args);
    return { status, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

/** bin/gongkai.js as an operator runs it. */
function gongkai(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin/gongkai.js'), ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...cliEnv, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

interface Preview {
  ok: boolean;
  warnings: string[];
  items: { title: string; url: string; publishedAt?: string; number?: string; issuer?: string }[];
  first?: { bodyText: string };
}

async function tryJson(args: string[]): Promise<Preview> {
  const r = await inProcess(['source', 'try', ...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Preview;
}

describe('gongkai source try', () => {
  test('S9: a feed with undeclared entities, a bare & and CDATA mid-title (adapter alias rss): text and --json', async () => {
    const text = await gongkai(['source', 'try', '--adapter', 'rss', '--url', server.url('/entities.xml')]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(`试采集 ${server.url('/entities.xml')}（RSS/Atom/RDF 订阅源）`);
    expect(text.stdout).toMatch(/警告：订阅源不是格式良好的 XML，已容错解析（第 8 行/);
    expect(text.stdout).toContain('1. 关于印发“十五五”民政事业发展规划的通知——解读…');
    expect(text.stdout).toContain('2. 关于“十四五”规划的通知');
    expect(text.stdout).toContain('第 1 条的正文（5 字）：\n详情页正文');
    const json = await tryJson(['--adapter', 'feed', '--url', server.url('/entities.xml')]);
    expect(json.items.map((i) => i.title)).toEqual([
      '关于印发“十五五”民政事业发展规划的通知——解读…',
      '关于“十四五”规划的通知',
      '社会救助工作要点（2026年）',
    ]);
    expect(json.warnings).toHaveLength(2);
  });

  test('S9: a full-content feed whose detail pages answer 404 shows the feed content as the body', async () => {
    const text = await inProcess(['source', 'try', '--adapter', 'atom', '--url', server.url('/full-content.xml')]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('警告：详情页不可用，已使用订阅源中的全文');
    expect(text.stdout).toContain('为切实保障困难群众温暖过冬');
    const json = await tryJson(['--adapter', 'rss', '--url', server.url('/full-content.xml')]);
    expect(json.items).toHaveLength(3);
    const never = await inProcess([
      'source',
      'try',
      '--adapter',
      'rss',
      '--url',
      server.url('/full-content.xml'),
      '--feed-content',
      'never',
      '--json',
    ]);
    expect(never.status).toBe(1);
    expect((JSON.parse(never.stdout) as Preview).ok).toBe(false);
  });

  test('S9: Big5 and UTF-16 feeds without declarations', async () => {
    const big5 = await tryJson(['--adapter', 'rss', '--url', server.url('/big5.xml')]);
    expect(big5.items.map((i) => i.title)).toEqual(['臺灣地區社會福利機構評鑑結果公告', '關於長期照顧服務申請流程說明']);
    const text = await inProcess(['source', 'try', '--adapter', 'rss', '--url', server.url('/utf16.xml')]);
    expect(text.stdout).toContain('1. 民政部关于进一步加强社会救助家庭经济状况核对工作的通知');
    const utf16 = await tryJson(['--adapter', 'rss', '--url', server.url('/utf16.xml')]);
    expect(utf16.items[0].publishedAt).toBe('2026-11-20T02:00:00.000Z');
  });

  test('S9: a TRS list in GBK with selectors from a file: the GB2312 detail page gives its unlabelled 文号 and meta tags', async () => {
    const args = ['--adapter', 'html', '--url', server.url('/trs/list.html'), '--selectors', path.join(dir, 'trs.json')];
    const text = await inProcess(['source', 'try', ...args]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('1. 云南省民政厅关于做好2026年社会救助兜底保障工作的通知');
    expect(text.stdout).toContain('文号：云民发〔2026〕45号　发文机关：云南省民政厅');
    const json = await tryJson(args);
    expect(json.items[0]).toMatchObject({ number: '云民发〔2026〕45号', issuer: '云南省民政厅', publishedAt: '2026-11-23T08:20:00.000Z' });
    expect(json.items).toHaveLength(3);
    expect(json.first?.bodyText).toContain('现就做好社会救助兜底保障工作通知如下');
  });

  test('S9: what is typed wrong is said in Chinese, exit 1', async () => {
    const unknown = await inProcess(['source', 'try', '--adapter', 'foo', '--url', server.url('/entities.xml')]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('gongkai: 未知的采集方式“foo”');
    const noList = await inProcess(['source', 'try', '--adapter', 'html', '--url', server.url('/trs/list.html')]);
    expect(noList.status).toBe(1);
    expect(noList.stdout).toMatch(/失败：来源配置无效：.*HTML 列表页必须配置列表选择器/);
    // Without the allow-list this machine is refused, as every outbound request is.
    const refused = await inProcess(['source', 'try', '--adapter', 'rss', '--url', server.url('/entities.xml')], {
      GONGKAI_OUTBOUND_ALLOW: '',
    });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('已拒绝访问');
  });
});

describe('gongkai syndicate', () => {
  test('S9: --dry-run --json reports what a run would bring and stores nothing; the real run then stores it', async () => {
    const prisma = t.context.sudo().prisma;
    const column = await prisma.column.create({ data: { name: '省民政厅文件', slug: 'smzt', kind: 'reprint' } });
    await prisma.syndicationSource.create({
      data: {
        key: 'mzt-quanwen',
        name: '云南省民政厅·全文',
        level: 'provincial-department',
        adapter: 'feed',
        listUrls: server.url('/full-content.xml'),
        schedule: '0 9 * * *',
        policy: 'review',
        enabled: true,
        allowedHosts: '127.0.0.1',
        targetColumn: { connect: { id: column.id } },
      },
    });
    const env = { DATABASE_URL: t.db.url };
    const dry = await gongkai(['syndicate', 'mzt-quanwen', '--dry-run', '--json'], env);
    expect(dry.status).toBe(0);
    const [result] = JSON.parse(dry.stdout) as {
      key: string;
      dryRun: boolean;
      ok: boolean;
      itemsNew: number;
      items: { title: string }[];
      warnings: string[];
    }[];
    expect(result).toMatchObject({ key: 'mzt-quanwen', dryRun: true, ok: true, itemsNew: 3 });
    expect(result.items.map((i) => i.title)).toContain('关于做好2026年冬春困难群众救助工作的通知');
    expect(await prisma.upstreamItem.count()).toBe(0);
    expect(await prisma.syndicationSource.findUnique({ where: { key: 'mzt-quanwen' } })).toMatchObject({
      lastRunAt: null,
      itemsNew: 0,
      lastWarning: '',
    });

    const real = await inProcess(['syndicate', 'mzt-quanwen', '--json'], env);
    expect(real.status).toBe(0);
    expect(JSON.parse(real.stdout)[0]).toMatchObject({ dryRun: false, itemsNew: 3, failures: [] });
    expect(await prisma.upstreamItem.count()).toBe(3);
    const source = await prisma.syndicationSource.findUniqueOrThrow({ where: { key: 'mzt-quanwen' } });
    expect(source.lastWarning).toContain('详情页不可用，已使用订阅源中的全文');

    // A dry run after it sees the stored items as known; its text says it stored nothing.
    const again = await inProcess(['syndicate', 'mzt-quanwen', '--dry-run'], env);
    expect(again.stdout).toContain('gongkai: （试运行，未保存）云南省民政厅·全文：发现 3 条，将新增 0 条');
    expect(await prisma.upstreamItem.count()).toBe(3);
  });
});
