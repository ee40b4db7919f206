/**
 * Scoring as the national inspection does it: any single veto (单项否决) fails the site; otherwise
 * 100 − deductions, and below 60 fails. Each rule's deductions are capped so one noisy rule (e.g. a
 * thousand broken links) cannot hide the others; warnings cost nothing.
 *
 * | rule | per item | cap |
 * |------|----------|-----|
 * | N3 overdue column | 2 (other columns 1) | 20 |
 * | N5 late publication / missing times | 1 | 10 |
 * | N7 serious error (when ≤ 3) | 2 per page | 10 |
 * | N8 broken link | 1 | 20 |
 * | N10 missing footer element / search / 找错 | 2 | 20 |
 * | N11 one-way link, late interpretation | 2 | 10 |
 * | N18 page metadata tag missing or malformed | 1 per tag | 10 |
 * | any other rule | as the finding says | 20 |
 */
import type { KeyedFinding, RuleScore, ScoreItem, ScoreResult } from './types.js';

export const passMark = 60;
export const defaultRuleCap = 20;
export const ruleCaps: Record<string, number> = { N3: 20, N5: 10, N7: 10, N8: 20, N10: 20, N11: 10, N18: 10 };

export function scoreFindings(findings: KeyedFinding[], caps: Record<string, number> = ruleCaps): ScoreResult {
  const vetoes: ScoreItem[] = [];
  const deductions: ScoreItem[] = [];
  const raw = new Map<string, number>();
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === 'veto') vetoes.push({ ruleId: f.ruleId, key: f.key, points: 0, message: f.message });
    else if (f.severity === 'deduction') {
      const points = Math.max(0, f.points ?? 0);
      deductions.push({ ruleId: f.ruleId, key: f.key, points, message: f.message });
      raw.set(f.ruleId, (raw.get(f.ruleId) ?? 0) + points);
    } else warnings++;
  }
  const byRule: RuleScore[] = [...raw].map(([ruleId, sum]) => {
    const cap = caps[ruleId] ?? defaultRuleCap;
    return { ruleId, raw: sum, points: Math.min(sum, cap), cap };
  });
  byRule.sort((a, b) => compareRuleIds(a.ruleId, b.ruleId));
  const deducted = byRule.reduce((n, r) => n + r.points, 0);
  const score = Math.max(0, Math.round((100 - deducted) * 10) / 10);
  const reasons: string[] = [];
  const vetoRules = [...new Set(vetoes.map((v) => v.ruleId))].sort(compareRuleIds);
  if (vetoRules.length) reasons.push(`单项否决：${vetoRules.join('、')}（${vetoes.length} 项）`);
  if (score < passMark) reasons.push(`得分 ${score} 分，低于 ${passMark} 分`);
  return { score, passed: reasons.length === 0, reasons, vetoes, deductions, byRule, warnings };
}

/** N1 < N2 < … < N10 < N11 < S1. */
export function compareRuleIds(a: string, b: string): number {
  const pa = /^([A-Z]+)(\d+)$/.exec(a);
  const pb = /^([A-Z]+)(\d+)$/.exec(b);
  if (!pa || !pb) return a.localeCompare(b);
  return pa[1] === pb[1] ? Number(pa[2]) - Number(pb[2]) : pa[1].localeCompare(pb[1]);
}
