import { describe, expect, test } from '@jest/globals';
import { n18PageMetadata } from '../../../src/monitor/core/checks/n18-page-metadata.js';
import { defaultRulesConfig } from '../../../src/monitor/core/config.js';
import { extractPage } from '../../../src/monitor/core/extract.js';
import { metadataTags, metadataProblems, specTagsOf } from '../../../src/site/core/metadata-spec.js';
import { crawlOf, NOW } from '../../helpers/monitor-fixtures.js';

const base = 'http://www.example.gov.cn/';
const site =
  '<meta name="SiteName" content="某市民政局"><meta name="SiteDomain" content="www.example.gov.cn"><meta name="SiteIDCode" content="5309000042">';
const column =
  '<meta name="ColumnName" content="通知公告"><meta name="ColumnDescription" content="本局通知公告"><meta name="ColumnKeywords" content="通知,公告"><meta name="ColumnType" content="通知公告">';
const article = (pubDate: string) =>
  `<meta name="ArticleTitle" content="关于开展养老服务的通知"><meta name="PubDate" content="${pubDate}"><meta name="ContentSource" content="某市民政局">` +
  '<meta name="Keywords" content="养老"><meta name="Author" content="养老服务科"><meta name="Description" content="通知全文摘要"><meta name="Url" content="http://www.example.gov.cn/a/1.html">';
const html = (head: string) => `<!doctype html><html><head><title>t</title>${head}</head><body><p>正文</p></body></html>`;

/** Pages of another site, read as the crawler reads them. */
function crawl(pages: Record<string, string>) {
  return crawlOf(
    Object.entries(pages).map(([path, page]) => ({
      url: `${base}${path}`,
      ...extractPage(page, `${base}${path}`, ['www.example.gov.cn']),
    })),
    base,
  );
}
const run = (pages: Record<string, string>) =>
  n18PageMetadata.run({ baseUrl: base, crawl: crawl(pages), now: NOW, config: defaultRulesConfig });

describe('N18 page metadata, on any site', () => {
  test('N18: a site carrying every tag at its level passes', () => {
    expect(run({ '': html(site), 'tzgg/': html(site + column), 'a/1.html': html(site + column + article('2026-11-18 09:30')) })).toEqual(
      [],
    );
  });

  test('N18: a missing tag is one deduction however many pages lack it, with the count and the tag named', () => {
    const findings = run({
      '': html(site),
      'tzgg/': html(site),
      'zcwj/': html(site),
      'a/1.html': html(site + column + article('2026-11-18 09:30')),
    });
    expect(findings.map((f) => [f.code, f.subject, f.pages?.count])).toEqual([
      ['N18.missing', 'ColumnName', 2],
      ['N18.missing', 'ColumnDescription', 2],
      ['N18.missing', 'ColumnKeywords', 2],
      ['N18.missing', 'ColumnType', 2],
    ]);
    expect(findings[0]).toMatchObject({
      ruleId: 'N18',
      severity: 'deduction',
      points: 1,
      message: '栏目元数据 ColumnName 缺少（2 个页面）',
    });
  });

  test('N18: a page without any metadata lacks the site tags; a malformed PubDate and SiteIDCode are findings', () => {
    const findings = run({
      '': html('<meta name="keywords" content="民政">'),
      'a/1.html': html(site.replace('5309000042', '123') + column + article('2026年11月18日')),
    });
    expect(findings.map((f) => `${f.code}:${f.subject}`).sort()).toEqual([
      'N18.format:PubDate',
      'N18.format:SiteIDCode',
      'N18.missing:SiteDomain',
      'N18.missing:SiteIDCode',
      'N18.missing:SiteName',
    ]);
    expect(findings.find((f) => f.subject === 'PubDate')!.evidence).toContain('2026年11月18日');
  });

  test('N18: an article the CMS knows must carry the article tags even when it carries none', () => {
    const pages = crawl({ '': html(site), 'documents/d1': html(site + column) });
    const findings = n18PageMetadata.run({
      baseUrl: base,
      crawl: pages,
      now: NOW,
      config: defaultRulesConfig,
      knowledge: { documents: [{ id: 'd1', title: '文件', interpretationIds: [] }] },
    });
    expect(findings.map((f) => f.subject)).toEqual([
      'ArticleTitle',
      'PubDate',
      'ContentSource',
      'Keywords',
      'Author',
      'Description',
      'Url',
    ]);
  });

  test('N18: the tags we write read back without problems; names match without regard to case; Image is optional', () => {
    const tags = metadataTags({
      site: { name: '临沧市民政局', domain: 'mzj.lincang.gov.cn', idCode: '5309000042' },
      column: { name: '政策文件', description: '', keywords: '', type: '政策文件' },
      article: {
        title: '通知',
        published: new Date('2026-11-18T01:30:00Z'),
        source: '',
        keywords: '',
        author: '',
        description: '',
        url: 'http://mzj.lincang.gov.cn/documents/x',
      },
    });
    expect(tags.find((t) => t.name === 'PubDate')!.content).toBe('2026-11-18 09:30');
    expect(tags.some((t) => t.name === 'Image')).toBe(false);
    const read = specTagsOf(tags.map((t) => ({ name: t.name.toLowerCase(), content: t.content })));
    expect(metadataProblems(read, ['site', 'column', 'article'])).toEqual([]);
  });
});
