import Handlebars from 'handlebars';
import type { CalendarDay } from '../../platform/calendar/working-days.js';
import { annualReportDeadline } from './annual-report.js';

/*
 * N17: 政府网站工作年度报表 in the layout of 国办函〔2018〕12号 附件: the site's identity (from 网站设置),
 * visits, 信息发布, 专栏专题, 解读回应, 办事服务, 互动交流, 智能问答, 安全防护, 移动新媒体, 创新发展 and the
 * filling-in block. Figures the data gives are generated; the others are typed in by the office and
 * every required one must be there before publication (due 31 January, like the annual report of N14).
 * Pure: no Keystone, no clock.
 */

/** Figures computed from our data (documents, interpretations, messages, consultations, incidents, monitor runs, visits). */
export interface WebsiteReportData {
  uniqueVisitors: number;
  pageViews: number;
  documentsPublished: number;
  newsPublished: number;
  cataloguePublished: number;
  topicsMaintained: number;
  interpretations: number;
  interpretationMaterials: number;
  interpretationProducts: number;
  hotspotResponses: number;
  messagesReceived: number;
  messagesClosed: number;
  /** 平均办理时间（天）, one decimal; null with no message closed. */
  averageHandlingDays: number | null;
  repliesPublished: number;
  surveys: number;
  surveyOpinions: number;
  surveyResultsPublished: number;
  securityAssessments: number;
  securityProblemsFound: number;
  securityProblemsFixed: number;
}

/** 网站设置: the identity block. */
export interface WebsiteIdentity {
  siteName: string;
  baseUrl: string;
  sponsor: string;
  icpNumber: string;
  policeRecordNumber: string;
  siteCode: string;
}

export type EntryKind = 'count' | 'yesNo' | 'text';

export interface EntrySpec {
  key: string;
  label: string;
  kind: EntryKind;
  /** Publication is refused while a required entry is empty (N17). */
  required: boolean;
  description?: string;
}

/** Figures people enter (the list's fields are made from this, so the check and the form agree). */
export const websiteReportEntries = [
  {
    key: 'overviewUpdates',
    label: '信息发布：概况类信息更新量',
    kind: 'count',
    required: true,
    description: '机构职能、领导信息等概况类信息本年更新条数',
  },
  { key: 'newTopics', label: '专栏专题：新开设数量', kind: 'count', required: true },
  { key: 'mediaCommentaries', label: '解读回应：媒体评论文章数量', kind: 'count', required: true },
  { key: 'serviceCatalogue', label: '办事服务：是否发布服务事项目录', kind: 'yesNo', required: true },
  { key: 'registeredUsers', label: '办事服务：注册用户数', kind: 'count', required: true },
  { key: 'serviceItems', label: '办事服务：政务服务事项数量', kind: 'count', required: true },
  { key: 'onlineServiceItems', label: '办事服务：可全程在线办理政务服务事项数量', kind: 'count', required: true },
  { key: 'casesTotal', label: '办事服务：办件量（总数）', kind: 'count', required: true },
  { key: 'casesNatural', label: '办事服务：办件量（自然人办件量）', kind: 'count', required: true },
  { key: 'casesLegal', label: '办事服务：办件量（法人办件量）', kind: 'count', required: true },
  { key: 'unifiedPlatform', label: '互动交流：是否使用统一平台', kind: 'yesNo', required: true },
  { key: 'interviews', label: '互动交流：在线访谈期数', kind: 'count', required: true },
  { key: 'interviewQuestions', label: '互动交流：在线访谈网民留言数量', kind: 'count', required: true },
  { key: 'interviewAnswers', label: '互动交流：在线访谈答复网民提问数量', kind: 'count', required: true },
  { key: 'smartQa', label: '是否提供智能问答', kind: 'yesNo', required: true },
  { key: 'monitoringMechanism', label: '安全防护：是否建立安全监测预警机制', kind: 'yesNo', required: true },
  { key: 'emergencyDrill', label: '安全防护：是否开展应急演练', kind: 'yesNo', required: true },
  { key: 'securityOfficer', label: '安全防护：是否明确网站安全责任人', kind: 'yesNo', required: true },
  { key: 'hasNewMedia', label: '移动新媒体：是否有移动新媒体', kind: 'yesNo', required: true },
  { key: 'weiboName', label: '移动新媒体：微博名称', kind: 'text', required: false },
  { key: 'weiboPosts', label: '移动新媒体：微博信息发布量', kind: 'count', required: false },
  { key: 'weiboFollowers', label: '移动新媒体：微博关注量', kind: 'count', required: false },
  { key: 'wechatName', label: '移动新媒体：微信名称', kind: 'text', required: false },
  { key: 'wechatPosts', label: '移动新媒体：微信信息发布量', kind: 'count', required: false },
  { key: 'wechatSubscribers', label: '移动新媒体：微信订阅数', kind: 'count', required: false },
  { key: 'otherNewMedia', label: '移动新媒体：其他', kind: 'text', required: false, description: '其他移动新媒体的名称，多个用顿号分隔' },
  {
    key: 'innovation',
    label: '创新发展',
    kind: 'text',
    required: false,
    description: '搜索即服务、多语言版本、无障碍浏览、千人千网及其他',
  },
  { key: 'headName', label: '单位负责人', kind: 'text', required: true },
  { key: 'reviewerName', label: '审核人', kind: 'text', required: true },
  { key: 'fillerName', label: '填报人', kind: 'text', required: true },
  { key: 'phone', label: '联系电话', kind: 'text', required: true },
] as const satisfies readonly EntrySpec[];

export type EntryKey = (typeof websiteReportEntries)[number]['key'];
/** An item's entries: null or '' while not filled in. */
export type WebsiteReportEntryValues = { [K in EntryKey]?: number | string | null };

export interface WebsiteReportRow {
  label: string;
  value: string;
  /** 'data': generated; 'entered': typed in; 'settings': 网站设置. */
  source: 'data' | 'entered' | 'settings';
}

export interface WebsiteReportSection {
  heading: string;
  rows: WebsiteReportRow[];
}

export interface WebsiteReport {
  year: number;
  title: string;
  sections: WebsiteReportSection[];
  /** N17: the required figures still missing, by label; publication is refused while any is. */
  missing: string[];
  deadline: CalendarDay;
  /** 填报日期: the publication day, once published. */
  filledOn: CalendarDay | null;
}

const isEmpty = (v: number | string | null | undefined): boolean => v == null || (typeof v === 'string' && v.trim() === '');

/** N17: the labels of the required figures not filled in (entries, and the identity fields of 网站设置). */
export function missingWebsiteReportFigures(identity: WebsiteIdentity, entries: WebsiteReportEntryValues): string[] {
  const settings: [keyof WebsiteIdentity, string][] = [
    ['siteName', '网站名称'],
    ['baseUrl', '首页网址'],
    ['sponsor', '主办单位'],
    ['icpNumber', 'ICP备案号'],
    ['policeRecordNumber', '公安机关备案号'],
    ['siteCode', '网站标识码'],
  ];
  return [
    ...settings.filter(([k]) => isEmpty(identity[k])).map(([, label]) => `${label}（请在网站设置中填写）`),
    ...websiteReportEntries.filter((e) => e.required && isEmpty(entries[e.key])).map((e) => e.label),
  ];
}

const yesNo = (v: number | string | null | undefined) => (v === 'yes' ? '是' : v === 'no' ? '否' : '');
const shown = (v: number | string | null | undefined) => (isEmpty(v) ? '' : String(v));

/** N17: the whole report of a year, generated figures and entries in the official order. */
export function buildWebsiteReport(input: {
  year: number;
  identity: WebsiteIdentity;
  data: WebsiteReportData;
  entries: WebsiteReportEntryValues;
  filledOn?: CalendarDay | null;
}): WebsiteReport {
  const { identity: id, data: d, entries: e } = input;
  const spec = new Map<string, EntrySpec>(websiteReportEntries.map((x) => [x.key, x]));
  const entered = (key: EntryKey, label: string): WebsiteReportRow => {
    const s = spec.get(key)!;
    return { label, value: s.kind === 'yesNo' ? yesNo(e[key]) : shown(e[key]), source: 'entered' };
  };
  const data = (label: string, value: number | null, unit = ''): WebsiteReportRow => ({
    label,
    value: value == null ? '—' : `${value}${unit}`,
    source: 'data',
  });
  const setting = (label: string, value: string): WebsiteReportRow => ({ label, value, source: 'settings' });
  const sections: WebsiteReportSection[] = [
    {
      heading: '网站基本信息',
      rows: [
        setting('网站名称', id.siteName),
        setting('首页网址', id.baseUrl),
        setting('主办单位', id.sponsor),
        setting('ICP备案号', id.icpNumber),
        setting('公安机关备案号', id.policeRecordNumber),
        setting('网站标识码', id.siteCode),
        data('独立用户访问总量（单位：个）', d.uniqueVisitors),
        data('网站总访问量（单位：次）', d.pageViews),
      ],
    },
    {
      heading: '信息发布（单位：条）',
      rows: [
        data('总数', d.documentsPublished + Number(e.overviewUpdates ?? 0)),
        entered('overviewUpdates', '概况类信息更新量'),
        data('政务动态信息更新量', d.newsPublished),
        data('信息公开目录信息更新量', d.cataloguePublished),
      ],
    },
    { heading: '专栏专题（单位：个）', rows: [data('维护数量', d.topicsMaintained), entered('newTopics', '新开设数量')] },
    {
      heading: '解读回应',
      rows: [
        data('解读信息发布：总数（单位：条）', d.interpretations + Number(e.mediaCommentaries ?? 0)),
        data('解读材料数量（单位：条）', d.interpretationMaterials),
        data('解读产品数量（单位：个）', d.interpretationProducts),
        entered('mediaCommentaries', '媒体评论文章数量（单位：篇）'),
        data('回应公众关注热点或重大舆情数量（单位：次）', d.hotspotResponses),
      ],
    },
    {
      heading: '办事服务',
      rows: [
        entered('serviceCatalogue', '是否发布服务事项目录'),
        entered('registeredUsers', '注册用户数（单位：万）'),
        entered('serviceItems', '政务服务事项数量（单位：项）'),
        entered('onlineServiceItems', '可全程在线办理政务服务事项数量（单位：项）'),
        entered('casesTotal', '办件量：总数（单位：万件）'),
        entered('casesNatural', '办件量：自然人办件量（单位：万件）'),
        entered('casesLegal', '办件量：法人办件量（单位：万件）'),
      ],
    },
    {
      heading: '互动交流',
      rows: [
        entered('unifiedPlatform', '是否使用统一平台'),
        data('留言办理：收到留言数量（单位：条）', d.messagesReceived),
        data('留言办理：办结留言数量（单位：条）', d.messagesClosed),
        data('留言办理：平均办理时间（单位：天）', d.averageHandlingDays),
        data('留言办理：公开答复数量（单位：条）', d.repliesPublished),
        data('征集调查：征集调查期数（单位：期）', d.surveys),
        data('征集调查：收到意见数量（单位：条）', d.surveyOpinions),
        data('征集调查：公布调查结果期数（单位：期）', d.surveyResultsPublished),
        entered('interviews', '在线访谈：访谈期数（单位：期）'),
        entered('interviewQuestions', '在线访谈：网民留言数量（单位：条）'),
        entered('interviewAnswers', '在线访谈：答复网民提问数量（单位：条）'),
      ],
    },
    { heading: '智能问答', rows: [entered('smartQa', '是否提供智能问答')] },
    {
      heading: '安全防护',
      rows: [
        data('安全检测评估次数（单位：次）', d.securityAssessments),
        data('发现问题数量（单位：个）', d.securityProblemsFound),
        data('问题整改数量（单位：个）', d.securityProblemsFixed),
        entered('monitoringMechanism', '是否建立安全监测预警机制'),
        entered('emergencyDrill', '是否开展应急演练'),
        entered('securityOfficer', '是否明确网站安全责任人'),
      ],
    },
    {
      heading: '移动新媒体',
      rows: [
        entered('hasNewMedia', '是否有移动新媒体'),
        entered('weiboName', '微博：名称'),
        entered('weiboPosts', '微博：信息发布量（单位：条）'),
        entered('weiboFollowers', '微博：关注量（单位：个）'),
        entered('wechatName', '微信：名称'),
        entered('wechatPosts', '微信：信息发布量（单位：条）'),
        entered('wechatSubscribers', '微信：订阅数（单位：个）'),
        entered('otherNewMedia', '其他'),
      ],
    },
    { heading: '创新发展', rows: [entered('innovation', '搜索即服务、多语言版本、无障碍浏览、千人千网及其他')] },
    {
      heading: '填报信息',
      rows: [
        setting('单位名称', id.sponsor),
        entered('headName', '单位负责人'),
        entered('reviewerName', '审核人'),
        entered('fillerName', '填报人'),
        entered('phone', '联系电话'),
        { label: '填报日期', value: input.filledOn ?? '', source: 'data' },
      ],
    },
  ];
  return {
    year: input.year,
    title: `${id.siteName || id.sponsor}政府网站工作年度报表（${input.year}年度）`,
    sections,
    missing: missingWebsiteReportFigures(id, e),
    deadline: annualReportDeadline(input.year),
    filledOn: input.filledOn ?? null,
  };
}

/** N17: 平均办理时间 in days with one decimal, from the handling times in milliseconds; null without any. */
export function averageDays(durationsMs: readonly number[]): number | null {
  if (!durationsMs.length) return null;
  return Math.round((durationsMs.reduce((a, b) => a + b, 0) / durationsMs.length / 86_400_000) * 10) / 10;
}

// The templates' own escaping, for HTML written in code.
const escapeHtml = Handlebars.Utils.escapeExpression;

/** N17: the report as one table per section, inside `<article class="annual-report">` (the N14 report's print style). */
export function renderWebsiteReportBody(report: WebsiteReport): string {
  const sections = report.sections.map(
    (s) =>
      `<section>\n<h2>${escapeHtml(s.heading)}</h2>\n<table>\n<caption>${escapeHtml(s.heading)}</caption>\n<tbody>\n${s.rows
        .map((r) => `<tr><th scope="row">${escapeHtml(r.label)}</th><td>${escapeHtml(r.value || '—')}</td></tr>`)
        .join('\n')}\n</tbody>\n</table>\n</section>`,
  );
  return `<article class="annual-report website-report">\n<h1>${escapeHtml(report.title)}</h1>\n${sections.join('\n')}\n</article>`;
}

/** N17: the report as plain text for the terminal (`gongkai report website`). */
export function websiteReportText(report: WebsiteReport): string {
  return [
    report.title,
    ...report.sections.flatMap((s) => ['', s.heading, ...s.rows.map((r) => `  ${r.label}：${r.value || '（未填写）'}`)]),
    '',
    report.missing.length
      ? `尚缺 ${report.missing.length} 项必填数据，不能发布：`
      : `必填数据齐全，可以发布（公布期限：${report.deadline}）`,
    ...report.missing.map((m) => `  ${m}`),
  ].join('\n');
}
