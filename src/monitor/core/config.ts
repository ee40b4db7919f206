/** Defaults of everything a check can be tuned with, and how caller overrides are merged. */
import {
  gamblingKeywords,
  gamblingPatterns,
  illegalKeywords,
  pornKeywords,
  scriptAllowlist,
  trustedHosts,
} from './rules-data/security-keywords.js';
import { leaderErrors, stateNameErrors, typoErrors } from './rules-data/serious-errors.js';
import type { RulesConfig } from './types.js';
import { starterDictionary } from '../../workflow/core/starter-dictionary.js';

export const defaultRulesConfig: RulesConfig = {
  security: {
    gambling: gamblingKeywords,
    porn: pornKeywords,
    illegal: illegalKeywords,
    patterns: gamblingPatterns,
    scriptAllowlist,
    trustedHosts,
  },
  contentGate: [...starterDictionary],
  seriousErrors: { stateNames: stateNameErrors, leaders: leaderErrors, typos: typoErrors, vetoAbove: 3 },
  footer: {
    partyGovMark: ['党政机关', 'conac\\.cn', 'dzjg'],
    errorReport: ['我为政府网站找错', 'zfwzzc\\.www\\.gov\\.cn', 'pucha\\.kaipuyun\\.cn'],
  },
  columns: {
    listPageMinDatedLinks: 3,
    emptyMarkers: ['暂无内容', '暂无信息', '暂无数据', '暂无记录', '没有相关信息', '没有记录', '无相关内容'],
  },
};

/** Overrides: each section's fields replace the defaults' (lists are replaced, not appended). */
export type RulesOverrides = { [K in keyof RulesConfig]?: RulesConfig[K] extends unknown[] ? RulesConfig[K] : Partial<RulesConfig[K]> };

export function resolveConfig(overrides: RulesOverrides = {}): RulesConfig {
  return {
    security: { ...defaultRulesConfig.security, ...overrides.security },
    contentGate: (overrides.contentGate as RulesConfig['contentGate'] | undefined) ?? defaultRulesConfig.contentGate,
    seriousErrors: { ...defaultRulesConfig.seriousErrors, ...overrides.seriousErrors },
    footer: { ...defaultRulesConfig.footer, ...overrides.footer },
    columns: { ...defaultRulesConfig.columns, ...overrides.columns },
  };
}
