import { createElement as h } from 'react';
import { component, fields, NotEditable } from '@keystone-6/fields-document/component-blocks';
import { chartKindOptions, chartSummary, parseChart } from '../src/platform/charts/table.ts';

/*
 * Blocks an editor inserts into the body of a document or an interpretation (the rich-text editor's “+”
 * menu). Read by the server (to validate what is saved) and by the Admin UI (to edit it); the public site
 * draws the charts (src/platform/charts/). Written without JSX so that the server and the tests load it as plain
 * TypeScript.
 */

const previewBox = { border: '1px solid #c4c9d0', borderRadius: 6, padding: '12px 16px', background: '#f7f9fb' };

export const componentBlocks = {
  // 图表: a small table typed or pasted from Excel/WPS, drawn as a chart on the site.
  chart: component({
    label: '图表（由数据生成）',
    schema: {
      kind: fields.select({ label: '图表类型', options: chartKindOptions, defaultValue: 'compare' }),
      title: fields.text({ label: '图表标题' }),
      unit: fields.text({ label: '单位（如：元、人、%）' }),
      source: fields.text({ label: '数据来源' }),
      data: fields.text({
        label: '数据表：从 Excel 或 WPS 复制粘贴，第一行为表头（类别、各数据列名称），以下每行一个类别',
        displayMode: 'textarea',
      }),
    },
    preview: (props) => {
      const { kind, title, unit, source, data } = props.fields;
      const parsed = parseChart({ kind: kind.value, title: title.value, unit: unit.value, source: source.value, data: data.value });
      const label = chartKindOptions.find((o) => o.value === kind.value)?.label ?? '图表';
      return h(
        NotEditable,
        null,
        h(
          'div',
          { style: previewBox },
          h('strong', null, `${label}：${title.value || '（未填写标题）'}`),
          parsed.chart
            ? h(
                'p',
                { style: { margin: '8px 0 0' } },
                `${parsed.chart.table.rows.length} 行数据，网站将自动生成图表和数据表。要点：${chartSummary(parsed.chart)}`,
              )
            : h(
                'ul',
                { style: { margin: '8px 0 0', color: '#a40e26' }, 'aria-label': '需要修改' },
                parsed.problems.map((problem) => h('li', { key: problem }, problem)),
              ),
          h('p', { style: { margin: '8px 0 0', color: '#57606a' } }, '用此块工具栏中的编辑按钮填写或修改图表数据'),
        ),
      );
    },
  }),
};
