import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runDueSources } from '../../../syndication/runner.js';
import { SCHEDULE_CHOICES, describeSchedule } from '../../../syndication/core/schedule.js';
import { seededApi } from '../../helpers/seeded-api.js';
import { serve, startFixtureServer, type FixtureServer } from '../../helpers/syndication-server.js';

/*
 * S9 (issue 16): a schedule picked from the plain choices is what the scheduler runs by, and a source saved
 * before the choices existed, with its own cron expression, runs as it did.
 */
const { state, as } = seededApi(['xinxi']);
let upstream: FixtureServer;

beforeAll(async () => {
  upstream = await startFixtureServer();
  upstream.route(
    '/list.json',
    serve(JSON.stringify([{ TITLE: '国务院关于计划采集的通知', URL: '/content_1.htm', DOCRELPUBTIME: '2026-11-20' }]), 'application/json'),
  );
  upstream.route(
    '/content_1.htm',
    serve('<html><body><div class="TRS_UEDITOR"><p>按计划采集的正文。</p></div></body></html>', 'text/html; charset=utf-8'),
  );
  const saved = await as('xinxi', `mutation { updateSiteSettings(data: { outboundAllowList: "127.0.0.1" }) { id } }`);
  expect(saved.errors).toBeUndefined();
});
afterAll(() => upstream?.close());

const daily8 = SCHEDULE_CHOICES.find((choice) => choice.label === '每天 8:00')!;
// Beijing is UTC+8: 08:00 in Beijing is 00:00 UTC.
const at = (iso: string) => new Date(iso);
const ranAt = async (iso: string) => (await runDueSources(state.t.context, { now: at(iso) })).ran;

describe('S9: 采集计划 chosen in plain words', () => {
  test('S9: 每天 8:00 chosen on the form schedules the source at 8:00 Beijing time and not between', async () => {
    const gwy = await state.t.context.prisma.column.findFirstOrThrow({ where: { slug: 'gwy' } });
    // What the form sends for the choice 每天 8:00: its expression, through the API as the section.
    const created = await as(
      'xinxi',
      `mutation($data: SyndicationSourceCreateInput!) { createSyndicationSource(data: $data) { id schedule } }`,
      {
        data: {
          key: 'plain-daily',
          name: '测试上游·每天',
          level: 'state-council',
          adapter: 'json-list',
          listUrls: upstream.url('/list.json'),
          schedule: daily8.cron,
          policy: 'review',
          enabled: true,
          targetColumn: { connect: { id: gwy.id } },
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const row = await state.t.context.prisma.syndicationSource.findFirstOrThrow({ where: { key: 'plain-daily' } });
    expect(row.schedule).toBe('0 8 * * *');
    expect(describeSchedule(row.schedule)).toBe('每天 8:00');

    expect(await ranAt('2026-11-24T00:00:00Z')).toContain('plain-daily'); // first run, 08:00
    expect(await ranAt('2026-11-24T01:00:00Z')).not.toContain('plain-daily'); // 09:00
    expect(await ranAt('2026-11-24T06:00:00Z')).not.toContain('plain-daily'); // 14:00
    expect(await ranAt('2026-11-24T23:59:00Z')).not.toContain('plain-daily'); // 07:59 next day
    expect(await ranAt('2026-11-25T00:00:00Z')).toContain('plain-daily'); // 08:00 next day
    const after = await state.t.context.prisma.syndicationSource.findFirstOrThrow({ where: { key: 'plain-daily' } });
    expect(after.lastRunAt?.toISOString()).toBe('2026-11-25T00:00:00.000Z');
    expect(after.lastError).toBe('');
    const items = await state.t.context.prisma.upstreamItem.findMany({ where: { sourceId: after.id }, select: { title: true } });
    expect(items).toEqual([{ title: '国务院关于计划采集的通知' }]);
  });

  test('S9: a row saved with its own cron expression before the choices still runs by it (自定义)', async () => {
    const gwy = await state.t.context.prisma.column.findFirstOrThrow({ where: { slug: 'gwy' } });
    // Written as an older version stored it: straight into the table, with an expression no choice has.
    await state.t.context.prisma.syndicationSource.create({
      data: {
        key: 'old-cron',
        name: '测试上游·旧计划',
        level: 'state-council',
        adapter: 'json-list',
        listUrls: upstream.url('/list.json'),
        schedule: '45 8-20/4 * * *',
        policy: 'review',
        enabled: true,
        targetColumnId: gwy.id,
        lastRunAt: at('2026-11-26T00:00:00Z'),
      },
    });
    expect(describeSchedule('45 8-20/4 * * *')).toBe('自定义（高级）：45 8-20/4 * * *');
    expect(await ranAt('2026-11-26T00:30:00Z')).not.toContain('old-cron'); // 08:30
    expect(await ranAt('2026-11-26T00:45:00Z')).toContain('old-cron'); // 08:45
    expect(await ranAt('2026-11-26T01:45:00Z')).not.toContain('old-cron'); // 09:45
    expect(await ranAt('2026-11-26T04:45:00Z')).toContain('old-cron'); // 12:45
    // Its page reads the expression back unchanged for the form to show under 自定义（高级）.
    const read = await as('xinxi', `{ syndicationSources(where: { key: { equals: "old-cron" } }) { schedule } }`);
    expect(read.data?.syndicationSources).toEqual([{ schedule: '45 8-20/4 * * *' }]);
  });
});
