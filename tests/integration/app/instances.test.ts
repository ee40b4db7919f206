import type { Context } from '../../../src/platform/db/prisma.js';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { applyPendingMigrations } from '../../../src/platform/db/migrations.js';
import { closeContext, openContext } from '../../../src/app/context.js';
import { seedDemo } from '../../../src/app/demo.js';
import { paragraphsToHtml } from '../../../src/platform/demo/rich-text.js';
import { pageCacheFor } from '../../../src/platform/page-cache/cache.js';
import { publishDueItems } from '../../../src/workflow/operations/scheduled-publishing.js';
import { apiServer } from '../../helpers/server.js';
import { eventually } from '../../helpers/eventually.js';
import { freshPostgres, postgresAvailable } from '../../helpers/postgres.js';
import { useTestClock } from '../../helpers/clock.js';

// The demo and this file's dates follow the test clock, not the day the suite runs (trust #17).
useTestClock();

const available = await postgresAvailable();
(available ? describe : describe.skip)('two instances on one PostgreSQL database', () => {
  let database: Awaited<ReturnType<typeof freshPostgres>>;
  // Each server shares its cache's invalidations as `gongkai start` does (extendHttpServer).
  const instances: { context: Context; app: Awaited<ReturnType<typeof apiServer>> }[] = [];
  beforeAll(async () => {
    database = await freshPostgres();
    await applyPendingMigrations(database);
    for (let i = 0; i < 2; i++) {
      const context = await openContext(database);
      if (i === 0) await seedDemo(context);
      instances.push({ context, app: await apiServer(database, context) });
    }
  });
  afterAll(async () => {
    for (const instance of instances) await closeContext(instance.context);
    await database.drop();
  });

  test('a publication on instance A shows at once on the cached pages and feeds of instance B', async () => {
    const [a, b] = instances;
    const mzdt = await a.context.prisma.column.findFirstOrThrow({ where: { slug: 'mzdt' } });
    for (const path of ['/columns/mzdt', '/feed.xml', '/']) expect((await request(b.app).get(path)).status).toBe(200);
    expect(pageCacheFor(b.context).get('/columns/mzdt')).toBeDefined();
    await a.context.sudo().db.Document.createOne({
      data: {
        title: '甲实例发布的民政动态',
        status: 'scheduled',
        disclosure: 'proactive',
        publishedAt: new Date(Date.now() - 1000),
        columns: { connect: [{ id: mzdt.id }] },
        body: paragraphsToHtml(['正文']),
      },
    });
    await publishDueItems(a.context);
    for (const path of ['/columns/mzdt', '/feed.xml', '/']) {
      expect(await eventually(async () => (await request(b.app).get(path)).text.includes('甲实例发布的民政动态'))).toBe(true);
    }
  });

  test('an invalidation reaches the other instance only: its own notice is not applied twice', async () => {
    const heard = instances.map((instance) => {
      const cache = pageCacheFor(instance.context);
      const received: string[][] = [];
      const invalidate = cache.invalidate.bind(cache);
      cache.invalidate = (tags, options) => {
        if (options?.remote) received.push([...tags]);
        invalidate(tags, options);
      };
      return received;
    });
    pageCacheFor(instances[0].context).invalidate(['column:probe']);
    expect(await eventually(async () => heard[1].some((tags) => tags.includes('column:probe')))).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(heard[0].some((tags) => tags.includes('column:probe'))).toBe(false);
  });
});
