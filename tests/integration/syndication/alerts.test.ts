import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { extraTasks } from '../../../src/app/tasks.js';
import { runSyndicationSource } from '../../../syndication/runner.js';
import { syndicationTasks } from '../../../syndication/alerts.js';
import { HttpFetcher } from '../../../syndication/core/fetch.js';
import { migratedContext, type TestDatabase } from '../../helpers/database.js';
import { loopbackAllowed } from '../../helpers/outbound.js';
import { startFixtureServer, type FixtureServer } from '../../helpers/syndication-server.js';

/*
 * S9: a source failing three runs in a row, or whose list turns empty, alerts the robots once and is in
 * the info-construction section's 待办 until a run succeeds.
 */

let t: TestDatabase;
let upstream: FixtureServer;
let robot: http.Server;
const robotMessages: string[] = [];
let listStatus = 500;
let list: { TITLE: string; URL: string; DOCRELPUBTIME: string }[] = [];

const fetcher = new HttpFetcher({ retries: 0, proxy: false, outbound: loopbackAllowed, sleep: async () => {} });
let minute = 0;
const run = () => {
  const at = new Date(Date.UTC(2026, 10, 24, 2, minute++));
  return runSyndicationSource(t.context, 'alerting', { fetcher, now: () => at });
};
const sectionTasks = (role: 'infoSection' | 'admin' | 'editor' | 'officeReviewer') =>
  syndicationTasks(t.context.sudo(), { id: 'u', role, departmentId: role === 'editor' ? 'd' : null }, new Date(Date.UTC(2026, 10, 24, 3)));
const source = () => t.context.sudo().prisma.syndicationSource.findUniqueOrThrow({ where: { key: 'alerting' } });
/** 运行状况 as the source list shows it. */
const health = async () =>
  ((await t.context.sudo().query.SyndicationSource.findOne({ where: { key: 'alerting' }, query: 'health' })) as { health: string }).health;

beforeAll(async () => {
  t = await migratedContext();
  upstream = await startFixtureServer();
  upstream.route('/list.json', (_req, res) => {
    if (listStatus !== 200) res.writeHead(listStatus).end('维护中');
    else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(list));
  });
  upstream.route('*', (_req, res) => {
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end('<html><body><h1>通知</h1><div class="TRS_UEDITOR"><p>正文</p></div></body></html>');
  });
  robot = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      robotMessages.push(JSON.parse(body).markdown.content);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0}');
    });
  });
  await new Promise<void>((resolve) => robot.listen(0, '127.0.0.1', resolve));
  const prisma = t.context.sudo().prisma;
  const robotUrl = `http://127.0.0.1:${(robot.address() as AddressInfo).port}/cgi-bin/webhook/send?key=test`;
  if (await prisma.siteSettings.count())
    await prisma.siteSettings.updateMany({ data: { alertWebhooks: `企业微信 ${robotUrl}`, outboundAllowList: '127.0.0.1' } });
  else await prisma.siteSettings.create({ data: { id: 1, alertWebhooks: `企业微信 ${robotUrl}`, outboundAllowList: '127.0.0.1' } });
  const column = await prisma.column.create({ data: { name: '市政府文件', slug: 'shizf', kind: 'reprint' } });
  await prisma.syndicationSource.create({
    data: {
      key: 'alerting',
      name: '临沧市人民政府·文件',
      level: 'city',
      adapter: 'json-list',
      listUrls: upstream.url('/list.json'),
      schedule: '0 9 * * *',
      policy: 'review',
      enabled: true,
      allowedHosts: '127.0.0.1',
      targetColumn: { connect: { id: column.id } },
    },
  });
});

afterAll(async () => {
  await upstream.close();
  await new Promise((resolve) => robot.close(resolve));
  await t.close();
});

describe('S9 failing sources alert', () => {
  test("S9: three failed runs alert once; the source is in the section's 待办 until a run succeeds", async () => {
    expect(await health()).toBe('尚未运行');
    await run();
    expect(await health()).toBe('暂时失败，稍后重试');
    await run();
    expect(robotMessages).toHaveLength(0);
    expect(await sectionTasks('infoSection')).toEqual([]);

    await run();
    expect(robotMessages).toHaveLength(1);
    expect(robotMessages[0]).toContain('转载来源采集失败');
    expect(robotMessages[0]).toContain('来源：临沧市人民政府·文件（alerting）');
    expect(robotMessages[0]).toContain('情况：已连续失败 3 次');
    expect((await source()).failureAlertedAt).toEqual(new Date(Date.UTC(2026, 10, 24, 2, 2)));

    const [task] = await sectionTasks('infoSection');
    expect(task).toMatchObject({
      kindLabel: '转载来源',
      listKey: 'SyndicationSource',
      title: '临沧市人民政府·文件',
      href: `/admin/syndication-sources/${(await source()).id}`,
    });
    expect(task.detail).toMatch(/^采集失败（连续 3 次）：.*HTTP 500/);
    expect(await sectionTasks('admin')).toHaveLength(1);
    expect(await sectionTasks('editor')).toEqual([]);
    expect(await sectionTasks('officeReviewer')).toEqual([]);
    // Wired into 待办 with the other clocks.
    expect(
      (await extraTasks(t.context.sudo(), { id: 'u', role: 'infoSection', departmentId: null }, new Date(Date.UTC(2026, 10, 24, 3)))).map(
        (x) => x.kindLabel,
      ),
    ).toContain('转载来源');

    await run();
    expect(robotMessages).toHaveLength(1); // once
    await run();
    expect(await health()).toBe('持续失败，请检查');

    listStatus = 200;
    list = [{ TITLE: '关于做好冬春救助工作的通知', URL: '/a/1.html', DOCRELPUBTIME: '2026-11-20' }];
    expect((await run()).ok).toBe(true);
    expect(await health()).toBe('正常');
    expect((await source()).failureAlertedAt).toBeNull();
    expect(await sectionTasks('infoSection')).toEqual([]);
  });

  test('S9: a list that turns empty alerts at once', async () => {
    list = [];
    const record = await run();
    expect(record).toMatchObject({ ok: false, listEmpty: true });
    expect(robotMessages).toHaveLength(2);
    expect(robotMessages[1]).toContain('情况：列表解析结果为空，上游网站可能已改版');
    expect(await sectionTasks('infoSection')).toHaveLength(1);
    await run();
    expect(robotMessages).toHaveLength(2);
  });
});
