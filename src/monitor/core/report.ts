/**
 * The report of one run (S8: daily monitoring, reports and history): the object the caller stores,
 * renderers to JSON, CSV (UTF-8 with BOM for Excel) and a self-contained printable HTML page with
 * inline SVG charts of past runs, and the comparison of two runs by stable finding keys.
 */
import { formatChinaTime } from '../../platform/calendar/china-time.js';
import { csvCell } from '../../platform/content/csv.js';
import { compareRuleIds, scoreFindings } from './score.js';
import type {
  Check,
  CrawlResult,
  Finding,
  KeyedFinding,
  MonitorReport,
  Note,
  ProbeRecord,
  RuleSummary,
  RunSummary,
  Severity,
  TamperResult,
} from './types.js';
import { tamperReportFindings } from './tamper.js';

/** Stable across runs: rule, kind and subject (never counts, dates or example pages). */
export function findingKey(f: Finding): string {
  return `${f.ruleId}:${f.code}:${f.subject ?? f.page ?? ''}`;
}

/** Keys made unique within a run (two findings with the same subject get #2, #3 …). */
export function keyFindings(findings: Finding[]): KeyedFinding[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = findingKey(f);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { ...f, key: n === 1 ? base : `${base}#${n}` };
  });
}

export interface BuildReportInput {
  crawl: CrawlResult;
  findings: Finding[];
  notes?: Note[];
  checks: readonly Pick<Check, 'id' | 'title'>[];
  siteName?: string;
  homeProbe?: ProbeRecord;
  startedAt?: string;
  finishedAt?: string;
}

const severityOrder: Record<Severity, number> = { veto: 0, deduction: 1, warning: 2 };

export function buildReport(input: BuildReportInput): MonitorReport {
  const findings = keyFindings(input.findings).sort(
    (a, b) => severityOrder[a.severity] - severityOrder[b.severity] || compareRuleIds(a.ruleId, b.ruleId),
  );
  const score = scoreFindings(findings);
  const titles = new Map(input.checks.map((c) => [c.id, c.title]));
  const ruleIds = [...new Set([...input.checks.map((c) => c.id), ...findings.map((f) => f.ruleId)])].sort(compareRuleIds);
  const byRule: RuleSummary[] = ruleIds.map((ruleId) => {
    const own = findings.filter((f) => f.ruleId === ruleId);
    return {
      ruleId,
      title: titles.get(ruleId) ?? ruleId,
      vetoes: own.filter((f) => f.severity === 'veto').length,
      deductions: own.filter((f) => f.severity === 'deduction').length,
      warnings: own.filter((f) => f.severity === 'warning').length,
      points: score.byRule.find((r) => r.ruleId === ruleId)?.points ?? 0,
    };
  });
  const pages = new Map<string, string[]>();
  for (const f of findings) {
    for (const page of new Set([f.page, ...(f.pages?.examples ?? [])].filter((p): p is string => !!p))) {
      const keys = pages.get(page) ?? [];
      keys.push(f.key);
      pages.set(page, keys);
    }
  }
  const { crawl } = input;
  const titleOf = new Map<string, string>();
  for (const page of crawl.pages) {
    const title = (page.h1 || page.title || '').replace(/\s+/g, ' ').trim();
    if (!title) continue;
    titleOf.set(page.url, title);
    if (page.finalUrl) titleOf.set(page.finalUrl, title);
  }
  const pageTitles = Object.fromEntries([...pages.keys()].flatMap((page) => (titleOf.has(page) ? [[page, titleOf.get(page)!]] : [])));
  return {
    version: 1,
    site: { baseUrl: crawl.baseUrl, name: input.siteName },
    startedAt: input.startedAt ?? crawl.startedAt,
    finishedAt: input.finishedAt ?? crawl.finishedAt,
    pagesCrawled: crawl.pages.length,
    notes: [...crawl.notes, ...(input.notes ?? [])],
    findings,
    byRule,
    byPage: [...pages]
      .map(([page, keys]) => ({ page, keys }))
      .sort((a, b) => b.keys.length - a.keys.length || a.page.localeCompare(b.page)),
    pageTitles,
    score,
    homeProbe: input.homeProbe,
    stats: { ...crawl.stats, externalChecked: crawl.external.length, cloakChecked: crawl.cloaking.length },
  };
}

/**
 * N9: the report with the tamper check of the published pages as its own section, and its findings as
 * N9 vetoes (a page changed after publication fails the site as any hijacking does).
 */
export function withTamper(report: MonitorReport, tamper: TamperResult): MonitorReport {
  const added = keyFindings([...report.findings, ...tamperReportFindings(tamper)]).slice(report.findings.length);
  const findings = [...report.findings, ...added].sort(
    (a, b) => severityOrder[a.severity] - severityOrder[b.severity] || compareRuleIds(a.ruleId, b.ruleId),
  );
  const score = scoreFindings(findings);
  const byRule = report.byRule.some((r) => r.ruleId === 'N9')
    ? report.byRule
    : [...report.byRule, { ruleId: 'N9', title: 'N9', vetoes: 0, deductions: 0, warnings: 0, points: 0 }].sort((a, b) =>
        compareRuleIds(a.ruleId, b.ruleId),
      );
  const pages = new Map(report.byPage.map((p) => [p.page, [...p.keys]]));
  for (const f of added) pages.set(f.page!, [...(pages.get(f.page!) ?? []), f.key]);
  const pageTitles = { ...report.pageTitles };
  for (const f of tamper.findings) if (f.title) pageTitles[new URL(f.url, tamper.baseUrl).toString()] ??= f.title;
  return {
    ...report,
    findings,
    score,
    byRule: byRule.map((r) => (r.ruleId === 'N9' ? { ...r, vetoes: r.vetoes + added.length } : r)),
    byPage: [...pages]
      .map(([page, keys]) => ({ page, keys }))
      .sort((a, b) => b.keys.length - a.keys.length || a.page.localeCompare(b.page)),
    pageTitles,
    tamper,
  };
}

/** What a stored run keeps for the history charts. */
export function summarize(report: MonitorReport): RunSummary {
  const findingsByRule: Record<string, number> = {};
  for (const f of report.findings) findingsByRule[f.ruleId] = (findingsByRule[f.ruleId] ?? 0) + 1;
  return { finishedAt: report.finishedAt, score: report.score.score, passed: report.score.passed, findingsByRule };
}

export interface RunComparison {
  /** In the current run only. */
  new: KeyedFinding[];
  /** In the previous run only. */
  fixed: KeyedFinding[];
  /** In both (the current run's version). */
  open: KeyedFinding[];
}

export function compareRuns(
  previous: Pick<MonitorReport, 'findings'> | undefined,
  current: Pick<MonitorReport, 'findings'>,
): RunComparison {
  const before = new Map((previous?.findings ?? []).map((f) => [f.key, f]));
  const now = new Set(current.findings.map((f) => f.key));
  return {
    new: current.findings.filter((f) => !before.has(f.key)),
    fixed: [...before.values()].filter((f) => !now.has(f.key)),
    open: current.findings.filter((f) => before.has(f.key)),
  };
}

// ---------------------------------------------------------------------------------------------
// Renderers

export const severityLabels: Record<Severity, string> = { veto: '单项否决', deduction: '扣分', warning: '提醒' };

export function renderJson(report: MonitorReport): string {
  return JSON.stringify(report, null, 2);
}

/** One row per finding; UTF-8 with BOM so Excel shows the Chinese correctly. */
export function renderCsv(report: MonitorReport): string {
  const header = ['指标', '问题类型', '严重程度', '扣分', '问题描述', '页面', '涉及页面数', '示例页面', '证据', '整改建议', '问题编号'];
  const rows = report.findings.map((f) => [
    f.ruleId,
    f.code,
    severityLabels[f.severity],
    f.points ?? '',
    f.message,
    f.page ?? '',
    f.pages?.count ?? (f.page ? 1 : ''),
    (f.pages?.examples ?? []).join(' '),
    f.evidence,
    f.hint,
    f.key,
  ]);
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const esc = (s: unknown) =>
  String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const fmtTime = (iso: string) => (Number.isNaN(Date.parse(iso)) ? iso : formatChinaTime(new Date(iso)));

const ruleColors = [
  '#c0392b',
  '#d35400',
  '#f39c12',
  '#16a085',
  '#2980b9',
  '#8e44ad',
  '#2c3e50',
  '#7f8c8d',
  '#27ae60',
  '#e84393',
  '#6c5ce7',
  '#00b894',
];

/** Score over time, with the pass mark at 60. */
export function scoreChart(history: RunSummary[]): string {
  const w = 720;
  const h = 220;
  const left = 40;
  const right = 20;
  const top = 20;
  const bottom = 40;
  const plotW = w - left - right;
  const plotH = h - top - bottom;
  const x = (i: number) => left + (history.length === 1 ? plotW / 2 : (i * plotW) / (history.length - 1));
  const y = (score: number) => top + plotH - (Math.max(0, Math.min(100, score)) / 100) * plotH;
  const grid = [0, 20, 40, 60, 80, 100]
    .map(
      (v) =>
        `<line x1="${left}" x2="${w - right}" y1="${y(v)}" y2="${y(v)}" class="${v === 60 ? 'pass' : 'grid'}"/><text x="${left - 6}" y="${y(v) + 4}" class="axis" text-anchor="end">${v}</text>`,
    )
    .join('');
  const path = history.map((r, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(r.score).toFixed(1)}`).join(' ');
  const step = Math.max(1, Math.ceil(history.length / 10));
  const points = history
    .map(
      (r, i) =>
        `<circle cx="${x(i).toFixed(1)}" cy="${y(r.score).toFixed(1)}" r="4" class="${r.passed ? 'ok' : 'bad'}"><title>${esc(fmtTime(r.finishedAt))}：${r.score} 分${r.passed ? '' : '（不合格）'}</title></circle>` +
        (i % step === 0 || i === history.length - 1
          ? `<text x="${x(i).toFixed(1)}" y="${h - bottom + 16}" class="axis" text-anchor="middle">${esc(fmtTime(r.finishedAt).slice(5, 10))}</text>`
          : ''),
    )
    .join('');
  return `<svg viewBox="0 0 ${w} ${h}" width="100%" role="img" aria-label="历次得分"><title>历次得分（虚线为 60 分合格线）</title>${grid}${history.length > 1 ? `<path d="${path}" class="line"/>` : ''}${points}</svg>`;
}

/** Findings per rule per run, stacked. */
export function findingsChart(history: RunSummary[]): string {
  const rules = [...new Set(history.flatMap((r) => Object.keys(r.findingsByRule)))].sort(compareRuleIds);
  const w = 720;
  const h = 240;
  const left = 40;
  const top = 20;
  const bottom = 60;
  const plotW = w - left - 20;
  const plotH = h - top - bottom;
  const max = Math.max(1, ...history.map((r) => Object.values(r.findingsByRule).reduce((a, b) => a + b, 0)));
  const slot = plotW / Math.max(1, history.length);
  const barW = Math.max(4, Math.min(40, slot * 0.7));
  const step = Math.max(1, Math.ceil(history.length / 10));
  const bars = history
    .map((r, i) => {
      let acc = 0;
      const cx = left + slot * i + slot / 2;
      const rects = rules
        .map((rule, ri) => {
          const n = r.findingsByRule[rule] ?? 0;
          if (!n) return '';
          const y0 = top + plotH - ((acc + n) / max) * plotH;
          const hh = (n / max) * plotH;
          acc += n;
          return `<rect x="${(cx - barW / 2).toFixed(1)}" y="${y0.toFixed(1)}" width="${barW.toFixed(1)}" height="${hh.toFixed(1)}" fill="${ruleColors[ri % ruleColors.length]}"><title>${esc(fmtTime(r.finishedAt))} ${esc(rule)}：${n} 项</title></rect>`;
        })
        .join('');
      const label =
        i % step === 0 || i === history.length - 1
          ? `<text x="${cx.toFixed(1)}" y="${top + plotH + 16}" class="axis" text-anchor="middle">${esc(fmtTime(r.finishedAt).slice(5, 10))}</text>`
          : '';
      return rects + label;
    })
    .join('');
  const legend = rules
    .map(
      (rule, ri) =>
        `<rect x="${left + ri * 56}" y="${h - 22}" width="12" height="12" fill="${ruleColors[ri % ruleColors.length]}"/><text x="${left + ri * 56 + 16}" y="${h - 12}" class="axis">${esc(rule)}</text>`,
    )
    .join('');
  const axis = `<line x1="${left}" x2="${w - 20}" y1="${top + plotH}" y2="${top + plotH}" class="grid"/><text x="${left - 6}" y="${top + 4}" class="axis" text-anchor="end">${max}</text><text x="${left - 6}" y="${top + plotH + 4}" class="axis" text-anchor="end">0</text>`;
  return `<svg viewBox="0 0 ${w} ${h}" width="100%" role="img" aria-label="各指标问题数"><title>各指标问题数（按次）</title>${axis}${bars}${legend}</svg>`;
}

const css = `
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;color:#222;margin:0 auto;max-width:1000px;padding:24px;line-height:1.6;font-size:15px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;border-bottom:2px solid #b22222;padding-bottom:4px;margin-top:32px}h3{font-size:16px;margin:20px 0 8px}
.meta{color:#555}.verdict{display:inline-block;padding:6px 16px;border-radius:4px;font-size:20px;font-weight:bold;color:#fff}
.pass{background:#2e7d32}.fail{background:#b22222}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f3f3f3}
td.num{text-align:right}.sev-veto{color:#b22222;font-weight:bold}.sev-deduction{color:#d35400}.sev-warning{color:#7f6000}
.finding{border:1px solid #ddd;border-left:4px solid #999;padding:8px 12px;margin:8px 0;page-break-inside:avoid}
.finding.veto{border-left-color:#b22222}.finding.deduction{border-left-color:#d35400}.finding.warning{border-left-color:#f1c40f}
.finding p{margin:2px 0}.label{color:#666}.url{word-break:break-all;font-family:monospace;font-size:13px}
svg{max-width:720px;display:block}svg .grid{stroke:#ddd}svg .pass{stroke:#b22222;stroke-dasharray:4 4}svg .line{fill:none;stroke:#2980b9;stroke-width:2}
svg .ok{fill:#2e7d32}svg .bad{fill:#b22222}svg .axis{font-size:11px;fill:#555}
@media print{body{padding:0;font-size:12px}h2{page-break-after:avoid}.noprint{display:none}}
`;

export interface HtmlOptions {
  /** Earlier runs, oldest first; the current run is appended for the charts. */
  history?: RunSummary[];
  /** Pages listed in the by-page section. Default 100. */
  maxPages?: number;
}

/** N9 网页防篡改核验: what was compared and each difference, as the section of the report. */
function tamperHtml(t: TamperResult): string {
  const manifest =
    t.recordedManifestHash === null
      ? '尚无发布记录可比对清单哈希'
      : t.recordedManifestHash === t.manifestHash
        ? '与最近一次发布记录一致'
        : '<span class="sev-veto">与最近一次发布记录不符</span>';
  const rows = t.findings
    .map(
      (f) => `
<div class="finding veto">
<p><span class="sev-veto">【单项否决】</span>[${esc(f.ruleId)}] ${esc(f.message)}</p>
<p><span class="label">页面：</span>${f.title ? `${esc(f.title)}<br>` : ''}<span class="url">${esc(f.url)}</span>　${f.visitor === 'mobile' ? '手机' : '电脑'}浏览器　${esc(fmtTime(f.at))}</p>
<pre class="url">${esc(f.difference.join('\n'))}</pre>
</div>`,
    )
    .join('');
  return `<h2>网页防篡改核验（N9）</h2>
<p>按发布清单逐页比对网站上的网页（电脑和手机浏览器各访问一次）：核验 ${t.pagesChecked} / ${t.pagesTotal} 个文件，${
    t.findings.length ? `<span class="sev-veto">发现 ${t.findings.length} 处与发布时不一致</span>` : '全部与发布时一致'
  }。发布清单哈希 <span class="url">${esc(t.manifestHash.slice(0, 16))}</span>：${manifest}。</p>${rows}`;
}

/** A self-contained HTML report: inline CSS and SVG, no script, no external resource, printable. */
export function renderHtml(report: MonitorReport, opts: HtmlOptions = {}): string {
  const history = [...(opts.history ?? []), summarize(report)];
  const s = report.score;
  const title = `${report.site.name ?? report.site.baseUrl} 网站监测报告`;
  // A page as people know it: its title, with its address beneath.
  const pageHtml = (url: string) => {
    const name = report.pageTitles?.[url];
    return name ? `${esc(name)}<br><span class="url">${esc(url)}</span>` : `<span class="url">${esc(url)}</span>`;
  };
  const findingHtml = (f: KeyedFinding) => `
<div class="finding ${f.severity}">
<p><span class="sev-${f.severity}">【${severityLabels[f.severity]}${f.points ? ` −${f.points} 分` : ''}】</span>${esc(f.message)}</p>
${f.page ? `<p><span class="label">页面：</span>${pageHtml(f.page)}${f.pages ? `（共 ${f.pages.count} 个页面）` : ''}</p>` : ''}
${f.pages && f.pages.examples.length > 1 ? `<p><span class="label">示例：</span>${f.pages.examples.slice(1).map(pageHtml).join('<br>')}</p>` : ''}
<p><span class="label">证据：</span><span class="url">${esc(f.evidence)}</span></p>
<p><span class="label">整改建议：</span>${esc(f.hint)}</p>
</div>`;
  const rulesTable = report.byRule
    .map(
      (r) =>
        `<tr><td>${esc(r.ruleId)}</td><td>${esc(r.title)}</td><td class="num ${r.vetoes ? 'sev-veto' : ''}">${r.vetoes}</td><td class="num">${r.deductions}</td><td class="num">${r.warnings}</td><td class="num">${r.points ? `−${r.points}` : 0}</td><td>${r.vetoes ? '否决' : r.deductions || r.warnings ? '有问题' : '通过'}</td></tr>`,
    )
    .join('');
  const byRuleSections = report.byRule
    .filter((r) => r.vetoes + r.deductions + r.warnings > 0)
    .map(
      (r) =>
        `<h3>${esc(r.ruleId)} ${esc(r.title)}</h3>${report.findings
          .filter((f) => f.ruleId === r.ruleId)
          .map(findingHtml)
          .join('')}`,
    )
    .join('');
  const byKey = new Map(report.findings.map((f) => [f.key, f]));
  const maxPages = opts.maxPages ?? 100;
  const byPageRows = report.byPage
    .slice(0, maxPages)
    .map(
      (p) =>
        `<tr><td>${pageHtml(p.page)}</td><td class="num">${p.keys.length}</td><td>${p.keys
          .map((k) => byKey.get(k))
          .filter((f): f is KeyedFinding => !!f)
          .map((f) => `${esc(f.ruleId)} ${esc(f.message)}`)
          .join('<br>')}</td></tr>`,
    )
    .join('');
  const notes = report.notes.map((n) => `<li>${esc(n.message)}${n.url ? `（<span class="url">${esc(n.url)}</span>）` : ''}</li>`).join('');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${css}</style>
</head>
<body>
<h1>${esc(title)}</h1>
<p class="meta">网站：<span class="url">${esc(report.site.baseUrl)}</span><br>检查时间：${esc(fmtTime(report.startedAt))} 至 ${esc(fmtTime(report.finishedAt))}（北京时间）<br>检查页面：${report.pagesCrawled} 个；外部链接：${report.stats.externalChecked} 个；请求：${report.stats.requests} 次</p>
<p><span class="verdict ${s.passed ? 'pass' : 'fail'}">${s.passed ? '合格' : '不合格'}</span>　得分 <strong>${s.score}</strong> 分　单项否决 ${s.vetoes.length} 项　扣分 ${s.deductions.length} 项　提醒 ${s.warnings} 项</p>
${s.reasons.length ? `<p class="sev-veto">${s.reasons.map(esc).join('；')}</p>` : ''}
<h2>各指标情况</h2>
<table><thead><tr><th>指标</th><th>名称</th><th>否决</th><th>扣分项</th><th>提醒</th><th>扣分</th><th>结论</th></tr></thead><tbody>${rulesTable}</tbody></table>
<h2>历次检查</h2>
<h3>得分趋势</h3>
${scoreChart(history)}
<h3>各指标问题数</h3>
${findingsChart(history)}
${report.tamper ? tamperHtml(report.tamper) : ''}
<h2>问题清单（按指标）</h2>
${byRuleSections || '<p>未发现问题。</p>'}
<h2>问题清单（按页面）</h2>
${byPageRows ? `<table><thead><tr><th>页面</th><th>问题数</th><th>问题</th></tr></thead><tbody>${byPageRows}</tbody></table>${report.byPage.length > maxPages ? `<p>另有 ${report.byPage.length - maxPages} 个页面未列出，见 CSV 或 JSON 报告。</p>` : ''}` : '<p>未发现问题。</p>'}
${notes ? `<h2>检查说明</h2><ul>${notes}</ul>` : ''}
<p class="meta">本报告由 gongkai 网站监测生成（S8 日常监测），依据《政府网站与政务新媒体检查指标》。</p>
</body>
</html>
`;
}
