import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { demoPassword } from '../../../src/app/demo.js';
import { maintainLogs } from '../../../src/platform/oplog/log-maintenance.js';
import { retentionCutoff } from '../../../src/platform/oplog/retention.js';
import { seededApi } from '../../helpers/seeded-api.js';
import { testNow } from '../../helpers/clock.js';

// Read when the server is made (in beforeAll): the visitor's address from X-Forwarded-For, as behind nginx.
process.env.GONGKAI_TRUST_PROXY = 'loopback';
process.env.GONGKAI_ADMIN_ALLOW = '10.20.0.0/16, 192.168.1.5';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-oplog-'));
process.env.GONGKAI_DATA_DIR = dataDir;

const { state } = seededApi([]);
const inside = '10.20.3.4';
const outside = '203.0.113.9';

const signInMutation = `mutation($u: String!, $p: String!) { authenticateUserWithPassword(username: $u, password: $p) {
  ... on UserAuthenticationWithPasswordSuccess { item { id } }
  ... on UserAuthenticationWithPasswordFailure { message } } }`;

function gql(from: string, query: string, variables: Record<string, unknown> = {}, cookie?: string) {
  const req = request(state.app)
    .post('/api/graphql')
    .set({ 'content-type': 'application/json', 'apollo-require-preflight': 'true', 'x-forwarded-for': from });
  if (cookie) req.set('cookie', cookie);
  return req.send({ query, variables });
}
const cookieOf = (res: request.Response) =>
  ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0])
    .join('; ');
const logRows = () => state.t.context.sudo().prisma.operationLog.findMany({ orderBy: { at: 'asc' } });

describe('N20 admin allow-list', () => {
  test('N20: an allow-listed address reaches the Admin UI and signs in; another is refused before the password is checked', async () => {
    expect((await request(state.app).get('/admin').set('x-forwarded-for', outside)).status).toBe(403);
    const refusedPage = await request(state.app).get('/admin/documents').set('x-forwarded-for', outside);
    expect(refusedPage.text).toContain('不在管理后台允许访问的地址范围内');
    expect((await request(state.app).get('/admin').set('x-forwarded-for', inside)).status).not.toBe(403);
    expect((await request(state.app).get('/oplog/operations.csv').set('x-forwarded-for', outside)).status).toBe(403);

    const refused = await gql(outside, signInMutation, { u: 'jiuzhu', p: demoPassword });
    expect(refused.body.data.authenticateUserWithPassword.message).toContain(
      `您所在的网络地址（${outside}）不在管理后台允许访问的地址范围内`,
    );
    expect(refused.headers['set-cookie']).toBeUndefined();
    // Refused before the password: no sign-in record counts against the account.
    expect(await state.t.context.sudo().prisma.signInRecord.count({ where: { address: outside } })).toBe(0);

    const allowed = await gql(inside, signInMutation, { u: 'jiuzhu', p: demoPassword });
    expect(allowed.body.data.authenticateUserWithPassword.item.id).toBeTruthy();
    const cookie = cookieOf(allowed);
    const who = '{ authenticatedItem { ... on User { username } } }';
    expect((await gql(inside, who, {}, cookie)).body.data.authenticatedItem).toEqual({ username: 'jiuzhu' });
    // The same session from outside the list is no session: the API answers as to the public.
    expect((await gql(outside, who, {}, cookie)).body.data.authenticatedItem).toBeNull();
    // The public site and the public API stay open to everyone.
    expect((await request(state.app).get('/').set('x-forwarded-for', outside)).status).toBe(200);
    expect((await gql(outside, '{ columns(take: 1) { name } }')).body.data.columns).toHaveLength(1);
  });
});

describe('N20 operation log', () => {
  test('N20: sign-ins (failed too), mutations with actor, role, address, list, item and action, and exports are recorded', async () => {
    const failed = await gql(inside, signInMutation, { u: 'xinxi', p: 'wrong-password' });
    expect(failed.body.data.authenticateUserWithPassword.message).toBeTruthy();
    const signedIn = await gql(inside, signInMutation, { u: 'xinxi', p: demoPassword });
    const cookie = cookieOf(signedIn);
    const column = await state.t.context.sudo().prisma.column.findFirstOrThrow({ where: { slug: 'zcwj' } });
    const updated = await gql(
      inside,
      'mutation($id: ID!) { updateColumn(where: { id: $id }, data: { keywords: "政策,文件" }) { id } }',
      { id: column.id },
      cookie,
    );
    expect(updated.body.errors).toBeUndefined();
    const exported = await request(state.app)
      .get('/oplog/operations.csv?from=2026-01-01&q=xinxi')
      .set({ 'x-forwarded-for': inside, cookie });
    expect(exported.status).toBe(200);
    expect(exported.text).toContain('时间,操作人,姓名,角色,网络地址,操作');
    expect(exported.text).toContain('登录失败');

    const rows = await logRows();
    const pick = (r: Record<string, unknown>) => ({
      actor: r.actor,
      role: r.role,
      address: r.address,
      action: r.action,
      target: r.target,
      itemId: r.itemId,
      outcome: r.outcome,
    });
    expect(rows.map(pick)).toEqual(
      expect.arrayContaining([
        { actor: 'xinxi', role: null, address: inside, action: '登录失败', target: '管理后台', itemId: '', outcome: 'failure' },
        expect.objectContaining({
          actor: 'xinxi',
          role: 'infoSection',
          address: inside,
          action: '登录',
          target: '管理后台',
          outcome: 'success',
        }),
        { actor: 'xinxi', role: 'infoSection', address: inside, action: '修改', target: '栏目', itemId: column.id, outcome: 'success' },
        expect.objectContaining({
          actor: 'xinxi',
          role: 'infoSection',
          address: inside,
          action: '导出',
          target: '操作日志',
          outcome: 'success',
        }),
      ]),
    );
    // A refused sign-in from outside the allow-list is recorded as well, with its reason.
    expect(rows.find((r: { address: string; action: string }) => r.address === outside && r.action === '登录失败')).toBeTruthy();
  });

  test('N20: the log is append-only and read only by the admin and the info-construction section', async () => {
    const section = cookieOf(await gql(inside, signInMutation, { u: 'xinxi', p: demoPassword }));
    const editor = cookieOf(await gql(inside, signInMutation, { u: 'jiuzhu', p: demoPassword }));
    const schema = await gql(inside, '{ __type(name: "Mutation") { fields { name } } }', {}, section);
    const names = schema.body.data.__type.fields.map((f: { name: string }) => f.name);
    expect(names.filter((n: string) => /OperationLog/i.test(n))).toEqual([]);
    expect((await gql(inside, '{ operationLogsCount }', {}, section)).body.data.operationLogsCount).toBeGreaterThan(0);
    for (const cookie of [editor, undefined]) {
      const answer = await gql(inside, '{ operationLogsCount operationLogs(take: 1) { id actor } }', {}, cookie);
      expect(answer.body.data?.operationLogs ?? []).toEqual([]);
    }
  });

  test('N20: the daily job rotates and compresses the logs, archives each day and deletes exactly what is past the retention', async () => {
    const prisma = state.t.context.sudo().prisma;
    const now = testNow();
    const cutoff = retentionCutoff(now, 400);
    await prisma.operationLog.deleteMany({});
    await prisma.operationLog.create({ data: { at: new Date(cutoff.getTime() - 1), action: '修改', target: '栏目', actor: 'old' } });
    await prisma.operationLog.create({ data: { at: cutoff, action: '修改', target: '栏目', actor: 'kept' } });
    await prisma.operationLog.create({
      data: { at: new Date(now.getTime() - 86_400_000), action: '登录', target: '管理后台', actor: 'yesterday' },
    });
    // 登录记录 are network logs: kept exactly as long.
    await prisma.signInRecord.deleteMany({});
    await prisma.signInRecord.create({
      data: { at: new Date(cutoff.getTime() - 1), username: 'old', outcome: 'failure', address: '203.0.113.9' },
    });
    await prisma.signInRecord.create({ data: { at: cutoff, username: 'kept', outcome: 'failure', address: '203.0.113.9' } });
    const logs = path.join(dataDir, 'logs');
    fs.mkdirSync(logs, { recursive: true });
    const access = path.join(logs, 'access.log');
    process.env.GONGKAI_ACCESS_LOG = access;
    fs.writeFileSync(access, '203.0.113.9 - - [23/Nov/2026:10:00:00 +0800] "GET / HTTP/1.1" 200 512 "-" "curl/8.5.0"\n');
    const old = '2025-10-19';
    for (const name of [`access-${old}.log.gz`, 'access-2025-10-20.log.gz', `operations-${old}.jsonl.gz`])
      fs.writeFileSync(path.join(logs, name), '');

    const result = await maintainLogs(state.t.context, now);
    expect(result.deletedRows).toBe(1);
    expect(result.deletedSignIns).toBe(1);
    expect((await prisma.signInRecord.findMany()).map((r: { username: string }) => r.username)).toEqual(['kept']);
    expect((await prisma.operationLog.findMany({ orderBy: { at: 'asc' } })).map((r: { actor: string }) => r.actor)).toEqual([
      'kept',
      'yesterday',
    ]);
    expect(result.deletedFiles.sort()).toEqual([`access-${old}.log.gz`, `operations-${old}.jsonl.gz`]);
    expect(fs.existsSync(path.join(logs, 'access-2025-10-20.log.gz'))).toBe(true);
    // The access log of the closing day, compressed; a fresh file takes the new lines.
    expect(fs.existsSync(access)).toBe(false);
    expect(gunzipSync(fs.readFileSync(path.join(logs, 'access-2026-11-23.log.gz'))).toString()).toContain('"GET / HTTP/1.1" 200 512');
    expect(result.archivedDays).toEqual(['2025-10-20', '2026-11-23']);
    const archived = gunzipSync(fs.readFileSync(path.join(logs, 'operations-2026-11-23.jsonl.gz')))
      .toString()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(archived.map((r: { actor: string }) => r.actor)).toEqual(['yesterday']);
    // Run again the same day: nothing archived twice, nothing more deleted.
    expect(await maintainLogs(state.t.context, now)).toEqual({
      rotated: null,
      archivedDays: [],
      deletedRows: 0,
      deletedSignIns: 0,
      deletedFiles: [],
    });
  });
});
