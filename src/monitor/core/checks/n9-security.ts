/**
 * N9 security: every finding here is a veto (or a warning where the sign is ambiguous). Techniques
 * seen on hijacked government sites, as in the seed's "365bet网投":
 * - gambling / porn / illegal keywords in a page's text, title, meta tags or scripts;
 * - hidden links (暗链) to other hosts: display:none, visibility:hidden, zero font size or box,
 *   off-screen positions, text in the background colour — inline or from a <style> rule;
 * - scripts from hosts not on the allowlist, obfuscated code (eval(function(p,a,c,k,e,d)…),
 *   document.write(unescape(…)), String.fromCharCode chains, \x escapes);
 * - redirects only for phones or only for visitors from a search engine (server-side, compared by
 *   fetching the page both ways, and client-side, by scripts that test userAgent/referrer), and
 *   spam shown only to phones, search visitors or search spiders;
 * - outbound links to domains that now serve gambling (expired and re-registered).
 */
import type { Check, CrawlResult, Finding, RulesConfig } from '../types.js';
import { hostMatches, hostnameOf, isOnHosts } from '../url.js';
import { escapeRegExp, grouped, PageGroups, sitePages, snippet } from './util.js';

export interface KeywordHit {
  category: '赌博' | '色情' | '违法';
  keyword: string;
  index: number;
}

const regexCache = new WeakMap<RulesConfig['security'], Array<{ category: KeywordHit['category']; re: RegExp }>>();

function keywordRegexes(sec: RulesConfig['security']) {
  let list = regexCache.get(sec);
  if (!list) {
    const words = (ws: string[]) => ws.filter(Boolean).map(escapeRegExp).join('|');
    list = [
      { category: '赌博' as const, re: new RegExp(words(sec.gambling) || '(?!)', 'giu') },
      ...sec.patterns.map((p) => ({ category: '赌博' as const, re: new RegExp(p.pattern, 'giu') })),
      { category: '色情' as const, re: new RegExp(words(sec.porn) || '(?!)', 'giu') },
      { category: '违法' as const, re: new RegExp(words(sec.illegal) || '(?!)', 'giu') },
    ];
    regexCache.set(sec, list);
  }
  return list;
}

/** Every keyword occurrence in a text (first occurrence of each distinct keyword). */
export function matchKeywords(text: string, sec: RulesConfig['security']): KeywordHit[] {
  const hits = new Map<string, KeywordHit>();
  for (const { category, re } of keywordRegexes(sec)) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const keyword = m[0].toLowerCase();
      if (!hits.has(keyword)) hits.set(keyword, { category, keyword: m[0], index: m.index ?? 0 });
    }
  }
  return [...hits.values()];
}

export const obfuscationPatterns: Array<{ label: string; re: RegExp }> = [
  { label: 'eval(function(p,a,c,k,e,d)…) 加壳代码', re: /eval\s*\(\s*function\s*\(\s*p\s*,\s*a\s*,\s*c\s*,\s*k\s*,\s*e\s*,\s*[dr]\s*\)/i },
  { label: 'document.write(unescape(…)) 写入编码内容', re: /document\.write(?:ln)?\s*\(\s*(?:unescape|decodeURIComponent|atob)\s*\(/i },
  { label: 'eval 执行解码后的代码', re: /eval\s*\(\s*(?:unescape|atob|decodeURIComponent|escape|String\.fromCharCode)\s*\(/i },
  { label: 'String.fromCharCode 拼接代码', re: /(?:String\.fromCharCode\s*\((?:\s*\d+\s*,){9,}|(?:String\.fromCharCode[\s\S]*?){4,})/i },
  { label: '\\x 十六进制转义字符串', re: /(?:\\x[0-9a-f]{2}[^\\]{0,3}){20,}/i },
  { label: '\\u 转义字符串', re: /(?:\\u[0-9a-f]{4}[^\\]{0,3}){20,}/i },
  { label: 'document.write 写入隐藏内容', re: /document\.write(?:ln)?\s*\([^;]*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i },
  { label: 'document.write 写入外部脚本', re: /document\.write(?:ln)?\s*\([^;]*<script[^;]*src\s*=\s*\\?["']?(?:https?:)?\/\//i },
];

const clientCloak =
  /(?:navigator\.userAgent|document\.referrer)[\s\S]{0,400}?(?:baidu|google|sogou|so\.com|sm\.cn|bing|360|mobile|android|iphone|ipad|phone)|(?:baidu|google|sogou|so\.com|sm\.cn|bing|mobile|android|iphone|ipad|phone)[\s\S]{0,400}?(?:navigator\.userAgent|document\.referrer)/i;
const locationWrite = /location(?:\.href)?\s*=|location\.(?:replace|assign)\s*\(|document\.write|window\.open\s*\(/i;

export const n9Security: Check = {
  id: 'N9',
  title: '网站安全',
  run({ crawl, config }) {
    const sec = config.security;
    const trusted = (url: string) => isOnHosts(url, crawl.siteHosts) || hostMatches(hostnameOf(url), sec.trustedHosts);
    const findings: Finding[] = [];
    const pages = sitePages(crawl);

    // Keywords in our own pages ----------------------------------------------------------------------
    const keywords = new PageGroups<{ hit: KeywordHit; context: string }>();
    for (const page of pages) {
      const text = [page.title, page.metaKeywords, page.metaDescription, page.text, ...page.scripts.map((s) => s.inline ?? '')]
        .filter(Boolean)
        .join(' ');
      for (const hit of matchKeywords(text, sec))
        keywords.add(hit.keyword.toLowerCase(), page.url, { hit, context: snippet(text, hit.index, 25) });
    }
    for (const { subject, pages: where, first } of keywords.entries()) {
      findings.push({
        ruleId: 'N9',
        code: 'N9.keyword',
        severity: 'veto',
        ...grouped(where),
        subject,
        evidence: `“${first.context}”`,
        message: `页面出现${first.hit.category}类违规内容“${first.hit.keyword}”，疑似网站被篡改或挂马`,
        hint: '立即下线或清除相关内容，排查网站程序和服务器是否被入侵（后门、篡改的模板和数据库内容），修复漏洞并修改所有管理密码，再恢复上线；按规定向网信和公安部门报告。',
      });
    }

    // Hidden links to other hosts --------------------------------------------------------------------
    const hidden = new PageGroups<string[]>();
    for (const page of pages) {
      for (const link of page.links) {
        if (!link.hidden || trusted(link.url)) continue;
        const host = hostnameOf(link.url);
        const evidence = hidden.add(host, page.url, []);
        if (evidence.length < 3) evidence.push(`<a href="${link.url}">${link.text.slice(0, 30)}</a>（${link.hidden}）`);
      }
    }
    for (const { subject, pages: where, first } of hidden.entries()) {
      findings.push({
        ruleId: 'N9',
        code: 'N9.hidden-link',
        severity: 'veto',
        ...grouped(where),
        subject,
        evidence: first.join('；'),
        message: `页面含指向 ${subject} 的隐藏链接（暗链）`,
        hint: '删除暗链并查明植入途径（模板文件、数据库内容、第三方插件），修补漏洞、更换密码；上线前比对模板文件与备份是否一致。',
      });
    }

    // Scripts ------------------------------------------------------------------------------------------
    const foreign = new PageGroups<string>();
    const obfuscated = new PageGroups<string>();
    const cloakScripts = new PageGroups<string>();
    for (const page of pages) {
      for (const script of page.scripts) {
        if (script.src) {
          const host = hostnameOf(script.src);
          if (!isOnHosts(script.src, crawl.siteHosts) && !hostMatches(host, sec.scriptAllowlist))
            foreign.add(script.src, page.url, `<script src="${script.src}">`);
          continue;
        }
        const code = script.inline ?? '';
        for (const { label, re } of obfuscationPatterns) {
          const m = re.exec(code);
          if (m) obfuscated.add(label, page.url, snippet(code, m.index, 40));
        }
        const cloak = clientCloak.exec(code);
        if (cloak && locationWrite.test(code)) cloakScripts.add('script', page.url, snippet(code, cloak.index, 60));
      }
    }
    for (const { subject, pages: where, first } of foreign.entries()) {
      findings.push({
        ruleId: 'N9',
        code: 'N9.foreign-script',
        severity: 'veto',
        ...grouped(where),
        subject,
        evidence: first,
        message: `页面加载了非白名单域名 ${hostnameOf(subject)} 的脚本，疑似被植入恶意代码`,
        hint: '确认该脚本是否为本单位引入；不是的立即删除并排查入侵途径。确需使用的第三方脚本，应评估安全后加入监测白名单，最好部署到本站。',
      });
    }
    for (const { subject, pages: where, first } of obfuscated.entries()) {
      findings.push({
        ruleId: 'N9',
        code: 'N9.obfuscated-script',
        severity: 'veto',
        ...grouped(where),
        subject,
        evidence: first,
        message: `页面含混淆或加密的脚本（${subject}），常见于挂马、暗链和跳转代码`,
        hint: '删除该脚本，检查模板和数据库中是否还有同类代码，修补被利用的漏洞。政府网站不应使用加壳或混淆的脚本。',
      });
    }
    for (const { pages: where, first } of cloakScripts.entries()) {
      findings.push({
        ruleId: 'N9',
        code: 'N9.cloaking-script',
        severity: 'veto',
        ...grouped(where),
        subject: 'client-cloaking',
        evidence: first,
        message: '页面脚本根据访问设备或来源（搜索引擎、手机）决定是否跳转，疑似被植入定向跳转代码',
        hint: '删除该脚本，排查入侵途径；此类代码只在手机或从搜索引擎进入时发作，电脑直接访问看不出来，要用手机和搜索结果链接复查。',
      });
    }

    // Redirects ------------------------------------------------------------------------------------------
    const injected = new PageGroups<string>();
    const offsite = new PageGroups<string>();
    for (const page of crawl.pages) {
      if (!isOnHosts(page.url, crawl.siteHosts)) continue;
      for (const target of [...page.jsRedirects, page.metaRefresh].filter((t): t is string => !!t)) {
        if (!trusted(target)) injected.add(hostnameOf(target), page.url, target);
      }
      if (page.finalUrl !== page.url && !trusted(page.finalUrl))
        offsite.add(hostnameOf(page.finalUrl), page.url, [page.url, ...page.redirects].join(' → '));
    }
    for (const { subject, pages: where, first } of injected.entries()) {
      findings.push({
        ruleId: 'N9',
        code: 'N9.injected-redirect',
        severity: 'veto',
        ...grouped(where),
        subject,
        evidence: `页面脚本或 meta refresh 跳转到 ${first}`,
        message: `页面自动跳转到外部网站 ${subject}，疑似被植入跳转代码`,
        hint: '删除跳转代码（<script> 中的 location、<meta http-equiv="refresh">），排查入侵途径。',
      });
    }
    for (const { subject, pages: where, first } of offsite.entries()) {
      findings.push({
        ruleId: 'N9',
        code: 'N9.offsite-redirect',
        severity: 'warning',
        ...grouped(where),
        subject,
        evidence: first,
        message: `本站页面重定向到外部网站 ${subject}`,
        hint: '确认该跳转是本单位设置的（例如迁移到上级平台）；不是的立即排查服务器配置（.htaccess、nginx、应用程序）是否被篡改。',
      });
    }
    findings.push(...cloakingFindings(crawl, trusted, sec));

    // Outbound links to domains that now serve gambling ------------------------------------------------
    const outbound = new PageGroups<{ url: string; hit: KeywordHit; context: string; referrers: string[] }>();
    for (const ext of crawl.external) {
      for (const text of [[ext.title, ext.text].filter(Boolean).join(' '), ext.rootText ?? '']) {
        if (!text) continue;
        const hit = matchKeywords(text, sec)[0];
        if (!hit) continue;
        for (const ref of ext.referrers)
          outbound.add(hostnameOf(ext.url), ref, { url: ext.url, hit, context: snippet(text, hit.index, 25), referrers: ext.referrers });
        break;
      }
    }
    for (const { subject, pages: where, first } of outbound.entries()) {
      findings.push({
        ruleId: 'N9',
        code: 'N9.outbound-gambling',
        severity: 'veto',
        ...grouped(where),
        subject,
        evidence: `${first.url} 现在的内容：“${first.context}”`,
        message: `外部链接指向的网站 ${subject} 现在含有${first.hit.category}类内容（“${first.hit.keyword}”），疑似域名过期后被他人注册`,
        hint: '立即删除指向该域名的所有链接；定期核查外部链接，对方网站关停或改版时及时清理。',
      });
    }
    return findings;
  },
};

const variantLabels = { mobile: '手机浏览器', 'search-referrer': '从百度搜索结果进入的访问者', spider: '百度搜索爬虫' } as const;

/**
 * Server-side cloaking: redirects a phone or a search visitor gets that a desktop visitor does not,
 * and forbidden words a phone, a search visitor or a search spider is shown that a desktop visitor is not.
 */
function cloakingFindings(crawl: CrawlResult, trusted: (url: string) => boolean, sec: RulesConfig['security']): Finding[] {
  const redirects = { mobile: new PageGroups<string>(), 'search-referrer': new PageGroups<string>() };
  const content = new PageGroups<{ kind: keyof typeof variantLabels; hit: KeywordHit; context: string }>();
  for (const probe of crawl.cloaking) {
    const desktop = probe.variants.find((v) => v.kind === 'desktop');
    if (!desktop) continue;
    const targets = (v: typeof desktop) => [v.finalUrl, v.metaRefresh, ...v.jsRedirects].filter((t): t is string => !!t && !trusted(t));
    const seen = new Set(targets(desktop).map(hostnameOf));
    const desktopWords = new Set(matchKeywords(`${desktop.title ?? ''} ${desktop.text ?? ''}`, sec).map((h) => h.keyword.toLowerCase()));
    for (const v of probe.variants) {
      if (v.kind === 'desktop') continue;
      if (v.kind !== 'spider') {
        for (const target of targets(v)) {
          if (!seen.has(hostnameOf(target))) redirects[v.kind].add(hostnameOf(target), probe.url, target);
        }
      }
      const text = `${v.title ?? ''} ${v.text ?? ''}`;
      for (const hit of matchKeywords(text, sec)) {
        if (!desktopWords.has(hit.keyword.toLowerCase()))
          content.add(`${v.kind}:${hit.keyword.toLowerCase()}`, probe.url, { kind: v.kind, hit, context: snippet(text, hit.index, 25) });
      }
    }
  }
  const out: Finding[] = [];
  for (const { subject, pages: where, first } of redirects.mobile.entries()) {
    out.push({
      ruleId: 'N9',
      code: 'N9.mobile-redirect',
      severity: 'veto',
      ...grouped(where),
      subject,
      evidence: `用手机浏览器访问时跳转到 ${first}，电脑浏览器访问不跳转`,
      message: `页面只对手机访问者跳转到外部网站 ${subject}，属于针对移动端的恶意跳转`,
      hint: '检查服务器配置和程序中按 User-Agent 判断的代码（常见于 .htaccess、nginx 配置、被篡改的首页程序或插件），删除并修补漏洞；用手机复查。',
    });
  }
  for (const { subject, pages: where, first } of redirects['search-referrer'].entries()) {
    out.push({
      ruleId: 'N9',
      code: 'N9.search-referrer-redirect',
      severity: 'veto',
      ...grouped(where),
      subject,
      evidence: `从百度搜索结果进入时跳转到 ${first}，直接访问不跳转`,
      message: `页面只对从搜索引擎进入的访问者跳转到外部网站 ${subject}，属于针对搜索来源的恶意跳转（黑帽 SEO）`,
      hint: '检查按 Referer 判断的服务器配置和页面脚本，删除并修补漏洞；通过搜索结果链接复查。',
    });
  }
  for (const { subject, pages: where, first } of content.entries()) {
    out.push({
      ruleId: 'N9',
      code: 'N9.cloaked-content',
      severity: 'veto',
      ...grouped(where),
      subject,
      evidence: `${variantLabels[first.kind]}看到：“${first.context}”`,
      message: `页面只对${variantLabels[first.kind]}显示${first.hit.category}类内容“${first.hit.keyword}”，电脑浏览器直接访问看不到，疑似被篡改（黑帽 SEO）`,
      hint: '检查服务器程序和配置中按 User-Agent、Referer 返回不同内容的代码，删除并修补漏洞；在百度搜索“site:本站域名 博彩”等复查收录的快照，并申请删除违规快照。',
    });
  }
  return out;
}
