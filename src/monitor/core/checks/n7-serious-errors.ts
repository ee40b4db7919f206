/**
 * N7 serious errors: wrong state names (中华人民共合国), wrong leader names or titles, serious typos,
 * from the editable lists in rules-data/serious-errors.ts and the content gate's dictionary (规范表述词库:
 * wrong official names, sensitive words, a leader's title used outside the term of office, as of the
 * page's publication day). More than 3 (distinct error × page) is a veto, fewer cost points. Publish
 * dates after the day of the check look faked: a warning.
 */
import { toCalendarDay } from '../../../platform/calendar/working-days.js';
import { findDates } from '../../../platform/http/dates.js';
import { seriousCategoryLabels, type GateFinding } from '../../../workflow/core/content-gate.js';
import type { Check, Finding } from '../types.js';
import { contentGateOf, gateFindingsOf, grouped, PageGroups, sitePages, snippet } from './util.js';

export const n7PointsPerError = 2;

export const n7SeriousErrors: Check = {
  id: 'N7',
  title: '严重错误',
  run({ crawl, config, now }) {
    const gate = contentGateOf(config);
    const groups = new PageGroups<{ found: GateFinding; context: string }>();
    const future = new PageGroups<{ date: string; context: string }>();
    const today = toCalendarDay(now);
    for (const page of sitePages(crawl)) {
      const { text, findings } = gateFindingsOf(gate, page, today);
      for (const found of findings) {
        if (found.rule === 'N7') groups.add(found.matched, page.url, { found, context: snippet(text, found.start, 20) });
      }
      for (const m of text.matchAll(/发布(?:日期|时间)[:：]?\s*([^\s]{8,12})/g)) {
        const date = findDates(m[1])[0];
        // One day of slack: a page published late tonight in China may still be "tomorrow" elsewhere.
        if (date && Date.parse(date) > Date.parse(today) + 86_400_000)
          future.add(date, page.url, { date, context: snippet(text, m.index ?? 0, 20) });
      }
    }
    const entries = groups.entries();
    const total = entries.reduce((n, e) => n + e.pages.length, 0);
    const veto = total > config.seriousErrors.vetoAbove;
    const vetoNote = veto ? `（全站严重错误 ${total} 处，超过 ${config.seriousErrors.vetoAbove} 处为单项否决）` : '';
    const findings: Finding[] = entries.map(({ subject, pages, first }) => {
      const { entry, matched } = first.found;
      const right = entry.replacement?.trim();
      const leader = entry.kind === 'leader';
      return {
        ruleId: 'N7',
        code: leader ? 'N7.leader-title' : 'N7.serious-error',
        severity: veto ? 'veto' : 'deduction',
        points: veto ? undefined : n7PointsPerError * pages.length,
        ...grouped(pages),
        subject,
        evidence: `“${first.context}”`,
        message: leader
          ? `${first.found.message}${vetoNote}`
          : `${seriousCategoryLabels[entry.category ?? 'officialName']}：“${matched}”${right ? `应为“${right}”` : '不得出现在网站上'}${vetoNote}`,
        hint: leader
          ? `按规范表述词库中的任职期间核对“${matched}”：已卸任的改为现任领导或写“时任${entry.title}”，并检查同一稿件来源的其他页面。`
          : right
            ? `将“${matched}”改为“${right}”，并检查同一模板或稿件来源的其他页面；发布前执行校对。`
            : `删除或改写“${matched}”，并检查同一模板或稿件来源的其他页面。`,
      };
    });
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
