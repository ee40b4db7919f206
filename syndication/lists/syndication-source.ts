import { list } from '@keystone-6/core';
import { g } from '../../src/platform/db/g.js';
import type { ListTypeInfo } from '../../src/platform/db/prisma.js';
import { checkbox, integer, json, relationship, select, text, timestamp, virtual } from '@keystone-6/core/fields';
import { managesSite, signedIn } from '../../src/platform/access/roles.js';
import {
  ADAPTERS,
  ADAPTER_LABELS,
  DEFAULT_FEED_CONTENT,
  FEED_CONTENT_LABELS,
  FEED_CONTENT_MODES,
  POLICIES,
  POLICY_LABELS,
  SOURCE_LEVELS,
  SOURCE_LEVEL_LABELS,
} from '../core/source-config.js';
import { configProblems, type SourceItem } from '../source-item.js';
import { SOURCE_HEALTH_LABELS, sourceHealth } from '../core/run.js';
import { sourceActions } from '../keystone-actions.js';
import { DEFAULT_SCHEDULE } from '../core/schedule.js';
import { readOnly } from '../../src/platform/admin-ui/ui-modes.js';
import { itemAfter } from '../../src/platform/db/item-after.js';

// Fields a syndication run writes: no API input, so nobody fakes a source's health or its items.
const byRunsOnly = { graphql: { omit: { create: true, update: true } } };

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

// 转载来源 (S9): where reprints come from, as data the info-construction section keeps current.
export const SyndicationSource = list<ListTypeInfo<'SyndicationSource'>>({
  access: {
    operation: { query: signedIn, create: managesSite, update: managesSite, delete: managesSite },
  },
  actions: sourceActions(),
  ui: {
    label: '转载来源',
    singular: '转载来源',
    plural: '转载来源',
    labelField: 'name',
    listView: {
      initialColumns: ['name', 'level', 'enabled', 'health', 'lastSuccessAt', 'consecutiveFailures', 'lastError', 'itemsNew'],
      initialSort: { field: 'name', direction: 'ASC' },
    },
  },
  fields: {
    key: text({
      isIndexed: 'unique',
      validation: { isRequired: true },
      ui: { label: '标识', description: '小写字母、数字和连字符；用于去重，建立后不要修改' },
    }),
    name: text({
      validation: { isRequired: true },
      ui: { label: '来源名称', description: '显示为转载文件的“来源”，例如：中国政府网·最新政策' },
    }),
    level: select({
      type: 'string',
      options: options(SOURCE_LEVELS, SOURCE_LEVEL_LABELS),
      validation: { isRequired: true },
      ui: { label: '来源级别' },
    }),
    adapter: select({
      type: 'string',
      options: options(ADAPTERS, ADAPTER_LABELS),
      validation: { isRequired: true },
      ui: { label: '采集方式' },
    }),
    listUrls: text({
      validation: { isRequired: true },
      ui: { label: '列表地址', displayMode: 'textarea', description: '每行一个 http(s) 网址' },
    }),
    // Explained selector by selector, in plain words with examples, for the chosen 采集方式.
    selectors: json({ ui: { label: '字段名与选择器', views: './admin/fields/source-selectors' } }),
    feedContent: select({
      type: 'string',
      options: options(FEED_CONTENT_MODES, FEED_CONTENT_LABELS),
      defaultValue: DEFAULT_FEED_CONTENT,
      validation: { isRequired: true },
      ui: {
        label: '订阅源全文',
        description:
          '仅对 RSS/Atom 订阅源：条目自带全文（content:encoded）时何时用它作正文。详情页仍可用时，文号、发文机关和日期仍取自详情页',
      },
    }),
    charset: text({ ui: { label: '字符集', description: '留空则自动识别；上游声明有误时填写，例如 GBK' } }),
    // 试采集: the panel that previews the form's values (mutation trySyndicationSource), shown to those who
    // may edit sources. It has no value of its own: it is the panel's place in the form.
    tryPreview: virtual({
      field: g.field({ type: g.String, resolve: () => null }),
      ui: {
        label: '试采集',
        description:
          '按表单中当前的采集方式、列表地址、选择器和字符集采集一次（不保存、不启用），查看能得到的标题、网址、日期、文号、发文机关和第 1 条的正文',
        views: './admin/fields/source-try',
        createView: { fieldMode: (args) => (managesSite(args) ? 'edit' : 'hidden') },
        itemView: { fieldMode: (args) => (managesSite(args) ? 'read' : 'hidden') },
        listView: { fieldMode: 'hidden' },
      },
    }),
    // Chosen from plain choices (每天 8:00 …) and stored as their cron expression; cron itself only under
    // 自定义（高级）. Rows saved before keep their expression and show as the choice it matches.
    schedule: text({
      defaultValue: DEFAULT_SCHEDULE,
      validation: { isRequired: true },
      ui: { label: '采集计划', views: './admin/fields/source-schedule' },
    }),
    targetColumn: relationship({ ref: 'Column', ui: { label: '目标栏目' } }),
    policy: select({
      type: 'string',
      options: options(POLICIES, POLICY_LABELS),
      defaultValue: 'review',
      validation: { isRequired: true },
      ui: { label: '发布策略' },
    }),
    enabled: checkbox({
      defaultValue: false,
      ui: { label: '启用', description: '启用后按采集计划自动采集。本机无法访问互联网时请保持停用，否则每次采集都会失败' },
    }),
    allowedHosts: text({
      ui: {
        label: '允许的域名',
        displayMode: 'textarea',
        description: '条目链接只能指向这些域名（及其子域名），每行一个；留空则取列表地址的域名',
      },
    }),
    maxItems: integer({ defaultValue: 30, validation: { isRequired: true, min: 1, max: 500 }, ui: { label: '每次最多采集条数' } }),
    verified: checkbox({ defaultValue: false, ui: { label: '已核实', description: '网址和选择器已对照上游网站核实' } }),
    note: text({ ui: { label: '备注', displayMode: 'textarea' } }),
    // Health, kept by each run (shown to the info-construction section); the runs' alone, never typed.
    // 运行状况: the library's reading of the run state, in one word for the list.
    health: virtual({
      field: g.field({
        type: g.String,
        resolve: (item) =>
          SOURCE_HEALTH_LABELS[
            sourceHealth({
              lists: {},
              lastRunAt: (item.lastRunAt as Date | null) ?? undefined,
              consecutiveFailures: Number(item.consecutiveFailures ?? 0),
            })
          ],
      }),
      ui: { label: '运行状况', description: '尚未运行、正常、暂时失败（稍后自动重试）或持续失败（请检查列表地址和选择器）', ...readOnly },
    }),
    lastRunAt: timestamp({ ...byRunsOnly, ui: { label: '最近采集', ...readOnly } }),
    lastSuccessAt: timestamp({ ...byRunsOnly, ui: { label: '最近成功', ...readOnly } }),
    lastError: text({ ...byRunsOnly, ui: { label: '最近错误', ...readOnly } }),
    lastWarning: text({
      ...byRunsOnly,
      ui: { label: '最近警告', description: '上次采集容错读取的问题（例如订阅源格式错误、详情页不可用而使用了订阅源全文）', ...readOnly },
    }),
    failureAlertedAt: timestamp({
      ...byRunsOnly,
      ui: { label: '失败告警时间', description: '连续失败 3 次或列表变空时告警一次，恢复后清除', ...readOnly },
    }),
    consecutiveFailures: integer({ ...byRunsOnly, defaultValue: 0, ui: { label: '连续失败次数', ...readOnly } }),
    nextAttemptAfter: timestamp({ ...byRunsOnly, ui: { label: '退避至', ...readOnly } }),
    itemsSeen: integer({ ...byRunsOnly, defaultValue: 0, ui: { label: '上次发现条数', ...readOnly } }),
    itemsNew: integer({ ...byRunsOnly, defaultValue: 0, ui: { label: '上次新增条数', ...readOnly } }),
    runState: json({ ...byRunsOnly, ui: { label: '采集状态', description: '每个列表地址的 ETag、Last-Modified 和上次条数', ...readOnly } }),
    items: relationship({ ...byRunsOnly, ref: 'UpstreamItem.source', many: true, ui: { label: '转载条目', ...readOnly } }),
  },
  hooks: {
    validate: async ({ operation, resolvedData, item, context, addValidationError }) => {
      if (operation === 'delete') return;
      const listUrlsChanged = operation === 'create' || resolvedData.listUrls !== undefined;
      for (const problem of await configProblems(itemAfter(item, resolvedData) as SourceItem, context, { listUrlsChanged }))
        addValidationError(problem);
    },
  },
});
