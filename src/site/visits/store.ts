import type { Context } from '../../platform/db/prisma.js';
import fs from 'node:fs';
import path from 'node:path';
import { createHmac } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { toCalendarDay, type CalendarDay } from '../../platform/calendar/working-days.js';
import { sessionSecret } from '../../platform/config/env.js';
import { logDirectory } from '../../platform/oplog/access-log.js';
import { aggregateVisits, type VisitDay } from './aggregate.js';

/*
 * 访问统计 (N17) in the database: the daily job reads the rotated access logs of the day before, and
 * `gongkai visits import` reads any nginx combined-format log (plain or .gz). A day's figures are
 * replaced whole by a new aggregation of that day.
 */

/** The day's salt: derived from the site's secret, so it is never stored and differs every day. */
export function daySalt(day: CalendarDay, secret = sessionSecret()): string {
  return createHmac('sha256', secret).update(`visits:${day}`).digest('base64url');
}

/** The lines of a log file, gzip or plain. */
export function readLogLines(file: string): string[] {
  const bytes = fs.readFileSync(file);
  const text = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
  return text.split('\n');
}

export async function storeVisitDays(context: Context, days: readonly VisitDay[]): Promise<void> {
  const prisma = context.sudo().prisma;
  for (const d of days) {
    const data = { pageViews: d.pageViews, uniqueVisitors: d.uniqueVisitors, topPages: d.topPages, topSearchTerms: d.topSearchTerms };
    await prisma.visitDay.upsert({ where: { day: d.day }, create: { day: d.day, ...data }, update: data });
  }
}

/** Aggregates files and stores every day found, or only `onlyDay`. */
export async function importVisitLogs(context: Context, files: readonly string[], onlyDay?: CalendarDay) {
  const lines = files.flatMap((f) => readLogLines(f));
  const { days, skipped } = aggregateVisits(lines, (day) => daySalt(day));
  const kept = onlyDay ? days.filter((d) => d.day === onlyDay) : days;
  await storeVisitDays(context, kept);
  return { days: kept, skipped };
}

const dayBefore = (day: CalendarDay) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * The daily job (`visit-statistics`, after `log-maintenance` rotated the access log): yesterday's
 * lines are in the files rotated yesterday and today (access-<day before>.log.gz, access-<yesterday>.log.gz).
 */
export async function aggregateYesterday(context: Context, now = new Date(), env: NodeJS.ProcessEnv = process.env) {
  const yesterday = dayBefore(toCalendarDay(now));
  const dir = logDirectory(env);
  const files = [dayBefore(yesterday), yesterday].map((d) => path.join(dir, `access-${d}.log.gz`)).filter((f) => fs.existsSync(f));
  if (!files.length) return { days: [], skipped: 0 };
  return importVisitLogs(context, files, yesterday);
}
