/**
 * N18 on our own pages: which metadata of the national web-page specification each public page
 * carries. A page in a CMS column names that column; a feature's page (信箱, 征求意见, 依申请公开 …)
 * names the section it belongs to from the table below; an article page adds its article tags.
 */
import { columnKindOptions } from '../../platform/content/vocabulary.js';
import { maskedExcerpt, maskPersonalData } from '../../platform/privacy/mask.js';
import { domainOf, metadataTags, type ArticleMetadata, type ColumnMetadata } from './metadata-spec.js';

/** What a page model says of its column and article; the article's URL is its path on this site. */
export interface PageMetaInput {
  column?: ColumnMetadata;
  article?: Omit<ArticleMetadata, 'url'> & { path: string };
}

/** The section of each feature page (templates/pages) that is not a CMS column page; the home and error pages carry the site's tags only. */
export const featureColumns: Readonly<Record<string, ColumnMetadata>> = Object.freeze({
  search: { name: '站内搜索', description: '全站政府信息和政策解读的检索', keywords: '搜索,检索', type: '综合' },
  catalogue: {
    name: '主动公开目录',
    description: '按“五公开”分类的主动公开事项目录',
    keywords: '主动公开目录,政府信息公开',
    type: '信息公开',
  },
  'catalogue-entry': {
    name: '主动公开目录',
    description: '按“五公开”分类的主动公开事项目录',
    keywords: '主动公开目录,政府信息公开',
    type: '信息公开',
  },
  ...Object.fromEntries(
    ['mailbox-list', 'mailbox-item', 'mailbox-new', 'mailbox-thanks', 'mailbox-query'].map((page) => [
      page,
      { name: '领导信箱', description: '群众来信、办理答复与查询', keywords: '领导信箱,来信,答复', type: '互动交流' },
    ]),
  ),
  ...Object.fromEntries(
    ['consultation-list', 'consultation', 'consultation-comment', 'consultation-thanks'].map((page) => [
      page,
      { name: '征求意见', description: '重大行政决策草案公开征求意见及意见采纳情况', keywords: '征求意见,意见采纳', type: '互动交流' },
    ]),
  ),
  ...Object.fromEntries(
    ['requests-apply', 'requests-thanks', 'requests-query'].map((page) => [
      page,
      {
        name: '依申请公开',
        description: '政府信息公开申请的在线提交与办理进度查询',
        keywords: '依申请公开,政府信息公开申请',
        type: '信息公开',
      },
    ]),
  ),
  ...Object.fromEntries(
    ['annual-reports-list', 'annual-reports-show'].map((page) => [
      page,
      {
        name: '政府信息公开工作年度报告',
        description: '本机关历年政府信息公开工作年度报告',
        keywords: '年度报告,政府信息公开',
        type: '信息公开',
      },
    ]),
  ),
  'normative-library': {
    name: '行政规范性文件库',
    description: '本机关行政规范性文件及其效力状态（现行有效、已修改、已废止、已失效）',
    keywords: '行政规范性文件,现行有效,文件效力',
    type: '信息公开',
  },
  ...Object.fromEntries(
    ['website-reports-list', 'website-reports-show'].map((page) => [
      page,
      {
        name: '政府网站工作年度报表',
        description: '本网站历年政府网站工作年度报表',
        keywords: '网站工作年度报表,政府网站',
        type: '信息公开',
      },
    ]),
  ),
});

/** Pages with the site's tags only. */
export const siteOnlyPages: ReadonlySet<string> = new Set(['home', 'error']);

/** A CMS column's metadata: its own description and keywords, else its name and kind. */
export function columnMetadata(column: {
  name: string;
  description?: string | null;
  keywords?: string | null;
  kind: string;
}): ColumnMetadata {
  const type = columnKindOptions.find((o) => o.value === column.kind)?.label ?? '综合';
  return { name: column.name, description: column.description ?? '', keywords: column.keywords || `${column.name},${type}`, type };
}

/** An article's description: its public text, personal data masked (N15) before it is cut. */
export function articleDescription(text: string): string {
  return maskedExcerpt(text, 120);
}

export interface SiteIdentity {
  siteName: string;
  siteCode: string;
  baseUrl: string;
}

/** The <meta> tags of a page rendered from template `name`. */
export function pageMetaTags(name: string, site: SiteIdentity, meta: PageMetaInput = {}) {
  const base = site.baseUrl.replace(/\/+$/, '');
  const column = siteOnlyPages.has(name) ? undefined : (meta.column ?? featureColumns[name]);
  const article = meta.article && { ...meta.article, title: maskPersonalData(meta.article.title), url: `${base}${meta.article.path}` };
  return metadataTags({ site: { name: site.siteName, domain: domainOf(base), idCode: site.siteCode }, column, article });
}
