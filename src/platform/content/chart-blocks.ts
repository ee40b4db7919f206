import { chartAltText, parseChart, type Chart, type ChartInput, type ParsedChart } from '../charts/table.js';
import { maskPersonalData } from '../privacy/mask.js';
import { parseDocumentField } from './plain-text.js';

/** A rich-text node of a chart block (admin/component-blocks.ts), as Keystone stores it. */
export interface ChartBlockNode {
  type: 'component-block';
  component: 'chart';
  props: ChartInput;
}

export function isChartBlock(node: unknown): node is ChartBlockNode {
  const element = node as { type?: unknown; component?: unknown; props?: unknown } | null;
  return (
    !!element &&
    element.type === 'component-block' &&
    element.component === 'chart' &&
    typeof element.props === 'object' &&
    element.props !== null
  );
}

/** The chart blocks of a rich-text value, in document order (the order of their public numbers 1, 2, …). */
export function chartBlocksOf(value: unknown): ChartInput[] {
  const found: ChartInput[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (isChartBlock(node)) found.push(node.props);
    else walk((node as { children?: unknown }).children);
  };
  walk(parseDocumentField(value));
  return found;
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
