/**
 * N7 serious errors: wrong state names (中华人民共合国), wrong leader names or titles, serious typos,
 * from the editable lists in rules-data/serious-errors.ts. More than 3 (distinct error × page) is a
 * veto, fewer cost points. Publish dates after the day of the check look faked: a warning.
 */
import { toCalendarDay } from '../../calendar/working-days.js';
import { findDates } from '../dates.js';
import type { Check, Finding, WrongRight } from '../types.js';
import { grouped, PageGroups, sitePages, snippet } from './util.js';

export const n7PointsPerError = 2;

export const n7SeriousErrors: Check = {
  id: 'N7',
  title: '严重错误',
  run({ crawl, config, now }) {
    const lists: Array<[string, WrongRight[]]> = [
      ['国家名称错误', config.seriousErrors.stateNames],
      ['领导人姓名职务错误', config.seriousErrors.leaders],
      ['严重错别字', config.seriousErrors.typos],
    ];
    const groups = new PageGroups<{ kind: string; pair: WrongRight; context: string }>();
    const future = new PageGroups<{ date: string; context: string }>();
    const today = toCalendarDay(now);
    for (const page of sitePages(crawl)) {
      const text = `${page.title ?? ''} ${page.text}`;
      for (const [kind, pairs] of lists) {
        for (const pair of pairs) {
          const i = text.indexOf(pair.wrong);
          if (i >= 0) groups.add(pair.wrong, page.url, { kind, pair, context: snippet(text, i, 20) });
        }
      }
      for (const m of text.matchAll(/发布(?:日期|时间)[:：]?\s*([^\s]{8,12})/g)) {
        const date = findDates(m[1])[0];
        // One day of slack: a page published late tonight in China may still be "tomorrow" elsewhere.
        if (date && Date.parse(date) > Date.parse(today) + 86_400_000) future.add(date, page.url, { date, context: snippet(text, m.index ?? 0, 20) });
      }
    }
    const entries = groups.entries();
    const total = entries.reduce((n, e) => n + e.pages.length, 0);
    const veto = total > config.seriousErrors.vetoAbove;
    const findings: Finding[] = entries.map(({ subject, pages, first }) => ({
      ruleId: 'N7',
      code: 'N7.serious-error',
      severity: veto ? 'veto' : 'deduction',
      points: veto ? undefined : n7PointsPerError * pages.length,
      ...grouped(pages),
      subject,
      evidence: `“${first.context}”`,
      message: `${first.kind}：“${first.pair.wrong}”应为“${first.pair.right}”${veto ? `（全站严重错误 ${total} 处，超过 ${config.seriousErrors.vetoAbove} 处为单项否决）` : ''}`,
      hint: `将“${first.pair.wrong}”改为“${first.pair.right}”，并检查同一模板或稿件来源的其他页面；发布前执行校对。`,
    }));
    for (const { subject, pages, first } of future.entries()) {
      findings.push({
        ruleId: 'N7',
        code: 'N7.future-date',
        severity: 'warning',
        ...grouped(pages),
        subject,
        evidence: `“${first.context}”`,
        message: `发布日期 ${first.date} 晚于检查日期 ${today}，疑似虚假发布时间`,
        hint: '核对信息的真实发布时间并更正；发布时间应由系统自动记录，不得人工填写未来日期。',
      });
    }
    return findings;
  },
};
