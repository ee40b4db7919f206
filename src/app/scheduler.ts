import cron, { type ScheduledTask } from 'node-cron';
import { validityDayStarts } from '../validity/jobs.js';
import type { DatabaseProvider } from '../platform/config/env.js';
import { type Context, type PrismaTransaction } from '../platform/db/prisma.js';
import { logger } from '../platform/logging/logger.js';
import { publishDueItems } from '../workflow/operations/scheduled-publishing.js';
import { runDueSources } from '../../syndication/runner.js';
import { recordProbes, runOwnSiteMonitor } from '../monitor/runner.js';
import { runIncidentClockAlerts } from '../incidents/alerts.js';
import { alertRequestDeadlines } from '../requests/alerts.js';
import { sendMessageAlerts } from '../mailbox/alerts.js';
import { consultationDayStarts } from '../consultation/actions.js';
import { maintainLogs } from '../platform/oplog/log-maintenance.js';
import { aggregateYesterday } from '../site/visits/store.js';
import { renderedExpectedBytes } from './expected-bytes.js';

export interface Job {
  name: string;
  /** A node-cron expression, in the site's time zone. */
  schedule: string;
  run: (context: Context) => Promise<unknown>;
}

/** Every scheduled job of the product; each is one function of the capability it belongs to. */
export const jobs: Job[] = [
  { name: 'publish-due', schedule: '* * * * *', run: (context) => publishDueItems(context) },
  // Each source has a schedule of its own; this checks every minute which are due (S9).
  { name: 'syndication', schedule: '* * * * *', run: (context) => runDueSources(context) },
  // S8, N1: availability every five minutes, the whole site every morning before anyone looks; N9: the
  // probe also checks the next 20 published pages against the manifest, the morning run all of them.
  { name: 'monitor-probes', schedule: '*/5 * * * *', run: (context) => recordProbes(context, new Date(), renderedExpectedBytes(context)) },
  // S7: minute clocks; alerts the moment one is at risk or overdue.
  { name: 'incident-clocks', schedule: '* * * * *', run: (context) => runIncidentClockAlerts(context) },
  // Consultations: close those whose period ended, refresh the pages that count days left.
  { name: 'consultation-day', schedule: '1 0 * * *', run: async (context) => (await consultationDayStarts(context)).length },
  // N19: documents whose validity ended yesterday leave the pages that showed them as current.
  { name: 'validity-day', schedule: '2 0 * * *', run: (context) => validityDayStarts(context) },
  {
    name: 'monitor-daily',
    schedule: '0 6 * * *',
    run: async (context) => (await runOwnSiteMonitor(context, { expectedBytes: renderedExpectedBytes(context) }))?.report.score ?? 'off',
  },
  // N13: requests turning due within 5 working days or overdue, alerted once each, every morning.
  { name: 'request-deadlines', schedule: '30 8 * * *', run: (context) => alertRequestDeadlines(context) },
  // N5: messages whose reply turned due soon, late or unanswered, each alerted once.
  { name: 'message-alerts', schedule: '30 8 * * *', run: (context) => sendMessageAlerts(context) },
  // N20: rotate and compress the access log, archive the operation log by day, delete what is past retention.
  { name: 'log-maintenance', schedule: '5 0 * * *', run: async (context) => (await maintainLogs(context)).deletedRows },
  // N17: yesterday's visit statistics from the rotated access logs.
  { name: 'visit-statistics', schedule: '15 0 * * *', run: async (context) => (await aggregateYesterday(context)).days.length },
];

const timezone = process.env.TZ_SITE ?? 'Asia/Shanghai';

/*
 * Several instances may share one database, each with this scheduler: a job must run once per tick
 * across all of them. The tick is claimed by an atomic compare-and-set on a row per job (the database
 * decides, never an in-process flag); on PostgreSQL the claim and the run also hold a transaction-level
 * advisory lock, so a job still running from an earlier tick on another instance is not started twice.
 * A crashed run leaves its tick claimed (SQLite) or rolls the claim back with its transaction
 * (PostgreSQL); either way the next tick runs the job again, and the jobs themselves are idempotent.
 */
const ticksTable = '_gongkai_job_ticks';
const longestRunMs = 30 * 60_000;

const prepared = new WeakSet<object>();
async function ensureTicksTable(prisma: PrismaTransaction): Promise<void> {
  if (prepared.has(prisma)) return;
  await prisma.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS "${ticksTable}" ("job" TEXT PRIMARY KEY, "tick" BIGINT NOT NULL)`);
  prepared.add(prisma);
}

async function claimTick(prisma: PrismaTransaction, provider: DatabaseProvider, job: string, tick: number): Promise<boolean> {
  const [a, b] = provider === 'postgresql' ? ['$1', '$2'] : ['?', '?'];
  await prisma.$executeRawUnsafe(`INSERT INTO "${ticksTable}" ("job", "tick") VALUES (${a}, 0) ON CONFLICT ("job") DO NOTHING`, job);
  const claimed = await prisma.$executeRawUnsafe(
    provider === 'postgresql'
      ? `UPDATE "${ticksTable}" SET "tick" = $2 WHERE "job" = $1 AND "tick" < $2`
      : `UPDATE "${ticksTable}" SET "tick" = ${b} WHERE "job" = ${a} AND "tick" < ${b}`,
    ...(provider === 'postgresql' ? [job, tick] : [tick, job, tick]),
  );
  return claimed === 1;
}

/** The scheduled moment a run belongs to (to the second): every instance's cron fires for the same one. */
export function tickOf(date: Date): number {
  return Math.floor(date.getTime() / 1000) * 1000;
}

/**
 * Schedules as configured: GONGKAI_JOB_SCHEDULES=`name=expression;…` overrides jobs by name (node-cron
 * expressions, with an optional seconds field), e.g. to move the daily monitor run to another hour.
 */
export function schedulesFrom(list: Job[], setting = process.env.GONGKAI_JOB_SCHEDULES ?? ''): Job[] {
  const overrides = new Map<string, string>();
  for (const pair of setting.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0) overrides.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  for (const [name, expression] of overrides) {
    if (!list.some((job) => job.name === name))
      throw new Error(`GONGKAI_JOB_SCHEDULES 中没有名为 ${name} 的定时任务（可用：${list.map((j) => j.name).join('、')}）`);
    if (!cron.validate(expression)) throw new Error(`GONGKAI_JOB_SCHEDULES 中 ${name} 的计划不是有效的 cron 表达式：${expression}`);
  }
  return list.map((job) => ({ ...job, schedule: overrides.get(job.name) ?? job.schedule }));
}

/**
 * Runs one job for one tick if no instance has run it for that tick; logs its outcome. A failing job
 * never stops the others or the server. Returns whether this instance ran it.
 */
export async function runJob(job: Job, context: Context, provider: DatabaseProvider, tick: number): Promise<boolean> {
  const started = Date.now();
  const prisma = context.sudo().prisma;
  const run = async () => {
    const result = await job.run(context.sudo());
    logger.info({ job: job.name, tick: new Date(tick), ms: Date.now() - started, result }, 'job done');
    return true;
  };
  try {
    await ensureTicksTable(prisma);
    if (provider !== 'postgresql') return (await claimTick(prisma, provider, job.name, tick)) ? await run() : false;
    return await prisma.$transaction(
      async (tx) => {
        const [{ locked }] = await tx.$queryRawUnsafe<{ locked: boolean }[]>(
          `SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`,
          `gongkai:job:${job.name}`,
        );
        return locked && (await claimTick(tx, provider, job.name, tick)) ? run() : false;
      },
      { timeout: longestRunMs, maxWait: 10_000 },
    );
  } catch (error) {
    logger.error({ job: job.name, err: error }, 'job failed');
    return false;
  }
}

/** Starts the jobs with the server (GONGKAI_SCHEDULER=off leaves them to other instances). */
export function startScheduler(context: Context, provider: DatabaseProvider, list: Job[] = jobs): ScheduledTask[] {
  if (process.env.GONGKAI_SCHEDULER === 'off') return [];
  return schedulesFrom(list).map((job) =>
    cron.schedule(job.schedule, (run) => runJob(job, context, provider, tickOf(run.date)), { timezone, name: job.name, noOverlap: true }),
  );
}
