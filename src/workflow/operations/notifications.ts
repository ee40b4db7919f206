import type { DatabaseContext, PrismaTransaction } from '../../platform/db/prisma.js';
import { logger } from '../../platform/logging/logger.js';
import { markdownPayloads, parseWebhooks, sendMarkdown } from '../../platform/notify/robots.js';
import { outboundPolicyFor } from '../../platform/http/outbound-settings.js';
import { noticeOf, type NotifiedStep } from '../core/notifications.js';
import type { AuditListKey } from '../core/audit.js';

/** A robot message waiting for the transaction that wrote its notifications to commit. */
export interface RobotMessage {
  departmentIds: string[];
  title: string;
  text: string;
}

export interface NotifiedItem {
  listKey: AuditListKey;
  id: string;
  drafterId: string | null;
  departmentId: string | null;
}

/**
 * Writes the notifications of one workflow step in its transaction (so a refused step tells nobody), and
 * returns what the recipients' departments' robots are to be sent once it has committed. Called only by
 * transition(): the one code path of every workflow step.
 */
export async function notifyStep(tx: PrismaTransaction, item: NotifiedItem, step: NotifiedStep, now: Date): Promise<RobotMessage | null> {
  const notice = noticeOf(step);
  if (!notice) return null;
  const active = { isActive: true };
  const where =
    'role' in notice.audience
      ? { ...active, role: notice.audience.role }
      : item.drafterId
        ? { ...active, id: item.drafterId }
        : // A draft with no drafter (seeded, or its drafter's account removed): its department's editors.
          { ...active, role: 'editor', departmentId: item.departmentId ?? '' };
  const recipients = (await tx.user.findMany({ where, select: { id: true, departmentId: true } })) as {
    id: string;
    departmentId: string | null;
  }[];
  for (const recipient of recipients) {
    await tx.notification.create({
      data: {
        recipientId: recipient.id,
        kind: notice.kind,
        itemTitle: step.title,
        message: notice.message,
        [item.listKey === 'Document' ? 'documentId' : 'interpretationId']: item.id,
        createdAt: now,
      },
    });
  }
  const departmentIds = [...new Set(recipients.map((r) => r.departmentId).filter((id): id is string => Boolean(id)))];
  return departmentIds.length ? { departmentIds, title: `政务公开：${step.title}`, text: notice.message } : null;
}

const sending = new Set<Promise<void>>();

/**
 * Sends a step's message to the department robots in the background: the step answers once it has committed, not
 * when a slow robot has (each may take up to its 5 s timeout). The 通知 list holds the message either way.
 */
export function sendToDepartmentRobotsLater(context: DatabaseContext, message: RobotMessage | null): void {
  if (!message) return;
  const send: Promise<void> = sendToDepartmentRobots(context, message).finally(() => sending.delete(send));
  sending.add(send);
}

/** Settles when the robot messages sent so far have been delivered or have failed (tests, shutdown). */
export async function robotMessagesSent(): Promise<void> {
  await Promise.all([...sending]);
}

/**
 * Sends a step's message to the robots of the recipients' departments (科室 → 群机器人), where one is set.
 * Never throws: the 通知 list already holds the message, and a robot that fails is logged.
 */
async function sendToDepartmentRobots(context: DatabaseContext, message: RobotMessage | null): Promise<void> {
  if (!message) return;
  try {
    const departments = (await context.sudo().prisma.department.findMany({
      where: { id: { in: message.departmentIds } },
      select: { robotWebhooks: true },
    })) as { robotWebhooks: string }[];
    const targets = departments.flatMap((d) => parseWebhooks(d.robotWebhooks ?? ''));
    if (!targets.length) return;
    const payloads = markdownPayloads(message.title, [`## ${message.title}`, message.text]);
    const results = await sendMarkdown(payloads, targets, { outbound: await outboundPolicyFor(context), timeoutMs: 5_000 });
    for (const failed of results.filter((r) => !r.ok))
      logger.error({ url: failed.url, error: failed.error }, 'workflow notice not delivered');
  } catch (err) {
    logger.error({ err }, 'workflow notice not delivered');
  }
}
