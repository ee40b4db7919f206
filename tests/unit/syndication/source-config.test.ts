import { describe, expect, test } from '@jest/globals';
import {
  allowedHostsOf,
  assertValidSourceConfig,
  isAllowedHost,
  SOURCE_LEVEL_LABELS,
  validateSourceConfig,
  type SourceConfig,
} from '../../../syndication/core/source-config.js';
import { REAL_SOURCES } from '../../../syndication/core/sources.js';

const valid: SourceConfig = {
  key: 'yn-mzt-tzgg',
  name: '云南省民政厅·通知公告',
  level: 'provincial-department',
  adapter: 'html-list',
  listUrls: ['https://ynmz.yn.gov.cn/zwgk/tzgg/'],
  list: { item: 'ul.list > li.list-item', title: '.text', date: '.time' },
  detail: { body: ['.trs_editor_view', '.TRS_Editor'], publishedAt: 'meta[name=PubDate]' },
  schedule: '20 9-19/4 * * *',
  targetColumn: 'smzt',
  policy: 'review',
  enabled: true,
};

function errorsOf(input: unknown): Record<string, string> {
  const result = validateSourceConfig(input);
  if (result.ok) throw new Error('expected the configuration to be invalid');
  return Object.fromEntries(result.errors.map((e) => [e.field, e.message]));
}

describe('S9 source configuration', () => {
  test('S9: the real sources of the demo seed all validate, one per level and column', () => {
    for (const source of REAL_SOURCES) {
      const result = validateSourceConfig(source);
      expect(result.ok ? [] : result.errors).toEqual([]);
    }
    expect(new Set(REAL_SOURCES.map((s) => s.key)).size).toBe(REAL_SOURCES.length);
    expect(new Set(REAL_SOURCES.map((s) => s.level))).toEqual(
      new Set(['state-council', 'province', 'ministry', 'city', 'provincial-department']),
    );
    expect(new Set(REAL_SOURCES.map((s) => s.targetColumn))).toEqual(new Set(['gwy', 'szf', 'mzb', 'shizf', 'smzt']));
    // Nothing has been checked against the live sites from here: every entry says so.
    expect(REAL_SOURCES.every((s) => s.verified === false && s.note)).toBe(true);
    expect(REAL_SOURCES.find((s) => s.key === 'gov-cn-zuixin')?.listUrls).toEqual(['https://www.gov.cn/zhengce/zuixin/ZUIXINZHENGCE.json']);
  });

  test('S9: a valid configuration gets its defaults (review policy, enabled)', () => {
    const { policy: _policy, enabled: _enabled, ...rest } = valid;
    const result = validateSourceConfig(rest);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.config.policy).toBe('review');
      expect(result.config.enabled).toBe(true);
    }
  });

  test('S9: every problem is reported, each with a Chinese message naming the field', () => {
    const errors = errorsOf({
      key: 'Bad Key',
      name: ' ',
      level: 'county',
      adapter: 'scraper',
      listUrls: ['ftp://example.gov.cn/list', 'not a url'],
      schedule: '61 * * * *',
      targetColumn: '国务院文件',
      policy: 'publish',
      enabled: 'yes',
      charset: 'klingon',
      maxItems: 0,
      selecters: {},
    });
    expect(errors.key).toMatch(/小写字母/);
    expect(errors.name).toBe('来源名称不能为空');
    expect(errors.level).toContain('state-council（国务院）');
    expect(errors.adapter).toContain('html-list（HTML 列表页）');
    expect(errors['listUrls[0]']).toContain('ftp://example.gov.cn/list');
    expect(errors['listUrls[1]']).toMatch(/http 或 https/);
    expect(errors.schedule).toContain('cron');
    expect(errors.targetColumn).toMatch(/栏目标识/);
    expect(errors.policy).toContain('review（审核后发布）');
    expect(errors.enabled).toContain('true 或 false');
    expect(errors.charset).toContain('klingon');
    expect(errors.maxItems).toMatch(/1 到 500/);
    expect(errors.selecters).toBe('未知的配置项：selecters');
  });

  test('S9: an HTML list needs an item selector, and selectors must be valid CSS', () => {
    expect(errorsOf({ ...valid, list: undefined }).list).toMatch(/list\.item/);
    const errors = errorsOf({
      ...valid,
      list: { item: 'ul.list > li[', date: '' },
      detail: { body: ['.ok', 'div:nth-child(x)'], author: 'meta' },
    });
    expect(errors['list.item']).toMatch(/^CSS 选择器无效（list\.item）：ul\.list > li\[/);
    expect(errors['list.date']).toBe('选择器不能为空：list.date');
    expect(errors['detail.body']).toContain('div:nth-child(x)');
    expect(errors['detail.author']).toBe('未知的详情页选择器：detail.author');
  });

  test('S9: JSON field names must be strings; no list URLs at all is refused', () => {
    const errors = errorsOf({ ...valid, adapter: 'json-list', list: undefined, listUrls: [], fields: { title: 3, link: 'URL' } });
    expect(errors.listUrls).toBe('至少需要一个列表地址');
    expect(errors['fields.title']).toBe('fields.title 必须是文字');
    expect(errors['fields.link']).toBe('未知的配置项：fields.link');
  });

  test('S9: assertValidSourceConfig throws one message listing the problems', () => {
    expect(() => assertValidSourceConfig({ ...valid, schedule: 'every day' })).toThrow(
      '来源配置无效（云南省民政厅·通知公告）：schedule：采集计划不是有效的 cron 表达式：every day',
    );
    expect(assertValidSourceConfig(valid).key).toBe('yn-mzt-tzgg');
  });

  test('S9: item links are only followed on the allowed hosts and their subdomains', () => {
    expect(allowedHostsOf({ listUrls: ['https://www.mca.gov.cn/n152/n165/index.html'] })).toEqual(['mca.gov.cn']);
    expect(allowedHostsOf({ listUrls: ['https://x.gov.cn/'], allowedHosts: ['GOV.CN'] })).toEqual(['gov.cn']);
    expect(isAllowedHost('https://www.gov.cn/zhengce/content/1.htm', ['gov.cn'])).toBe(true);
    expect(isAllowedHost('https://gov.cn.bet365-example.com/1.htm', ['gov.cn'])).toBe(false);
    expect(isAllowedHost('https://evilgov.cn/1.htm', ['gov.cn'])).toBe(false);
    expect(isAllowedHost('not a url', ['gov.cn'])).toBe(false);
  });

  test('levels have Chinese labels', () => {
    expect(SOURCE_LEVEL_LABELS).toEqual({
      'state-council': '国务院',
      province: '省',
      ministry: '部',
      city: '市',
      'provincial-department': '省厅',
    });
  });
});
