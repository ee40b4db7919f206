import { maskPersonalData } from '../platform/privacy/mask.js';
import { toCalendarDay } from '../platform/calendar/working-days.js';
import { formatChinaTime } from '../platform/calendar/china-time.js';
import { sendDeadlineAlert } from '../platform/notify/deadline-alerts.js';
import type { SendResult } from '../platform/notify/robots.js';
import { alertDue, alertStageLabels, openMessageClock, type AlertStage, type ClockedMessage } from './core/rules.js';
import type { Context } from '../platform/db/prisma.js';

type Row = ClockedMessage & {
  subject: string;
  alertedStage: AlertStage | null;
  alertPendingStage: AlertStage | null;
  department: { name: string } | null;
};

export type AlertSender = (context: Context, title: string, lines: string[]) => Promise<SendResult[]>;

/**
 * N5, daily: one deadline alert per message each time its clock turns due soon, late or unanswered
 * (veto). Each alert is claimed in the database before it is sent (`alertPendingStage`, a
 * compare-and-set) and recorded after (`alertedStage`). A run that
 * crashes between the two leaves the claim: the next run sends it again, so no alert is lost; the
 * only possible repeat is an alert delivered in the instant before the crash. When every robot
 * refuses, the claim is released and the next run tries again.
 */
export async function sendMessageAlerts(
  context: Context,
  now = new Date(),
  send: AlertSender = sendDeadlineAlert,
): Promise<{ sent: number }> {
  const prisma = context.sudo().prisma;
  const today = toCalendarDay(now);
  const rows = (await prisma.message.findMany({
    where: { OR: [{ status: { not: 'replied' } }, { replyPublishedAt: null, isPublic: true }] },
    select: {
      id: true,
      subject: true,
      kind: true,
      status: true,
      submittedAt: true,
      repliedAt: true,
      replyPublishedAt: true,
      isPublic: true,
      alertedStage: true,
      alertPendingStage: true,
      department: { select: { name: true } },
    },
  })) as Row[];
  let sent = 0;
  for (const m of rows) {
    const clock = openMessageClock(m, today);
    const stage = alertDue(clock, m.alertedStage);
    if (!clock || !stage) continue;
    // Compare-and-set on what was read. Runs never overlap (the scheduler claims each tick once), so a
    // claim found here was left by a crashed run: it is taken over, whatever stage it was for.
    const claimed = await prisma.message.updateMany({
      where: { id: m.id, alertedStage: m.alertedStage, alertPendingStage: m.alertPendingStage },
      data: { alertPendingStage: stage },
    });
    if (claimed.count !== 1) continue;
    const veto = stage === 'unanswered' && clock.kind === 'consultation' ? '，单项否决' : '';
    const results = await send(context, `留言办理时限提醒：${alertStageLabels[stage]}${veto}`, [
      `留言：${maskPersonalData(m.subject)}`,
      `承办科室：${m.department?.name ?? '尚未分办'}`,
      `留言时间：${formatChinaTime(m.submittedAt)}`,
      `应于 ${clock.publishBy} 前公开答复，${clock.answerBy} 后仍未答复为单项否决（N5）`,
    ]);
    const delivered = results.length === 0 || results.some((r) => r.ok);
    await prisma.message.updateMany({
      where: { id: m.id, alertPendingStage: stage },
      data: delivered ? { alertedStage: stage, alertPendingStage: null } : { alertPendingStage: null },
    });
    if (delivered) sent++;
  }
  return { sent };
}
