import { describe, expect, test } from '@jest/globals';
import * as cheerio from 'cheerio';
import { allChecks } from '../../../src/monitor/core/checks/index.js';
import { buildReport, compareRuns, findingKey, renderCsv, renderHtml, renderJson, summarize } from '../../../src/monitor/core/report.js';
import { scoreFindings } from '../../../src/monitor/core/score.js';
import type { Finding, KeyedFinding, MonitorReport, RunSummary } from '../../../src/monitor/core/types.js';
import { crawlOf } from '../../helpers/monitor-fixtures.js';

const finding = (over: Partial<Finding>): Finding => ({
  ruleId: 'N8',
  code: 'N8.broken',
  severity: 'deduction',
  points: 1,
  page: 'http://127.0.0.1:8080/',
  subject: 'http://127.0.0.1:8080/gone',
  evidence: 'HTTP 404',
  message: '站内链接不可用',
  hint: '修正链接',
  ...over,
});
const keyed = (f: Finding): KeyedFinding => ({ ...f, key: findingKey(f) });
const report = (findings: Finding[]): MonitorReport =>
  buildReport({ crawl: crawlOf([{}]), findings, checks: allChecks, siteName: '临沧市民政局' });

describe('scoring', () => {
  test('100 minus deductions; 60 passes, below 60 fails', () => {
    const deductions = (n: number) =>
      Array.from({ length: n }, (_, i) => keyed(finding({ ruleId: `X${i}`, points: 10, subject: `s${i}` })));
    expect(scoreFindings(deductions(4))).toMatchObject({ score: 60, passed: true, reasons: [] });
    const failed = scoreFindings([...deductions(4), keyed(finding({ ruleId: 'X9', points: 0.5 }))]);
    expect(failed).toMatchObject({ score: 59.5, passed: false, reasons: ['得分 59.5 分，低于 60 分'] });
  });
  test('any veto fails, whatever the score', () => {
    const s = scoreFindings([keyed(finding({ ruleId: 'N9', code: 'N9.keyword', severity: 'veto', points: undefined }))]);
    expect(s).toMatchObject({ score: 100, passed: false, reasons: ['单项否决：N9（1 项）'] });
  });
  test("each rule's deductions are capped; warnings cost nothing", () => {
    const many = Array.from({ length: 50 }, (_, i) => keyed(finding({ subject: `l${i}` })));
    const s = scoreFindings([...many, keyed(finding({ severity: 'warning', points: undefined, subject: 'w' }))]);
    expect(s.byRule).toEqual([{ ruleId: 'N8', raw: 50, points: 20, cap: 20 }]);
    expect(s).toMatchObject({ score: 80, warnings: 1 });
    expect(s.deductions.every((d) => d.ruleId === 'N8')).toBe(true);
  });
});

describe('report object', () => {
  test('findings are keyed, sorted vetoes first, grouped by rule and page', () => {
    const r = report([
      finding({}),
      finding({
        ruleId: 'N9',
        code: 'N9.hidden-link',
        severity: 'veto',
        points: undefined,
        subject: 'bad.com',
        pages: { count: 2, examples: ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080/b'] },
      }),
    ]);
    expect(r.findings.map((f) => f.key)).toEqual(['N9:N9.hidden-link:bad.com', 'N8:N8.broken:http://127.0.0.1:8080/gone']);
    expect(r.byRule.find((b) => b.ruleId === 'N9')).toMatchObject({ title: '网站安全', vetoes: 1 });
    expect(r.byRule.map((b) => b.ruleId)).toEqual(allChecks.map((c) => c.id));
    expect(r.byPage).toEqual([
      { page: 'http://127.0.0.1:8080/', keys: ['N9:N9.hidden-link:bad.com', 'N8:N8.broken:http://127.0.0.1:8080/gone'] },
      { page: 'http://127.0.0.1:8080/b', keys: ['N9:N9.hidden-link:bad.com'] },
    ]);
    expect(JSON.parse(renderJson(r))).toEqual(JSON.parse(JSON.stringify(r)));
  });
  test('two findings with the same key get distinct keys', () => {
    expect(report([finding({}), finding({})]).findings.map((f) => f.key)).toEqual([
      'N8:N8.broken:http://127.0.0.1:8080/gone',
      'N8:N8.broken:http://127.0.0.1:8080/gone#2',
    ]);
  });
});

describe('compareRuns', () => {
  test('new, fixed and still open findings by stable key (counts and examples may change)', () => {
    const before = report([finding({ subject: 'a' }), finding({ subject: 'b', evidence: '旧证据' })]);
    const after = report([finding({ subject: 'b', evidence: '新证据', pages: { count: 9, examples: [] } }), finding({ subject: 'c' })]);
    const diff = compareRuns(before, after);
    expect(diff.new.map((f) => f.subject)).toEqual(['c']);
    expect(diff.fixed.map((f) => f.subject)).toEqual(['a']);
    expect(diff.open.map((f) => [f.subject, f.evidence])).toEqual([['b', '新证据']]);
  });
  test('without a previous run everything is new', () => {
    expect(compareRuns(undefined, report([finding({})])).new).toHaveLength(1);
  });
});

describe('CSV', () => {
  test('UTF-8 with BOM, Chinese header, quoting, and no formula injection', () => {
    const csv = renderCsv(report([finding({ message: '含"引号",和逗号', evidence: '=HYPERLINK("http://evil")', hint: '第一行\n第二行' })]));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('指标,问题类型,严重程度,扣分,问题描述,页面,涉及页面数,示例页面,证据,整改建议,问题编号');
    expect(csv).toContain('"含""引号"",和逗号"');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain('"第一行\n第二行"');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});

describe('HTML', () => {
  const history: RunSummary[] = [
    { finishedAt: '2026-11-20T02:00:00Z', score: 72, passed: true, findingsByRule: { N8: 3, N10: 1 } },
    { finishedAt: '2026-11-21T02:00:00Z', score: 55, passed: false, findingsByRule: { N8: 12 } },
    { finishedAt: '2026-11-22T02:00:00Z', score: 100, passed: false, findingsByRule: { N9: 2 } },
  ];
  const r = report([
    finding({ evidence: '<script src="http://evil.cn/x.js"></script>' }),
    finding({
      ruleId: 'N9',
      code: 'N9.outbound-gambling',
      severity: 'veto',
      points: undefined,
      subject: 'evil.cn',
      evidence: 'https://evil.cn/ 现在的内容：“百家乐”',
    }),
  ]);
  const html = renderHtml(r, { history });

  test('self-contained: no external URL in any attribute, CSS or import, no script, no stylesheet link', () => {
    const $ = cheerio.load(html);
    const attributeValues = $('*')
      .toArray()
      .flatMap((el) => Object.entries((el as unknown as { attribs: Record<string, string> }).attribs ?? {}));
    expect(attributeValues.filter(([name, value]) => /src|href|action|data/i.test(name) || /\/\/|https?:/i.test(value))).toEqual([]);
    expect($('style').text()).not.toMatch(/url\s*\(|@import|https?:/i);
    expect(html).not.toMatch(/<script|<link|<iframe|<img/i);
    // URLs from findings appear as escaped text only.
    expect(html).toContain('&lt;script src=&quot;http://evil.cn/x.js&quot;&gt;&lt;/script&gt;');
  });

  test('Chinese, printable, with the verdict, the rule table, the findings and two inline SVG charts', () => {
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('临沧市民政局 网站监测报告');
    expect(html).toContain('不合格');
    expect(html).toContain('单项否决：N9（1 项）');
    expect(html).toContain('@media print');
    expect(html.match(/<svg /g)).toHaveLength(2);
    // Four runs in the score chart: three past and this one.
    expect(html.match(/<circle /g)).toHaveLength(4);
    expect(html).toContain('网站安全');
    expect(html).toContain('整改建议');
  });

  test('pages are named by their titles, with their addresses beneath (the h1, else the <title>)', () => {
    const crawl = crawlOf([
      { url: 'http://127.0.0.1:8080/', h1: '临沧市民政局', title: '首页 - 临沧市民政局' },
      {
        url: 'http://127.0.0.1:8080/documents/abc',
        finalUrl: 'http://127.0.0.1:8080/documents/abc',
        title: '关于做好2026年临时救助工作的通知',
      },
    ]);
    const named = buildReport({
      crawl,
      findings: [
        finding({ page: 'http://127.0.0.1:8080/documents/abc', subject: 'a' }),
        finding({ page: 'http://127.0.0.1:8080/columns/x', subject: 'b' }),
      ],
      checks: allChecks,
    });
    expect(named.pageTitles).toEqual({ 'http://127.0.0.1:8080/documents/abc': '关于做好2026年临时救助工作的通知' });
    const $ = cheerio.load(renderHtml(named));
    const rows = $('tr')
      .toArray()
      .map((tr) => $(tr).find('td').first().text());
    expect(rows).toContain('关于做好2026年临时救助工作的通知http://127.0.0.1:8080/documents/abc');
    // A page the crawl did not read keeps its address alone.
    expect(rows).toContain('http://127.0.0.1:8080/columns/x');
  });

  test('a clean report says so', () => {
    const clean = renderHtml(report([]));
    expect(clean).toContain('合格');
    expect(clean).toContain('未发现问题。');
  });

  test('summaries for the history carry score and counts per rule', () => {
    expect(summarize(r)).toEqual({ finishedAt: r.finishedAt, score: 99, passed: false, findingsByRule: { N8: 1, N9: 1 } });
  });
});
