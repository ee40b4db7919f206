/**
 * N18 page metadata: every page carries the tags of the national web-page specification (国办发〔2017〕47号
 * 附件): the site's (SiteName, SiteDomain, SiteIDCode) everywhere, a column's on every page but the home
 * page, an article's on article pages. Works on any site from the page alone; on our own site the
 * CMS's documents and interpretations say which pages are articles. One finding per tag, however many
 * pages lack it (count and examples): a template fixes them all at once.
 */
import type { Check, CrawledPage, Finding, OwnSiteKnowledge } from '../types.js';
import { expectedLevels, levelLabels, metadataProblems, specTagsOf, type MetadataProblem } from '../../../site/core/metadata-spec.js';
import { normalizeUrl } from '../url.js';
import { grouped, sitePages } from './util.js';

export const n18PointsPerTag = 1;

const pathOf = (url: string) => {
  const u = new URL(url);
  return (u.pathname.replace(/\/+$/, '') || '/') + u.search;
};

/** Paths of the article pages the CMS knows (documents and interpretations). */
function knownArticlePaths(knowledge: OwnSiteKnowledge | undefined, baseUrl: string): Set<string> {
  const paths = new Set<string>();
  const template = knowledge?.documentUrlTemplate ?? '/documents/{id}';
  const add = (raw: string) => {
    const url = normalizeUrl(raw, baseUrl);
    if (url) paths.add(pathOf(url));
  };
  for (const d of knowledge?.documents ?? []) add(d.url ?? template.replace('{id}', encodeURIComponent(d.id)));
  for (const i of knowledge?.interpretations ?? []) add(i.url ?? `/interpretations/${encodeURIComponent(i.id)}`);
  return paths;
}

const kindLabels: Record<MetadataProblem['kind'], string> = { missing: '缺少', empty: '内容为空', format: '格式不符' };
const formatHints: Record<string, string> = {
  PubDate: 'PubDate 应为“YYYY-MM-DD HH:mm”，如 2026-11-18 09:30。',
  SiteIDCode: 'SiteIDCode 应为 10 位网站标识码。',
  Url: 'Url 应为本页的完整网址（http:// 或 https:// 开头）。',
};

export const n18PageMetadata: Check = {
  id: 'N18',
  title: '网页元数据',
  run({ crawl, knowledge, baseUrl }) {
    const pages = sitePages(crawl);
    if (!pages.length) return [];
    const home = normalizeUrl(baseUrl, baseUrl);
    const homePath = home ? pathOf(home) : '/';
    const articles = knownArticlePaths(knowledge, baseUrl);
    const byProblem = new Map<string, { problem: MetadataProblem; pages: string[]; value?: string }>();
    for (const page of pages as CrawledPage[]) {
      const tags = specTagsOf(page.metaTags ?? []);
      const path = pathOf(page.finalUrl);
      const levels = expectedLevels(tags, { home: path === homePath, article: articles.has(path) });
      for (const problem of metadataProblems(tags, levels)) {
        const key = `${problem.tag}:${problem.kind}`;
        const entry = byProblem.get(key) ?? { problem, pages: [], value: tags.get(problem.tag) };
        entry.pages.push(page.url);
        byProblem.set(key, entry);
      }
    }
    const findings: Finding[] = [];
    for (const { problem, pages: missing, value } of byProblem.values()) {
      const what = `${levelLabels[problem.level]}元数据 ${problem.tag} ${kindLabels[problem.kind]}`;
      findings.push({
        ruleId: 'N18',
        code: `N18.${problem.kind}`,
        severity: 'deduction',
        points: n18PointsPerTag,
        ...grouped(missing),
        subject: problem.tag,
        evidence:
          problem.kind === 'format'
            ? `<meta name="${problem.tag}" content="${value ?? ''}">（${missing.length} 个页面）`
            : `${missing.length} 个页面（共检查 ${pages.length} 个）${what}`,
        message: `${what}${missing.length > 1 ? `（${missing.length} 个页面）` : ''}`,
        hint: `${formatHints[problem.tag] && problem.kind === 'format' ? formatHints[problem.tag] : ''}按《政府网站网页设计规范》在页面 <head> 中加入 <meta name="${problem.tag}" content="…">；元数据由模板统一生成，改模板即可覆盖全部页面。`,
      });
    }
    return findings;
  },
};
