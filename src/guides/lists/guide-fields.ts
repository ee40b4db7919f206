import { relationship, select, text } from '@keystone-6/core/fields';
import type { BaseListTypeInfo } from '@keystone-6/core/types';

/*
 * 办事指南 (N6): a service guide is a document of kind 办事指南, drafted, checked and published through the
 * normal workflow into the 办事指南 column. Its elements are these fields; the pre-publication check
 * (src/workflow/core/checks.ts → src/guides/core/guides.ts) refuses a guide that lacks one, naming it.
 */

export const documentKindOptions = [
  { value: 'document', label: '文件' },
  { value: 'serviceGuide', label: '办事指南' },
] as const;

const line = <L extends BaseListTypeInfo>(label: string, description?: string) => text<L>({ ui: { label, description } });
const lines = <L extends BaseListTypeInfo>(label: string, description?: string) =>
  text<L>({ ui: { label, description, displayMode: 'textarea' } });

export function guideFields<L extends BaseListTypeInfo>() {
  return {
    documentKind: select<L>({
      type: 'string',
      options: [...documentKindOptions],
      defaultValue: 'document',
      validation: { isRequired: true },
      ui: { label: '文件类型', displayMode: 'segmented-control', description: '办事指南须填写下列全部要素，缺少要素的不能提交' },
    }),
    guideItemName: line<L>('事项名称', '例如：内地居民结婚登记'),
    guideBasis: lines<L>('设定依据', '法律、法规、规章及规范性文件的名称和条款'),
    guideConditions: lines<L>('申请条件'),
    guideMaterials: lines<L>('办理材料', '每行一项，写明原件或复印件、份数；需填写的表格请在“表格下载”中上传'),
    guideForms: relationship<L, 'Media'>({
      ref: 'Media',
      many: true,
      ui: { label: '表格下载', description: '申请表、登记表等空白表格及填写样表（先在“媒体文件”中上传）' },
    }),
    guidePlace: lines<L>('办理地点'),
    guideAgency: line<L>('办理机构'),
    guideFee: line<L>('收费标准', '不收费的填写“不收费”'),
    guideFeeBasis: lines<L>('收费依据', '收费的须写明收费依据；不收费的可不填'),
    guideHours: lines<L>('办理时间'),
    guideEnquiryPhone: line<L>('咨询电话'),
    guideComplaintPhone: line<L>('投诉电话', '监督投诉电话'),
    guideSteps: lines<L>('办理流程', '每行一步'),
    guideLegalTimeLimit: line<L>('法定时限', '例如：20个工作日'),
    guidePromisedTimeLimit: line<L>('承诺时限', '例如：当场办结'),
    guideOnlineUrl: text<L>({
      ui: { label: '在线办理', description: '一网通办（网上办事大厅）中本事项的办理网址' },
      validation: { match: { regex: /^(https?:\/\/\S+)?$/, explanation: '在线办理地址必须是 http:// 或 https:// 开头的网址' } },
    }),
  };
}

/** The guide fields, in the order of the form's 六、办事指南 section. */
export const guideFieldKeys = [
  'documentKind',
  'guideItemName',
  'guideBasis',
  'guideConditions',
  'guideMaterials',
  'guideForms',
  'guidePlace',
  'guideAgency',
  'guideFee',
  'guideFeeBasis',
  'guideHours',
  'guideEnquiryPhone',
  'guideComplaintPhone',
  'guideSteps',
  'guideLegalTimeLimit',
  'guidePromisedTimeLimit',
  'guideOnlineUrl',
];
