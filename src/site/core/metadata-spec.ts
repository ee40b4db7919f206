/**
 * N18: the metadata tags of the national web-page specification (政府网站网页设计规范, the annex of
 * 国办发〔2017〕47号). Three levels: the site's tags on every page, a column's on its column pages and
 * on the articles in it, an article's on the article page. Pure: the public site builds its <meta>
 * tags with it, and the monitor checks any site's pages against it.
 */
import { formatChinaTime } from '../../platform/calendar/china-time.js';

export const siteTagNames = ['SiteName', 'SiteDomain', 'SiteIDCode'] as const;
export const columnTagNames = ['ColumnName', 'ColumnDescription', 'ColumnKeywords', 'ColumnType'] as const;
export const articleTagNames = ['ArticleTitle', 'PubDate', 'ContentSource', 'Keywords', 'Author', 'Description', 'Image', 'Url'] as const;
export type MetadataTagName = (typeof siteTagNames)[number] | (typeof columnTagNames)[number] | (typeof articleTagNames)[number];
export const allTagNames: readonly MetadataTagName[] = [...siteTagNames, ...columnTagNames, ...articleTagNames];

/** An article without a picture has no Image to name: the only tag a page may leave out at its level. */
export const optionalTagNames: ReadonlySet<MetadataTagName> = new Set(['Image']);

export type MetadataLevel = 'site' | 'column' | 'article';
export const tagsOfLevel: Record<MetadataLevel, readonly MetadataTagName[]> = {
  site: siteTagNames,
  column: columnTagNames,
  article: articleTagNames,
};
export const levelLabels: Record<MetadataLevel, string> = { site: '网站', column: '栏目', article: '内容页' };

export interface SiteMetadata {
  name: string;
  /** Host name the site is reached at (网站域名), without scheme or path. */
  domain: string;
  /** 网站标识码, 10 characters. */
  idCode: string;
}
export interface ColumnMetadata {
  name: string;
  description: string;
  keywords: string;
  /** 栏目类型 (动态要闻, 政策文件, 信息公开, 互动交流 …). */
  type: string;
}
export interface ArticleMetadata {
  title: string;
  published: Date | null;
  /** 来源: the issuing body, or the upstream site of a reprint. */
  source: string;
  keywords: string;
  author: string;
  description: string;
  /** Absolute URL of the article's main picture, when it has one. */
  image?: string;
  /** Absolute URL of the article page. */
  url: string;
}
export interface PageMetadata {
  site: SiteMetadata;
  column?: ColumnMetadata;
  article?: ArticleMetadata;
}

/** PubDate in the specification's form 'YYYY-MM-DD HH:mm', China time. */
export const pubDatePattern = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/;
export const siteIdCodePattern = /^[0-9A-Za-z]{10}$/;

/** The host of a base URL ('http://www.lincang.gov.cn/mzj' → 'www.lincang.gov.cn'), or '' when it is not a URL. */
export function domainOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return '';
  }
}

/** Tags are one line each: no markup, no line breaks, at most 200 characters. */
function clean(value: string): string {
  return value.replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** The <meta name content> pairs of a page, in the specification's order; an article without a picture has no Image. */
export function metadataTags(meta: PageMetadata): { name: MetadataTagName; content: string }[] {
  const tags: { name: MetadataTagName; content: string }[] = [
    { name: 'SiteName', content: meta.site.name },
    { name: 'SiteDomain', content: meta.site.domain },
    { name: 'SiteIDCode', content: meta.site.idCode },
  ];
  if (meta.column) {
    tags.push(
      { name: 'ColumnName', content: meta.column.name },
      { name: 'ColumnDescription', content: meta.column.description || `${meta.site.name}${meta.column.name}栏目` },
      { name: 'ColumnKeywords', content: meta.column.keywords || meta.column.name },
      { name: 'ColumnType', content: meta.column.type },
    );
  }
  const a = meta.article;
  if (a) {
    tags.push(
      { name: 'ArticleTitle', content: a.title },
      { name: 'PubDate', content: a.published ? formatChinaTime(a.published) : '' },
      { name: 'ContentSource', content: a.source || meta.site.name },
      { name: 'Keywords', content: a.keywords || meta.column?.name || a.title },
      { name: 'Author', content: a.author || a.source || meta.site.name },
      { name: 'Description', content: a.description || a.title },
    );
    if (a.image) tags.push({ name: 'Image', content: a.image });
    tags.push({ name: 'Url', content: a.url });
  }
  return tags.map((t) => ({ name: t.name, content: clean(t.content) }));
}

/** A page's spec tags as read from its HTML: the name matched without regard to case, the first occurrence kept. */
export function specTagsOf(metas: readonly { name: string; content: string }[]): Map<MetadataTagName, string> {
  const byLower = new Map(allTagNames.map((n) => [n.toLowerCase(), n]));
  const found = new Map<MetadataTagName, string>();
  for (const m of metas) {
    const name = byLower.get(m.name.trim().toLowerCase());
    if (name && !found.has(name)) found.set(name, m.content.trim());
  }
  return found;
}

export interface MetadataProblem {
  level: MetadataLevel;
  tag: MetadataTagName;
  kind: 'missing' | 'empty' | 'format';
}

/**
 * What a page lacks at the levels it should carry (N18): every page the site's tags; a column or
 * article page the column's; an article page the article's. `levels` says which levels apply.
 */
export function metadataProblems(tags: ReadonlyMap<MetadataTagName, string>, levels: readonly MetadataLevel[]): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  for (const level of levels) {
    for (const tag of tagsOfLevel[level]) {
      const value = tags.get(tag);
      if (value === undefined) {
        if (!optionalTagNames.has(tag)) problems.push({ level, tag, kind: 'missing' });
      } else if (!value) problems.push({ level, tag, kind: 'empty' });
      else if (
        (tag === 'PubDate' && !pubDatePattern.test(value)) ||
        (tag === 'SiteIDCode' && !siteIdCodePattern.test(value)) ||
        (tag === 'Url' && !/^https?:\/\//i.test(value))
      ) {
        problems.push({ level, tag, kind: 'format' });
      }
    }
  }
  return problems;
}

/**
 * Which levels a page should carry: the site's always; the column's on every page but the home page
 * (a column page, or an article in a column); the article's when the page carries an article tag of
 * its own (ArticleTitle, PubDate, ContentSource, Image, Url) or the caller knows it is an article.
 */
export function expectedLevels(
  tags: ReadonlyMap<MetadataTagName, string>,
  hints: { home?: boolean; article?: boolean } = {},
): MetadataLevel[] {
  const has = (names: readonly MetadataTagName[]) => names.some((n) => tags.has(n));
  const article = hints.article || has(articleTagNames.filter((n) => n !== 'Keywords' && n !== 'Description' && n !== 'Author'));
  const column = !hints.home;
  return ['site', ...(column ? (['column'] as const) : []), ...(article ? (['article'] as const) : [])];
}
