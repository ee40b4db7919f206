import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from '@jest/globals';
import { createConfig } from '../../../src/app/keystone-config.js';
import { createApiServer } from '../../../src/platform/db/keystone-internals.js';
import { parseCombined } from '../../../src/platform/oplog/combined-log.js';
import { aggregateYesterday } from '../../../src/site/visits/store.js';
import { toCalendarDay } from '../../../src/platform/calendar/working-days.js';
import { seededApi } from '../../helpers/seeded-api.js';
import { testNow } from '../../helpers/clock.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-visits-'));
const accessLog = path.join(dataDir, 'logs', 'access.log');
// Read when the server is made: this file's servers write their access log.
process.env.GONGKAI_DATA_DIR = dataDir;
process.env.GONGKAI_ACCESS_LOG = accessLog;

const { state, as } = seededApi(['xinxi', 'bangongshi', 'jiuzhu']);

describe('N17 visit statistics', () => {
  test('N17: the embedded server writes every request in nginx combined format', async () => {
    const { httpServer } = await createApiServer(createConfig(state.t.db), state.t.context);
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
    try {
      expect((await fetch(`${base}/`, { headers: { 'user-agent': 'Mozilla/5.0 (X11) TestBrowser/1.0' } })).status).toBe(200);
      // The second is answered from the page cache, ahead of Express: it is a visit all the same.
      expect((await fetch(`${base}/`)).status).toBe(200);
      expect((await fetch(`${base}/search?q=${encodeURIComponent('低保')}`)).status).toBe(200);
      expect((await fetch(`${base}/no-such-page`)).status).toBe(404);
    } finally {
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    }
    const entries = fs.readFileSync(accessLog, 'utf8').trim().split('\n').map(parseCombined);
    expect(entries.map((e) => [e?.method, e?.target, e?.status])).toEqual([
      ['GET', '/', 200],
      ['GET', '/', 200],
      ['GET', `/search?q=${encodeURIComponent('低保')}`, 200],
      ['GET', '/no-such-page', 404],
    ]);
    expect(entries[0]).toMatchObject({ address: '127.0.0.1', protocol: 'HTTP/1.1', userAgent: 'Mozilla/5.0 (X11) TestBrowser/1.0' });
    expect(entries[0]!.bytes).toBeGreaterThan(1000);
    expect(entries[1]!.bytes).toBe(entries[0]!.bytes);
  });

  test('N17: the daily job aggregates yesterday from the two rotated files that hold it, and only yesterday', async () => {
    const now = testNow();
    const day = (offset: number) => toCalendarDay(new Date(now.getTime() + offset * 86_400_000));
    const [before, yesterday] = [day(-2), day(-1)];
    const stamp = (d: string, time: string) =>
      `${d.slice(8, 10)}/${new Date(`${d}T00:00:00Z`).toUTCString().slice(8, 11)}/${d.slice(0, 4)}:${time} +0800`;
    const line = (d: string, time: string, address: string, target: string) =>
      `${address} - - [${stamp(d, time)}] "GET ${target} HTTP/1.1" 200 4000 "-" "Mozilla/5.0 Chrome/120"`;
    const logs = path.join(dataDir, 'logs');
    fs.mkdirSync(logs, { recursive: true });
    // Rotated at 00:05: the first minutes of yesterday are in the file of the day before.
    fs.writeFileSync(
      path.join(logs, `access-${before}.log.gz`),
      gzipSync(
        [line(before, '12:00:00', '203.0.113.1', '/'), line(yesterday, '00:01:00', '203.0.113.2', '/columns/zcwj')].join('\n') + '\n',
      ),
    );
    fs.writeFileSync(
      path.join(logs, `access-${yesterday}.log.gz`),
      gzipSync(
        [line(yesterday, '09:00:00', '203.0.113.2', '/search?q=%E4%BD%8E%E4%BF%9D'), line(yesterday, '10:00:00', '203.0.113.3', '/')].join(
          '\n',
        ) + '\n',
      ),
    );
    const result = await aggregateYesterday(state.t.context, now);
    expect(result.days.map((d) => d.day)).toEqual([yesterday]);
    const row = await state.t.context.sudo().prisma.visitDay.findUniqueOrThrow({ where: { day: yesterday } });
    expect({ pageViews: row.pageViews, uniqueVisitors: row.uniqueVisitors, terms: row.topSearchTerms }).toEqual({
      pageViews: 3,
      uniqueVisitors: 2,
      terms: [{ term: '低保', searches: 1 }],
    });
  });

  test('N17: the demo carries a month of statistics, read by the section and the office, never by an editor or the public', async () => {
    const rows = await state.t.context.sudo().prisma.visitDay.findMany({ orderBy: { day: 'asc' } });
    expect(rows.length).toBeGreaterThanOrEqual(30);
    expect(rows.every((r: { pageViews: number; uniqueVisitors: number }) => r.pageViews >= r.uniqueVisitors && r.uniqueVisitors > 0)).toBe(
      true,
    );
    const query = '{ visitDaysCount visitDays(take: 1) { day pageViews } }';
    expect((await as('xinxi', query)).data?.visitDaysCount).toBeGreaterThanOrEqual(30);
    expect((await as('bangongshi', query)).data?.visitDays).toHaveLength(1);
    for (const user of ['jiuzhu', null]) expect((await as(user, query)).data?.visitDays ?? []).toEqual([]);
  });

  test("N17: the 访问统计图表 is drawn on the server by the site's charting, with every day's figures as its text; editors and the public are refused", async () => {
    const query = '{ visitChart { svg text days from to } }';
    const answer = await as('xinxi', query);
    expect(answer.errors).toBeUndefined();
    const { svg, text } = answer.data!.visitChart as { svg: string; text: string };
    expect(svg.startsWith('<svg')).toBe(true);
    // Drawn the same each time: the same figures give the same bytes.
    expect(((await as('bangongshi', query)).data!.visitChart as { svg: string }).svg).toBe(svg);
    // The demo's month (before it, a gap and then the figures of an earlier year, which the chart leaves out).
    const days = await state.t.context.sudo().prisma.visitDay.findMany({ orderBy: { day: 'desc' }, take: 30 });
    expect(text).toContain('近 30 天');
    for (const day of days) expect(text).toContain(`${day.day.slice(5)}`);
    expect(text).toContain(String(days[0].pageViews));
    // The period it shows, which the page sums beside it.
    expect(answer.data!.visitChart).toMatchObject({ days: 30, from: days.at(-1)!.day, to: days[0].day });
    for (const [user, message] of [
      ['jiuzhu', '只有系统管理员'],
      [null, '请先登录'],
    ] as const) {
      const refused = await as(user, query);
      expect(refused.data?.visitChart ?? null).toBeNull();
      expect(refused.errors?.[0].message).toContain(message);
    }
  });
});
