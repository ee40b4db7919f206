import type { Context } from '../db/prisma.js';
import { logger } from '../logging/logger.js';
import { markdownPayloads, parseWebhooks, sendMarkdown, type SendResult } from './robots.js';
import { outboundPolicyFor } from '../http/outbound-settings.js';

/**
 * Deadline alerts of the interaction capabilities (S7 incidents, N13 requests, N5 messages): one
 * markdown message to the robots in 网站设置 → 时限提醒机器人. Never throws; without robots it logs
 * and sends nothing, so the 待办 page stays the place where nothing is missed.
 */
export async function sendDeadlineAlert(context: Context, title: string, lines: string[]): Promise<SendResult[]> {
  const settings = await context.sudo().prisma.siteSettings.findFirst({ select: { alertWebhooks: true } });
  const targets = parseWebhooks(settings?.alertWebhooks ?? '');
  logger.warn({ title, lines, targets: targets.length }, 'deadline alert');
  if (!targets.length) return [];
  const results = await sendMarkdown(markdownPayloads(title, [`## ${title}`, ...lines.map((line) => `- ${line}`)]), targets, {
    outbound: await outboundPolicyFor(context),
  });
  for (const failed of results.filter((r) => !r.ok)) logger.error({ url: failed.url, error: failed.error }, 'deadline alert not delivered');
  return results;
}
