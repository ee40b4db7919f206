import { list } from '@keystone-6/core';
import type { ListTypeInfo } from '../../../platform/db/prisma.js';
import { integer, json, text } from '@keystone-6/core/fields';
import { byRole, seesWholeBureau } from '../../../platform/access/roles.js';
import { readOnly } from '../../../platform/admin-ui/ui-modes.js';

export const readsVisits = byRole(seesWholeBureau);

// 访问统计 (N17): one row per China day, aggregated from the access log (src/site/visits/); no address or
// visitor hash is kept. Written only by the daily job and `gongkai visits import`; no API changes it.
export const VisitDay = list<ListTypeInfo<'VisitDay'>>({
  graphql: { omit: { create: true, update: true, delete: true } },
  access: { operation: { query: readsVisits, create: () => false, update: () => false, delete: () => false } },
  ui: {
    label: '访问统计',
    singular: '访问统计',
    plural: '访问统计',
    labelField: 'day',
    hideCreate: true,
    hideDelete: true,
    listView: { initialColumns: ['day', 'pageViews', 'uniqueVisitors'], initialSort: { field: 'day', direction: 'DESC' }, pageSize: 50 },
  },
  fields: {
    day: text({ isIndexed: 'unique', validation: { isRequired: true }, ui: { label: '日期', ...readOnly } }),
    pageViews: integer({ defaultValue: 0, validation: { isRequired: true }, ui: { label: '访问量（页面浏览）', ...readOnly } }),
    uniqueVisitors: integer({ defaultValue: 0, validation: { isRequired: true }, ui: { label: '独立访客', ...readOnly } }),
    topPages: json({ ui: { label: '访问最多的页面', ...readOnly } }),
    topSearchTerms: json({ ui: { label: '搜索最多的词', ...readOnly } }),
  },
});
