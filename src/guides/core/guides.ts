/**
 * 办事指南 (N6): the elements every service guide carries, which of them a guide lacks, and how a guide
 * page of any site is read from its text. Pure: no Keystone, no database.
 *
 * The element list is the 2019 inspection indicators' (政府网站与政务新媒体检查指标, 国办秘函〔2019〕19号,
 * "服务不实用": 办事指南要素的完整性、准确性; 附件下载; 在线系统), with the parts guides usually split them into
 * (收费依据 beside 收费标准, 咨询 and 投诉 phones, 法定 and 承诺 time limits) and the 一网通办 link.
 */

/** The text fields of a guide, by their Document field names. */
export interface GuideFields {
  guideItemName: string | null;
  guideBasis: string | null;
  guideConditions: string | null;
  guideMaterials: string | null;
  guidePlace: string | null;
  guideAgency: string | null;
  guideFee: string | null;
  guideFeeBasis: string | null;
  guideHours: string | null;
  guideEnquiryPhone: string | null;
  guideComplaintPhone: string | null;
  guideSteps: string | null;
  guideLegalTimeLimit: string | null;
  guidePromisedTimeLimit: string | null;
  guideOnlineUrl: string | null;
}

export type GuideField = keyof GuideFields;

export interface GuideElement {
  field: GuideField;
  /** The element's name as inspectors and guides write it. */
  label: string;
  /** Headings a guide page of another site may give it (page-text check), the label first. */
  pageLabels: readonly string[];
}

/** Every element, in the order the public page shows them. */
export const guideElements: readonly GuideElement[] = [
  { field: 'guideItemName', label: '事项名称', pageLabels: ['事项名称', '服务事项', '办理事项'] },
  { field: 'guideBasis', label: '设定依据', pageLabels: ['设定依据', '办理依据', '法律依据', '政策依据', '实施依据'] },
  { field: 'guideConditions', label: '申请条件', pageLabels: ['申请条件', '办理条件', '受理条件', '申请对象'] },
  { field: 'guideMaterials', label: '办理材料', pageLabels: ['办理材料', '申请材料', '所需材料', '申报材料', '提交材料'] },
  { field: 'guidePlace', label: '办理地点', pageLabels: ['办理地点', '受理地点', '办理窗口', '服务地点'] },
  { field: 'guideAgency', label: '办理机构', pageLabels: ['办理机构', '受理机构', '实施机关', '实施机构', '办理部门'] },
  { field: 'guideFee', label: '收费标准', pageLabels: ['收费标准', '是否收费', '收费情况', '不收费', '免费'] },
  { field: 'guideFeeBasis', label: '收费依据', pageLabels: ['收费依据', '不收费', '免费', '不收取任何费用'] },
  { field: 'guideHours', label: '办理时间', pageLabels: ['办理时间', '受理时间', '工作时间', '服务时间'] },
  { field: 'guideEnquiryPhone', label: '咨询电话', pageLabels: ['咨询电话', '联系电话', '咨询方式'] },
  { field: 'guideComplaintPhone', label: '投诉电话', pageLabels: ['投诉电话', '监督电话', '监督投诉'] },
  { field: 'guideSteps', label: '办理流程', pageLabels: ['办理流程', '办理程序', '办事流程', '办理步骤'] },
  { field: 'guideLegalTimeLimit', label: '法定时限', pageLabels: ['法定时限', '法定办结时限', '法定期限'] },
  { field: 'guidePromisedTimeLimit', label: '承诺时限', pageLabels: ['承诺时限', '承诺办结时限', '承诺期限'] },
  { field: 'guideOnlineUrl', label: '在线办理', pageLabels: ['在线办理', '网上办理', '一网通办', '在线申报'] },
];

/** 不收费: then the fee needs no basis. */
export const isFree = (fee: string | null) => /^(不收费|免费|无|不收取任何费用|0元?)[。.]?$/.test((fee ?? '').trim());

const blank = (value: string | null | undefined) => !value || !value.trim();

/** A valid online-service address: http(s) only. */
export const isServiceUrl = (value: string | null) => /^https?:\/\/[^\s]+$/.test((value ?? '').trim());

/**
 * N6: the elements a guide lacks, in page order. A free service needs no 收费依据; an online-service
 * address that is not an http(s) URL counts as missing.
 */
export function missingGuideElements(guide: Partial<GuideFields>): GuideElement[] {
  return guideElements.filter((element) => {
    const value = guide[element.field] ?? null;
    if (element.field === 'guideFeeBasis') return blank(value) && !isFree(guide.guideFee ?? null);
    if (element.field === 'guideOnlineUrl') return !isServiceUrl(value);
    return blank(value);
  });
}

/** Lines of a multi-line element (办理材料, 办理流程): one item or step per line, numbering removed. */
export function elementLines(value: string | null): string[] {
  return (value ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^(\d+[.、．)]|[（(]\d+[）)]|[一二三四五六七八九十]+、)\s*/, ''))
    .filter(Boolean);
}

/** Material lines that name a form to fill in (申请表, 登记表 …): these should be downloadable. */
export const namesAForm = (line: string) => /(申请表|登记表|审批表|申请书|承诺书|声明书|表格)/.test(line);

// ---- Reading a guide page of any site from its text ----

/** A page is taken for a guide when its title says so or its text names at least this many elements. */
export const guidePageMinElements = 5;

export function looksLikeGuidePage(title: string, text: string): boolean {
  if (/办事指南|服务指南/.test(title)) return true;
  return guideElements.filter((e) => e.pageLabels.some((label) => text.includes(label))).length >= guidePageMinElements;
}

/**
 * The elements a guide page's text does not name. A page without 收费依据 that says the service is free
 * lacks nothing there; 在线办理 is judged by its link, not its text (see `isOnlineServiceLink`).
 */
export function missingOnPage(text: string): GuideElement[] {
  const missing = guideElements.filter((e) => e.field !== 'guideOnlineUrl' && !e.pageLabels.some((label) => text.includes(label)));
  // A page that says nothing of fees lacks 收费标准; its basis is not counted a second time.
  return missing.some((e) => e.field === 'guideFee') ? missing.filter((e) => e.field !== 'guideFeeBasis') : missing;
}

const formExtensions = /\.(pdf|ofd|doc|docx|xls|xlsx|wps|et|odt|ods|zip|rar)(\?|#|$)/i;

/** A link to a form or attachment to download: by its file extension, or its text (…表下载, 下载). */
export function isFormLink(href: string, text: string): boolean {
  let path = href;
  try {
    path = new URL(href).pathname;
  } catch {
    /* a relative href: test it as written */
  }
  return formExtensions.test(path) || /下载|申请表|登记表|表格/.test(text);
}

/** A link to the online service (在线办理, 网上办理, 一网通办, 在线申报, 立即办理). */
export const isOnlineServiceLink = (text: string) => /在线办理|网上办理|一网通办|在线申报|立即办理|网上申报|在线预约/.test(text);
