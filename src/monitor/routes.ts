import { toCalendarDay } from '../platform/calendar/working-days.js';
import express from 'express';
import { roleOf, seesWholeBureau, sessionOf } from '../platform/access/roles.js';
import { renderCsv, renderHtml, renderJson, type MonitorReport, type RunSummary } from './core/index.js';
import { recordOperation } from '../platform/oplog/record.js';
import { type Context, storedJson } from '../platform/db/prisma.js';

/**
 * The stored monitor reports for the bureau's staff: a self-contained HTML file (with the score and
 * findings-per-rule history as inline SVG) an official can send on, and the same report as JSON and
 * CSV. `latest` is the newest run.
 */
export function monitorReportRoutes(context: Context): express.Router {
  const router = express.Router();
  router.get('/monitor/reports/:id.:format', async (req, res) => {
    const ctx = await context.withRequest(req, res);
    res.set({ 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' });
    if (!seesWholeBureau(roleOf(sessionOf(ctx))))
      return res.status(403).type('text/plain; charset=utf-8').send('请以信息建设科、局办公室或局领导账号登录后查看监测报告');
    const { id, format } = req.params;
    if (!['html', 'json', 'csv'].includes(format) || !/^[a-z0-9]{1,40}$/.test(id))
      return res.status(404).type('text/plain; charset=utf-8').send('没有该报告');
    const prisma = context.sudo().prisma;
    const run =
      id === 'latest'
        ? await prisma.monitorRun.findFirst({ orderBy: { finishedAt: 'desc' } })
        : await prisma.monitorRun.findUnique({ where: { id } });
    // Every stored run is finished: the monitor stores it at the end.
    if (!run?.finishedAt) return res.status(404).type('text/plain; charset=utf-8').send('还没有监测报告');
    const report = storedJson<MonitorReport>(run.report);
    const filename = `monitor-${toCalendarDay(run.finishedAt)}`;
    // N20: every export is in the 操作日志.
    await recordOperation(ctx, {
      action: '导出',
      operation: `exportMonitorReport.${format}`,
      target: '监测报告',
      itemId: run.id,
      outcome: 'success',
    });
    if (format === 'json')
      return res.type('application/json').set('Content-Disposition', `inline; filename="${filename}.json"`).send(renderJson(report));
    if (format === 'csv')
      return res
        .type('text/csv; charset=utf-8')
        .set('Content-Disposition', `attachment; filename="${filename}.csv"`)
        .send(renderCsv(report));
    const earlier = await prisma.monitorRun.findMany({
      where: { siteUrl: run.siteUrl, finishedAt: { lt: run.finishedAt } },
      orderBy: { finishedAt: 'desc' },
      take: 30,
      select: { summary: true },
    });
    return res.type('html').send(renderHtml(report, { history: earlier.map((r) => storedJson<RunSummary>(r.summary)).reverse() }));
  });
  return router;
}
