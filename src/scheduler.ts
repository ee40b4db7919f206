import cron, { type ScheduledTask } from 'node-cron';
import type { KeystoneContext } from '@keystone-6/core/types';
import { logger } from './logging/logger.js';
import { publishDueItems } from './workflow/scheduled-publishing.js';
import { runDueSources } from './syndication-cms/runner.js';

export interface Job {
  name: string;
  /** A node-cron expression, in the site's time zone. */
  schedule: string;
  run: (context: KeystoneContext) => Promise<unknown>;
}

/** Every scheduled job of the product; each is one function of the capability it belongs to. */
export const jobs: Job[] = [
  { name: 'publish-due', schedule: '* * * * *', run: (context) => publishDueItems(context) },
  // Each source has a schedule of its own; this checks every minute which are due (S9).
  { name: 'syndication', schedule: '* * * * *', run: (context) => runDueSources(context) },
];

const timezone = process.env.TZ_SITE ?? 'Asia/Shanghai';

/** Runs one job, logging its outcome; a failing job never stops the others or the server. */
export async function runJob(job: Job, context: KeystoneContext): Promise<void> {
  const started = Date.now();
  try {
    const result = await job.run(context.sudo());
    logger.info({ job: job.name, ms: Date.now() - started, result }, 'job done');
  } catch (error) {
    logger.error({ job: job.name, err: error }, 'job failed');
  }
}

/** Starts the jobs with the server (GONGKAI_SCHEDULER=off leaves them to another instance). */
export function startScheduler(context: KeystoneContext, list: Job[] = jobs): ScheduledTask[] {
  if (process.env.GONGKAI_SCHEDULER === 'off') return [];
  return list.map((job) => cron.schedule(job.schedule, () => runJob(job, context), { timezone, name: job.name, noOverlap: true }));
}
