import { logger } from '../platform/logging/logger.js';
import { sendDeadlineAlert } from '../platform/notify/deadline-alerts.js';
import { alertKey, alertLines, alertLogOf, dueAlerts, type AlertLogEntry, type StoredIncident } from './core/rules.js';
import type { Context } from '../platform/db/prisma.js';

export const incidentAlertTitle = '舆情时限提醒';

/** How an alert leaves the system; tests pass their own to simulate a crash right after sending. */
export type Deliver = typeof sendDeadlineAlert;

/*
 * S7: each alert exactly once. Per incident, the window (alertsCheckedAt, now] and the alerts found in
 * it are stored first, in one compare-and-set on alertsCheckedAt (a concurrent check of the same
 * incident, by the create hook or another instance, loses and sends nothing); only then is the message
 * sent, and what the robots answered is noted afterwards. A process that stops after sending, before
 * noting, leaves the window advanced and the alerts logged: the next run sends nothing again. The price
 * is the other side: a stop between storing and sending loses that message (the 待办 still shows the
 * clock); a duplicate to the leaders is the outcome the seed's "统一口径" process cannot afford.
 */
export async function checkIncidentAlerts(context: Context, id: string, now: Date, deliver: Deliver = sendDeadlineAlert): Promise<number> {
  const prisma = context.sudo().prisma;
  const incident: StoredIncident | null = await prisma.opinionIncident.findUnique({ where: { id } });
  if (!incident || incident.closedAt) return 0;
  const since = incident.alertsCheckedAt ?? null;
  if (since && now <= since) return 0;
  const alerts = dueAlerts(incident, now);
  const claimedAt = now.toISOString();
  const entries: AlertLogEntry[] = alerts.map((alert) => ({ key: alertKey(alert), kind: alert.kind, turned: alert.turned, claimedAt }));
  const claimed = await prisma.opinionIncident.updateMany({
    where: { id, alertsCheckedAt: since },
    data: { alertsCheckedAt: now, ...(entries.length ? { alertLog: [...alertLogOf(incident.alertLog), ...entries] } : {}) },
  });
  if (claimed.count !== 1 || !alerts.length) return 0;

  const results = await deliver(context, incidentAlertTitle, alertLines(incident, alerts));
  const delivered = results.filter((r) => r.ok).length;
  const keys = new Set(entries.map((e) => e.key));
  const current = await prisma.opinionIncident.findUnique({ where: { id }, select: { alertLog: true } });
  await prisma.opinionIncident.update({
    where: { id },
    data: {
      alertLog: alertLogOf(current?.alertLog).map((e) =>
        keys.has(e.key) && e.claimedAt === claimedAt ? { ...e, delivered, failed: results.length - delivered } : e,
      ),
    },
  });
  return alerts.length;
}

/** The `incident-clocks` job (every minute): checks every open incident; one failing never stops the others. */
export async function runIncidentClockAlerts(
  context: Context,
  now = new Date(),
  deliver: Deliver = sendDeadlineAlert,
): Promise<{ incidents: number; alerts: number }> {
  const open: { id: string }[] = await context.sudo().prisma.opinionIncident.findMany({
    where: { closedAt: null },
    select: { id: true },
    orderBy: { startedAt: 'asc' },
  });
  let alerts = 0;
  for (const { id } of open) {
    try {
      alerts += await checkIncidentAlerts(context, id, now, deliver);
    } catch (error) {
      logger.error({ incident: id, err: error }, 'incident clock check failed');
    }
  }
  return { incidents: open.length, alerts };
}
