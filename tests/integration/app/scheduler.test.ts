import type { Context } from '../../../src/platform/db/prisma.js';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { applyPendingMigrations } from '../../../src/platform/db/migrations.js';
import { closeContext, openContext } from '../../../src/app/context.js';
import { runJob, tickOf, type Job } from '../../../src/app/scheduler.js';
import { migratedContext, type TestDatabase } from '../../helpers/database.js';
import { freshPostgres, postgresAvailable } from '../../helpers/postgres.js';

const minute = 60_000;
const tick = tickOf(new Date('2026-11-24T08:00:30+08:00'));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function countingJob(name: string, { delayMs = 0, failOnce = false } = {}) {
  const job = { name, schedule: '* * * * *', runs: 0, failures: 0 } as Job & { runs: number; failures: number };
  job.run = async () => {
    await sleep(delayMs);
    if (failOnce && job.failures === 0) {
      job.failures++;
      throw new Error('killed mid-job');
    }
    job.runs++;
    return job.runs;
  };
  return job;
}

describe('jobs run once per tick (one instance)', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await migratedContext();
  });
  afterAll(() => t.close());

  test('a tick already run is not run again; the next tick is', async () => {
    const job = countingJob('count');
    expect(await runJob(job, t.context, t.db.provider, tick)).toBe(true);
    expect(await runJob(job, t.context, t.db.provider, tick)).toBe(false);
    expect(await runJob(job, t.context, t.db.provider, tick + minute)).toBe(true);
    expect(job.runs).toBe(2);
  });
});

const available = await postgresAvailable();
(available ? describe : describe.skip)('jobs run once per tick across instances (PostgreSQL)', () => {
  let database: Awaited<ReturnType<typeof freshPostgres>>;
  let a: Context;
  let b: Context;
  beforeAll(async () => {
    database = await freshPostgres();
    await applyPendingMigrations(database);
    // Two instances: two clients with pools of their own on one database.
    a = await openContext(database);
    b = await openContext(database);
  });
  afterAll(async () => {
    await closeContext(a);
    await closeContext(b);
    await database.drop();
  });

  test('two instances firing for the same tick run the job exactly once', async () => {
    const job = countingJob('concurrent', { delayMs: 200 });
    const ran = await Promise.all([runJob(job, a, 'postgresql', tick), runJob(job, b, 'postgresql', tick)]);
    expect(ran.filter(Boolean)).toHaveLength(1);
    expect(job.runs).toBe(1);
    // A late firing for the same tick, after the run finished, is refused as well.
    expect(await runJob(job, b, 'postgresql', tick)).toBe(false);
    expect(job.runs).toBe(1);
  });

  test('a job still running on one instance is not started on another for the next tick', async () => {
    const job = countingJob('long', { delayMs: 500 });
    const first = runJob(job, a, 'postgresql', tick);
    await sleep(100);
    expect(await runJob(job, b, 'postgresql', tick + minute)).toBe(false);
    expect(await first).toBe(true);
    expect(job.runs).toBe(1);
  });

  test('a run that dies mid-job leaves nothing claimed; the other instance runs it on its next tick', async () => {
    const job = countingJob('crashing', { failOnce: true });
    expect(await runJob(job, a, 'postgresql', tick)).toBe(false);
    expect(job.failures).toBe(1);
    expect(await runJob(job, b, 'postgresql', tick + minute)).toBe(true);
    expect(job.runs).toBe(1);
  });
});

describe('job schedules', () => {
  test('GONGKAI_JOB_SCHEDULES overrides a job by name, and refuses an unknown job or expression', async () => {
    const { jobs, schedulesFrom } = await import('../../../src/app/scheduler.js');
    expect(schedulesFrom(jobs, 'monitor-daily=0 5 * * *').find((j) => j.name === 'monitor-daily')!.schedule).toBe('0 5 * * *');
    expect(schedulesFrom(jobs, '').map((j) => j.schedule)).toEqual(jobs.map((j) => j.schedule));
    expect(() => schedulesFrom(jobs, 'nope=* * * * *')).toThrow(/没有名为 nope/);
    expect(() => schedulesFrom(jobs, 'publish-due=every minute')).toThrow(/不是有效的 cron/);
  });
});
