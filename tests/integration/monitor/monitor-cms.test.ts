import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { runOwnSiteMonitor, recordProbes } from '../../../src/monitor/runner.js';
import { parseWebhooks } from '../../../src/platform/notify/robots.js';
import { testNow } from '../../helpers/clock.js';
import { seededApi } from '../../helpers/seeded-api.js';
import { jsonCopy } from '../../../src/platform/db/prisma.js';

const { state, as } = seededApi(['xinxi', 'jiuzhu']);
let server: http.Server;
let base = '';
// The test clock's day, from which the demo is dated. Outbound links are not followed: tests stay on this machine.
const now = testNow();

// A robot that records what it is sent (WeCom's JSON shape).
const received: unknown[] = [];
let robot: http.Server;
let robotUrl = '';

beforeAll(async () => {
  server = http.createServer(state.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await state.t.context.sudo().prisma.siteSettings.updateMany({ data: { baseUrl: base } });
  robot = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0}');
    });
  });
  await new Promise<void>((resolve) => robot.listen(0, '127.0.0.1', resolve));
  robotUrl = `http://127.0.0.1:${(robot.address() as AddressInfo).port}/cgi-bin/webhook/send?key=secret`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await new Promise((resolve) => robot.close(resolve));
});

describe('the monitor on our own site (S8)', () => {
  test('S8: the demo site passes the national inspection with no veto', async () => {
    const result = await runOwnSiteMonitor(state.t.context, { now, force: true, checkExternal: false });
    const report = result!.report;
    expect({ vetoes: report.score.vetoes.map((v) => `${v.ruleId} ${v.message}`), passed: report.score.passed }).toEqual({
      vetoes: [],
      passed: true,
    });
    expect(report.pagesCrawled).toBeGreaterThan(20);
    const stored = await state.t.context.prisma.monitorRun.findFirst({ where: { id: result!.id } });
    expect(stored).toMatchObject({ passed: true, ownSite: true, vetoCount: 0 });
  });

  test('S1: a non-public document made reachable from the public site is a veto, alerted at once', async () => {
    const saved = await as('xinxi', `mutation($w: String!) { updateMonitorSettings(data: { webhooks: $w }) { id } }`, {
      w: `企业微信 ${robotUrl}`,
    });
    expect(saved.errors).toBeUndefined();
    // The robot of this test is on this machine: allow-listed (issue 14 #10), as an intranet robot would be.
    expect((await as('xinxi', `mutation { updateSiteSettings(data: { outboundAllowList: "127.0.0.1" }) { id } }`)).errors).toBeUndefined();
    // A public page links to a document that is not public: a reprint edited by mistake.
    const secret = await state.t.context.prisma.document.findFirstOrThrow({ where: { disclosure: 'notPublic' } });
    const reprint = await state.t.context.prisma.document.findFirstOrThrow({ where: { status: 'published', origin: 'reprint' } });
    await state.t.context.sudo().db.Document.updateOne({
      where: { id: reprint.id },
      data: { reprintBody: `<p>参见<a href="/documents/${secret.id}">内部意见</a></p>` },
    });
    const result = await runOwnSiteMonitor(state.t.context, { now, force: true, checkExternal: false });
    expect(result!.report.score.vetoes.map((v) => v.ruleId)).toContain('S1');
    expect(result!.comparison.new.some((f) => f.ruleId === 'S1')).toBe(true);
    expect(received).toHaveLength(1);
    expect(JSON.stringify(received[0])).toContain('S1');
  });

  test('N1: probes of the home page and key pages are stored', async () => {
    const { probed, failed } = await recordProbes(state.t.context, now);
    expect(probed).toBeGreaterThanOrEqual(3);
    expect(failed).toBe(0);
    expect(await state.t.context.prisma.monitorProbe.count()).toBeGreaterThanOrEqual(probed);
  });

  test('reports are for the staff who run the site, as HTML, JSON and CSV', async () => {
    expect((await request(state.app).get('/monitor/reports/latest.html')).status).toBe(403);
    const cookie = state.cookies.xinxi;
    const html = await request(state.app).get('/monitor/reports/latest.html').set('cookie', cookie);
    expect(html.status).toBe(200);
    expect(html.text).toContain('<svg');
    expect(html.text).not.toMatch(/(src|href)="https?:/);
    const csv = await request(state.app).get('/monitor/reports/latest.csv').set('cookie', cookie);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    // Named by the run's day in China: the daily 6:00 run is still the day before in UTC.
    const latest = await state.t.context.prisma.monitorRun.findFirstOrThrow({ orderBy: { finishedAt: 'desc' } });
    const early = await state.t.context.prisma.monitorRun.create({
      data: {
        report: jsonCopy(latest.report),
        summary: jsonCopy(latest.summary),
        siteUrl: latest.siteUrl,
        finishedAt: new Date('2026-11-24T06:00:00+08:00'),
      },
    });
    const named = await request(state.app).get(`/monitor/reports/${early.id}.csv`).set('cookie', cookie);
    expect(named.headers['content-disposition']).toBe('attachment; filename="monitor-2026-11-24.csv"');
    await state.t.context.prisma.monitorRun.delete({ where: { id: early.id } });
    expect((await request(state.app).get('/monitor/reports/latest.json').set('cookie', cookie)).body.score).toBeDefined();
    expect((await request(state.app).get('/monitor/reports/latest.html').set('cookie', state.cookies.jiuzhu)).status).toBe(403);
  });

  test('S8: the section runs the monitor at once from 监测设置; others may not', async () => {
    const before = await state.t.context.prisma.monitorRun.count();
    const settings = await state.t.context.prisma.monitorSettings.findFirstOrThrow();
    const denied = await as('jiuzhu', `mutation($id: ID!) { runNowMonitorSettings(where: { id: $id }) { id } }`, {
      id: String(settings.id),
    });
    expect(denied.errors?.length).toBeGreaterThan(0);
    await state.t.context
      .sudo()
      .prisma.monitorSettings.update({ where: { id: settings.id }, data: { webhooks: '', checkExternalLinks: false } });
    const ran = await as('xinxi', `mutation($id: ID!) { runNowMonitorSettings(where: { id: $id }) { id } }`, { id: String(settings.id) });
    expect(ran.errors).toBeUndefined();
    expect(await state.t.context.prisma.monitorRun.count()).toBe(before + 1);
  }, 120_000);

  test('webhook lines are read as WeCom or DingTalk robots', () => {
    expect(
      parseWebhooks(
        '企业微信 https://qyapi.weixin.qq.com/x?key=1\n钉钉 https://oapi.dingtalk.com/robot/send?access_token=2 SECabc\nbogus line',
      ),
    ).toEqual([
      { kind: 'wecom', url: 'https://qyapi.weixin.qq.com/x?key=1' },
      { kind: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=2', secret: 'SECabc' },
    ]);
  });

  test("N19: our own site is checked against the office's 规范表述词库, as submissions are", async () => {
    // An entry the office adds today: a phrase of the published 低保 notice, marked out of use since 2020.
    await state.t.context.sudo().db.ContentRule.createOne({
      data: { kind: 'outdated', term: '城乡最低生活保障标准', replacement: '城乡低保标准', retiredOn: '2020-01-01', source: '测试词条' },
    });
    const report = (await runOwnSiteMonitor(state.t.context, { now, force: true, checkExternal: false }))!.report;
    expect(report.findings.filter((f) => f.code === 'N19.outdated-expression')).toEqual([
      expect.objectContaining({
        subject: '城乡最低生活保障标准',
        severity: 'warning',
        message: expect.stringContaining('请改为“城乡低保标准”'),
      }),
    ]);
  });
});
