import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { applyPendingMigrations, migrationStatus } from '../../../src/platform/db/migrations.js';
import { closeContext, openContext } from '../../../src/app/context.js';
import { seedDemo } from '../../../src/app/demo.js';
import { freshPostgres, postgresAvailable } from '../../helpers/postgres.js';
import { useTestClock } from '../../helpers/clock.js';

// The demo and this file's dates follow the test clock, not the day the suite runs (trust #17).
useTestClock();

// PostgreSQL is the engine for more than one instance: the same migrations, seed and access rules.
const available = await postgresAvailable();
const describeIfPostgres = available ? describe : describe.skip;

describeIfPostgres('on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof freshPostgres>>;
  beforeAll(async () => {
    database = await freshPostgres();
  });
  afterAll(() => database?.drop());

  test('migrations apply from empty, once, and the demo seed runs idempotently', async () => {
    const applied = await applyPendingMigrations(database);
    expect(applied.length).toBeGreaterThan(0);
    expect(await applyPendingMigrations(database)).toEqual([]);
    expect((await migrationStatus(database)).pending).toEqual([]);

    const context = await openContext(database);
    try {
      const first = await seedDemo(context);
      expect(first.created.Document).toBeGreaterThan(0);
      const again = await seedDemo(context);
      expect(Object.values(again.created).every((n) => n === 0)).toBe(true);
      // Chinese search works the same on PostgreSQL.
      const { searchData } = await import('../../../src/site/data.js');
      const found = await searchData(context, '低保', 'all', 1);
      expect(found.documentCount).toBeGreaterThan(0);
      expect(found.interpretationCount).toBeGreaterThan(0);
      expect((await searchData(context, '内部留存', 'all', 1)).total).toBe(0);
      // S1 holds on PostgreSQL as on SQLite.
      const visible = await context.query.Document.findMany({ query: 'status disclosure' });
      expect(visible.length).toBeGreaterThan(0);
      expect(visible.every((d) => d.status === 'published' && ['proactive', 'redacted'].includes(d.disclosure))).toBe(true);
    } finally {
      await closeContext(context);
    }
  });

  test('two instances migrating at once apply each migration exactly once', async () => {
    const other = await freshPostgres();
    try {
      const [a, b] = await Promise.all([applyPendingMigrations(other), applyPendingMigrations(other)]);
      expect(a.length + b.length).toBeGreaterThan(0);
      expect((await migrationStatus(other)).pending).toEqual([]);
    } finally {
      await other.drop();
    }
  });
});
