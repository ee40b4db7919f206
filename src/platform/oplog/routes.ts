import type { Context } from '../db/prisma.js';
import express from 'express';
import { roleOf, roles, runsSite, sessionOf } from '../access/roles.js';
import { formatChinaTime } from '../calendar/china-time.js';
import { csvCell } from '../content/csv.js';
import { operationOutcomeOptions } from './vocabulary.js';
import { recordOperation } from './record.js';

type Row = {
  at: Date;
  actor: string;
  actorName: string;
  role: string | null;
  address: string;
  action: string;
  operation: string;
  target: string;
  itemId: string;
  outcome: string;
  detail: string;
};

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const exportLimit = 100_000;

/**
 * 操作日志导出 (N20): the operation log as CSV (UTF-8 with BOM, for Excel) for the system admin and the
 * info-construction section, by days (China time) and a text found in the actor, address, action, object
 * or item; each export is itself recorded.
 */
export function operationLogRoutes(context: Context): express.Router {
  const router = express.Router();
  router.get('/oplog/operations.csv', async (req, res) => {
    const ctx = await context.withRequest(req, res);
    res.set({ 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' });
    if (!runsSite(roleOf(sessionOf(ctx))))
      return res.status(403).type('text/plain; charset=utf-8').send('请以系统管理员或信息建设科账号登录后导出操作日志');
    const from = typeof req.query.from === 'string' && req.query.from ? req.query.from : null;
    const to = typeof req.query.to === 'string' && req.query.to ? req.query.to : null;
    const q = typeof req.query.q === 'string' ? req.query.q.trim().slice(0, 100) : '';
    if ((from && !dayPattern.test(from)) || (to && !dayPattern.test(to)) || (from && to && from > to)) {
      return res.status(400).type('text/plain; charset=utf-8').send('日期应为 YYYY-MM-DD，且起始日期不晚于截止日期');
    }
    const at: Record<string, Date> = {};
    if (from) at.gte = new Date(`${from}T00:00:00+08:00`);
    if (to) at.lt = new Date(Date.parse(`${to}T00:00:00+08:00`) + 86_400_000);
    const where = {
      ...(from || to ? { at } : {}),
      ...(q
        ? {
            OR: ['actor', 'actorName', 'address', 'action', 'operation', 'target', 'itemId', 'detail'].map((f) => ({
              [f]: { contains: q },
            })),
          }
        : {}),
    };
    const rows = (await context.sudo().prisma.operationLog.findMany({ where, orderBy: { at: 'asc' }, take: exportLimit })) as Row[];
    const header = ['时间', '操作人', '姓名', '角色', '网络地址', '操作', '接口操作名', '对象', '条目编号', '结果', '说明'];
    const lines = rows.map((r) => [
      formatChinaTime(r.at),
      r.actor,
      r.actorName,
      r.role ? (roles[r.role as keyof typeof roles] ?? r.role) : '',
      r.address,
      r.action,
      r.operation,
      r.target,
      r.itemId,
      operationOutcomeOptions.find((o) => o.value === r.outcome)?.label ?? r.outcome,
      r.detail,
    ]);
    await recordOperation(ctx, {
      action: '导出',
      operation: 'exportOperationLog',
      target: '操作日志',
      outcome: 'success',
      detail: `起 ${from ?? '不限'}，止 ${to ?? '不限'}，关键词 ${q || '无'}，${rows.length} 条`,
    });
    const name = `operations-${from ?? 'all'}-${to ?? 'all'}.csv`;
    return res
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="${name}"`)
      .send('\uFEFF' + [header, ...lines].map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n');
  });
  return router;
}
