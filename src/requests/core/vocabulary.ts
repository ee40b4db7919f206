/*
 * N13: the words of a request for disclosure (依申请公开) that are not table cells of the annual
 * report (those are in src/requests/core/request-vocabulary.ts): how it arrived, how the applicant
 * wants the information, which identity document a person gave.
 */

/** 申请渠道: fixes which day counts as receipt (条例 第三十一条, see received-on.ts). */
export const requestChannelOptions = [
  { value: 'online', label: '网上申请' },
  { value: 'letter', label: '信函' },
  { value: 'inPerson', label: '当面提交' },
  { value: 'fax', label: '传真' },
  { value: 'email', label: '电子邮件' },
] as const;
export type RequestChannel = (typeof requestChannelOptions)[number]['value'];

/** 获取信息的方式 (条例 第二十九条第二款第（三）项). */
export const deliveryMethodOptions = [
  { value: 'paperByPost', label: '纸质文本（邮寄）' },
  { value: 'paperPickup', label: '纸质文本（自行领取）' },
  { value: 'email', label: '电子邮件' },
  { value: 'disc', label: '光盘（邮寄）' },
] as const;

/** 身份证件: a resident ID number is checked digit by digit, the others only for plausibility. */
export const idDocumentTypeOptions = [
  { value: 'residentId', label: '居民身份证' },
  { value: 'passport', label: '护照' },
  { value: 'hkMacaoPermit', label: '港澳居民来往内地通行证' },
  { value: 'taiwanPermit', label: '台湾居民来往大陆通行证' },
  { value: 'other', label: '其他有效身份证件' },
] as const;

/** How an extension was made known to the applicant (告知方式). */
export const noticeMethodOptions = [
  { value: 'post', label: '邮寄书面告知书' },
  { value: 'email', label: '电子邮件' },
  { value: 'inPerson', label: '当面送达' },
  { value: 'online', label: '网上申请平台' },
] as const;

/** What the applicant sees on the query page: where the request is, never who made it. */
export const requestProgressLabels = {
  awaitingReceipt: '已提交，待确认收到',
  correctionRequested: '待申请人补正',
  processing: '办理中',
  extended: '办理中（已依法延长答复期限）',
  answered: '已答复',
} as const;
export type RequestProgress = keyof typeof requestProgressLabels;
