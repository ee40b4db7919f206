/**
 * N19: expired or superseded content still presented as current — a recurring inspection finding. On our
 * own site from the CMS: 招聘, 公示 and 征集 items past their last day that are still published, and
 * normative documents past their 有效期至 still recorded 现行有效 (their page already says 已失效). On any
 * site from the page text: a page stating 有效期至 a passed day, or a 招聘/公示/征集 page whose period has
 * ended, that does not say it is no longer in force.
 */
import { toCalendarDay } from '../../../platform/calendar/working-days.js';
import { chineseDay, cleanupItems, statedEndOnPage, type Validity } from '../../../validity/core/validity.js';
import type { Check, Finding } from '../types.js';
import { normalizeUrl } from '../url.js';
import { sitePages } from './util.js';

export const n19PointsPerItem = 1;

export const n19Validity: Check = {
  id: 'N19',
  title: '文件效力与过期信息',
  run(input) {
    const today = toCalendarDay(input.now);
    const findings: Finding[] = [];
    const known = input.knowledge?.datedItems;
    if (known) {
      const urls = new Map(known.map((k) => [k.id, normalizeUrl(k.url ?? `/documents/${k.id}`, input.baseUrl) ?? k.url]));
      const items = cleanupItems(
        known.map((k) => ({
          id: k.id,
          title: k.title,
          regulatory: k.regulatory,
          validity: k.validity as Validity,
          validUntil: k.validUntil,
        })),
        today,
      );
      for (const item of items.filter((i) => i.kind !== 'validityEnding')) {
        const stale = item.kind === 'timePassed';
        findings.push({
          ruleId: 'N19',
          code: stale ? 'N19.time-passed' : 'N19.validity-ended',
          severity: stale ? 'deduction' : 'warning',
          points: stale ? n19PointsPerItem : undefined,
          page: urls.get(item.id),
          subject: item.id,
          evidence: `《${item.title}》：${stale ? '期限' : '有效期'}至${chineseDay(item.due)}`,
          message: stale
            ? `过期信息仍作为现行信息展示：《${item.title}》`
            : `《${item.title}》有效期已过，页面显示“已失效”，但系统中仍登记为“现行有效”`,
          hint: stale ? '请撤回该信息，或修订标注已结束。' : '请修订该文件，将效力状态改为“已失效”，或发布延续施行的文件。',
        });
      }
      return findings;
    }
    for (const page of sitePages(input.crawl)) {
      const title = (page.h1 || page.title || '').trim();
      if (/已失效|已废止|已修改|已结束|已截止/.test(page.text)) continue;
      const end = statedEndOnPage(title, page.text);
      if (!end || end.day >= today) continue;
      findings.push({
        ruleId: 'N19',
        code: end.kind === 'validity' ? 'N19.validity-ended' : 'N19.time-passed',
        severity: 'deduction',
        points: n19PointsPerItem,
        page: page.url,
        subject: page.url,
        evidence: `${end.kind === 'validity' ? '有效期至' : '截止'}${chineseDay(end.day)}`,
        message: end.kind === 'validity' ? `文件有效期已过仍作为现行文件展示：${title}` : `过期信息仍作为现行信息展示：${title}`,
        hint:
          end.kind === 'validity'
            ? '请在页面注明“已失效”并从现行有效文件库中移出，或发布延续施行的文件。'
            : '请撤下该信息，或在页面注明已结束。',
      });
    }
    return findings;
  },
};
