import type { Context } from '../src/platform/db/prisma.js';
import { runsSite } from '../src/platform/access/roles.js';
import { failureAlertAction, type RunRecord } from './core/run.js';
import type { ExtraTask, TaskSource } from '../src/platform/tasks/source.js';
import { sendDeadlineAlert } from '../src/platform/notify/deadline-alerts.js';
import { logger } from '../src/platform/logging/logger.js';

/*
 * S9: a source that fails three runs in a row, or whose list turns empty, alerts the robots of 网站设置 →
 * 时限提醒机器人 once and stays in the info-construction section's 待办 until a run succeeds again. The
 * alert is claimed on the source first (a conditional update of 失败告警时间), so two instances running
 * the same source send it once.
 */

export const sourceHref = (id: string) => `/admin/syndication-sources/${id}`;

/** After a run of the source `key`: sends the alert, or clears it when the source has recovered. */
export async function afterSyndicationRun(context: Context, key: string, record: RunRecord, now: Date): Promise<void> {
  const prisma = context.sudo().prisma;
  const source = await prisma.syndicationSource.findUnique({ where: { key }, select: { id: true, name: true, failureAlertedAt: true } });
  if (!source) return;
  const action = failureAlertAction(record, source.failureAlertedAt !== null);
  if (action === 'clear') {
    await prisma.syndicationSource.update({ where: { id: source.id }, data: { failureAlertedAt: null } });
    return;
  }
  if (action !== 'alert') return;
  const claimed = await prisma.syndicationSource.updateMany({
    where: { id: source.id, failureAlertedAt: null },
    data: { failureAlertedAt: now },
  });
  if (claimed.count !== 1) return;
  const results = await sendDeadlineAlert(context, '转载来源采集失败', [
    `来源：${source.name}（${key}）`,
    record.listEmpty ? '情况：列表解析结果为空，上游网站可能已改版' : `情况：已连续失败 ${record.state.consecutiveFailures} 次`,
    `最近错误：${record.error ?? '采集失败'}`,
    `处理：${sourceHref(source.id)}（检查列表地址和选择器后使用“立即采集”）`,
  ]);
  if (results.some((r) => !r.ok)) logger.error({ source: key }, 'syndication failure alert not delivered to every robot');
}

/** 待办 of the info-construction section (and the admin): every source alerted and not yet recovered. */
export const syndicationTasks: TaskSource = async (context, actor): Promise<ExtraTask[]> => {
  if (!runsSite(actor.role)) return [];
  const sources = (await context.sudo().prisma.syndicationSource.findMany({
    where: { failureAlertedAt: { not: null } },
    select: { id: true, name: true, consecutiveFailures: true, lastError: true },
    orderBy: { name: 'asc' },
  })) as { id: string; name: string; consecutiveFailures: number; lastError: string }[];
  return sources.map((source) => ({
    kindLabel: '转载来源',
    listKey: 'SyndicationSource',
    id: source.id,
    title: source.name,
    detail: `采集失败（连续 ${source.consecutiveFailures} 次）：${source.lastError || '未知错误'}。请检查列表地址和选择器，修复后使用“立即采集”`,
    href: sourceHref(source.id),
    due: null,
    urgency: 1,
  }));
};
