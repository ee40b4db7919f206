import { randomUUID } from 'node:crypto';
import * as cheerio from 'cheerio';
import Handlebars from 'handlebars';
import { chartSummary, formatNumber, seriesHeader, type Chart, type ChartInput } from '../charts/table.js';
import { renderChartSvg } from '../charts/svg.js';
import { chartBlocksOf, publicChart } from './chart-blocks.js';
import { chartInputOf, sanitizeRichHtml } from './rich-html.js';
import { finishForPage } from './render-reprint.js';

/*
 * A rich-text body (HTML, rich-html.ts) for pages the public (or a reviewer previewing) reads: sanitized
 * again under the allowlist, personal data in its text masked (N15), and its chart blocks drawn.
 */

const escape = (text: string) => Handlebars.Utils.escapeExpression(text);

/**
 * A chart block (N16): the picture, then what it says — the sentence stating the main change and the data
 * table, its text alternative, which screen readers read instead of the picture — and the source line.
 */
function renderChart(input: ChartInput, svg: string | null | undefined): string {
  const parsed = publicChart(input);
  if (!parsed.chart) {
    // Only a preview can show one: submission is refused while a chart's data has problems (checks.ts).
    return `<div class="chart-invalid" role="note"><p>图表数据有误，发布前须修改：</p><ul>${parsed.problems.map((p) => `<li>${escape(p)}</li>`).join('')}</ul></div>`;
  }
  const chart: Chart = parsed.chart;
  const { table } = chart;
  const head = `<tr><th scope="col">${escape(table.categoryLabel || '类别')}</th>${table.series.map((_, i) => `<th scope="col">${escape(seriesHeader(chart, i))}</th>`).join('')}</tr>`;
  const rows = table.rows
    .map((row) => `<tr><th scope="row">${escape(row.category)}</th>${row.values.map((v) => `<td>${formatNumber(v)}</td>`).join('')}</tr>`)
    .join('');
  return [
    `<figure class="chart">`,
    // The picture carries its title; the caption names the figure for screen readers (shown when there is no picture).
    `<figcaption class="chart-title${svg ? ' visually-hidden' : ''}">${escape(chart.title)}</figcaption>`,
    svg ? `<div class="chart-image" aria-hidden="true">${svg}</div>` : '',
    `<p class="chart-summary">${escape(chartSummary(chart))}</p>`,
    `<div class="chart-data"><table><caption>数据表：${escape(chart.title)}</caption><thead>${head}</thead><tbody>${rows}</tbody></table></div>`,
    `<p class="chart-source">数据来源：${escape(chart.source)}</p>`,
    `</figure>`,
  ].join('');
}

/**
 * A body as the public reads it. Chart blocks show their sentence, data table and source; their pictures are
 * the SVGs in `chartSvgs` (see renderRichTextWithCharts), in order.
 */
export function renderRichText(value: unknown, chartSvgs: (string | null)[] = []): string {
  if (typeof value !== 'string' || !value) return '';
  const $ = cheerio.load(sanitizeRichHtml(value, { charts: true, media: true }), null, false);
  finishForPage($);
  // Each chart is drawn in place of a marker, so its SVG reaches the page byte for byte as served on its own
  // address (the parser would rewrite it). The marker is new each time: a body cannot hold it, not even in an
  // attribute's text, where the serializer leaves `<!--` as it is, and so cannot place markup of its own (N9).
  const nonce = randomUUID();
  const charts = $('figure[data-chart]')
    .toArray()
    .map((element, n) => {
      const input = chartInputOf($(element).attr('data-chart')) ?? {};
      $(element).replaceWith(`<!--chart-${nonce}-${n}-->`);
      return renderChart(input, chartSvgs[n]);
    });
  if (!charts.length) return $.html();
  const marker = new RegExp(`<!--chart-${nonce}-(\\d+)-->`, 'g');
  return $.html().replace(marker, (_, n: string) => charts[Number(n)]);
}

/** The SVG of each chart block of a body, in order (null where its data has problems). */
export function chartSvgsOf(value: unknown): Promise<(string | null)[]> {
  return Promise.all(
    chartBlocksOf(value).map(async (input) => {
      const { chart } = publicChart(input);
      return chart ? renderChartSvg(chart) : null;
    }),
  );
}

/** A body as HTML with its charts drawn. */
export async function renderRichTextWithCharts(value: unknown): Promise<string> {
  return renderRichText(value, await chartSvgsOf(value));
}
