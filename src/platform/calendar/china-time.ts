/** Instants shown as wall-clock time in China (UTC+8, no daylight saving), whatever the server's zone. */

const chinaOffsetMs = 8 * 3600 * 1000;

export function assertInstant(instant: Date, what: string): Date {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new Error(`Invalid instant for ${what}: expected a valid Date`);
  return instant;
}

/** '2026-11-24 00:10' for 2026-11-23T16:10:00Z. */
export function formatChinaTime(instant: Date): string {
  return new Date(instant.getTime() + chinaOffsetMs).toISOString().slice(0, 16).replace('T', ' ');
}

/** '2小时5分钟', '45分钟', '1天2小时' (whole minutes, rounded down): for labels shown to staff. */
export function formatMinutes(minutes: number): string {
  const m = Math.max(0, Math.floor(minutes));
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  const rest = m % 60;
  const parts = [days ? `${days}天` : '', hours ? `${hours}小时` : '', rest || (!days && !hours) ? `${rest}分钟` : ''];
  return parts.join('');
}
