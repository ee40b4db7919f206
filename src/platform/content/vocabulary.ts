/** The controlled vocabularies of the content model, with their Chinese labels. */

// 公开属性 (S1): only proactive documents, and the redacted version of 'redacted' ones, are ever public.
export const disclosureOptions = [
  { value: 'proactive', label: '主动公开' },
  { value: 'redacted', label: '删减后公开' },
  { value: 'onRequest', label: '依申请公开' },
  { value: 'notPublic', label: '不公开' },
] as const;
export type Disclosure = (typeof disclosureOptions)[number]['value'];

// 五公开
export const openCategoryOptions = [
  { value: 'decision', label: '决策公开' },
  { value: 'execution', label: '执行公开' },
  { value: 'management', label: '管理公开' },
  { value: 'service', label: '服务公开' },
  { value: 'result', label: '结果公开' },
] as const;
export type OpenCategory = (typeof openCategoryOptions)[number]['value'];

// N14: 第二十条第（一）项 of the annual report counts these two kinds.
export const regulatoryKindOptions = [
  { value: 'rule', label: '规章' },
  { value: 'normativeDocument', label: '行政规范性文件' },
] as const;

export const statusOptions = [
  { value: 'draft', label: '草稿' },
  { value: 'submitted', label: '已提交' },
  { value: 'officeReview', label: '局办公室审核' },
  { value: 'leaderApproval', label: '领导审批' },
  { value: 'scheduled', label: '定时发布' },
  { value: 'published', label: '已发布' },
  { value: 'withdrawn', label: '已撤回' },
  // A revision draft whose approved changes were applied to the published original.
  { value: 'merged', label: '已并入原文' },
] as const;
export type Status = (typeof statusOptions)[number]['value'];

/** The workflow status a stored value names (the column is text), or null for any other text. */
export function statusOf(value: string): Status | null {
  return statusOptions.find((option) => option.value === value)?.value ?? null;
}

export const originOptions = [
  { value: 'local', label: '本站' },
  { value: 'reprint', label: '转载' },
] as const;

export const interpretationFormOptions = [
  { value: 'text', label: '文字解读' },
  { value: 'chart', label: '图表解读' },
  { value: 'graphic', label: '图解' },
  { value: 'video', label: '视频解读' },
] as const;

export const columnKindOptions = [
  { value: 'news', label: '动态要闻' },
  { value: 'notice', label: '通知公告' },
  { value: 'policy', label: '政策文件' },
  { value: 'interpretation', label: '政策解读' },
  { value: 'personnel', label: '人事规划' },
  { value: 'guide', label: '办事指南' },
  { value: 'disclosure', label: '信息公开' },
  { value: 'interaction', label: '互动交流' },
  // Columns that list a feature's items rather than documents (S11, S2).
  { value: 'mailbox', label: '领导信箱' },
  { value: 'consultation', label: '征求意见' },
  { value: 'reprint', label: '上级文件' },
  { value: 'general', label: '综合' },
] as const;
export type ColumnKind = (typeof columnKindOptions)[number]['value'];

/**
 * N3: how long a column of each kind may go without an update before the inspection counts it
 * as not updated (news 2 weeks, notices and policies 6 months, personnel and plans 1 year).
 * Kinds without a national period return null.
 */
export function updatePeriodDays(kind: ColumnKind): number | null {
  switch (kind) {
    case 'news':
      return 14;
    case 'notice':
    case 'policy':
      return 183;
    case 'personnel':
      return 365;
    default:
      return null;
  }
}

export const mediaKindOptions = [
  { value: 'image', label: '图片' },
  // 长图: an infographic read from top to bottom; published only with its 文字版 (N16).
  { value: 'longImage', label: '长图（图解）' },
  { value: 'video', label: '视频' },
  { value: 'captions', label: '字幕' },
  { value: 'document', label: '附件' },
] as const;
export type MediaKind = (typeof mediaKindOptions)[number]['value'];
