/** N2 home page not updated for 2 weeks: a veto; vendors warn from 10 days; no dated item counts as not updated. */
import { deriveSite } from '../columns.js';
import { toCalendarDay } from '../../../platform/calendar/working-days.js';
import { daysBetween, toDay } from '../../../platform/http/dates.js';
import type { Check, Finding } from '../types.js';

export const homeVetoDays = 14;
export const homeWarnDays = 10;

export const n2HomeUpdated: Check = {
  id: 'N2',
  title: '首页更新',
  run({ crawl, knowledge, now, config, baseUrl }) {
    let latest: string | undefined;
    let source: string;
    if (knowledge && knowledge.homeLatestDate !== undefined) {
      latest = toDay(knowledge.homeLatestDate);
      source = '内容管理系统记录';
    } else {
      const home = deriveSite(crawl, config, now).home;
      // Not fetched (robots, unreachable): N1 and the notes say so; there is nothing to judge here.
      if (!home) return [];
      latest = home.latest;
      source = '首页带日期的链接';
    }
    const today = toCalendarDay(now);
    const base = { ruleId: 'N2', page: baseUrl, subject: 'home' };
    if (!latest) {
      return [
        {
          ...base,
          code: 'N2.no-date',
          severity: 'veto',
          evidence: `${source}中找不到任何发布日期`,
          message: '首页信息没有发布日期，按首页未更新处理（单项否决）',
          hint: '首页各栏目列表应显示每条信息的发布日期（如 2026-11-20），并保证两周内有新信息。',
        } satisfies Finding,
      ];
    }
    const age = daysBetween(latest, today);
    if (age >= homeVetoDays) {
      return [
        {
          ...base,
          code: 'N2.stale',
          severity: 'veto',
          evidence: `首页最新信息日期 ${latest}，距检查日 ${today} 已 ${age} 天（${source}）`,
          message: `首页已 ${age} 天未更新（超过 2 周为单项否决）`,
          hint: '立即在首页动态、要闻等栏目发布新信息，并建立每周至少更新一次首页的值班制度。',
        },
      ];
    }
    if (age >= homeWarnDays) {
      return [
        {
          ...base,
          code: 'N2.aging',
          severity: 'warning',
          evidence: `首页最新信息日期 ${latest}，距检查日 ${today} 已 ${age} 天（${source}）`,
          message: `首页已 ${age} 天未更新，${homeVetoDays - age} 天后将触及 2 周不更新的否决线`,
          hint: '请尽快在首页发布新信息。',
        },
      ];
    }
    return [];
  },
};
