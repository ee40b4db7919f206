import { list } from '@keystone-6/core';
import type { ListTypeInfo } from '../../platform/db/prisma.js';
import { checkbox, integer, json, relationship, text, timestamp } from '@keystone-6/core/fields';
import { signedIn } from '../../platform/access/roles.js';
import { annualReportActions, editsAnnualReports } from '../annual-report-actions.js';
import { hiddenEverywhere, readOnly } from '../../platform/admin-ui/ui-modes.js';
// Registers the 待办 of the annual report (N14) with the task page.

const count = (label: string) =>
  integer<ListTypeInfo<'AnnualReport'>>({ ui: { label }, defaultValue: 0, validation: { isRequired: true, min: 0 } });
const caseCounts = (prefix: string, what: string) => ({
  [`${prefix}Upheld`]: count(`${what}：结果维持`),
  [`${prefix}Corrected`]: count(`${what}：结果纠正`),
  [`${prefix}Other`]: count(`${what}：其他结果`),
  [`${prefix}Pending`]: count(`${what}：尚未审结`),
});

// 政府信息公开工作年度报告 (N14): one per year; texts and the figures the data cannot give are typed in,
// the tables are computed (重新生成) and published with the check passed (发布) by 31 January.
// Written only by 重新生成 and 发布, which check the tables first (N14): never by a plain edit.
const byActionsOnly = { create: () => false, update: () => false };

export const AnnualReport = list<ListTypeInfo<'AnnualReport'>>({
  access: {
    operation: { query: signedIn, create: editsAnnualReports, update: editsAnnualReports, delete: editsAnnualReports },
  },
  actions: annualReportActions(),
  ui: {
    label: '年度报告',
    singular: '年度报告',
    plural: '政府信息公开工作年度报告',
    labelField: 'title',
    listView: {
      initialColumns: ['year', 'checkPassed', 'generatedAt', 'publishedAt', 'publicationNote'],
      initialSort: { field: 'year', direction: 'DESC' },
    },
  },
  fields: {
    year: integer({ ui: { label: '年度' }, isIndexed: 'unique', validation: { isRequired: true, min: 2008, max: 9999 } }),
    title: text({ ui: { label: '标题', ...readOnly }, graphql: { omit: { create: true, update: true } } }),
    overview: text({
      ui: {
        label: '一、总体情况',
        displayMode: 'textarea',
        description: '主动公开、依申请公开、政府信息管理、平台建设、监督保障等情况；分段请换行',
      },
    }),
    licensing: count('第二十条第（五）项：行政许可处理决定数量'),
    penalty: count('第二十条第（六）项：行政处罚处理决定数量'),
    enforcement: count('第二十条第（六）项：行政强制处理决定数量'),
    feesTenThousandYuan: text({
      ui: { label: '第二十条第（八）项：行政事业性收费金额（万元）' },
      defaultValue: '0',
      validation: {
        isRequired: true,
        match: { regex: /^\d{1,9}(\.\d{1,4})?$/, explanation: '收费金额以万元为单位，填写数字，最多四位小数，例如 0 或 1.25' },
      },
    }),
    ...caseCounts('review', '行政复议'),
    ...caseCounts('litigationDirect', '行政诉讼（未经复议直接起诉）'),
    ...caseCounts('litigationAfterReview', '行政诉讼（复议后起诉）'),
    problems: text({ ui: { label: '五、存在的主要问题及改进情况', displayMode: 'textarea' } }),
    otherMatters: text({
      ui: { label: '六、其他需要报告的事项', displayMode: 'textarea', description: '例如：信息处理费收取情况、绩效考核情况' },
    }),
    checkPassed: checkbox({ access: byActionsOnly, defaultValue: false, ui: { label: '校验通过', ...readOnly } }),
    checkResult: text({ access: byActionsOnly, ui: { label: '校验结果', displayMode: 'textarea', ...readOnly } }),
    generatedAt: timestamp({ access: byActionsOnly, ui: { label: '生成时间', ...readOnly } }),
    // The whole computed report as published: the public page renders exactly this.
    snapshot: json({ access: byActionsOnly, ui: { label: '表格数据', ...hiddenEverywhere } }),
    publishedAt: timestamp({ access: byActionsOnly, ui: { label: '发布时间', ...readOnly } }),
    publishedBy: relationship({ access: byActionsOnly, ref: 'User', ui: { label: '发布人', ...readOnly } }),
    publicationNote: text({ access: byActionsOnly, ui: { label: '公布时限', ...readOnly } }),
  },
  hooks: {
    resolveInput: ({ resolvedData, item }) => {
      const year = resolvedData.year ?? item?.year;
      return year ? { ...resolvedData, title: `${year}年政府信息公开工作年度报告` } : resolvedData;
    },
    validate: async ({ operation, resolvedData, item, context, addValidationError }) => {
      // What the public reads must not change under it: a published report is final.
      if (operation !== 'create' && item?.publishedAt) addValidationError('年度报告已发布，不能修改或删除');
      const year = resolvedData?.year;
      if (
        operation !== 'delete' &&
        // Keystone resolves an integer field to a number (Prisma's type also allows update operations).
        typeof year === 'number' &&
        year !== item?.year &&
        (await context.sudo().prisma.annualReport.count({ where: { year } }))
      )
        addValidationError(`${year}年度的年度报告已存在`);
    },
  },
});
