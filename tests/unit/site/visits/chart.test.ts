import { describe, expect, test } from '@jest/globals';
import { chartAltText } from '../../../../src/platform/charts/table.js';
import { renderChartSvg } from '../../../../src/platform/charts/svg.js';
import { visitChart } from '../../../../src/site/visits/chart.js';

describe('N17 the 访问统计图表', () => {
  test('N17: days in order of the calendar, page views and unique visitors as two series, each value in the text alternative', async () => {
    const chart = visitChart([
      { day: '2026-11-02', pageViews: 1250, uniqueVisitors: 410 },
      { day: '2026-11-01', pageViews: 980, uniqueVisitors: 333 },
    ]);
    expect(chart.kind).toBe('line');
    expect(chart.table.rows).toEqual([
      { category: '11-01', values: [980, 333] },
      { category: '11-02', values: [1250, 410] },
    ]);
    const text = chartAltText(chart);
    for (const value of ['980', '333', '1250', '410']) expect(text.replace(/,/g, '')).toContain(value);
    const svg = await renderChartSvg(chart);
    expect(svg).toContain('<svg');
    expect(await renderChartSvg(chart)).toBe(svg);
  });
});
