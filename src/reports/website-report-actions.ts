import type { Context } from '../platform/db/prisma.js';
import { isOfficeOrSection, sessionOf, type Member } from '../platform/access/roles.js';
import { type ExtraTask } from '../platform/tasks/source.js';
import { toCalendarDay } from '../platform/calendar/working-days.js';
import { itemAction, refusal } from '../platform/admin-ui/item-actions.js';
import { pageCacheFor } from '../platform/page-cache/cache.js';
import { annualReportTiming } from './core/annual-report.js';
import { editsAnnualReports } from './annual-report-actions.js';
import { generateWebsiteReport } from './website-data.js';
import type { WebsiteReport } from './core/website-report.js';

/** Like the 信息公开 annual report: the office prepares it, the information section publishes it. */
export const editsWebsiteReports = editsAnnualReports;

const refused = refusal('WEBSITE_REPORT_REFUSED');

async function itemOf(context: Context, id: string) {
  const item = await context.sudo().prisma.websiteAnnualReport.findUnique({ where: { id } });
  if (!item) throw refused('找不到该网站工作年度报表');
  return item;
}

export const missingText = (report: Pick<WebsiteReport, 'missing'>): string =>
  report.missing.length ? `尚缺以下必填数据：\n${report.missing.join('\n')}` : '必填数据齐全';

/** 重新生成: the figures from the data now, stored with the list of what is still missing. */
export async function regenerateWebsiteReport(context: Context, id: string, now = new Date()): Promise<WebsiteReport> {
  const item = await itemOf(context, id);
  if (item.publishedAt) throw refused('网站工作年度报表已发布，不能重新生成');
  const report = await generateWebsiteReport(context, item.year, item);
  await context.sudo().prisma.websiteAnnualReport.update({
    where: { id },
    data: { snapshot: report as object, generatedAt: now, complete: report.missing.length === 0, checkResult: missingText(report) },
  });
  return report;
}

/**
 * N17 发布: refused before the year is over and while a required figure is missing (each one named);
 * otherwise the report is stored as published (填报日期 = today) with whether it was in time (31 January).
 */
export async function publishWebsiteReport(context: Context, id: string, now = new Date()) {
  const session = sessionOf(context);
  const today = toCalendarDay(now);
  const item = await itemOf(context, id);
  if (item.publishedAt) throw refused('网站工作年度报表已发布');
  if (annualReportTiming({ year: item.year, today }).state === 'yearNotOver')
    throw refused(`${item.year}年度尚未结束，报表数据不完整，不能发布`);
  const report = await regenerateWebsiteReport(context, id, now);
  if (report.missing.length) throw refused(`必填数据不全，不能发布。${missingText(report)}`);
  const published = await generateWebsiteReport(context, item.year, { ...item, publishedAt: now });
  const note = annualReportTiming({ year: item.year, today, publishedOn: today }).message.replace('年度报告', '年度网站工作年度报表');
  await context.sudo().prisma.websiteAnnualReport.update({
    where: { id },
    data: {
      snapshot: published as object,
      publishedAt: now,
      publicationNote: note,
      ...(session?.itemId ? { publishedBy: { connect: { id: session.itemId } } } : {}),
    },
  });
  pageCacheFor(context).invalidate(['website-reports']);
  return published;
}

const actionOf = (label: string, run: (context: Context, id: string) => Promise<unknown>, prompt: string) =>
  itemAction('WebsiteAnnualReport', {
    label,
    prompt,
    access: editsWebsiteReports,
    shown: (_session, item) => !item.publishedAt,
    run: (context, id) => run(context, id),
  });

export function websiteReportActions() {
  return {
    regenerate: actionOf(
      '重新生成',
      (context, id) => regenerateWebsiteReport(context, id),
      '按当前数据重新生成“{itemLabel}”并检查必填数据吗？',
    ),
    publish: actionOf(
      '发布',
      (context, id) => publishWebsiteReport(context, id),
      '发布后报表将在网站公开且不能再修改。确定发布“{itemLabel}”吗？',
    ),
  };
}

/**
 * N17 待办: from 1 January, last year's 网站工作年度报表 while it is not published (due 31 January),
 * for the office and the information section, like the 信息公开 annual report's.
 */
export async function websiteReportTasks(context: Context, actor: Member, now: Date): Promise<ExtraTask[]> {
  if (!isOfficeOrSection(actor.role)) return [];
  const today = toCalendarDay(now);
  const year = Number(today.slice(0, 4)) - 1;
  const item = await context.sudo().prisma.websiteAnnualReport.findFirst({
    where: { year },
    select: { id: true, publishedAt: true, complete: true, generatedAt: true },
  });
  if (item?.publishedAt) return [];
  const timing = annualReportTiming({ year, today });
  const detail = !item
    ? '尚未创建：请新建网站工作年度报表，填写人工填报的数据后生成并发布'
    : item.generatedAt && item.complete
      ? '必填数据齐全，请发布'
      : '请填齐必填数据，重新生成后发布';
  const daysLeft = (Date.parse(`${timing.deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  return [
    {
      kindLabel: '网站年度报表',
      listKey: 'WebsiteAnnualReport',
      id: item?.id ?? `website-report-${year}`,
      title: `${year}年度政府网站工作年度报表`,
      detail: `${timing.message.replace('年度报告', '年度网站工作年度报表')}。${detail}`,
      href: item ? `/admin/website-annual-reports/${item.id}` : '/admin/website-annual-reports/create',
      due: timing.deadline,
      urgency: timing.state === 'overdue' ? 0 : daysLeft <= 7 ? 1 : 2,
    },
  ];
}
