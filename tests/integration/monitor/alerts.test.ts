import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildAlert, buildDingTalkPayload, buildWeComPayload, sendAlert } from '../../../src/monitor/core/alerts.js';
import { allChecks } from '../../../src/monitor/core/checks/index.js';
import { buildReport } from '../../../src/monitor/core/report.js';
import type { Finding, MonitorReport } from '../../../src/monitor/core/types.js';
import { crawlOf, deadPort } from '../../helpers/monitor-fixtures.js';
import { loopbackAllowed } from '../../helpers/outbound.js';

const finding = (over: Partial<Finding>): Finding => ({
  ruleId: 'N8',
  code: 'N8.broken',
  severity: 'deduction',
  points: 1,
  page: 'http://127.0.0.1:8080/',
  subject: 'x',
  evidence: 'e',
  message: '站内链接不可用',
  hint: 'h',
  ...over,
});
const report = (findings: Finding[]): MonitorReport =>
  buildReport({ crawl: crawlOf([{}]), findings, checks: allChecks, siteName: '临沧市民政局' });
const hijack = finding({
  ruleId: 'N9',
  code: 'N9.keyword',
  severity: 'veto',
  points: undefined,
  subject: '网投',
  message: '页面出现赌博类违规内容“网投”',
});
const stale = finding({
  ruleId: 'N2',
  code: 'N2.stale',
  severity: 'veto',
  points: undefined,
  subject: 'home',
  message: '首页已 20 天未更新',
});
const newWarning = finding({
  ruleId: 'N9',
  code: 'N9.offsite-redirect',
  severity: 'warning',
  points: undefined,
  subject: 'a.cn',
  message: '本站页面重定向到外部网站',
});

interface Received {
  url: string;
  body: unknown;
}
let server: http.Server;
let origin: string;
const received: Received[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      received.push({ url: req.url ?? '', body: JSON.parse(data) });
      // A robot that moved, sending its callers to the cloud's metadata service.
      if (req.url?.startsWith('/moved')) return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      res.setHeader('content-type', 'application/json');
      if (req.url?.startsWith('/refuse')) return res.end(JSON.stringify({ errcode: 93000, errmsg: 'invalid webhook url' }));
      if (req.url?.startsWith('/error')) {
        res.statusCode = 500;
        return res.end('{}');
      }
      if (req.url?.startsWith('/hang')) return; // never answers
      res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

describe('S8 alerts for vetoes and new security findings', () => {
  test('a veto or a new N9 finding raises an alert; what was already open does not, unless asked', () => {
    const first = report([hijack, newWarning, finding({})]);
    expect(buildAlert(first)!.findings.map((f) => f.subject)).toEqual(['网投', 'a.cn']);
    const second = report([hijack, finding({})]);
    expect(buildAlert(second, first)).toBeUndefined();
    expect(buildAlert(second, first, { includeOpenVetoes: true })!.findings.map((f) => f.subject)).toEqual(['网投']);
    const third = report([hijack, stale]);
    expect(buildAlert(third, second)!.findings.map((f) => f.ruleId)).toEqual(['N2']);
    expect(buildAlert(report([finding({})]))).toBeUndefined();
  });

  test('WeCom and DingTalk markdown payloads in their formats, in Chinese', () => {
    const alert = buildAlert(report([hijack, stale]))!;
    const wecom = buildWeComPayload(alert);
    expect(wecom.msgtype).toBe('markdown');
    expect(wecom.markdown.content).toContain('## 网站监测告警：临沧市民政局');
    expect(wecom.markdown.content).toContain('<font color="warning">不合格</font>');
    expect(wecom.markdown.content).toContain('[N9 单项否决] 页面出现赌博类违规内容“网投”');
    const ding = buildDingTalkPayload(alert);
    expect(ding).toEqual({
      msgtype: 'markdown',
      markdown: { title: '网站监测告警：临沧市民政局', text: expect.stringContaining('单项否决：N2、N9') },
    });
  });

  test('WeCom content stays within 4096 bytes however many findings', () => {
    const many = Array.from({ length: 300 }, (_, i) => ({
      ...hijack,
      subject: `kw${i}`,
      message: `页面出现赌博类违规内容“某某某某某某某某${i}”`.repeat(3),
    }));
    const content = buildWeComPayload(buildAlert(report(many))!).markdown.content;
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(4096);
  });

  test('sending posts to each webhook, signs DingTalk, and returns failures instead of throwing', async () => {
    const alert = buildAlert(report([hijack]))!;
    const dead = await deadPort();
    received.length = 0;
    const results = await sendAlert(
      alert,
      [
        { kind: 'wecom', url: `${origin}/cgi-bin/webhook/send?key=SECRET-KEY` },
        { kind: 'dingtalk', url: `${origin}/robot/send?access_token=TOKEN`, secret: 'SEC123' },
        { kind: 'wecom', url: `${origin}/refuse?key=K` },
        { kind: 'dingtalk', url: `${origin}/error?access_token=T` },
        { kind: 'wecom', url: `http://127.0.0.1:${dead}/send?key=K` },
        { kind: 'wecom', url: `${origin}/hang?key=K` },
      ],
      { timeoutMs: 500, outbound: loopbackAllowed },
    );
    expect(results.map((r) => [r.kind, r.ok])).toEqual([
      ['wecom', true],
      ['dingtalk', true],
      ['wecom', false],
      ['dingtalk', false],
      ['wecom', false],
      ['wecom', false],
    ]);
    expect(results[0].url).toBe(`${origin}/cgi-bin/webhook/send?key=***`);
    expect(results[2].error).toContain('93000');
    expect(results[3].error).toBe('HTTP 500');
    expect(results[4].error).toContain('ECONNREFUSED');
    expect(results[5].error).toMatch(/timeout|ECONNABORTED/i);
    expect(received.find((r) => r.url.startsWith('/cgi-bin'))!.body).toMatchObject({
      msgtype: 'markdown',
      markdown: { content: expect.stringContaining('网投') },
    });
    const ding = new URL(received.find((r) => r.url.startsWith('/robot'))!.url, origin);
    const timestamp = ding.searchParams.get('timestamp')!;
    expect(ding.searchParams.get('sign')).toBe(createHmac('sha256', 'SEC123').update(`${timestamp}\nSEC123`).digest('base64'));
  });

  test('trust #10: a robot address on this machine or the metadata address is refused unless allow-listed, and a redirect is not followed', async () => {
    const alert = buildAlert(report([hijack]))!;
    received.length = 0;
    const results = await sendAlert(
      alert,
      [
        { kind: 'wecom', url: `${origin}/cgi-bin/webhook/send?key=K` },
        { kind: 'dingtalk', url: 'http://169.254.169.254/latest/meta-data/?access_token=T' },
      ],
      { timeoutMs: 2000 },
    );
    expect(results.map((r) => r.ok)).toEqual([false, false]);
    for (const result of results) expect(result.error).toContain('已拒绝访问');
    // The key is masked in the reason as everywhere else.
    expect(results[0].error).not.toContain('key=K');
    expect(received).toEqual([]);
    // Allowed by name, the robot is reached; its redirect to the metadata address is not followed.
    const moved = await sendAlert(alert, [{ kind: 'wecom', url: `${origin}/moved?key=K` }], { timeoutMs: 2000, outbound: loopbackAllowed });
    expect(moved[0]).toMatchObject({ ok: false, error: 'HTTP 302' });
  });
});
