/**
 * S1 only 主动公开 documents (and the redacted text of 删减后公开 ones) ever reach the public site:
 * a crawled page or a link matching a document the CMS marks as not public is a veto.
 */
import type { Check, Finding, NonPublicDocument } from '../types.js';
import { normalizeUrl } from '../url.js';

/** Path + query, the form both sides are compared in. */
const keyOf = (url: string) => {
  const u = new URL(url);
  return (u.pathname.replace(/\/+$/, '') || '/') + u.search;
};

export const s1NonPublic: Check = {
  id: 'S1',
  title: '不公开文件泄露',
  run({ crawl, knowledge, baseUrl }) {
    const docs = knowledge?.nonPublicDocuments ?? [];
    if (!docs.length) return [];
    const template = knowledge?.documentUrlTemplate ?? '/documents/{id}';
    const index = new Map<string, NonPublicDocument>();
    for (const doc of docs) {
      for (const raw of [template.replace('{id}', encodeURIComponent(doc.id)), ...(doc.urls ?? [])]) {
        const url = normalizeUrl(raw, baseUrl);
        if (url) index.set(keyOf(url), doc);
      }
    }
    const findings: Finding[] = [];
    const reported = new Set<string>();
    const label = (doc: NonPublicDocument) => (doc.title ? `“${doc.title}”` : `编号 ${doc.id}`);
    for (const page of crawl.pages) {
      // Judged where the request ended: a redirect to a login page is not a leak.
      const doc = index.get(keyOf(page.finalUrl));
      if (doc && page.status !== null && page.status < 300 && !reported.has(`page:${doc.id}`)) {
        reported.add(`page:${doc.id}`);
        findings.push({
          ruleId: 'S1',
          code: 'S1.reachable',
          severity: 'veto',
          page: page.url,
          subject: doc.id,
          evidence: `${page.url} → HTTP ${page.status}${page.title ? `，标题“${page.title}”` : ''}`,
          message: `不公开文件 ${label(doc)} 可在公开网站上访问`,
          hint: '立即下线该页面并清除缓存和搜索索引；查明文件公开属性为何未生效（发布流程、缓存、静态文件），报局办公室。',
        });
      }
      for (const link of page.links) {
        const linked = link.internal ? index.get(keyOf(link.url)) : undefined;
        if (!linked || reported.has(`link:${linked.id}`)) continue;
        reported.add(`link:${linked.id}`);
        findings.push({
          ruleId: 'S1',
          code: 'S1.linked',
          severity: 'veto',
          page: page.url,
          subject: linked.id,
          evidence: `<a href="${link.raw}">${link.text}</a>`,
          message: `公开页面链接了不公开文件 ${label(linked)}（标题和地址已外泄）`,
          hint: '删除该链接并检查栏目列表、相关文件、搜索和订阅源为何包含不公开文件。',
        });
      }
    }
    return findings;
  },
};
