import type { Context } from '../platform/db/prisma.js';
import { annualReportTiming } from './core/annual-report.js';
import { missingText } from './website-report-actions.js';
import { generateWebsiteReport } from './website-data.js';
import type { DemoClock } from '../platform/demo/clock.js';

/*
 * Demo (N17): the 2025 网站工作年度报表, published on 23 January with the 信息公开 annual report. The
 * site's visit statistics begin with the demo's month of log; the year before is carried in from the
 * bureau's previous statistics as daily figures (weekdays busier than weekends), so that the report's
 * 总访问量 and 独立用户访问总量 come, as always, from the daily statistics.
 */

const entries2025 = {
  overviewUpdates: 12,
  newTopics: 2,
  mediaCommentaries: 3,
  serviceCatalogue: 'yes',
  registeredUsers: 2,
  serviceItems: 86,
  onlineServiceItems: 61,
  casesTotal: 3,
  casesNatural: 3,
  casesLegal: 0,
  unifiedPlatform: 'yes',
  interviews: 2,
  interviewQuestions: 37,
  interviewAnswers: 35,
  smartQa: 'no',
  monitoringMechanism: 'yes',
  emergencyDrill: 'yes',
  securityOfficer: 'yes',
  hasNewMedia: 'yes',
  weiboName: '',
  wechatName: '临沧民政',
  wechatPosts: 412,
  wechatSubscribers: 28650,
  otherNewMedia: '',
  innovation: '网站提供站内搜索、适老化和无障碍浏览，文件页提供图解、长图和视频解读；留言、征求意见和依申请公开均可在线查询办理进度。',
  headName: '李明华',
  reviewerName: '赵建国',
  fillerName: '刘静',
  phone: '0883-2123456',
};

/** A day's visit figures of the year before the statistics began: the same every time for the same day. */
function carriedInDay(day: string): { pageViews: number; uniqueVisitors: number } {
  const n = Number(day.replace(/-/g, ''));
  const jitter = ((n * 2654435761) >>> 0) / 4294967296;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  const uniqueVisitors = Math.round((weekday === 0 || weekday === 6 ? 60 : 160) * (0.8 + jitter * 0.4));
  return { uniqueVisitors, pageViews: Math.round(uniqueVisitors * (2.6 + jitter * 0.8)) };
}

export async function seedDemoWebsiteReport(context: Context, clock: DemoClock): Promise<{ WebsiteAnnualReport: number }> {
  const prisma = context.sudo().prisma;
  const at = clock.everyYear('2026-01-23');
  const year = 2025 + at.shiftYears;
  if (await prisma.websiteAnnualReport.count({ where: { year } })) return { WebsiteAnnualReport: 0 };
  if (!(await prisma.visitDay.count({ where: { day: { startsWith: `${year}-` } } }))) {
    const start = Date.parse(`${year}-01-01T00:00:00Z`);
    const days = Array.from({ length: (Date.parse(`${year + 1}-01-01T00:00:00Z`) - start) / 86_400_000 }, (_, i) =>
      new Date(start + i * 86_400_000).toISOString().slice(0, 10),
    );
    await prisma.visitDay.createMany({ data: days.map((day) => ({ day, ...carriedInDay(day) })) });
  }
  const item = (await prisma.websiteAnnualReport.create({
    data: { year, title: `${year}年度政府网站工作年度报表`, ...entries2025 },
  })) as Record<string, unknown> & { id: string };
  const publishedAt = at.instant('2026-01-23T10:00:00+08:00');
  const report = await generateWebsiteReport(context, year, { ...item, publishedAt });
  // Published only when complete, as the 发布 action would (N17).
  await prisma.websiteAnnualReport.update({
    where: { id: item.id },
    data: {
      snapshot: report as object,
      generatedAt: at.instant('2026-01-22T16:00:00+08:00'),
      complete: report.missing.length === 0,
      checkResult: missingText(report),
      ...(report.missing.length
        ? {}
        : {
            publishedAt,
            publicationNote: annualReportTiming({ year, today: at.day('2026-01-23'), publishedOn: at.day('2026-01-23') }).message.replace(
              '年度报告',
              '年度网站工作年度报表',
            ),
          }),
    },
  });
  return { WebsiteAnnualReport: 1 };
}
