import { describe, expect, test } from '@jest/globals';
import { chartAltText, chartSummary, parseChart, type Chart, type ChartInput } from '../../../src/platform/charts/table.js';
import { chartPalette, renderChartSvg } from '../../../src/platform/charts/svg.js';
import { renderRichText, renderRichTextWithCharts } from '../../../src/platform/content/render-rich-text.js';
import { chartBlocksOf } from '../../../src/platform/content/chart-blocks.js';
import { chartFigure } from '../../../src/platform/content/rich-html.js';
import { searchTextOf } from '../../../src/platform/content/search-text.js';
import { demoInterpretations } from '../../../src/workflow/seed.js';

const dibao: ChartInput = {
  kind: 'compare',
  title: '2026年城乡低保标准调整（每人每月）',
  unit: '元',
  source: '临沧市民政局社会救助科',
  // As Excel and WPS put it on the clipboard: tabs between cells, CRLF between rows.
  data: '类别\t调整前\t调整后\r\n城市低保标准\t800\t840\r\n农村低保标准\t500\t530\r\n',
};

function parsed(input: ChartInput): Chart {
  const result = parseChart(input);
  if (!result.chart) throw new Error(result.problems.join('；'));
  return result.chart;
}

const block = (props: ChartInput) => chartFigure(props);

describe('N16 chart blocks: a table pasted from a spreadsheet', () => {
  test('a pasted table is read with its header, categories and values in the order typed', () => {
    expect(parsed(dibao).table).toEqual({
      categoryLabel: '类别',
      series: ['调整前', '调整后'],
      rows: [
        { category: '城市低保标准', values: [800, 840] },
        { category: '农村低保标准', values: [500, 530] },
      ],
    });
    // Typed by hand: commas (full-width too), thousands separators in tab mode, full-width digits, the unit after a number.
    expect(parsed({ ...dibao, kind: 'bar', unit: '人', data: '县区，人数\n临翔区，１２００人\n云县，900' }).table.rows).toEqual([
      { category: '临翔区', values: [1200] },
      { category: '云县', values: [900] },
    ]);
    expect(
      parsed({ ...dibao, kind: 'bar', unit: '人', data: '县区\t人数\n临翔区\t12,345\n云县\t5.5%' }).table.rows.map((r) => r.values[0]),
    ).toEqual([12345, 5.5]);
  });

  test('N16: bad tables are refused with what to fix, in Chinese', () => {
    const problems = (input: Partial<ChartInput>) => parseChart({ ...dibao, ...input }).problems;
    expect(problems({ data: '' })[0]).toContain('请粘贴数据表');
    expect(problems({ data: '城市\t800\t840\n农村\t500\t530' })).toContain(
      '第一行应为表头（各列名称），不是数据：请在数据上方加一行列名，例如“类别	调整前	调整后”',
    );
    expect(problems({ data: '类别\t调整前\t调整后\n城市\t800\t约840' })).toEqual(['第 2 行“调整后”列的“约840”不是数字']);
    expect(problems({ data: '类别\t调整前\t调整后\n城市\t800' })).toEqual([
      '第 2 行有 2 列，表头有 3 列：每行的列数应与表头相同',
      '第 2 行“调整后”列的“”不是数字',
    ]);
    expect(problems({ data: '类别\t调整前\n城市\t800' })).toEqual(['两值对比要有正好两列数据（例如“调整前”和“调整后”），收到 1 列']);
    expect(problems({ kind: 'pie', data: '类别\t甲\t乙\n城市\t1\t2\n农村\t3\t4' })[0]).toContain('饼图只能有一列数据');
    expect(problems({ kind: 'line', data: '年份\t标准\n2026年\t840' })).toEqual(['折线图至少要有 2 行数据（例如两个年份）']);
    expect(problems({ title: '', source: '' })).toEqual(['请填写图表标题', '请填写数据来源（例如：市民政局社会救助科）']);
    expect(problems({ kind: 'radar' })[0]).toBe('图表类型应为柱状图、折线图、饼图、两值对比之一');
    expect(problems({ data: '类别\t调整前\t调整后\n城市\t800\t840\n城市\t500\t530' })).toEqual([
      '类别“城市”出现了不止一次：每个类别只占一行',
    ]);
  });

  test('N16: the generated sentence states the main change', () => {
    expect(chartSummary(parsed(dibao))).toBe('城市低保标准由800元提高到840元，增幅5%；农村低保标准由500元提高到530元，增幅6%。');
    expect(chartSummary(parsed({ ...dibao, kind: 'line', data: '年份\t城市低保标准\n2024年\t760\n2025年\t800\n2026年\t840' }))).toBe(
      '城市低保标准由2024年的760元提高到2026年的840元，增幅10.5%。',
    );
    expect(chartSummary(parsed({ ...dibao, kind: 'compare', data: '类别\t去年\t今年\n申请件数\t12\t9' }))).toBe(
      '申请件数由12元降低到9元，降幅25%。',
    );
    expect(
      chartSummary(
        parsed({ ...dibao, kind: 'bar', unit: '万人', data: '对象\t人数\n城市低保对象\t1.06\n农村低保对象\t17.3\n特困人员\t1.2' }),
      ),
    ).toBe('人数最高的是农村低保对象（17.3万人），最低的是城市低保对象（1.06万人）。');
    expect(chartSummary(parsed({ ...dibao, kind: 'pie', unit: '人', data: '对象\t人数\n甲\t30\n乙\t10' }))).toBe(
      '合计40人，其中甲最多，为30人，占75%。',
    );
  });

  test('N16: the text alternative lists every value, with the sentence and the source', () => {
    const chart = parsed(dibao);
    const alt = chartAltText(chart);
    for (const row of chart.table.rows) {
      expect(alt).toContain(row.category);
      for (const value of row.values) expect(alt).toContain(`${value}元`);
    }
    expect(alt).toBe(
      '两值对比“2026年城乡低保标准调整（每人每月）”。城市低保标准由800元提高到840元，增幅5%；农村低保标准由500元提高到530元，增幅6%。数据：城市低保标准：调整前800元，调整后840元；农村低保标准：调整前500元，调整后530元。数据来源：临沧市民政局社会救助科。',
    );
  });
});

describe('N16 charts drawn on the server', () => {
  test('the same chart renders to identical SVG bytes on two runs, with its Chinese labels', async () => {
    for (const kind of ['bar', 'line', 'pie', 'compare'] as const) {
      const chart = parsed({ ...dibao, kind, data: kind === 'pie' ? '对象\t人数\n城市低保对象\t1.06\n农村低保对象\t17.3' : dibao.data });
      const first = await renderChartSvg(chart);
      const second = await renderChartSvg(chart);
      expect(second).toBe(first);
      expect(first.startsWith('<svg')).toBe(true);
      expect(first).toContain('城市低保标准'.slice(0, kind === 'pie' ? 2 : 6));
      expect(first).toContain('数据来源：临沧市民政局社会救助科');
      // Nothing fetched, no script, no ids to clash when two charts share a page.
      expect(first).not.toMatch(/<script|href="http|xlink:href|\sid="/);
      // No English: Vega's own labels of marks and guides are left out (the page gives the text alternative).
      expect(first).not.toMatch(/aria-label|aria-roledescription/);
    }
  });

  test('N16: a line chart of several series names each line in a legend (colour, marker and dash); one series needs none', async () => {
    const legendLabels = (svg: string) => [...svg.matchAll(/role-legend-label"[^>]*><text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    const two = await renderChartSvg(parsed({ ...dibao, kind: 'line' }));
    expect(two).toContain('role-legend');
    expect(legendLabels(two).length).toBe(2);
    expect(legendLabels(two).join('|')).toMatch(/调整前.*\|.*调整后/);
    const one = await renderChartSvg(parsed({ ...dibao, kind: 'line', data: '类别\t调整后\n城市低保标准\t840\n农村低保标准\t530' }));
    expect(one).not.toContain('role-legend');
  });

  test('text in a chart is escaped in the SVG', async () => {
    const svg = await renderChartSvg(
      parsed({ ...dibao, title: '<script>alert(1)</script>', data: '类别\t调整前\t调整后\n<b>城市</b>\t800\t840' }),
    );
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;script&gt;');
  });

  test('series colours stay apart in greyscale and stand out against white (WCAG 1.4.11)', () => {
    const channel = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    const luminance = (hex: string) => {
      const n = parseInt(hex.slice(1), 16);
      return 0.2126 * channel(n >> 16) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
    };
    const ratio = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const levels = chartPalette.map(luminance);
    for (const level of levels) expect(ratio(level, 1)).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < levels.length; i++)
      for (let j = i + 1; j < levels.length; j++) expect(ratio(levels[i], levels[j])).toBeGreaterThanOrEqual(1.2);
    // Neighbours (the two values of a comparison, the first series of a chart) differ most.
    expect(ratio(levels[0], levels[1])).toBeGreaterThanOrEqual(3);
  });

  test('a chart block in rich text shows its picture, sentence, data table and source; a broken one says what to fix', async () => {
    const body = '<p>问：调整了多少？</p>' + block(dibao) + block({ ...dibao, data: '类别\t调整前\t调整后\n城市\t800\t?' });
    const html = await renderRichTextWithCharts(body);
    expect(html).toContain(
      '<figure class="chart"><figcaption class="chart-title visually-hidden">2026年城乡低保标准调整（每人每月）</figcaption><div class="chart-image" aria-hidden="true"><svg',
    );
    expect(html).toContain('<p class="chart-summary">城市低保标准由800元提高到840元，增幅5%；农村低保标准由500元提高到530元，增幅6%。</p>');
    expect(html).toContain(
      '<thead><tr><th scope="col">类别</th><th scope="col">调整前（元）</th><th scope="col">调整后（元）</th></tr></thead><tbody><tr><th scope="row">城市低保标准</th><td>800</td><td>840</td></tr>',
    );
    expect(html).toContain('<p class="chart-source">数据来源：临沧市民政局社会救助科</p>');
    expect(html).toContain(
      '<div class="chart-invalid" role="note"><p>图表数据有误，发布前须修改：</p><ul><li>第 2 行“调整后”列的“?”不是数字</li></ul></div>',
    );
    // Without pictures (where no SVG is drawn) the text alternative stands alone.
    expect(renderRichText(body)).not.toContain('<svg');
    expect(renderRichText(body)).toContain('<table>');
  });

  test('a chart is found by search through its title, sentence and figures; a withheld one is not (S1)', () => {
    const text = searchTextOf({ title: '低保标准调整', disclosure: 'proactive', body: block(dibao) });
    expect(text).toContain('城市低保标准由800元提高到840元，增幅5%');
    expect(text).toContain('农村低保标准：调整前500元，调整后530元');
    expect(searchTextOf({ title: '测算', disclosure: 'redacted', body: block(dibao), redactedBody: '' })).not.toContain('低保');
  });

  test('N15: personal data in a chart is masked on the page', async () => {
    const html = await renderRichTextWithCharts(
      block({ ...dibao, title: '联系人13912345678', data: '类别\t调整前\t调整后\n城市\t800\t840' }),
    );
    expect(html).not.toContain('13912345678');
    expect(html).toContain('139****5678');
  });

  test('the demo 图解 carries two charts drawn from its own figures', () => {
    const jd = demoInterpretations.find((i) => i.key === 'dibao-standard-2026-jd')!;
    const charts = jd.charts ?? [];
    expect(charts.map((c) => c.kind)).toEqual(['compare', 'bar']);
    const text = jd.paragraphs.join('');
    for (const chart of charts) {
      const { table } = parsed(chart);
      for (const row of table.rows) for (const value of row.values) expect(text).toContain(`${value}`);
    }
    expect(chartBlocksOf(charts.map(block).join(''))).toHaveLength(2);
  });
});
