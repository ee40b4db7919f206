/**
 * N11 interpretations and their policy documents link to each other (双向关联), and the
 * interpretation is published with its document, at the latest 3 working days after.
 * From the CMS (documents ↔ interpretations) and from the crawl: a page titled or marked as 解读 that
 * links to a document page which does not link back.
 */
import { addWorkingDays } from '../../../platform/calendar/working-days.js';
import { toDay } from '../../../platform/http/dates.js';
import type { Check, CrawledPage, Finding } from '../types.js';
import { sitePages } from './util.js';

export const n11Points = 2;
export const interpretationLagWorkingDays = 3;

const documentLabel = /解读文件|相关文件|政策原文|文件原文|原文链接|原文[:：]/;

/** Links of an interpretation page that point at the document it interprets. */
export function documentLinksOf(page: CrawledPage): string[] {
  return page.links
    .filter(
      (l) =>
        l.internal &&
        l.url !== page.url &&
        (/^《.+》$/.test(l.text) || (l.context !== undefined && documentLabel.test(l.context) && l.context.length < 200)),
    )
    .map((l) => l.url);
}

export const n11InterpretationLinks: Check = {
  id: 'N11',
  title: '政策解读关联',
  run({ crawl, knowledge, config }) {
    const findings: Finding[] = [];
    const docs = new Map((knowledge?.documents ?? []).map((d) => [d.id, d]));
    for (const jd of knowledge?.interpretations ?? []) {
      if (!jd.documentIds.length) {
        findings.push({
          ruleId: 'N11',
          code: 'N11.no-document',
          severity: 'deduction',
          points: n11Points,
          page: jd.url,
          subject: jd.id,
          evidence: `解读“${jd.title}”未关联任何政策文件`,
          message: `政策解读“${jd.title}”没有关联被解读的文件`,
          hint: '在解读中关联被解读的政策文件，文件页面同时显示解读链接。',
        });
      }
      for (const docId of jd.documentIds) {
        const doc = docs.get(docId);
        if (!doc) continue;
        if (!doc.interpretationIds.includes(jd.id)) {
          findings.push({
            ruleId: 'N11',
            code: 'N11.one-way',
            severity: 'deduction',
            points: n11Points,
            page: doc.url,
            subject: `${docId}<-${jd.id}`,
            evidence: `解读“${jd.title}”链接到文件“${doc.title}”，文件页面没有链接回解读`,
            message: `政策文件“${doc.title}”未关联其解读“${jd.title}”（应双向关联）`,
            hint: '在文件页面增加“相关解读”链接，做到文件与解读双向关联。',
          });
        }
        const docDay = toDay(doc.publishedAt);
        const jdDay = toDay(jd.publishedAt);
        if (docDay && jdDay && jdDay > addWorkingDays(docDay, interpretationLagWorkingDays)) {
          findings.push({
            ruleId: 'N11',
            code: 'N11.late',
            severity: 'deduction',
            points: n11Points,
            page: jd.url,
            subject: `${docId}->${jd.id}:late`,
            evidence: `文件发布于 ${docDay}，解读发布于 ${jdDay}`,
            message: `政策解读“${jd.title}”晚于文件发布 3 个工作日以上`,
            hint: '解读材料应与政策文件同步起草、同步审批、同步发布（三同步），最迟不超过文件发布后 3 个工作日。',
          });
        }
      }
    }
    for (const doc of knowledge?.documents ?? []) {
      for (const jdId of doc.interpretationIds) {
        const jd = (knowledge?.interpretations ?? []).find((j) => j.id === jdId);
        if (jd && !jd.documentIds.includes(doc.id)) {
          findings.push({
            ruleId: 'N11',
            code: 'N11.one-way',
            severity: 'deduction',
            points: n11Points,
            page: jd.url,
            subject: `${doc.id}->${jd.id}`,
            evidence: `文件“${doc.title}”链接到解读“${jd.title}”，解读页面没有链接回文件`,
            message: `政策解读“${jd.title}”未关联其文件“${doc.title}”（应双向关联）`,
            hint: '在解读页面增加被解读文件的链接，做到文件与解读双向关联。',
          });
        }
      }
    }

    // From the crawl: interpretation pages whose document does not link back.
    const pages = sitePages(crawl);
    const byUrl = new Map<string, CrawledPage>();
    for (const p of pages) {
      byUrl.set(p.url, p);
      byUrl.set(p.finalUrl, p);
    }
    const isList = (p: CrawledPage) => p.links.filter((l) => l.internal && l.date).length >= config.columns.listPageMinDatedLinks;
    for (const page of pages) {
      if (!/解读/.test(`${page.title ?? ''} ${page.h1 ?? ''}`) || isList(page)) continue;
      for (const target of new Set(documentLinksOf(page))) {
        const doc = byUrl.get(target);
        if (!doc) continue;
        const linksBack = doc.links.some((l) => l.url === page.url || l.url === page.finalUrl);
        if (linksBack) continue;
        const title = doc.h1 ?? doc.title ?? doc.url;
        findings.push({
          ruleId: 'N11',
          code: 'N11.one-way',
          severity: 'deduction',
          points: n11Points,
          page: doc.url,
          subject: `${doc.url}<-${page.url}`,
          evidence: `解读页面 ${page.url} 链接到 ${doc.url}，该文件页面没有链接回解读`,
          message: `政策文件“${title}”页面未链接其解读“${page.h1 ?? page.title}”（应双向关联）`,
          hint: '在文件页面增加“相关解读”链接，做到文件与解读双向关联。',
        });
      }
    }
    return findings;
  },
};
