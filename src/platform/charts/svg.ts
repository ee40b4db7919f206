import type { TopLevelSpec } from 'vega-lite';
import { chartKindOptions, formatNumber, seriesHeader, type Chart } from './table.js';

/*
 * Charts drawn on the server: a Vega-Lite specification compiled to Vega and rendered to SVG in Node (no
 * browser JavaScript, no third-party host, no canvas). The same chart gives the same bytes on every run, so
 * pages and feeds can be cached and compared.
 */

/**
 * Series colours, each at least 3:1 against white (WCAG 1.4.11) and ordered so that neighbours differ
 * strongly in lightness: they stay apart in greyscale and in high contrast. Lines add dashes and point shapes,
 * bars and slices carry their values as text, so no reading depends on colour alone.
 */
export const chartPalette = ['#0d2040', '#ce5d00', '#005e5e', '#4c2c6f', '#3da643', '#99590b'];
const dashes = [
  [1, 0],
  [8, 4],
  [2, 3],
  [10, 3, 2, 3],
];
const shapes = ['circle', 'square', 'triangle-up', 'diamond'];

/** System CJK fonts only: nothing is fetched. */
export const chartFont = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';

// Narrow enough that a phone shows the labels at about three quarters of their size.
const width = 400;
const height = 260;

interface Datum {
  category: string;
  series: string;
  value: number;
  label: string;
  /** The position of the category, to keep the order the editor typed. */
  order: number;
}

function values(chart: Chart): Datum[] {
  return chart.table.rows.flatMap((row, order) =>
    row.values.map((value, column) => ({
      category: row.category,
      series: seriesHeader(chart, column),
      value,
      label: formatNumber(value),
      order,
    })),
  );
}

const kindName = (chart: Chart) => chartKindOptions.find((o) => o.value === chart.kind)!.label;

/** The Vega-Lite specification of a chart. */
export function chartSpec(chart: Chart): TopLevelSpec {
  const data = values(chart);
  const categories = chart.table.rows.map((row) => row.category);
  const seriesNames = chart.table.series.map((_, i) => seriesHeader(chart, i));
  const subtitle = [chart.unit ? `单位：${chart.unit}` : '', `数据来源：${chart.source}`].filter(Boolean).join('　');
  const common = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: chart.title,
      subtitle,
      anchor: 'start' as const,
      fontSize: 19,
      subtitleFontSize: 14,
      subtitleColor: '#333333',
      color: '#000000',
      offset: 12,
    },
    description: `${kindName(chart)}：${chart.title}`,
    background: '#ffffff',
    padding: 12,
    data: { values: data },
    config: {
      // Vega labels marks, axes and legends for screen readers in English: see renderChartSvg.
      aria: false,
      font: chartFont,
      axis: {
        labelFontSize: 15,
        titleFontSize: 14,
        labelColor: '#000000',
        titleColor: '#000000',
        domainColor: '#000000',
        tickColor: '#000000',
        gridColor: '#d0d0d0',
        labelLimit: 180,
      },
      legend: {
        labelFontSize: 15,
        titleFontSize: 14,
        labelColor: '#000000',
        titleColor: '#000000',
        orient: 'top' as const,
        symbolStrokeWidth: 2,
      },
      view: { stroke: null },
    },
  };
  const colour = {
    field: 'series',
    type: 'nominal' as const,
    title: null,
    scale: { domain: seriesNames, range: chartPalette },
    sort: seriesNames,
  };
  const categoryAxis = {
    field: 'category',
    type: 'nominal' as const,
    title: chart.table.categoryLabel || null,
    sort: categories,
    axis: { labelAngle: categories.some((c) => c.length > 6) ? -30 : 0 },
  };
  const valueAxis = { field: 'value', type: 'quantitative' as const, title: chart.unit || null };
  // Values in black beside their bar or point, whatever the series colour.
  const valueLabel = {
    mark: { type: 'text' as const, dy: -9, fontSize: 15 },
    encoding: { text: { field: 'label', type: 'nominal' as const }, color: { value: '#000000' } },
  };

  switch (chart.kind) {
    case 'pie':
      return {
        ...common,
        width: height,
        height,
        encoding: {
          theta: { field: 'value', type: 'quantitative', stack: true },
          order: { field: 'order', type: 'ordinal' },
          color: { field: 'category', type: 'nominal', title: null, scale: { domain: categories, range: chartPalette }, sort: categories },
        },
        layer: [
          { mark: { type: 'arc', outerRadius: 110, stroke: '#ffffff', strokeWidth: 2 } },
          {
            mark: { type: 'text', radius: 132, fontSize: 15 },
            encoding: { text: { field: 'label', type: 'nominal' }, color: { value: '#000000' } },
          },
        ],
        // Below the pie, one name a line: Vega measures CJK text short without a canvas, so a legend at the side is cut.
        config: { ...common.config, legend: { ...common.config.legend, orient: 'bottom', direction: 'vertical' } },
      } as TopLevelSpec;
    case 'line': {
      // A long series (a month of days) keeps its values to the table: printed at every point they overlap.
      const long = categories.length > 12;
      return {
        ...common,
        width,
        height,
        encoding: {
          x: long
            ? { ...categoryAxis, type: 'ordinal', axis: { labelAngle: -60, labelOverlap: 'parity' } }
            : { ...categoryAxis, type: 'ordinal' },
          y: valueAxis,
          color: colour,
        },
        layer: [
          {
            mark: { type: 'line', strokeWidth: 3, point: { size: 80, filled: true } },
            encoding: {
              // One legend for the three (Vega-Lite merges channels of the same field): colour, dash and marker, so a
              // line is named in greyscale too. A single series needs none: the title names it.
              strokeDash: {
                field: 'series',
                type: 'nominal',
                title: null,
                sort: seriesNames,
                scale: { domain: seriesNames, range: dashes },
                ...(seriesNames.length > 1 ? {} : { legend: null }),
              },
              shape: {
                field: 'series',
                type: 'nominal',
                title: null,
                sort: seriesNames,
                scale: { domain: seriesNames, range: shapes },
                ...(seriesNames.length > 1 ? {} : { legend: null }),
              },
            },
          },
          ...(long ? [] : [valueLabel]),
        ],
        // One name a line, for the same reason as the pie's.
        config: { ...common.config, legend: { ...common.config.legend, direction: 'vertical' } },
      } as TopLevelSpec;
    }
    case 'bar':
    case 'compare': {
      const grouped = chart.table.series.length > 1;
      return {
        ...common,
        width: Math.max(width, categories.length * (grouped ? 110 : 60)),
        height,
        encoding: {
          x: categoryAxis,
          ...(grouped ? { xOffset: { field: 'series', type: 'nominal', sort: seriesNames } } : {}),
          y: valueAxis,
          color: grouped ? colour : { value: chartPalette[0] },
        },
        layer: [{ mark: { type: 'bar', stroke: '#000000', strokeWidth: 1 } }, valueLabel],
      } as TopLevelSpec;
    }
  }
}

/**
 * Vega and Vega-Lite, loaded when the first chart is drawn: Vega's module has a top-level await, which
 * Keystone's CommonJS build of the configuration could not `require`.
 */
let loading: Promise<[typeof import('vega'), typeof import('vega-lite')]> | undefined;
function libraries() {
  // One after the other, and once: Vega-Lite imports parts of Vega.
  loading ??= (async () => {
    const vega = await import('vega');
    return [vega, await import('vega-lite')];
  })();
  return loading;
}

/** The chart as an SVG document (the same bytes for the same chart). */
export async function renderChartSvg(chart: Chart): Promise<string> {
  const [{ parse, View }, { compile }] = await libraries();
  const view = new View(parse(compile(chartSpec(chart)).spec), { renderer: 'none' });
  try {
    // The picture is hidden from screen readers (the page gives its sentence and data table instead): the roles and
    // English labels Vega still writes on titles and containers are left out.
    return (await view.toSVG()).replace(/\s(?:role|aria-roledescription|aria-label)="[^"]*"/g, '');
  } finally {
    view.finalize();
  }
}
