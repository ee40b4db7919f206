/**
 * Chart blocks (图表) as data: the small table an editor pastes from Excel or WPS, checked for the chart kind
 * chosen, and the texts that go with the picture — the data table as its text alternative and a sentence that
 * states the main change (N16: a chart is not only a picture). Pure: no imports, so the Admin UI's editor
 * preview uses it as is.
 */

/** 图表类型 */
export const chartKindOptions = [
  { value: 'bar', label: '柱状图' },
  { value: 'line', label: '折线图' },
  { value: 'pie', label: '饼图' },
  { value: 'compare', label: '两值对比' },
] as const;
export type ChartKind = (typeof chartKindOptions)[number]['value'];

/** What the editor typed into a chart block (all text, as the rich-text editor stores it). */
export interface ChartInput {
  kind?: unknown;
  title?: unknown;
  unit?: unknown;
  source?: unknown;
  data?: unknown;
}

export interface ChartRow {
  category: string;
  values: number[];
}
export interface ChartTable {
  /** The header of the first column (类别、年份…), possibly empty. */
  categoryLabel: string;
  /** The headers of the value columns. */
  series: string[];
  rows: ChartRow[];
}
export interface Chart {
  kind: ChartKind;
  title: string;
  /** 单位, e.g. 元, 人, %. */
  unit: string;
  /** 数据来源 */
  source: string;
  table: ChartTable;
}

export type ParsedChart = { chart: Chart; problems: [] } | { chart: null; problems: string[] };

export const chartLimits = { titleMax: 60, unitMax: 20, sourceMax: 120, rowsMax: 40, seriesMax: 4, pieSlicesMax: 6, compareRowsMax: 8 };

const kindLabel = (kind: ChartKind) => chartKindOptions.find((o) => o.value === kind)!.label;
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * The cells of a pasted table. Excel and WPS put a tab between cells; a table typed by hand may use commas
 * (then a number cannot carry a thousands separator) or runs of spaces.
 */
function cellsOf(lines: string[]): string[][] {
  if (lines.some((line) => line.includes('\t'))) return lines.map((line) => line.split('\t').map((cell) => cell.trim()));
  if (lines.some((line) => /[,，]/.test(line))) return lines.map((line) => line.split(/[,，]/).map((cell) => cell.trim()));
  return lines.map((line) => line.trim().split(/\s+/));
}

/** A number as typed in a spreadsheet cell: 840, 1,092, 5.5%, 840元 (with the chart's unit), full-width digits. */
function numberOf(cell: string, unit: string): number | null {
  // NFKC: full-width digits, commas and percent signs typed with a Chinese input method become ASCII.
  let value = cell.normalize('NFKC').replace(/\s+/g, '');
  const ownUnit = unit.normalize('NFKC');
  if (ownUnit && value.endsWith(ownUnit)) value = value.slice(0, -ownUnit.length);
  if (value.endsWith('%')) value = value.slice(0, -1);
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(value)) value = value.replace(/,/g, '');
  return /^-?(\d+(\.\d+)?|\.\d+)$/.test(value) ? Number(value) : null;
}

/** Reads and checks a chart block; every problem is a Chinese sentence saying what to fix. */
export function parseChart(input: ChartInput): ParsedChart {
  const problems: string[] = [];
  const kind = chartKindOptions.find((o) => o.value === input.kind)?.value;
  if (!kind) problems.push(`图表类型应为${chartKindOptions.map((o) => o.label).join('、')}之一`);
  const title = text(input.title);
  const unit = text(input.unit);
  const source = text(input.source);
  if (!title) problems.push('请填写图表标题');
  if (title.length > chartLimits.titleMax) problems.push(`图表标题不超过 ${chartLimits.titleMax} 个字`);
  if (unit.length > chartLimits.unitMax) problems.push(`单位不超过 ${chartLimits.unitMax} 个字`);
  if (!source) problems.push('请填写数据来源（例如：市民政局社会救助科）');
  if (source.length > chartLimits.sourceMax) problems.push(`数据来源不超过 ${chartLimits.sourceMax} 个字`);

  const lines = text(input.data)
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim());
  if (lines.length < 2) {
    problems.push('请粘贴数据表：第一行为表头（类别名称、各数据列名称），以下每行一个类别及其数值，可直接从 Excel 或 WPS 表格复制');
    return { chart: null, problems };
  }
  const [header, ...body] = cellsOf(lines);
  const series = header.slice(1);
  if (series.length === 0) problems.push('表头至少要有两列：第一列为类别，其后为数据列');
  if (series.length > 0 && series.every((name) => numberOf(name, unit) !== null)) {
    problems.push('第一行应为表头（各列名称），不是数据：请在数据上方加一行列名，例如“类别	调整前	调整后”');
  }
  if (series.some((name) => !name)) problems.push('表头中每个数据列都要有名称');
  if (series.length > chartLimits.seriesMax) problems.push(`数据列不超过 ${chartLimits.seriesMax} 列（收到 ${series.length} 列）`);
  if (body.length > chartLimits.rowsMax) problems.push(`数据不超过 ${chartLimits.rowsMax} 行（收到 ${body.length} 行）`);
  const rows: ChartRow[] = [];
  body.forEach((cells, index) => {
    const line = index + 2;
    const category = cells[0] ?? '';
    if (!category) problems.push(`第 ${line} 行第 1 列缺少类别名称`);
    if (cells.length !== header.length)
      problems.push(`第 ${line} 行有 ${cells.length} 列，表头有 ${header.length} 列：每行的列数应与表头相同`);
    const values: number[] = [];
    series.forEach((name, column) => {
      const cell = cells[column + 1] ?? '';
      const value = numberOf(cell, unit);
      if (value === null) problems.push(`第 ${line} 行“${name}”列的“${cell}”不是数字`);
      else values.push(value);
    });
    rows.push({ category, values });
  });
  const categories = rows.map((row) => row.category).filter(Boolean);
  const repeated = categories.find((category, i) => categories.indexOf(category) !== i);
  if (repeated) problems.push(`类别“${repeated}”出现了不止一次：每个类别只占一行`);

  if (kind && problems.length === 0) problems.push(...kindProblems(kind, series, rows));
  if (problems.length || !kind) return { chart: null, problems };
  return { chart: { kind, title, unit, source, table: { categoryLabel: header[0] ?? '', series, rows } }, problems: [] };
}

function kindProblems(kind: ChartKind, series: string[], rows: ChartRow[]): string[] {
  const label = kindLabel(kind);
  switch (kind) {
    case 'pie': {
      const problems: string[] = [];
      if (series.length !== 1) problems.push(`饼图只能有一列数据（收到 ${series.length} 列）：各部分占整体的比例`);
      if (rows.length < 2 || rows.length > chartLimits.pieSlicesMax)
        problems.push(`饼图要有 2 至 ${chartLimits.pieSlicesMax} 个部分（收到 ${rows.length} 个）；部分更多时请用柱状图`);
      if (rows.some((row) => row.values.some((v) => v < 0))) problems.push('饼图的数值不能为负数');
      else if (rows.every((row) => row.values.every((v) => v === 0))) problems.push('饼图的数值不能全为 0');
      return problems;
    }
    case 'compare':
      if (series.length !== 2) return [`两值对比要有正好两列数据（例如“调整前”和“调整后”），收到 ${series.length} 列`];
      if (rows.length > chartLimits.compareRowsMax) return [`两值对比不超过 ${chartLimits.compareRowsMax} 行（收到 ${rows.length} 行）`];
      return [];
    case 'line':
      return rows.length < 2 ? [`${label}至少要有 2 行数据（例如两个年份）`] : [];
    case 'bar':
      return [];
  }
}

// ---- Texts ----

/** A number as it reads in a Chinese sentence: no thousands separators, at most two decimals. */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

const withUnit = (value: number, unit: string) => `${formatNumber(value)}${unit}`;

/** 由800元提高到840元，增幅5% — from `a` to `b`. */
function change(a: number, b: number, unit: string, from = '', to = ''): string {
  if (a === b) return `${from}${from ? '和' : ''}${to}均为${withUnit(a, unit)}，保持不变`;
  const up = b > a;
  const moved = `由${from}${withUnit(a, unit)}${up ? '提高' : '降低'}到${to}${withUnit(b, unit)}`;
  if (a === 0 || unit === '%') return moved;
  const percent = Math.round((Math.abs(b - a) / Math.abs(a)) * 1000) / 10;
  return `${moved}，${up ? '增幅' : '降幅'}${formatNumber(percent)}%`;
}

/**
 * The sentence that states what the chart shows, e.g. “城市低保标准由800元提高到840元，增幅5%”: for a
 * comparison each row's change, for a line each series from the first to the last category, for bars the
 * highest and the lowest, for a pie the largest share.
 */
export function chartSummary(chart: Chart): string {
  const { kind, unit, table } = chart;
  const { rows, series } = table;
  const name = (column: number) => (series.length > 1 ? series[column] : series[column] || chart.title);
  const sentences: string[] = [];
  if (kind === 'compare') {
    for (const row of rows) sentences.push(`${row.category}${change(row.values[0], row.values[1], unit)}`);
  } else if (kind === 'line') {
    const first = rows[0];
    const last = rows[rows.length - 1];
    series.forEach((_, column) => {
      sentences.push(
        `${name(column)}${change(first.values[column], last.values[column], unit, `${first.category}的`, `${last.category}的`)}`,
      );
    });
  } else if (kind === 'bar') {
    series.forEach((_, column) => {
      const sorted = [...rows].sort((a, b) => b.values[column] - a.values[column]);
      const high = sorted[0];
      const low = sorted[sorted.length - 1];
      sentences.push(
        rows.length === 1
          ? `${name(column)}：${high.category}为${withUnit(high.values[column], unit)}`
          : `${name(column)}最高的是${high.category}（${withUnit(high.values[column], unit)}），最低的是${low.category}（${withUnit(low.values[column], unit)}）`,
      );
    });
  } else {
    const total = rows.reduce((sum, row) => sum + row.values[0], 0);
    const largest = [...rows].sort((a, b) => b.values[0] - a.values[0])[0];
    sentences.push(
      `合计${withUnit(total, unit)}，其中${largest.category}最多，为${withUnit(largest.values[0], unit)}，占${formatNumber(Math.round((largest.values[0] / total) * 1000) / 10)}%`,
    );
  }
  return `${sentences.join('；')}。`;
}

/**
 * The chart as text, listing every value: the alternative of the picture where no table can stand beside it
 * (the alt text of the image in feeds).
 */
export function chartAltText(chart: Chart): string {
  const { table, unit } = chart;
  const values = table.rows.map((row) =>
    table.series.length === 1
      ? `${row.category}${withUnit(row.values[0], unit)}`
      : `${row.category}：${table.series.map((name, i) => `${name}${withUnit(row.values[i], unit)}`).join('，')}`,
  );
  return `${kindLabel(chart.kind)}“${chart.title}”。${chartSummary(chart)}数据：${values.join('；')}。数据来源：${chart.source}。`;
}

/** The column header of a value column with its unit, for the data table: 调整前（元）. */
export function seriesHeader(chart: Chart, column: number): string {
  const name = chart.table.series[column];
  return chart.unit ? `${name}（${chart.unit}）` : name;
}
