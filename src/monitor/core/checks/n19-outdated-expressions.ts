/**
 * N19 outdated expressions: a plan period or an agency name from the content gate's dictionary
 * (规范表述词库) on a page published after the day it went out of use (十三五规划 as current after 2021,
 * 国家卫生计生委 after the 2018 reform). A page speaking of the past (原…) is left alone; a page without a
 * publication date is judged as of the day of the check. A warning: the inspection counts superseded
 * content presented as current, but only a reader can tell history from a slip.
 */
import { toCalendarDay } from '../../../platform/calendar/working-days.js';
import type { GateFinding } from '../../../workflow/core/content-gate.js';
import type { Check, Finding } from '../types.js';
import { contentGateOf, gateFindingsOf, grouped, PageGroups, sitePages, snippet } from './util.js';

export const n19OutdatedExpressions: Check = {
  id: 'N19',
  title: '过时表述',
  run({ crawl, config, now }) {
    const gate = contentGateOf(config);
    const today = toCalendarDay(now);
    const groups = new PageGroups<{ found: GateFinding; context: string }>();
    for (const page of sitePages(crawl)) {
      const { text, findings } = gateFindingsOf(gate, page, today);
      for (const found of findings) {
        if (found.rule === 'N19') groups.add(found.matched, page.url, { found, context: snippet(text, found.start, 20) });
      }
    }
    return groups.entries().map(({ subject, pages, first }): Finding => {
      const { entry } = first.found;
      return {
        ruleId: 'N19',
        code: 'N19.outdated-expression',
        severity: 'warning',
        ...grouped(pages),
        subject,
        evidence: `“${first.context}”`,
        message: first.found.message,
        hint: `改为“${entry.replacement ?? ''}”；确为回顾过去的，写明时间范围或加“原”字。`,
      };
    });
  },
};
