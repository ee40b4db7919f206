import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { aggregateVisits, yearTotals } from '../../../../src/site/visits/aggregate.js';

const lines = fs.readFileSync(path.join(process.cwd(), 'tests/fixtures/visits/access.log'), 'utf8').split('\n');

describe('N17 visit statistics from an nginx combined access log', () => {
  test('N17: page views, unique visitors, top pages and search terms per China day, from a fixture access log', () => {
    const { days, skipped } = aggregateVisits(lines, (day) => `salt-of-${day}`);
    expect(skipped).toBe(1);
    expect(days).toEqual([
      { day: '2026-11-23', pageViews: 1, uniqueVisitors: 1, topPages: [{ path: '/', views: 1 }], topSearchTerms: [] },
      {
        day: '2026-11-24',
        // Not counted: the stylesheet, the 404, the POST, Googlebot, the health probe, the Admin UI.
        pageViews: 7,
        // 203.0.113.9 with two browsers is two visitors; 198.51.100.4 is one.
        uniqueVisitors: 3,
        topPages: [
          { path: '/search', views: 3 },
          { path: '/documents/abc', views: 2 },
          { path: '/', views: 1 },
          { path: '/columns/zcwj', views: 1 },
        ],
        topSearchTerms: [
          { term: '低保', searches: 2 },
          { term: '婚姻登记', searches: 1 },
        ],
      },
    ]);
    expect(yearTotals(days, 2026)).toEqual({ pageViews: 8, uniqueVisitors: 4, days: 2 });
    expect(yearTotals(days, 2025)).toEqual({ pageViews: 0, uniqueVisitors: 0, days: 0 });
  });

  test('N17: no address or hash is kept in the figures, and the salt is what makes a visitor', () => {
    const { days } = aggregateVisits(lines, () => 'same');
    const text = JSON.stringify(days);
    for (const address of ['203.0.113.9', '198.51.100.4']) expect(text).not.toContain(address);
    expect(days[1].uniqueVisitors).toBe(aggregateVisits(lines, () => 'other').days[1].uniqueVisitors);
  });
});
