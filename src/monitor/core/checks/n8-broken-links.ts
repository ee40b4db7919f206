/**
 * N8 broken links: an internal link answering 404/403/410 is confirmed broken (a deduction per link);
 * timeouts, 5xx, refused connections, DNS errors and redirect loops are suspected (a warning).
 * External links are judged from the run's cache: 404/410 confirmed, anything else suspected.
 * One finding per link target, with the pages that carry it.
 */
import type { Check, CrawledPage, Finding } from '../types.js';
import { examples } from './util.js';

export const n8PointsPerLink = 1;
const confirmedInternal = new Set([403, 404, 410]);
const confirmedExternal = new Set([404, 410]);

function describe(status: number | null, error?: { message: string }): string {
  if (error && status === null) return error.message;
  if (error) return `HTTP ${status}，${error.message}`;
  return `HTTP ${status}`;
}

export const n8BrokenLinks: Check = {
  id: 'N8',
  title: '链接可用性',
  run({ crawl }) {
    const findings: Finding[] = [];
    const referrers = new Map<string, string[]>();
    for (const page of crawl.pages) {
      for (const link of page.links) {
        if (!link.internal) continue;
        const list = referrers.get(link.url) ?? [];
        if (!list.includes(page.url)) list.push(page.url);
        referrers.set(link.url, list);
      }
    }
    const refFinding = (target: string, pages: string[]) =>
      pages.length > 1 ? { page: pages[0], pages: { count: pages.length, examples: examples(pages) } } : { page: pages[0] };

    for (const page of crawl.pages as CrawledPage[]) {
      const pagesLinking = referrers.get(page.url) ?? (page.referrer ? [page.referrer] : []);
      // The start page has no referrer: its availability is N1's.
      if (!pagesLinking.length) continue;
      // A body cut at the cap still loaded.
      const error = page.errors.find((e) => e.code !== 'body-too-large');
      const status = page.status;
      if (status !== null && confirmedInternal.has(status)) {
        findings.push({
          ruleId: 'N8',
          code: 'N8.broken',
          severity: 'deduction',
          points: n8PointsPerLink,
          ...refFinding(page.url, pagesLinking),
          subject: page.url,
          evidence: `${page.url} → HTTP ${status}`,
          message: `站内链接不可用（HTTP ${status}）：${page.url}`,
          hint: '修正或删除指向该地址的链接；页面已迁移的，设置 301 跳转到新地址。',
        });
      } else if (error || status === null || status >= 500) {
        findings.push({
          ruleId: 'N8',
          code: 'N8.suspected',
          severity: 'warning',
          ...refFinding(page.url, pagesLinking),
          subject: page.url,
          evidence: `${page.url} → ${describe(status, error)}`,
          message: `站内链接疑似不可用（${error?.message ?? `HTTP ${status}`}）：${page.url}`,
          hint: '检查该页面的服务器日志和程序错误；超时的页面需优化加载速度（15 秒内必须打开）。',
        });
      }
    }
    for (const ext of crawl.external) {
      if (ext.ok) continue;
      const confirmed = ext.status !== null && confirmedExternal.has(ext.status) && !ext.error;
      findings.push({
        ruleId: 'N8',
        code: confirmed ? 'N8.external-broken' : 'N8.external-suspected',
        severity: confirmed ? 'deduction' : 'warning',
        points: confirmed ? n8PointsPerLink : undefined,
        ...(ext.referrerCount > 1
          ? { page: ext.referrers[0], pages: { count: ext.referrerCount, examples: ext.referrers } }
          : { page: ext.referrers[0] }),
        subject: ext.url,
        evidence: `${ext.url} → ${describe(ext.status, ext.error)}（${ext.method}）`,
        message: `${confirmed ? '外部链接不可用' : '外部链接疑似不可用'}：${ext.url}`,
        hint: '核实外部网站地址是否变更，更新为正确地址或删除该链接；外部网站长期失效的链接要及时清理，防止域名过期后被他人注册利用。',
      });
    }
    return findings;
  },
};
