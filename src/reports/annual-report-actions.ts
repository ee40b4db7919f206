import type { Context } from '../platform/db/prisma.js';
import { byRole, isOfficeOrSection, sessionOf } from '../platform/access/roles.js';
import { toCalendarDay } from '../platform/calendar/working-days.js';
import { itemAction, refusal } from '../platform/admin-ui/item-actions.js';
import { pageCacheFor } from '../platform/page-cache/cache.js';
import { annualReportTiming } from './core/annual-report.js';
import { generateAnnualReport, type AnnualReportItem } from './annual-data.js';

/** The office (局办公室) writes the report; the information section (规划财务与信息建设科) publishes it on the site. */
export const editsAnnualReports = byRole(isOfficeOrSection);

const refused = refusal('ANNUAL_REPORT_REFUSED');

async function itemOf(context: Context, id: string): Promise<AnnualReportItem & { publishedAt: Date | null }> {
  const item = await context.sudo().prisma.annualReport.findUnique({ where: { id } });
  if (!item) throw refused('找不到该年度报告');
  return item;
}

/** 重新生成: computes the tables from the data now and stores them with the check. */
export async function regenerateAnnualReport(context: Context, id: string, now = new Date()) {
  const item = await itemOf(context, id);
  if (item.publishedAt) throw refused('年度报告已发布，不能重新生成');
  const report = await generateAnnualReport(context, item);
  await context.sudo().prisma.annualReport.update({
    where: { id },
    data: {
      snapshot: report as object,
      generatedAt: now,
      checkPassed: report.failures.length === 0,
      checkResult: checkText(report.failures),
    },
  });
  return report;
}

export const checkText = (failures: { message: string }[]): string =>
  failures.length ? failures.map((f) => f.message).join('\n') : '校验通过：一 + 二 = 三 + 四，各项合计无误';

/**
 * 发布: regenerates (the public sees the data as of now), refuses while the check fails (N14: the
 * figures must add up), records the day and says whether it was in time (31 January).
 */
export async function publishAnnualReport(context: Context, id: string, now = new Date()) {
  const session = sessionOf(context);
  const today = toCalendarDay(now);
  const { year } = await itemOf(context, id);
  if (annualReportTiming({ year, today }).state === 'yearNotOver') throw refused(`${year}年度尚未结束，报告数据不完整，不能发布`);
  const report = await regenerateAnnualReport(context, id, now);
  if (report.failures.length) throw refused(`数据校验未通过，不能发布：\n${checkText(report.failures)}`);
  const timing = annualReportTiming({ year, today, publishedOn: today });
  await context.sudo().prisma.annualReport.update({
    where: { id },
    data: {
      publishedAt: now,
      publicationNote: timing.message,
      ...(session?.itemId ? { publishedBy: { connect: { id: session.itemId } } } : {}),
    },
  });
  pageCacheFor(context).invalidate(['annual-reports']);
  return timing;
}

const actionOf = (label: string, run: (context: Context, id: string) => Promise<unknown>, prompt: string) =>
  itemAction('AnnualReport', {
    label,
    prompt,
    access: editsAnnualReports,
    shown: (_session, item) => !item.publishedAt,
    run: (context, id) => run(context, id),
  });

export function annualReportActions() {
  return {
    regenerate: actionOf(
      '重新生成',
      (context, id) => regenerateAnnualReport(context, id),
      '按当前数据重新计算“{itemLabel}”的表格并校验吗？',
    ),
    publish: actionOf(
      '发布',
      (context, id) => publishAnnualReport(context, id),
      '发布后报告将在网站公开且不能再修改。确定发布“{itemLabel}”吗？',
    ),
  };
}
