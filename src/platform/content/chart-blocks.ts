import { chartAltText, parseChart, type Chart, type ChartInput, type ParsedChart } from '../charts/table.js';
import { maskPersonalData } from '../privacy/mask.js';
import { chartInputsOfHtml } from './rich-html.js';

/** The chart blocks of a rich-text body, in order (the order of their public numbers 1, 2, …). */
export function chartBlocksOf(value: unknown): ChartInput[] {
  return typeof value === 'string' ? chartInputsOfHtml(value) : [];
}

/** N15: what the public sees of a chart has its personal data masked, like the text around it. */
export function maskedChart(chart: Chart): Chart {
  const mask = maskPersonalData;
  return {
    ...chart,
    title: mask(chart.title),
    source: mask(chart.source),
    table: {
      categoryLabel: mask(chart.table.categoryLabel),
      series: chart.table.series.map(mask),
      rows: chart.table.rows.map((row) => ({ ...row, category: mask(row.category) })),
    },
  };
}

/** A chart block read and checked, with what the public sees masked. */
export function publicChart(input: ChartInput): ParsedChart {
  const parsed = parseChart(input);
  return parsed.chart ? { chart: maskedChart(parsed.chart), problems: [] } : parsed;
}

/** What the charts of a rich-text value say, as text (for search: a chart is found by its words and figures). */
export function chartsText(value: unknown): string {
  return chartBlocksOf(value)
    .map((input) => {
      const { chart } = parseChart(input);
      return chart ? chartAltText(chart) : typeof input.title === 'string' ? input.title : '';
    })
    .filter(Boolean)
    .join('\n');
}
