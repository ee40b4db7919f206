import { list } from '@keystone-6/core';
import type { ListTypeInfo } from '../../platform/db/prisma.js';
import { checkbox, integer, json, relationship, select, text, timestamp } from '@keystone-6/core/fields';
import type { BaseFields, BaseListTypeInfo } from '@keystone-6/core/types';
import { signedIn } from '../../platform/access/roles.js';
import { editsWebsiteReports, websiteReportActions } from '../website-report-actions.js';
import { websiteReportEntries, type EntrySpec } from '../core/website-report.js';
import { hiddenEverywhere, readOnly } from '../../platform/admin-ui/ui-modes.js';

// Written only by 重新生成 and 发布: never by a plain edit.
const byActionsOnly = { create: () => false, update: () => false };

const yesNoOptions = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
];

/** The fields people fill in, from the report's own list (N17), so the form and the check agree. */
function entryField(e: EntrySpec) {
  const ui = { label: e.required ? `${e.label}（必填）` : e.label, ...(e.description ? { description: e.description } : {}) };
  if (e.kind === 'count') return integer({ ui, validation: { min: 0 } });
  if (e.kind === 'yesNo') return select({ ui, type: 'string', options: yesNoOptions, db: { isNullable: true } });
  return text({ ui: e.key === 'innovation' ? { ...ui, displayMode: 'textarea' as const } : ui });
}

const entryFields = Object.fromEntries(websiteReportEntries.map((e) => [e.key, entryField(e)])) as BaseFields<BaseListTypeInfo>;

// 网站工作年度报表 (N17, 国办函〔2018〕12号): one per year; separate from the 政府信息公开工作年度报告 (N14).
export const WebsiteAnnualReport = list<ListTypeInfo<'WebsiteAnnualReport'>>({
  access: {
    operation: { query: signedIn, create: editsWebsiteReports, update: editsWebsiteReports, delete: editsWebsiteReports },
  },
  actions: websiteReportActions(),
  ui: {
    label: '网站年度报表',
    singular: '网站工作年度报表',
    plural: '网站工作年度报表',
    labelField: 'title',
    listView: {
      initialColumns: ['year', 'complete', 'generatedAt', 'publishedAt', 'publicationNote'],
      initialSort: { field: 'year', direction: 'DESC' },
    },
  },
  fields: {
    year: integer({ ui: { label: '年度' }, isIndexed: 'unique', validation: { isRequired: true, min: 2008, max: 9999 } }),
    title: text({ ui: { label: '标题', ...readOnly }, graphql: { omit: { create: true, update: true } } }),
    ...entryFields,
    complete: checkbox({ access: byActionsOnly, defaultValue: false, ui: { label: '必填数据齐全', ...readOnly } }),
    checkResult: text({ access: byActionsOnly, ui: { label: '检查结果', displayMode: 'textarea', ...readOnly } }),
    generatedAt: timestamp({ access: byActionsOnly, ui: { label: '生成时间', ...readOnly } }),
    // The report as published: the public page renders exactly this.
    snapshot: json({ access: byActionsOnly, ui: { label: '报表数据', ...hiddenEverywhere } }),
    publishedAt: timestamp({ access: byActionsOnly, ui: { label: '发布时间', ...readOnly } }),
    publishedBy: relationship({ access: byActionsOnly, ref: 'User', ui: { label: '发布人', ...readOnly } }),
    publicationNote: text({ access: byActionsOnly, ui: { label: '公布时限', ...readOnly } }),
  },
  hooks: {
    resolveInput: ({ resolvedData, item }) => {
      const year = resolvedData.year ?? item?.year;
      return year ? { ...resolvedData, title: `${year}年度政府网站工作年度报表` } : resolvedData;
    },
    validate: async ({ operation, resolvedData, item, context, addValidationError }) => {
      if (operation !== 'create' && item?.publishedAt) addValidationError('网站工作年度报表已发布，不能修改或删除');
      const year = resolvedData?.year;
      if (
        operation !== 'delete' &&
        // Keystone resolves an integer field to a number (Prisma's type also allows update operations).
        typeof year === 'number' &&
        year !== item?.year &&
        (await context.sudo().prisma.websiteAnnualReport.count({ where: { year } }))
      )
        addValidationError(`${year}年度的网站工作年度报表已存在`);
    },
  },
});
