/**
 * N10 footer elements on every page: 主办单位, contact (电话/邮箱/地址), 网站标识码 (10 characters),
 * ICP备案号, 公安机关备案号 and the 党政机关网站标识; once for the site: full-text search and the
 * 我为政府网站找错 entry. One finding per missing element, however many pages lack it (count and
 * examples), so a template problem on 2,000 pages is one deduction.
 */
import type { Check, CrawledPage, Finding, RulesConfig } from '../types.js';
import { grouped, sitePages } from './util.js';

export const n10PointsPerElement = 2;

interface Element {
  code: string;
  label: string;
  hint: string;
  present: (page: CrawledPage, config: RulesConfig) => boolean;
}

const anyMatch = (patterns: string[], values: Array<string | undefined>) => {
  const res = patterns.map((p) => new RegExp(p, 'iu'));
  return values.some((v) => !!v && res.some((re) => re.test(v)));
};

export const siteCodePattern = /网站标识码\s*[:：]?\s*([0-9A-Za-z]+)/;

export const footerElements: Element[] = [
  { code: 'sponsor', label: '主办单位', hint: '在页脚写明“主办单位：××市民政局”。', present: (p) => /主办单位|主办\s*[:：]/.test(p.text) },
  {
    code: 'contact',
    label: '联系方式',
    hint: '在页脚写明联系电话、电子邮箱或通信地址。',
    present: (p) => /电话|邮箱|E-?mail|地址|联系方式/i.test(p.text),
  },
  {
    code: 'site-code',
    label: '网站标识码',
    hint: '在页脚显示 10 位网站标识码，如“网站标识码：5309000001”。',
    present: (p) => siteCodePattern.test(p.text),
  },
  {
    code: 'icp',
    label: 'ICP备案号',
    hint: '在页脚显示 ICP 备案号（如“滇ICP备05003121号”），并链接到工信部备案系统。',
    present: (p) => /ICP备\s*\d{4,}\s*号/i.test(p.text),
  },
  {
    code: 'police',
    label: '公安机关备案号',
    hint: '在页脚显示公安机关备案号（如“滇公网安备53090202000117号”）。',
    present: (p) => /公网安备\s*\d{6,}\s*号/.test(p.text),
  },
  {
    code: 'party-gov-mark',
    label: '党政机关网站标识',
    hint: '在页脚放置党政机关网站标识（开办单位提供的图标及链接）。',
    present: (p, c) =>
      anyMatch(c.footer.partyGovMark, [
        ...p.images.flatMap((i) => [i.src, i.alt]),
        ...p.links.flatMap((l) => [l.url, l.text]),
        ...p.labels,
      ]),
  },
];

export const n10Footer: Check = {
  id: 'N10',
  title: '网站标识和页脚要素',
  run({ crawl, config, baseUrl }) {
    const pages = sitePages(crawl);
    if (!pages.length) return [];
    const findings: Finding[] = [];
    for (const element of footerElements) {
      const missing = pages.filter((p) => !element.present(p, config)).map((p) => p.url);
      if (!missing.length) continue;
      findings.push({
        ruleId: 'N10',
        code: `N10.${element.code}`,
        severity: 'deduction',
        points: n10PointsPerElement,
        ...grouped(missing),
        subject: element.code,
        evidence: `${missing.length} 个页面（共检查 ${pages.length} 个）缺少${element.label}`,
        message: `页面缺少${element.label}${missing.length > 1 ? `（${missing.length} 个页面）` : ''}`,
        hint: `${element.hint}页脚由模板统一生成，改模板即可覆盖全部页面。`,
      });
    }
    // A 网站标识码 that is there but not 10 characters.
    const wrongCode = pages.filter((p) => {
      const m = siteCodePattern.exec(p.text);
      return m && m[1].length !== 10;
    });
    if (wrongCode.length) {
      const code = siteCodePattern.exec(wrongCode[0].text)![1];
      findings.push({
        ruleId: 'N10',
        code: 'N10.site-code-format',
        severity: 'deduction',
        points: n10PointsPerElement,
        ...grouped(wrongCode.map((p) => p.url)),
        subject: 'site-code-format',
        evidence: `网站标识码：${code}（${code.length} 位）`,
        message: '网站标识码不是 10 位',
        hint: '核对全国政府网站基本信息数据库中的网站标识码（10 位），修正页脚。',
      });
    }
    const searchable = pages.some(
      (p) =>
        p.forms.some(
          (f) =>
            f.inputs.some((i) => /^search:|:(q|query|keyword|keywords|searchword|wd|kw|key|sword)$/i.test(i)) ||
            /search|sousuo|jansearch|sou/i.test(f.action),
        ) || p.links.some((l) => /^(全文)?(搜索|检索)$/.test(l.text.trim())),
    );
    if (!searchable) {
      findings.push({
        ruleId: 'N10',
        code: 'N10.search',
        severity: 'deduction',
        points: n10PointsPerElement,
        page: baseUrl,
        subject: 'search',
        evidence: `检查的 ${pages.length} 个页面中没有搜索框或搜索入口`,
        message: '网站没有全文搜索功能',
        hint: '在页头提供全站搜索框，支持按标题和正文检索。',
      });
    }
    const reportable = pages.some((p) =>
      anyMatch(
        config.footer.errorReport,
        p.links.flatMap((l) => [l.url, l.text]),
      ),
    );
    if (!reportable) {
      findings.push({
        ruleId: 'N10',
        code: 'N10.error-report',
        severity: 'deduction',
        points: n10PointsPerElement,
        page: baseUrl,
        subject: 'error-report',
        evidence: `检查的 ${pages.length} 个页面中没有“我为政府网站找错”入口`,
        message: '网站没有“我为政府网站找错”入口',
        hint: '在页脚放置“我为政府网站找错”入口，链接到国务院办公厅政府网站找错平台。',
      });
    }
    return findings;
  },
};
