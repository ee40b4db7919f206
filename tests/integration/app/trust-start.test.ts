import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { DatabaseSettings } from '../../../src/platform/config/env.js';
import { closeContext, openContext } from '../../../src/app/context.js';
import { paragraphsToHtml } from '../../../src/platform/demo/rich-text.js';
import { freshPostgres } from '../../helpers/postgres.js';
import { startService, type RunningService } from '../../helpers/service.js';

/*
 * What `gongkai start` does itself (src/app/start-up.ts, run by the server once connected), as the README runs it.
 *
 * issue 14 #1: `npm start` as the README runs it, with no SESSION_SECRET and no NODE_ENV in the
 * environment (the Admin UI's server sets NODE_ENV=production after start-up). The office's 待办 and a
 * preview link work, and after a restart the same cookie and link still do.
 */

// spawn leaves out variables whose value is undefined: the child has no SESSION_SECRET and no NODE_ENV.
const unset = undefined as unknown as string;

async function graphql(base: string, query: string, cookie?: string) {
  const res = await fetch(`${base}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', connection: 'close', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query }),
  });
  return { res, body: (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] } };
}

interface Task {
  kind: string;
  title: string;
  previewUrl: string | null;
}

describe('trust #1: npm start without SESSION_SECRET', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-start-'));
  let database: { url: string; drop(): Promise<void> } | null = null;
  let env: Record<string, string> = {};
  let service: RunningService | null = null;
  beforeAll(async () => {
    database = process.env.TEST_DATABASE === 'postgresql' ? await freshPostgres() : null;
    env = {
      GONGKAI_DATA_DIR: dataDir,
      DATABASE_URL: database?.url ?? `file:${path.join(dataDir, 'gongkai.db')}`,
      SESSION_SECRET: unset,
      NODE_ENV: unset,
    };
  });
  afterAll(async () => {
    await service?.stop();
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('trust #1: the office signs in, 待办 loads and a preview opens; after a restart the old cookie and preview link still work', async () => {
    service = await startService(env);
    const signIn = await graphql(
      service.url,
      `mutation { authenticateUserWithPassword(username: "bangongshi", password: "gongkai2026") { ... on UserAuthenticationWithPasswordSuccess { item { id } } ... on UserAuthenticationWithPasswordFailure { message } } }`,
    );
    expect(signIn.body.errors).toBeUndefined();
    const cookie = signIn.res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    expect(cookie).toMatch(/^gongkai-session=/);

    const tasksQuery = '{ myTasks { kind title previewUrl } }';
    const tasks = await graphql(service.url, tasksQuery, cookie);
    expect(tasks.body.errors).toBeUndefined();
    const list = tasks.body.data!.myTasks as Task[];
    const preview = list.find((t) => t.previewUrl)?.previewUrl;
    expect(preview).toMatch(/^\/preview\/documents\//);
    const page = await fetch(`${service.url}${preview}`, { headers: { connection: 'close' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('预览');

    // The secret was made once, kept in the data directory, readable by its owner only.
    const secretFile = path.join(dataDir, 'session-secret');
    expect(fs.statSync(secretFile).mode & 0o777).toBe(0o600);
    const secret = fs.readFileSync(secretFile, 'utf8');
    expect(secret.trim()).toMatch(/^[0-9a-f]{64}$/);

    await service.stop();
    service = await startService(env);
    expect(fs.readFileSync(secretFile, 'utf8')).toBe(secret);
    const again = await graphql(service.url, '{ authenticatedItem { ... on User { username } } }', cookie);
    expect(again.body.data!.authenticatedItem).toEqual({ username: 'bangongshi' });
    const tasksAgain = await graphql(service.url, tasksQuery, cookie);
    expect(tasksAgain.body.errors).toBeUndefined();
    expect((tasksAgain.body.data!.myTasks as Task[]).length).toBe(list.length);
    const pageAgain = await fetch(`${service.url}${preview}`, { headers: { connection: 'close' } });
    expect(pageAgain.status).toBe(200);
  }, 600_000);
});

// On SQLite: what start-up does is one code path on either engine, and trust #1 above starts on PostgreSQL too.
(process.env.TEST_DATABASE === 'postgresql' ? describe.skip : describe)('what a start does before it listens', () => {
  let dataDir = '';
  let database: DatabaseSettings;
  let env: Record<string, string> = {};
  let service: RunningService | null = null;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-start-'));
    database = { provider: 'sqlite', url: `file:${path.join(dataDir, 'gongkai.db')}` };
    env = {
      GONGKAI_DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      GONGKAI_ADMIN_USERNAME: 'xinxike',
      GONGKAI_ADMIN_PASSWORD: 'a-long-password-2026',
    };
  });
  afterAll(async () => {
    await service?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('the first admin from GONGKAI_ADMIN_*, no demo with --no-demo, and (N15) public text stored before the masking rules is masked', async () => {
    service = await startService(env, ['--no-demo']);
    expect(service.output()).toContain('gongkai: 已创建系统管理员 xinxike');
    expect(service.output()).not.toContain('已导入演示数据');
    const signIn = await graphql(
      service.url,
      `mutation { authenticateUserWithPassword(username: "xinxike", password: "a-long-password-2026") { ... on UserAuthenticationWithPasswordSuccess { item { role } } } }`,
    );
    expect(signIn.body.data).toEqual({ authenticateUserWithPassword: { item: { role: 'admin' } } });
    await service.stop();
    service = null;

    // A reprint stored as reprints were before the masking rule: its title and search text hold a mobile number.
    const context = await openContext(database);
    try {
      expect(await context.prisma.document.count()).toBe(0);
      expect(await context.prisma.column.count()).toBe(0);
      const created = await context.sudo().db.Document.createOne({
        data: {
          title: '转载的通知',
          origin: 'reprint',
          sourceName: '省民政厅',
          sourceUrl: 'https://mzt.example.gov.cn/a.html',
          disclosure: 'proactive',
          body: paragraphsToHtml(['正文']),
        },
      });
      await context.prisma.document.update({
        where: { id: String(created.id) },
        data: { title: '转载的通知（13812345678）', searchText: '转载的通知（13812345678） 正文' },
      });
      service = await startService(env, ['--no-demo']);
      expect(service.output()).toContain('gongkai: 已按脱敏规则重建公开文本与检索文本：文件 1 件，解读 0 件');
      expect(service.output()).not.toContain('已创建系统管理员');
      const row = await context.prisma.document.findUniqueOrThrow({ where: { id: String(created.id) } });
      expect(`${row.title} ${row.searchText}`).not.toContain('13812345678');
      expect(row.title).toBe('转载的通知（138****5678）');
    } finally {
      await closeContext(context);
    }
  }, 600_000);
});
