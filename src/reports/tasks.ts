import type { Context } from '../platform/db/prisma.js';
import { isOfficeOrSection, type Member } from '../platform/access/roles.js';
import { toCalendarDay, type CalendarDay } from '../platform/calendar/working-days.js';
import { type ExtraTask } from '../platform/tasks/source.js';
import { annualReportTiming } from './core/annual-report.js';

/**
 * N14 待办: from 1 January, last year's report while it is not published (due 31 January), for the
 * office that writes it and the information section that publishes it.
 */
export async function annualReportTasks(context: Context, actor: Member, now: Date): Promise<ExtraTask[]> {
  if (!isOfficeOrSection(actor.role)) return [];
  const today = toCalendarDay(now);
  const year = Number(today.slice(0, 4)) - 1;
  const item = await context.prisma.annualReport.findFirst({
    where: { year },
    select: { id: true, publishedAt: true, checkPassed: true, generatedAt: true },
  });
  if (item?.publishedAt) return [];
  const timing = annualReportTiming({ year, today });
  const detail = !item
    ? '尚未创建：请新建年度报告，填写总体情况等内容后生成并发布'
    : !item.generatedAt
      ? '请生成表格并校验后发布'
      : item.checkPassed
        ? '校验已通过，请发布'
        : '数据校验未通过，请核对后重新生成并发布';
  return [
    {
      kindLabel: '年度报告',
      listKey: 'AnnualReport',
      id: item?.id ?? `annual-report-${year}`,
      title: `${year}年政府信息公开工作年度报告`,
      detail: `${timing.message}。${detail}`,
      href: item ? `/admin/annual-reports/${item.id}` : '/admin/annual-reports/create',
      due: timing.deadline,
      urgency: timing.state === 'overdue' ? 0 : daysBetween(today, timing.deadline) <= 7 ? 1 : 2,
    },
  ];
}

const daysBetween = (from: CalendarDay, to: CalendarDay) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400_000;
