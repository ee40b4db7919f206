import type { Chart } from '../../platform/charts/table.js';

/** One day's figures of the 访问统计. */
export interface DayFigures {
  day: string;
  pageViews: number;
  uniqueVisitors: number;
}

/**
 * N17: a period's page views and unique visitors, one point a day, as a chart of the site's own charting
 * (src/platform/charts: Vega-Lite drawn on the server, with its data table as the text alternative).
 */
export function visitChart(days: readonly DayFigures[]): Chart {
  const sorted = [...days].sort((a, b) => a.day.localeCompare(b.day));
  return {
    kind: 'line',
    title: `近 ${sorted.length} 天访问量与独立访客`,
    unit: '',
    source: '本站访问日志，每日汇总',
    table: {
      categoryLabel: '日期',
      series: ['访问量（次）', '独立访客（人次）'],
      rows: sorted.map((d) => ({ category: d.day.slice(5), values: [d.pageViews, d.uniqueVisitors] })),
    },
  };
}
