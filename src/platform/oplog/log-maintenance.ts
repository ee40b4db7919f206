import type { Context } from '../db/prisma.js';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip, gzipSync } from 'node:zlib';
import { toCalendarDay } from '../calendar/working-days.js';
import { accessLogFile, logDirectory } from './access-log.js';
import { expiredLogFiles, retentionCutoff, retentionDays } from './retention.js';

/*
 * The daily log job (N20, `log-maintenance`, 00:05 China time): rotates the access log into a
 * compressed file of the day it closes, archives each finished day of the operation log as compressed
 * JSON lines, and deletes operation-log rows and archives older than the retention (default 400 days).
 */

const dayMs = 86_400_000;
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + dayMs).toISOString().slice(0, 10);
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

export interface MaintenanceResult {
  rotated: string | null;
  archivedDays: string[];
  deletedRows: number;
  /** 登录记录 past the retention: sign-ins are network logs too, kept as long and no longer. */
  deletedSignIns: number;
  deletedFiles: string[];
}

/** access.log → access-<yesterday>.log.gz (appended as another gzip member when that file exists already). */
async function rotateAccessLog(file: string | null, dir: string, now: Date): Promise<string | null> {
  if (!file || !fs.existsSync(file) || fs.statSync(file).size === 0) return null;
  const day = toCalendarDay(new Date(now.getTime() - dayMs));
  const target = path.join(dir, `access-${day}.log.gz`);
  const moving = `${file}.rotating`;
  fs.renameSync(file, moving);
  await pipeline(fs.createReadStream(moving), createGzip(), fs.createWriteStream(target, { flags: 'a' }));
  fs.rmSync(moving);
  return target;
}

/** Each finished day of the operation log not yet archived, as operations-<day>.jsonl.gz. */
async function archiveOperationDays(context: Context, dir: string, now: Date, keepFrom: Date): Promise<string[]> {
  const prisma = context.sudo().prisma;
  const today = toCalendarDay(now);
  const oldest = await prisma.operationLog.findFirst({
    where: { at: { gte: keepFrom } },
    orderBy: { at: 'asc' },
    select: { at: true },
  });
  if (!oldest?.at) return [];
  const archived: string[] = [];
  for (let day = toCalendarDay(oldest.at); day < today; day = nextDay(day)) {
    const file = path.join(dir, `operations-${day}.jsonl.gz`);
    if (fs.existsSync(file)) continue;
    const rows = await prisma.operationLog.findMany({
      where: { at: { gte: dayStart(day), lt: dayStart(nextDay(day)) } },
      orderBy: { at: 'asc' },
    });
    if (!rows.length) continue;
    fs.writeFileSync(file, gzipSync(rows.map((r) => JSON.stringify(r)).join('\n') + '\n'));
    archived.push(day);
  }
  return archived;
}

export async function maintainLogs(context: Context, now = new Date(), env: NodeJS.ProcessEnv = process.env): Promise<MaintenanceResult> {
  const days = retentionDays(env);
  const dir = logDirectory(env);
  fs.mkdirSync(dir, { recursive: true });
  const cutoff = retentionCutoff(now, days);
  const rotated = await rotateAccessLog(accessLogFile(env), dir, now);
  const archivedDays = await archiveOperationDays(context, dir, now, cutoff);
  const deleted = (await context.sudo().prisma.operationLog.deleteMany({ where: { at: { lt: cutoff } } })) as { count: number };
  const signIns = (await context.sudo().prisma.signInRecord.deleteMany({ where: { at: { lt: cutoff } } })) as { count: number };
  const deletedFiles = expiredLogFiles(fs.readdirSync(dir), now, days);
  for (const name of deletedFiles) fs.rmSync(path.join(dir, name));
  return { rotated, archivedDays, deletedRows: deleted.count, deletedSignIns: signIns.count, deletedFiles };
}
