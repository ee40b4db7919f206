import { list } from '@keystone-6/core';
import type { ListTypeInfo } from '../../src/platform/db/prisma.js';
import { checkbox, json, relationship, select, text, timestamp, virtual } from '@keystone-6/core/fields';
import { g } from '../../src/platform/db/g.js';
import { renderReprintBody } from '../../src/platform/content/render-reprint.js';
import { signedIn } from '../../src/platform/access/roles.js';
import { upstreamItemStatusOptions } from '../statuses.js';
import { upstreamItemActions } from '../keystone-actions.js';
import { hiddenEverywhere, readOnly } from '../../src/platform/admin-ui/ui-modes.js';

// 转载条目 (S9): each upstream document seen, its place in the review queue, and the reprint made of it.
// Rows are never deleted: a rejected item is a tombstone that keeps it from coming back.
// Every field is the syndication run's or a queue action's (提议、采用、不予转载、采用或忽略上游修改):
// nobody edits an item, so nobody can point it at a local document or fake an upstream change (item 7).
export const UpstreamItem = list<ListTypeInfo<'UpstreamItem'>>({
  graphql: { omit: { create: true, update: true, delete: true } },
  access: {
    operation: { query: signedIn, create: () => false, update: () => false, delete: () => false },
  },
  actions: upstreamItemActions(),
  ui: {
    label: '转载审核',
    singular: '转载条目',
    plural: '转载条目',
    labelField: 'title',
    hideCreate: true,
    hideDelete: true,
    listView: {
      initialColumns: ['title', 'source', 'status', 'changedUpstream', 'proposedDepartment', 'upstreamPublishedAt'],
      initialSort: { field: 'fetchedAt', direction: 'DESC' },
    },
  },
  fields: {
    title: text({ ui: { label: '标题', ...readOnly } }),
    source: relationship({ ref: 'SyndicationSource.items', ui: { label: '来源', ...readOnly } }),
    status: select({
      type: 'string',
      options: [...upstreamItemStatusOptions],
      defaultValue: 'queued',
      validation: { isRequired: true },
      ui: { label: '状态', ...readOnly },
    }),
    url: text({ ui: { label: '原文链接', ...readOnly } }),
    number: text({ ui: { label: '发文字号', ...readOnly } }),
    issuer: text({ ui: { label: '发文机关', ...readOnly } }),
    writtenAt: timestamp({ ui: { label: '成文日期', ...readOnly } }),
    upstreamPublishedAt: timestamp({ ui: { label: '上游发布日期', ...readOnly } }),
    // Kept as fetched (sanitized at import); reviewers read bodyPreview, the page the public would see.
    bodyHtml: text({ ui: { label: '正文（已净化）', displayMode: 'textarea', ...hiddenEverywhere } }),
    bodyPreview: virtual({
      field: g.field({
        type: g.String,
        resolve: (item) => (typeof item.bodyHtml === 'string' && item.bodyHtml ? renderReprintBody(item.bodyHtml) : ''),
      }),
      ui: {
        label: '正文',
        description: '按公开页面的样子显示（与网站转载页同一渲染：净化并遮盖个人信息）',
        views: './admin/fields/reprint-body',
        ...readOnly,
        listView: { fieldMode: 'hidden' },
      },
    }),
    summary: text({ ui: { label: '摘要', ...readOnly } }),
    attachments: json({ ui: { label: '附件', views: './admin/fields/reprint-attachments', ...readOnly } }),
    changedUpstream: checkbox({ defaultValue: false, ui: { label: '上游已修改', ...readOnly } }),
    changedAt: timestamp({ ui: { label: '发现修改时间', ...readOnly } }),
    pendingChange: json({ ui: { label: '上游修改后的版本', ...readOnly } }),
    proposedBy: relationship({ ref: 'User', ui: { label: '提议人', ...readOnly } }),
    proposedDepartment: relationship({ ref: 'Department', ui: { label: '提议科室', ...readOnly } }),
    proposalNote: text({ ui: { label: '提议说明', ...readOnly } }),
    decidedBy: relationship({ ref: 'User', ui: { label: '处理人', ...readOnly } }),
    decidedAt: timestamp({ ui: { label: '处理时间', ...readOnly } }),
    rejectReason: text({ ui: { label: '不予转载原因', ...readOnly } }),
    document: relationship({ ref: 'Document', ui: { label: '转载文件', ...readOnly } }),
    // Kept for the syndication run (dedup, edit detection, conditional re-check); not for editors.
    dedupKey: text({
      isIndexed: 'unique',
      validation: { isRequired: true },
      ui: { itemView: { fieldMode: 'hidden' }, listView: { fieldMode: 'hidden' } },
    }),
    upstreamId: text({ ui: { itemView: { fieldMode: 'hidden' }, listView: { fieldMode: 'hidden' } } }),
    listUrl: text({ ui: { itemView: { fieldMode: 'hidden' }, listView: { fieldMode: 'hidden' } } }),
    contentHash: text({ ui: { itemView: { fieldMode: 'hidden' }, listView: { fieldMode: 'hidden' } } }),
    etag: text({ ui: { itemView: { fieldMode: 'hidden' }, listView: { fieldMode: 'hidden' } } }),
    lastModified: text({ ui: { itemView: { fieldMode: 'hidden' }, listView: { fieldMode: 'hidden' } } }),
    fetchedAt: timestamp({ ui: { label: '采集时间', ...readOnly } }),
  },
});
