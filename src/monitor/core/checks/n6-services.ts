/**
 * N6 服务实用 (服务不实用 is a single veto): each 办事指南 carries its elements (a missing one is a
 * deduction), its forms download and its online-service link works (a confirmed failure of either is the
 * veto). On our own site the guides and their elements come from the CMS; on any site, a page is read as
 * a guide from its text (src/guides/core/guides.ts). A failure that cannot be confirmed — a timeout, a refused
 * connection, an address we may not reach — is a warning, as N8 treats suspected links.
 */
import { isFormLink, isOnlineServiceLink, looksLikeGuidePage, missingOnPage } from '../../../guides/core/guides.js';
import type { Check, CheckInput, CrawledPage, Finding } from '../types.js';
import { normalizeUrl } from '../url.js';
import { sitePages } from './util.js';

export const n6PointsPerElement = 2;

type Outcome = { ok: true } | { ok: false; confirmed: boolean; evidence: string } | null;

/** How a link fared in this run's crawl: a page we fetched, or an external link we checked; null when not reached. */
function outcomeOf(input: CheckInput, url: string, expectFile: boolean): Outcome {
  const page = input.crawl.pages.find((p) => p.url === url || p.finalUrl === url);
  if (page) {
    if (page.status === null) return { ok: false, confirmed: false, evidence: page.errors[0]?.message ?? '无响应' };
    if (page.status >= 400) return { ok: false, confirmed: true, evidence: `HTTP ${page.status}` };
    // A "file" that comes back as a web page is an error page with a 200 (常见于附件丢失).
    if (expectFile && page.isHtml) return { ok: false, confirmed: true, evidence: `HTTP ${page.status}，返回的是网页而不是文件` };
    return { ok: true };
  }
  const ext = input.crawl.external.find((e) => e.url === url);
  if (!ext) return null;
  if (ext.ok) return { ok: true };
  if (ext.status !== null && ext.status >= 400) return { ok: false, confirmed: true, evidence: `HTTP ${ext.status}` };
  return { ok: false, confirmed: false, evidence: ext.error?.message ?? `HTTP ${ext.status}` };
}

function linkFindings(input: CheckInput, page: string, title: string, url: string, kind: 'form' | 'online', name: string): Finding[] {
  const outcome = outcomeOf(input, url, kind === 'form');
  if (!outcome || outcome.ok) return [];
  const what = kind === 'form' ? `表格“${name}”不能下载` : '在线办理链接不能访问';
  const code = kind === 'form' ? 'N6.form-download' : 'N6.online-service';
  if (!outcome.confirmed) {
    return [
      {
        ruleId: 'N6',
        code: `${code}-suspected`,
        severity: 'warning',
        page,
        subject: url,
        evidence: `${url}：${outcome.evidence}`,
        message: `办事指南《${title}》的${what}（疑似，未能确认）`,
        hint: '请人工打开该链接确认；确实不能访问的，属于“服务不实用”，为单项否决。',
      },
    ];
  }
  return [
    {
      ruleId: 'N6',
      code,
      severity: 'veto',
      page,
      subject: url,
      evidence: `${url}：${outcome.evidence}`,
      message: `服务不实用：办事指南《${title}》的${what}（单项否决）`,
      hint:
        kind === 'form'
          ? '请重新上传该表格并检查链接，确保群众能正常下载办事所需的表格和附件。'
          : '请更正在线办理地址（一网通办中本事项的办理页面），并确认能正常打开。',
    },
  ];
}

const missingFinding = (page: string, id: string, title: string, label: string): Finding => ({
  ruleId: 'N6',
  code: 'N6.missing-element',
  severity: 'deduction',
  points: n6PointsPerElement,
  page,
  subject: `${id}:${label}`,
  evidence: `办事指南《${title}》没有“${label}”`,
  message: `办事指南要素不全：《${title}》缺少“${label}”`,
  hint: `请在办事指南中补充“${label}”；办事指南应包含事项名称、设定依据、申请条件、办理材料、办理地点、办理机构、收费标准、办理时间、联系电话和办理流程等要素。`,
});

export const n6Services: Check = {
  id: 'N6',
  title: '服务实用',
  run(input) {
    const findings: Finding[] = [];
    const known = input.knowledge?.serviceGuides;
    const absolute = (url: string) => normalizeUrl(url, input.baseUrl) ?? url;
    const guidePagesFromData = new Set<string>();
    for (const guide of known ?? []) {
      const page = absolute(guide.url ?? `/documents/${guide.id}`);
      guidePagesFromData.add(page);
      for (const label of guide.missing) findings.push(missingFinding(page, guide.id, guide.title, label));
      for (const form of guide.formUrls)
        findings.push(...linkFindings(input, page, guide.title, absolute(form), 'form', form.split('/').pop() ?? form));
      if (guide.onlineUrl) findings.push(...linkFindings(input, page, guide.title, absolute(guide.onlineUrl), 'online', guide.onlineUrl));
    }
    // Any site: the pages that read as guides.
    for (const page of sitePages(input.crawl) as CrawledPage[]) {
      if (guidePagesFromData.has(page.url) || guidePagesFromData.has(page.finalUrl)) continue;
      const title = (page.h1 || page.title || page.url).trim();
      if (!looksLikeGuidePage(title, page.text)) continue;
      for (const element of missingOnPage(page.text)) findings.push(missingFinding(page.url, page.url, title, element.label));
      const seen = new Set<string>();
      for (const link of page.links) {
        if (seen.has(link.url)) continue;
        const kind = isFormLink(link.raw, link.text) ? 'form' : isOnlineServiceLink(link.text) ? 'online' : null;
        if (!kind) continue;
        seen.add(link.url);
        findings.push(...linkFindings(input, page.url, title, link.url, kind, link.text || link.url));
      }
    }
    return findings;
  },
};
