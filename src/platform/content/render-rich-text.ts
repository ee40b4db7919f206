import Handlebars from 'handlebars';
import { maskPersonalData } from '../privacy/mask.js';
import { chartSummary, formatNumber, seriesHeader, type Chart } from '../charts/table.js';
import { renderChartSvg } from '../charts/svg.js';
import { chartBlocksOf, isChartBlock, publicChart } from './chart-blocks.js';
import { parseDocumentField } from './plain-text.js';

/*
 * Keystone document-field JSON to HTML, for pages the public (or a reviewer previewing) reads. Only
 * known node types are rendered, every text is escaped, links keep http(s) and site-relative targets
 * only, and personal data in the text is masked (N15).
 */

type Node = { type?: string; text?: string; children?: Node[]; level?: number; href?: string; [mark: string]: unknown };

const escape = (text: string) => Handlebars.Utils.escapeExpression(text);
const blockTags: Record<string, string> = {
  paragraph: 'p',
  blockquote: 'blockquote',
  'ordered-list': 'ol',
  'unordered-list': 'ul',
  'list-item': 'li',
  layout: 'div',
  'layout-area': 'div',
};
const marks: [string, string][] = [
  ['bold', 'strong'],
  ['italic', 'em'],
  ['underline', 'u'],
  ['superscript', 'sup'],
  ['subscript', 'sub'],
];

function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  return /^(https?:\/\/|\/(?!\/))/i.test(href.trim()) ? href.trim() : null;
}

/**
 * A chart block (N16): the picture, then what it says — the sentence stating the main change and the data
 * table, its text alternative, which screen readers read instead of the picture — and the source line.
 */
function renderChart(node: Node, svg: string | null | undefined): string {
  const parsed = publicChart(isChartBlock(node) ? node.props : {});
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

function renderNode(node: Node, charts: ChartPictures): string {
  if (node.type === 'component-block') return isChartBlock(node) ? renderChart(node, charts.svgs[charts.next++]) : '';
  if (typeof node.text === 'string') {
    let html = escape(maskPersonalData(node.text)).replace(/\n/g, '<br>');
    for (const [mark, tag] of marks) if (node[mark]) html = `<${tag}>${html}</${tag}>`;
    return html;
  }
  const inner = (node.children ?? []).map((child) => renderNode(child, charts)).join('');
  switch (node.type) {
    case 'heading': {
      const level = Math.min(6, Math.max(2, Number(node.level) || 2));
      return `<h${level}>${inner}</h${level}>`;
    }
    case 'link': {
      const href = safeHref(node.href);
      return href ? `<a href="${escape(href)}">${inner}</a>` : inner;
    }
    case 'divider':
      return '<hr>';
    case 'list-item-content':
      return inner;
    default:
      return node.type && blockTags[node.type] ? `<${blockTags[node.type]}>${inner}</${blockTags[node.type]}>` : inner;
  }
}

/** The SVG of each chart block in document order, and the next to use. */
interface ChartPictures {
  svgs: (string | null)[];
  next: number;
}

/**
 * Rich text as HTML. Chart blocks show their sentence, data table and source; their pictures are the SVGs in
 * `chartSvgs` (see renderRichTextWithCharts), in document order.
 */
export function renderRichText(value: unknown, chartSvgs: (string | null)[] = []): string {
  const nodes = parseDocumentField(value);
  if (typeof nodes === 'string') return `<p>${escape(maskPersonalData(nodes))}</p>`;
  const charts = { svgs: chartSvgs, next: 0 };
  return Array.isArray(nodes) ? (nodes as Node[]).map((node) => renderNode(node, charts)).join('\n') : '';
}

/** The SVG of each chart block of a rich-text value, in document order (null where its data has problems). */
export function chartSvgsOf(value: unknown): Promise<(string | null)[]> {
  return Promise.all(
    chartBlocksOf(value).map(async (input) => {
      const { chart } = publicChart(input);
      return chart ? renderChartSvg(chart) : null;
    }),
  );
}

/** Rich text as HTML with its charts drawn. */
export async function renderRichTextWithCharts(value: unknown): Promise<string> {
  return renderRichText(value, await chartSvgsOf(value));
}
