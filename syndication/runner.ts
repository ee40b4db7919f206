import type { DatabaseContext } from '../src/platform/db/prisma.js';
import cron from 'node-cron';
import { CookieJar } from 'tough-cookie';
import { HttpFetcher, type Fetcher } from './core/fetch.js';
import { runSource, shouldRun, type RunDeps, type RunRecord, type SyndicatedItem } from './core/run.js';
import { logger } from '../src/platform/logging/logger.js';
import { outboundPolicyFor } from '../src/platform/http/outbound-settings.js';
import type { OutboundPolicy } from '../src/platform/http/outbound.js';
import { afterSyndicationRun } from './alerts.js';
import { DryRunStore } from './dry-run.js';
import { assetLocalizer } from './assets.js';
import { sourceConfigOf } from './source-item.js';
import { KeystoneSyndicationStore } from './store.js';

const timezone = process.env.TZ_SITE ?? 'Asia/Shanghai';

// One fetcher for the process: its cookie jar and per-host limits hold across sources and runs. It is
// made again (same cookie jar) when the intranet allow-list changes, so an edit holds from the next run.
const cookieJar = new CookieJar();
let shared: { allowList: string; fetcher: HttpFetcher } | undefined;
function processFetcher(policy: OutboundPolicy): Fetcher {
  const allowList = policy.entries.join('\n');
  if (shared?.allowList !== allowList) shared = { allowList, fetcher: new HttpFetcher({ cookieJar, outbound: policy }) };
  return shared.fetcher;
}

/**
 * Whether a source's schedule had a tick since its last run (checked minute by minute, at most a day
 * back: a source missed for longer runs once, not once per missed tick).
 */
export function isDue(schedule: string, lastRunAt: Date | null, now: Date): boolean {
  if (!lastRunAt) return true;
  const task = cron.createTask(schedule, () => undefined, { timezone });
  try {
    const minute = 60_000;
    const from = Math.max(Math.floor(lastRunAt.getTime() / minute) + 1, Math.floor(now.getTime() / minute) - 24 * 60);
    for (let m = from; m <= Math.floor(now.getTime() / minute); m++) if (task.match(new Date(m * minute))) return true;
    return false;
  } finally {
    task.destroy();
  }
}

/**
 * Runs one source now (the scheduler, `gongkai syndicate`, the 立即采集 action). Every request goes
 * through the outbound policy of 网站设置 (issue 14 #10); a `fetcher` passed in brings its own.
 */
export async function runSyndicationSource(
  context: DatabaseContext,
  key: string,
  { fetcher, now = () => new Date(), onProgress }: { fetcher?: Fetcher; now?: () => Date; onProgress?: RunDeps['onProgress'] } = {},
): Promise<RunRecord> {
  const item = await context.sudo().prisma.syndicationSource.findUnique({ where: { key } });
  if (!item) throw new Error(`没有标识为 ${key} 的转载来源`);
  const config = await sourceConfigOf(item, context);
  const client = fetcher ?? processFetcher(await outboundPolicyFor(context));
  const record = await runSource(config, {
    store: new KeystoneSyndicationStore(context),
    fetcher: client,
    now,
    log: logger,
    localizeAssets: assetLocalizer(context, client),
    onProgress,
  });
  await afterSyndicationRun(context, key, record, now());
  return record;
}

/**
 * The same run without writing anything (`gongkai syndicate --dry-run`): known items and list
 * validators are read from the database; new items, changes and the health stay in memory and are
 * returned; no asset is copied and no alert sent.
 */
export async function dryRunSyndicationSource(
  context: DatabaseContext,
  key: string,
  { fetcher, now = () => new Date(), onProgress }: { fetcher?: Fetcher; now?: () => Date; onProgress?: RunDeps['onProgress'] } = {},
): Promise<{ record: RunRecord; items: SyndicatedItem[] }> {
  const item = await context.sudo().prisma.syndicationSource.findUnique({ where: { key } });
  if (!item) throw new Error(`没有标识为 ${key} 的转载来源`);
  const config = await sourceConfigOf(item, context);
  const store = new DryRunStore(context);
  const record = await runSource(config, {
    store,
    fetcher: fetcher ?? processFetcher(await outboundPolicyFor(context)),
    now,
    log: logger,
    onProgress,
  });
  return { record, items: store.items() };
}

/** The scheduler's job: every enabled source whose schedule is due and whose backoff has passed. */
export async function runDueSources(
  context: DatabaseContext,
  { fetcher, now = new Date() }: { fetcher?: Fetcher; now?: Date } = {},
): Promise<{ ran: string[] }> {
  const store = new KeystoneSyndicationStore(context);
  const sources = await context.sudo().prisma.syndicationSource.findMany({ where: { enabled: true }, orderBy: { key: 'asc' } });
  const ran: string[] = [];
  for (const source of sources as { key: string; schedule: string; enabled: boolean; lastRunAt: Date | null }[]) {
    if (!shouldRun(await store.sourceState(source.key), now, source) || !isDue(source.schedule, source.lastRunAt, now)) continue;
    try {
      await runSyndicationSource(context, source.key, { fetcher, now: () => now });
    } catch (error) {
      // A source whose stored configuration no longer runs is reported, and the others still run.
      logger.error({ source: source.key, err: error }, 'syndication source failed');
    }
    ran.push(source.key);
  }
  return { ran };
}
