import type { Context } from '../platform/db/prisma.js';
import { maskPersonalData } from '../platform/privacy/mask.js';
import { toCalendarDay } from '../platform/calendar/working-days.js';
import { sendDeadlineAlert } from '../platform/notify/deadline-alerts.js';
import { logger } from '../platform/logging/logger.js';
import { factFields, factsOf } from './facts.js';
import { alertKeyFor, clockOf } from './core/request-state.js';
import { requestHref } from './tasks.js';

/*
 * N13: the daily deadline alert. Each request is alerted once when it becomes due within 5 working
 * days, and once when it becomes overdue (again for a new deadline after an extension). What was sent
 * is remembered on the request (`alertedKey`). Sending is claimed first (`alertClaim`, a conditional
 * update: one instance wins), then marked sent: a run that crashes after claiming leaves a claim that
 * the next run takes over once stale, so no alert is lost; an alert no robot accepted is released and
 * retried next run. Only a crash in the instant between delivery and marking can repeat one alert.
 * The alert carries no personal data of the applicant (it goes to a chat group).
 */

/** A claim older than this belongs to a run that died (the scheduler's longest run is 30 minutes). */
export const staleClaimMs = 30 * 60_000;

type Row = {
  id: string;
  topic: string;
  alertedKey: string;
  alertClaim: string;
  alertClaimedAt: Date | null;
  department: { name: string } | null;
} & Record<string, unknown>;

export async function alertRequestDeadlines(context: Context, now = new Date()): Promise<{ sent: number; failed: number }> {
  const prisma = context.sudo().prisma;
  const today = toCalendarDay(now);
  const rows = (await prisma.disclosureRequest.findMany({
    where: { closedOn: null, receivedOn: { not: null } },
    select: {
      id: true,
      topic: true,
      alertedKey: true,
      alertClaim: true,
      alertClaimedAt: true,
      department: { select: { name: true } },
      ...factFields,
    },
  })) as Row[];
  let sent = 0;
  let failed = 0;
  for (const row of rows) {
    const clock = clockOf(factsOf(row), today);
    const key = alertKeyFor(clock, row.alertedKey);
    if (!key || !clock) continue;
    const claimed = await prisma.disclosureRequest.updateMany({
      where: {
        id: row.id,
        alertedKey: row.alertedKey,
        OR: [{ alertClaim: '' }, { alertClaimedAt: { lt: new Date(now.getTime() - staleClaimMs) } }],
      },
      data: { alertClaim: key, alertClaimedAt: now },
    });
    if (claimed.count !== 1) continue;
    const overdue = clock.state === 'overdue';
    const results = await sendDeadlineAlert(context, overdue ? '依申请公开已超期' : '依申请公开即将到期', [
      `申请事项：${maskPersonalData(row.topic)}`,
      `承办科室：${row.department?.name ?? '未分办'}`,
      `答复期限：${clock.deadline}${clock.extended ? '（已延期）' : ''}`,
      overdue
        ? '状态：已超过答复期限，请立即答复'
        : `状态：剩 ${clock.workingDaysLeft} 个工作日${clock.extensionPossible ? '，如需延期须在期限届满前批准并告知申请人' : ''}`,
      `办理：${requestHref(row.id)}`,
    ]);
    // No robot configured: logged, and the 待办 page shows it; some robot accepted it: sent.
    const delivered = results.length === 0 || results.some((r) => r.ok);
    await prisma.disclosureRequest.update({
      where: { id: row.id },
      data: delivered ? { alertedKey: key, alertClaim: '', alertClaimedAt: null } : { alertClaim: '', alertClaimedAt: null },
    });
    if (delivered) sent++;
    else {
      failed++;
      logger.error({ request: row.id, key }, 'request deadline alert not delivered: retried next run');
    }
  }
  return { sent, failed };
}
