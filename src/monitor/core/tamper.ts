/**
 * N9 网页篡改: the live site against what was published. The publisher knows every byte it wrote (the
 * manifest: each file's SHA-256); a page whose live bytes differ was changed after publication, on the
 * web server or on the way to the visitor. This file is the pure comparison: given the published bytes
 * and the live bytes of a page, what changed, as text a person can read in an alert (the visible text
 * added and removed, the links and scripts added and removed). Fetching is verify.ts's.
 */
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { diffChars, diffLines } from 'diff';
import { sha256Hex } from '../../site/static/core/manifest.js';
import { hidingReason, parseDeclarations } from './extract.js';
import { desktopBrowserUA, mobileBrowserUA } from './crawler.js';
import type { Finding, TamperFinding, TamperKind, TamperResult, VisitorKind } from './types.js';

export type { TamperFinding, TamperKind, TamperResult, VisitorKind };

export const tamperUserAgents = { desktop: desktopBrowserUA, mobile: mobileBrowserUA } as const;

export const tamperKindLabels: Record<TamperKind, string> = {
  changed: '页面内容被改动',
  'link-added': '页面被加入链接',
  'link-removed': '页面被删去链接',
  'script-added': '页面被加入脚本',
  'script-removed': '页面被删去脚本',
  unlisted: '网站上出现未发布的页面',
  missing: '已发布的页面无法访问',
  'mobile-differs': '手机访问看到的内容与发布的不同',
  'manifest-changed': '发布清单与发布记录不符',
};

// ---------------------------------------------------------------------------------------------
// What a page says: its visible text as lines, its links and its scripts

export interface PageParts {
  title?: string;
  /** Visible text, one line per block (paragraph, list item, heading, cell …). */
  lines: string[];
  /** Every address the page makes a browser load or offers to follow, as `tag attr=value 「text」`. */
  links: string[];
  /** `script src=…` or `inline script: …code…`. */
  scripts: string[];
}

const blocks =
  'address,article,aside,blockquote,dd,div,dl,dt,fieldset,figcaption,figure,footer,form,h1,h2,h3,h4,h5,h6,header,hr,li,main,nav,ol,p,pre,section,table,tbody,thead,tfoot,tr,td,th,ul,option,label,button';
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Why an element cannot be seen, by its own inline style or an ancestor's (how 暗链 are hidden). */
function hiddenBy(el: AnyNode | null): string | undefined {
  for (let node: AnyNode | null = el; node && node.type === 'tag'; node = node.parent) {
    const tag = node as Element;
    if (tag.attribs.hidden !== undefined) return 'hidden 属性';
    const reason = tag.attribs.style ? hidingReason(parseDeclarations(tag.attribs.style)) : undefined;
    if (reason) return reason;
  }
  return undefined;
}

export function pageParts(html: string): PageParts {
  const $ = cheerio.load(html);
  const title = squash($('title').first().text()) || undefined;
  const links: string[] = [];
  const add = (el: Element, tag: string, attr: string, value: string | undefined) => {
    if (value === undefined) return;
    const text = tag === 'a' ? squash($(el).text()).slice(0, 60) : '';
    const hidden = hiddenBy(el);
    links.push(`${tag} ${attr}=${value.trim()}${text ? ` 「${text}」` : ''}${hidden ? `（隐藏：${hidden}）` : ''}`);
  };
  $('a[href], area[href]').each((_, el) => add(el, el.name, 'href', el.attribs.href));
  $('iframe[src], frame[src]').each((_, el) => add(el, el.name, 'src', el.attribs.src));
  $('link[href]').each((_, el) => add(el, 'link', `href(${squash(el.attribs.rel ?? '')})`, el.attribs.href));
  $('form').each((_, el) => add(el, 'form', 'action', el.attribs.action ?? ''));
  $('meta[http-equiv]').each((_, el) => {
    if (/^refresh$/i.test(el.attribs['http-equiv'] ?? '')) add(el, 'meta', 'refresh', el.attribs.content ?? '');
  });
  const scripts: string[] = [];
  $('script').each((_, el) => {
    if (el.attribs.src !== undefined) scripts.push(`script src=${el.attribs.src.trim()}`);
    else {
      const code = squash($(el).text());
      if (code) scripts.push(`inline script: ${code}`);
    }
  });
  // The text a visitor reads: without code, and without what is hidden (a hidden link shows among the links).
  $('script, style, noscript, template, head').remove();
  $('*').each((_, el) => {
    if (el.type === 'tag' && hiddenBy(el)) $(el).remove();
  });
  $('br').replaceWith('\n');
  $(blocks).each((_, el) => {
    $(el).prepend('\n').append('\n');
  });
  const lines = $.root().text().split('\n').map(squash).filter(Boolean);
  return { title, lines: title ? [`标题：${title}`, ...lines] : lines, links, scripts };
}

// ---------------------------------------------------------------------------------------------
// Differences as text

const maxDifferenceLines = 40;
const maxLineChars = 200;
const clip = (s: string, n = maxLineChars) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** The changed characters of a line, with a little context: `…前文[-旧-]{+新+}后文…`. */
export function charDifference(before: string, after: string, context = 12): string {
  const parts = diffChars(before, after);
  const shown = parts.map((p, i) => {
    if (p.added) return `{+${p.value}+}`;
    if (p.removed) return `[-${p.value}-]`;
    const v = p.value;
    const head = i === 0;
    const tail = i === parts.length - 1;
    if (head && v.length > context) return `…${v.slice(-context)}`;
    if (tail && v.length > context) return `${v.slice(0, context)}…`;
    if (!head && !tail && v.length > context * 2) return `${v.slice(0, context)}…${v.slice(-context)}`;
    return v;
  });
  return clip(shown.join(''), maxLineChars * 2);
}

/** Text lines removed (`- `) and added (`+ `); a line changed in place also shows its changed characters (`~ `). */
export function textDifference(before: string[], after: string[]): string[] {
  const out: string[] = [];
  const parts = diffLines(before.map((l) => `${l}\n`).join(''), after.map((l) => `${l}\n`).join(''));
  const linesOf = (value: string) => value.replace(/\n$/, '').split('\n');
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (!p.removed && !p.added) continue;
    if (p.removed && parts[i + 1]?.added) {
      const gone = linesOf(p.value);
      const came = linesOf(parts[i + 1].value);
      for (const l of gone) out.push(`- ${clip(l)}`);
      for (const l of came) out.push(`+ ${clip(l)}`);
      if (gone.length === came.length) gone.forEach((l, j) => out.push(`~ ${charDifference(l, came[j])}`));
      i++;
      continue;
    }
    for (const l of linesOf(p.value)) out.push(`${p.added ? '+' : '-'} ${clip(l)}`);
  }
  return out;
}

/** What is in `after` and not in `before`, counting repeats (a second copy of a link is an added link). */
function multisetMinus(after: string[], before: string[]): string[] {
  const left = new Map<string, number>();
  for (const b of before) left.set(b, (left.get(b) ?? 0) + 1);
  const out: string[] = [];
  for (const a of after) {
    const n = left.get(a) ?? 0;
    if (n > 0) left.set(a, n - 1);
    else out.push(a);
  }
  return out;
}

function capped(lines: string[]): string[] {
  return lines.length > maxDifferenceLines
    ? [...lines.slice(0, maxDifferenceLines), `……另有 ${lines.length - maxDifferenceLines} 行不同`]
    : lines;
}

// ---------------------------------------------------------------------------------------------
// Findings

export interface Observation {
  url: string;
  visitor: VisitorKind;
  /** When the live page was read. */
  at: Date;
  title?: string;
  status?: number | null;
}

const pageName = (o: { url: string; title?: string }) => (o.title ? `“${o.title}” ${o.url}` : o.url);

function finding(
  o: Observation,
  kind: TamperKind,
  difference: string[],
  extra: { subject?: string; expectedSha256?: string; liveSha256?: string; message?: string } = {},
): TamperFinding {
  const diff = capped(difference);
  // The key names the page, the visitor and the difference itself: the same tampering is one alert,
  // a new one (or the same page tampered again differently) another.
  const key = `N9.tamper.${kind} ${o.url} ${o.visitor} ${sha256Hex(`${extra.subject ?? ''}\n${diff.join('\n')}\n${extra.liveSha256 ?? ''}`).slice(0, 16)}`;
  return {
    ruleId: 'N9',
    kind,
    key,
    url: o.url,
    ...(o.title ? { title: o.title } : {}),
    visitor: o.visitor,
    userAgent: tamperUserAgents[o.visitor],
    at: o.at.toISOString(),
    message: extra.message ?? `${tamperKindLabels[kind]}：${pageName(o)}`,
    difference: diff,
    ...(extra.expectedSha256 ? { expectedSha256: extra.expectedSha256 } : {}),
    ...(extra.liveSha256 ? { liveSha256: extra.liveSha256 } : {}),
    ...(o.status !== undefined ? { status: o.status } : {}),
  };
}

const isHtml = (type: string | undefined, bytes: Buffer) =>
  type ? /html/i.test(type) : /^\s*<(!doctype html|html)/i.test(bytes.subarray(0, 200).toString('utf8'));

export interface PageComparison extends Observation {
  /** The published bytes, when they can still be read (their SHA-256 matches the manifest); null otherwise. */
  expected: Buffer | null;
  expectedSha256: string;
  live: Buffer;
  /** The Content-Type the manifest records. */
  type?: string;
}

/**
 * N9: a published page against what is live. Nothing when the bytes are the same; otherwise what was
 * added and removed: the visible text (one finding), each link and each script (one finding each), and
 * when no readable part changed, the change of bytes itself with both hashes.
 */
export function comparePage(c: PageComparison): TamperFinding[] {
  const liveSha256 = sha256Hex(c.live);
  if (liveSha256 === c.expectedSha256) return [];
  const hashes = { expectedSha256: c.expectedSha256, liveSha256 };
  const hashLines = [`发布时 SHA-256：${c.expectedSha256}`, `现在 SHA-256：${liveSha256}（${c.live.length} 字节）`];
  if (!c.expected || !isHtml(c.type, c.expected)) {
    const why = c.expected ? '（非网页文件，只比较字节）' : '（发布目录中的原文件也已改变，无法列出文字差异）';
    return [finding(c, 'changed', [...hashLines, why], hashes)];
  }
  const before = pageParts(c.expected.toString('utf8'));
  const after = pageParts(c.live.toString('utf8'));
  const o = { ...c, title: c.title ?? before.title ?? after.title };
  const out: TamperFinding[] = [];
  const text = textDifference(before.lines, after.lines);
  if (text.length) out.push(finding(o, 'changed', text, hashes));
  for (const l of multisetMinus(after.links, before.links))
    out.push(finding(o, 'link-added', [`+ ${clip(l)}`], { ...hashes, subject: l, message: `${tamperKindLabels['link-added']}：${l}` }));
  for (const l of multisetMinus(before.links, after.links))
    out.push(finding(o, 'link-removed', [`- ${clip(l)}`], { ...hashes, subject: l, message: `${tamperKindLabels['link-removed']}：${l}` }));
  for (const s of multisetMinus(after.scripts, before.scripts))
    out.push(
      finding(o, 'script-added', [`+ ${clip(s)}`], {
        ...hashes,
        subject: s,
        message: `${tamperKindLabels['script-added']}：${clip(s, 80)}`,
      }),
    );
  for (const s of multisetMinus(before.scripts, after.scripts))
    out.push(
      finding(o, 'script-removed', [`- ${clip(s)}`], {
        ...hashes,
        subject: s,
        message: `${tamperKindLabels['script-removed']}：${clip(s, 80)}`,
      }),
    );
  if (!out.length) out.push(finding(o, 'changed', [...hashLines, '（文字、链接和脚本未变，样式、属性等其他标记有改动）'], hashes));
  return out.map((f) => ({ ...f, message: f.message.includes(o.url) ? f.message : `${f.message}（${pageName(o)}）` }));
}

/**
 * N9: a phone is served something other than a desktop, and other than what was published: one finding
 * with every difference from the published page (text, links, scripts).
 */
export function compareMobile(c: PageComparison, desktopSha256: string): TamperFinding[] {
  const mobileSha256 = sha256Hex(c.live);
  if (mobileSha256 === desktopSha256 || mobileSha256 === c.expectedSha256) return [];
  const found = comparePage({ ...c, visitor: 'mobile' });
  const difference = found.flatMap((f) =>
    f.kind === 'changed'
      ? f.difference
      : f.difference.map((l) => `${l.slice(0, 2)}${tamperKindLabels[f.kind].replace('页面被', '')}：${l.slice(2)}`),
  );
  const title = c.title ?? found[0]?.title;
  return [
    finding({ ...c, visitor: 'mobile', title }, 'mobile-differs', difference, {
      expectedSha256: c.expectedSha256,
      liveSha256: mobileSha256,
      message: `${tamperKindLabels['mobile-differs']}：${pageName({ url: c.url, title })}`,
    }),
  ];
}

/** N9: a published page the site no longer serves as published. */
export function missingPage(o: Observation, how: string, expectedSha256: string): TamperFinding {
  return finding(o, 'missing', [`- ${o.url}（${how}）`], {
    expectedSha256,
    subject: how,
    message: `${tamperKindLabels.missing}：${pageName(o)}（${how}）`,
  });
}

/** N9: a page on the site that no publication wrote; `where` says how it was found. */
export function unlistedPage(o: Observation, where: string, live?: Buffer): TamperFinding {
  const lines = live ? pageParts(live.toString('utf8')).lines.slice(0, 10) : [];
  const liveSha256 = live ? sha256Hex(live) : undefined;
  return finding(
    { ...o, title: o.title ?? (live ? pageParts(live.toString('utf8')).title : undefined) },
    'unlisted',
    [`+ ${o.url}（${where}）`, ...lines.map((l) => `+ ${clip(l)}`)],
    {
      liveSha256,
      subject: where,
    },
  );
}

/** N9: the manifest read now is not the one the latest publication recorded. */
export function manifestChanged(at: Date, recorded: string, actual: string): TamperFinding {
  return finding(
    { url: '/', visitor: 'desktop', at },
    'manifest-changed',
    [`- 发布记录中的清单哈希：${recorded}`, `+ 现在的清单哈希：${actual}`],
    {
      expectedSha256: recorded,
      liveSha256: actual,
      message: '发布清单与最近一次发布记录的哈希不符：清单文件可能被改动，核验结果不可信',
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Which addresses are pages at all

/**
 * Addresses answered by the application, never by a published file (src/app/routes.ts and the
 * features' routers): search, the forms and their look-ups, preview, Admin UI, API, the monitor's own
 * reports. A link to one of them is not an unpublished page.
 */
export const dynamicRoutePrefixes = [
  '/search',
  '/admin',
  '/api',
  '/preview',
  '/setup',
  '/healthz',
  '/readyz',
  '/monitor',
  '/operation-log',
  '/mailbox/new',
  '/mailbox/query',
  '/disclosure/apply',
  '/_next',
  '/signin',
];

export function isDynamicRoute(pathname: string): boolean {
  return (
    dynamicRoutePrefixes.some((p) => pathname === p || pathname.startsWith(`${p}/`)) || /^\/consultations\/[^/]+\/comment$/.test(pathname)
  );
}

// ---------------------------------------------------------------------------------------------
// The result of a run, and its place in the monitor report

/** N9: tamper findings as veto findings of a monitor report. */
export function tamperReportFindings(result: TamperResult): Finding[] {
  return result.findings.map((f) => ({
    ruleId: 'N9',
    code: `N9.tamper-${f.kind}`,
    severity: 'veto',
    page: new URL(f.url, result.baseUrl).toString(),
    subject: f.key,
    evidence: f.difference.join('\n'),
    message: f.message,
    hint: '网页与发布时不一致：用 gongkai publish --repair 按数据库重写被篡改的文件，并排查网页服务器被改动的途径',
  }));
}

/** A finding for a terminal or a robot: the rule, the page, the time and the difference. */
export function describeTamper(f: TamperFinding, formatTime: (iso: string) => string): string[] {
  return [
    `[${f.ruleId}] ${f.message}`,
    `  页面：${f.url}${f.title ? `（${f.title}）` : ''}；访问方式：${f.visitor === 'mobile' ? '手机' : '电脑'}浏览器；时间：${formatTime(f.at)}`,
    ...f.difference.map((l) => `  ${l}`),
  ];
}

/** N9: the robots' message for tamper findings not alerted before: each with its page, time and difference. */
export function tamperAlertLines(
  site: string,
  fresh: TamperFinding[],
  formatTime: (iso: string) => string,
): { title: string; lines: string[] } {
  const title = `网页防篡改告警：${site}`;
  const lines = [`## ${title}`, `> 发现 ${fresh.length} 项新的网页篡改（N9，单项否决），请立即处理`, ''];
  for (const f of fresh.slice(0, 10)) {
    lines.push(`- [${f.ruleId}] ${f.message}`);
    lines.push(`  页面：${f.url}；${f.visitor === 'mobile' ? '手机' : '电脑'}浏览器；${formatTime(f.at)}`);
    for (const d of f.difference.slice(0, 6)) lines.push(`  ${d}`);
  }
  if (fresh.length > 10) lines.push(`- ……另有 ${fresh.length - 10} 项，运行 gongkai verify 查看全部`);
  lines.push('', '> 恢复：gongkai publish --repair 按数据库重写被篡改的文件');
  return { title, lines };
}
