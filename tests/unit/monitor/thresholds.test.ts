import { describe, expect, test } from '@jest/globals';
import { n1Availability } from '../../../src/monitor/core/checks/n1-availability.js';
import { n2HomeUpdated } from '../../../src/monitor/core/checks/n2-home-updated.js';
import { n3ColumnsUpdated } from '../../../src/monitor/core/checks/n3-columns-updated.js';
import { n4EmptyColumns } from '../../../src/monitor/core/checks/n4-empty-columns.js';
import { defaultRulesConfig } from '../../../src/monitor/core/config.js';
import type { CheckInput, ColumnKind, KnownColumn, OwnSiteKnowledge, ProbeRecord } from '../../../src/monitor/core/types.js';
import { crawlOf, daysAgo, NOW } from '../../helpers/monitor-fixtures.js';

const input = (over: Partial<CheckInput> = {}): CheckInput => ({
  baseUrl: 'http://127.0.0.1:8080/',
  crawl: crawlOf([]),
  now: NOW,
  config: defaultRulesConfig,
  ...over,
});
const withKnowledge = (knowledge: OwnSiteKnowledge) => input({ knowledge });
const severities = (findings: { severity: string }[]) => findings.map((f) => f.severity);

/** `failed` failures out of `total` probes spread over the last week. */
function probes(total: number, failed: number): ProbeRecord[] {
  return Array.from({ length: total }, (_, i) => ({
    url: 'http://127.0.0.1:8080/',
    at: new Date(NOW.getTime() - (i + 1) * Math.floor((7 * 86_400_000) / (total + 1))).toISOString(),
    ok: i >= failed,
  }));
}

describe('N1 availability over the last 7 days of probes', () => {
  test('N1: 5 % failures is a veto', () => {
    expect(severities(n1Availability.run(input({ probes: probes(100, 5) })))).toEqual(['veto']);
  });
  test('N1: 4.9 % failures is a warning, not a veto', () => {
    expect(severities(n1Availability.run(input({ probes: probes(1000, 49) })))).toEqual(['warning']);
  });
  test('N1: vendors warn from 3 %', () => {
    expect(severities(n1Availability.run(input({ probes: probes(100, 3) })))).toEqual(['warning']);
    expect(n1Availability.run(input({ probes: probes(100, 2) }))).toEqual([]);
  });
  test('N1: failures older than 7 days do not count', () => {
    const old = Array.from({ length: 20 }, (_, i) => ({ url: 'x', at: new Date(NOW.getTime() - (8 + i) * 86_400_000), ok: false }));
    expect(n1Availability.run(input({ probes: [...old, ...probes(100, 0)] }))).toEqual([]);
  });
  test('N1: no probe history is no finding', () => {
    expect(n1Availability.run(input({ probes: [] }))).toEqual([]);
  });
});

describe('N2 home page updated', () => {
  const homeAged = (days: number) => n2HomeUpdated.run(withKnowledge({ homeLatestDate: daysAgo(days) }));
  test('N2: 14 days without an update is a veto', () => {
    expect(homeAged(14)).toEqual([expect.objectContaining({ code: 'N2.stale', severity: 'veto' })]);
  });
  test('N2: 13 and 10 days are warnings, 9 days is fine', () => {
    expect(severities(homeAged(13))).toEqual(['warning']);
    expect(severities(homeAged(10))).toEqual(['warning']);
    expect(homeAged(9)).toEqual([]);
  });
  test('N2: a home page with no dated item counts as not updated (veto)', () => {
    expect(n2HomeUpdated.run(withKnowledge({ homeLatestDate: null }))).toEqual([
      expect.objectContaining({ code: 'N2.no-date', severity: 'veto' }),
    ]);
    const crawl = crawlOf([{ title: '首页', links: [{ url: 'http://127.0.0.1:8080/a', raw: '/a', text: '无日期', internal: true }] }]);
    expect(severities(n2HomeUpdated.run(input({ crawl })))).toEqual(['veto']);
  });
  test('N2: from the crawl, the newest dated link on the home page counts; future dates do not', () => {
    const link = (date: string) => ({ url: 'http://127.0.0.1:8080/a', raw: '/a', text: 'x', internal: true, date });
    const crawl = crawlOf([{ links: [link(daysAgo(30)), link(daysAgo(3)), link('2027-01-01')] }]);
    expect(n2HomeUpdated.run(input({ crawl }))).toEqual([]);
    const stale = crawlOf([{ links: [link(daysAgo(30)), link('2027-01-01')] }]);
    expect(severities(n2HomeUpdated.run(input({ crawl: stale })))).toEqual(['veto']);
  });
  test('N2: a home page never fetched (robots, unreachable) is not judged', () => {
    expect(n2HomeUpdated.run(input())).toEqual([]);
  });
});

const column = (id: string, kind: ColumnKind, ageDays: number | null, extra: Partial<KnownColumn> = {}): KnownColumn => ({
  id,
  name: `栏目${id}`,
  kind,
  url: `/columns/${id}`,
  itemDates: ageDays === null ? [] : [daysAgo(ageDays), daysAgo(ageDays + 30)],
  ...extra,
});

describe('N3 columns updated by kind', () => {
  const run = (columns: KnownColumn[]) => n3ColumnsUpdated.run(withKnowledge({ columns }));
  test('N3: news is overdue after 2 weeks, notices and policy after 6 months, personnel and plans after a year', () => {
    const fresh = [
      column('a', 'news', 13),
      column('b', 'notice', 180),
      column('c', 'policy', 150),
      column('d', 'personnel', 360),
      column('e', 'plan', 300),
    ];
    expect(run(fresh)).toEqual([]);
    const overdue = [column('a', 'news', 14), column('b', 'notice', 190), column('c', 'policy', 200), column('d', 'personnel', 370)];
    const found = run(overdue);
    expect(found.map((f) => [f.subject, f.severity, f.points])).toEqual([
      ['a', 'deduction', 2],
      ['b', 'deduction', 2],
      ['c', 'deduction', 2],
      ['d', 'deduction', 2],
    ]);
  });
  test('N3: five overdue columns are a veto', () => {
    const found = run(['a', 'b', 'c', 'd', 'e'].map((id) => column(id, 'news', 20)));
    expect(found[0]).toMatchObject({ code: 'N3.veto', severity: 'veto' });
    expect(found.filter((f) => f.code === 'N3.overdue')).toHaveLength(5);
  });
  test('N3: ten columns that should be updated and are not are a veto, even when fewer than five are of the four kinds', () => {
    const others = Array.from({ length: 8 }, (_, i) => column(`o${i}`, 'other', 400, { updateExpected: true }));
    const found = run([...others, column('n1', 'news', 20), column('n2', 'notice', 200)]);
    expect(found[0]).toMatchObject({ code: 'N3.veto', message: expect.stringContaining('10 个') });
    expect(run([...others.slice(1), column('n1', 'news', 20), column('n2', 'notice', 200)]).some((f) => f.severity === 'veto')).toBe(false);
  });
  test('N3: static columns (other, not expected to update) and empty columns are not N3 findings', () => {
    expect(run([column('about', 'other', 2000), column('empty', 'news', null)])).toEqual([]);
  });
  test('N3: maxAgeDays overrides the period of the kind', () => {
    expect(run([column('x', 'notice', 40, { maxAgeDays: 30 })])).toHaveLength(1);
  });
});

describe('N4 empty columns', () => {
  const run = (emptyCount: number) =>
    n4EmptyColumns.run(
      withKnowledge({
        columns: [...Array.from({ length: emptyCount }, (_, i) => column(`e${i}`, 'news', null)), column('full', 'news', 1)],
      }),
    );
  test('N4: five empty columns are a veto', () => {
    expect(severities(run(5))).toEqual(['veto', 'veto', 'veto', 'veto', 'veto']);
  });
  test('N4: two to four empty columns are warnings', () => {
    expect(severities(run(2))).toEqual(['warning', 'warning']);
    expect(severities(run(4))).toEqual(['warning', 'warning', 'warning', 'warning']);
  });
  test('N4: a single empty column is not reported', () => {
    expect(run(1)).toEqual([]);
  });
  test('N4: itemCount overrides the dates given (a column with items but no dates is not empty)', () => {
    const cols = [column('a', 'other', null, { itemCount: 3 }), column('b', 'other', null, { itemCount: 3 })];
    expect(n4EmptyColumns.run(withKnowledge({ columns: cols }))).toEqual([]);
  });
});
