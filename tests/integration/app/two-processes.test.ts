import type { Context } from '../../../src/platform/db/prisma.js';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { applyPendingMigrations } from '../../../src/platform/db/migrations.js';
import { closeContext, openContext } from '../../../src/app/context.js';
import { seedDemo } from '../../../src/app/demo.js';
import { paragraphsToHtml } from '../../../src/platform/demo/rich-text.js';
import { freshPostgres, postgresAvailable } from '../../helpers/postgres.js';
import { startService, type RunningService } from '../../helpers/service.js';
import { eventually } from '../../helpers/eventually.js';
import { useTestClock } from '../../helpers/clock.js';

// The demo and this file's dates follow the test clock, not the day the suite runs (trust #17).
useTestClock();

/*
 * Two `gongkai start` processes on one PostgreSQL database, as behind a load balancer, each publishing the site
 * into its own directory: the publish-due job runs once per tick across both, a publication made by one is on the
 * other's published files and cached pages, and when one is killed the other carries on with the jobs.
 */

/** The ticks of the publish-due job an instance ran, from its JSON log lines. */
function ticksRun(service: RunningService): string[] {
  return service
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { job?: string; tick?: string; msg?: string })
    .filter((entry) => entry.job === 'publish-due' && entry.msg === 'job done')
    .map((entry) => String(entry.tick));
}

const available = await postgresAvailable();
(available ? describe : describe.skip)('two gongkai processes on one PostgreSQL database', () => {
  let database: Awaited<ReturnType<typeof freshPostgres>>;
  let context: Context;
  const services: RunningService[] = [];
  beforeAll(async () => {
    database = await freshPostgres();
    await applyPendingMigrations(database);
    context = await openContext(database);
    await seedDemo(context);
    // Every two seconds instead of every minute, so the test sees many ticks.
    const env = {
      DATABASE_URL: database.url,
      GONGKAI_SCHEDULER: 'on',
      GONGKAI_JOB_SCHEDULES: 'publish-due=*/2 * * * * *',
      LOG_LEVEL: 'info',
    };
    for (let i = 0; i < 2; i++) services.push(await startService(env, ['--no-demo']));
    // Each has published its own directory at start: from now on each serves its files, not the dynamic pages.
    const startRounds = async () => (await context.prisma.sitePublication.count({ where: { reason: '启动时核对发布目录' } })) >= 2;
    if (!(await eventually(startRounds, 180_000))) throw new Error('两个实例启动时没有都发布网站文件');
  }, 420_000);
  afterAll(async () => {
    for (const service of services) await service.stop();
    await closeContext(context);
    await database.drop();
  });

  async function schedule(title: string) {
    const mzdt = await context.prisma.column.findFirstOrThrow({ where: { slug: 'mzdt' } });
    await context.sudo().db.Document.createOne({
      data: {
        title,
        status: 'scheduled',
        disclosure: 'proactive',
        publishedAt: new Date(Date.now() - 1000),
        columns: { connect: [{ id: mzdt.id }] },
        body: paragraphsToHtml(['正文']),
      },
    });
  }
  const shows = (service: RunningService, title: string) => async () =>
    (await (await fetch(`${service.url}/columns/mzdt`)).text()).includes(title);
  // The job's tick comes within two seconds, but on a loaded machine the publication can take longer: wait for its
  // record, then for the page of each instance (each publishes its own files, the other's after its notice).
  const published = (title: string) => async () =>
    (await context.prisma.revision.count({ where: { document: { title }, kind: 'published' } })) > 0;

  test('a scheduled publication is made once, by one of them, and is on both at once', async () => {
    const [a, b] = services;
    for (const s of services) expect((await fetch(`${s.url}/columns/mzdt`)).status).toBe(200);
    await schedule('两个实例之一发布的动态');
    expect(await eventually(published('两个实例之一发布的动态'), 60_000)).toBe(true);
    expect(await eventually(shows(a, '两个实例之一发布的动态'), 30_000)).toBe(true);
    expect(await eventually(shows(b, '两个实例之一发布的动态'), 30_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 4000));
    const ticks = [...ticksRun(a), ...ticksRun(b)];
    expect(ticks.length).toBeGreaterThan(2);
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(await context.prisma.revision.count({ where: { document: { title: '两个实例之一发布的动态' }, kind: 'published' } })).toBe(1);
  }, 150_000);

  test('when one is killed, the other runs the jobs on its next tick', async () => {
    const [a, b] = services;
    process.kill(a.pid, 'SIGKILL');
    await schedule('实例被终止后发布的动态');
    expect(await eventually(published('实例被终止后发布的动态'), 60_000)).toBe(true);
    expect(await eventually(shows(b, '实例被终止后发布的动态'), 30_000)).toBe(true);
  }, 150_000);
});
