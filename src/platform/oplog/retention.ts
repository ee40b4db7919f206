/**
 * N20: network and operation logs are kept at least one year. `GONGKAI_LOG_RETENTION_DAYS` (default
 * 400) says how long: the operation log's rows and the daily archives of the operation and access logs
 * are deleted once they are older. Days are China days; pure.
 */
import { toCalendarDay, type CalendarDay } from '../calendar/working-days.js';

export const LOG_RETENTION_ENV = 'GONGKAI_LOG_RETENTION_DAYS';
export const defaultRetentionDays = 400;
/** The law's minimum: one year, whatever the calendar. */
export const minimumRetentionDays = 366;

/** The retention of the environment, or a Chinese error saying what is wrong. */
export function retentionDays(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[LOG_RETENTION_ENV]?.trim();
  if (!raw) return defaultRetentionDays;
  const days = Number(raw);
  if (!/^\d+$/.test(raw) || days < minimumRetentionDays) {
    throw new Error(
      `${LOG_RETENTION_ENV}=${raw} 无效：日志至少保存一年，请填写不小于 ${minimumRetentionDays} 的天数（默认 ${defaultRetentionDays}）`,
    );
  }
  return days;
}

const dayMs = 86_400_000;

/** The first China day still kept on `now`: the day `days` days before today. Logs of earlier days are deleted. */
export function firstKeptDay(now: Date, days: number): CalendarDay {
  const today = toCalendarDay(now);
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * dayMs).toISOString().slice(0, 10) as CalendarDay;
}

/** The instant the first kept day begins in China: rows before it are deleted. */
export function retentionCutoff(now: Date, days: number): Date {
  return new Date(`${firstKeptDay(now, days)}T00:00:00+08:00`);
}

/** The day of a rotated log file (`operations-2026-11-23.jsonl.gz`, `access-2026-11-23.log.gz`), or null for any other name. */
export function dayOfLogFile(name: string): CalendarDay | null {
  const m = /^(?:operations|access)-(\d{4}-\d{2}-\d{2})\.(?:jsonl|log)\.gz$/.exec(name);
  return m ? (m[1] as CalendarDay) : null;
}

/** Rotated files older than the retention (their day before the first kept day). */
export function expiredLogFiles(names: readonly string[], now: Date, days: number): string[] {
  const first = firstKeptDay(now, days);
  return names.filter((n) => {
    const day = dayOfLogFile(n);
    return day !== null && day < first;
  });
}
