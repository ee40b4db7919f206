import { describe, expect, test } from '@jest/globals';
import {
  elementLines,
  guideElements,
  isFormLink,
  isOnlineServiceLink,
  looksLikeGuidePage,
  missingGuideElements,
  missingOnPage,
  type GuideFields,
} from '../../../src/guides/core/guides.js';
import { checkDocument } from '../../../src/workflow/core/checks.js';
import { guideSections } from '../../../src/guides/site.js';

const full: GuideFields = {
  guideItemName: '高龄津贴申领',
  guideBasis: '《老年人权益保障法》',
  guideConditions: '年满80周岁',
  guideMaterials: '1. 身份证\n2. 高龄津贴申领登记表',
  guidePlace: '村（社区）便民服务站',
  guideAgency: '县（区）民政局',
  guideFee: '不收费',
  guideFeeBasis: '',
  guideHours: '工作日',
  guideEnquiryPhone: '0883-2124567',
  guideComplaintPhone: '0883-2127890',
  guideSteps: '1. 申请\n2. 审核\n3. 发放',
  guideLegalTimeLimit: '15个工作日',
  guidePromisedTimeLimit: '10个工作日',
  guideOnlineUrl: 'https://zwfw.yn.gov.cn/x',
};
const form = { id: 'f1', title: '高龄津贴申领登记表', kind: 'document' as const, filename: '2026-11-abc.csv', altText: null };

describe('N6 guide elements', () => {
  test("N6: the indicators' elements are all there, in the order of the public page", () => {
    expect(guideElements.map((e) => e.label)).toEqual([
      '事项名称',
      '设定依据',
      '申请条件',
      '办理材料',
      '办理地点',
      '办理机构',
      '收费标准',
      '收费依据',
      '办理时间',
      '咨询电话',
      '投诉电话',
      '办理流程',
      '法定时限',
      '承诺时限',
      '在线办理',
    ]);
  });

  test('N6: a complete free guide lacks nothing; a charged one needs its basis; blank text and a non-URL count as missing', () => {
    expect(missingGuideElements(full)).toEqual([]);
    expect(missingGuideElements({ ...full, guideFee: '工本费9元' }).map((e) => e.label)).toEqual(['收费依据']);
    expect(missingGuideElements({ ...full, guidePlace: '   ', guideOnlineUrl: 'www.example.gov.cn' }).map((e) => e.label)).toEqual([
      '办理地点',
      '在线办理',
    ]);
  });

  test('N6: the pre-publication check refuses a guide per missing element and warns when a named form has no file', () => {
    const doc = (fields: Partial<GuideFields>, forms = [form]) =>
      checkDocument({
        title: '指南',
        body: [],
        disclosure: 'proactive',
        attachments: [],
        guide: { fields: { ...full, ...fields }, forms },
      });
    expect(doc({})).toEqual([]);
    expect(doc({ guideBasis: '', guideSteps: '' }).map((f) => [f.rule, f.blocking, f.message])).toEqual([
      ['N6', true, '办事指南缺少要素“设定依据”：请在“六、办事指南”中填写'],
      ['N6', true, '办事指南缺少要素“办理流程”：请在“六、办事指南”中填写'],
    ]);
    expect(doc({}, [])).toEqual([
      expect.objectContaining({ code: 'GUIDE_FORM_MISSING', blocking: false, message: expect.stringContaining('高龄津贴申领登记表') }),
    ]);
    expect(doc({ guideEnquiryPhone: '13812345678' })).toEqual([expect.objectContaining({ rule: 'N15', blocking: true })]);
    const outside = checkDocument({
      title: '指南',
      body: [],
      disclosure: 'proactive',
      attachments: [],
      guide: { fields: full, forms: [form], inGuideColumn: false },
    });
    expect(outside).toEqual([expect.objectContaining({ rule: 'N6', code: 'GUIDE_COLUMN_MISSING', blocking: false })]);
  });

  test('N6: lines lose their numbering; the public page has one section per element, lists where there are several lines', () => {
    expect(elementLines('1. 申请\n（2）审核\n三、发放\n\n')).toEqual(['申请', '审核', '发放']);
    const sections = guideSections({ ...full, guideEnquiryPhone: '0883-2124567；13812345678' }, [{ title: '登记表', url: '/media/x.csv' }]);
    expect(sections.map((s) => s.label)).not.toContain('收费依据');
    expect(sections).toHaveLength(14);
    expect(sections.find((s) => s.label === '办理流程')).toMatchObject({ ordered: true, lines: ['申请', '审核', '发放'] });
    expect(sections.find((s) => s.label === '办理材料')!.forms).toEqual([{ title: '登记表', url: '/media/x.csv' }]);
    expect(sections.find((s) => s.label === '咨询电话')!.text).toBe('0883-2124567；138****5678');
    expect(sections.find((s) => s.label === '在线办理')!.link).toBe('https://zwfw.yn.gov.cn/x');
  });

  test('N6: a page of any site is read as a guide by its title or its element headings; form and online links by their look', () => {
    expect(looksLikeGuidePage('临时救助办事指南', '')).toBe(true);
    expect(looksLikeGuidePage('临时救助', '设定依据 申请条件 申请材料 办理地点 收费标准')).toBe(true);
    expect(looksLikeGuidePage('工作动态', '办理地点 收费标准')).toBe(false);
    expect(
      missingOnPage(
        '事项名称 办理依据 受理条件 所需材料 受理地点 实施机关 不收费 工作时间 联系电话 监督电话 办理程序 法定期限 承诺期限',
      ).map((e) => e.label),
    ).toEqual([]);
    expect(missingOnPage('事项名称').map((e) => e.label)).not.toContain('收费依据');
    expect(isFormLink('/files/a.docx', '附件')).toBe(true);
    expect(isFormLink('http://x.gov.cn/down?id=1', '申请表下载')).toBe(true);
    expect(isFormLink('/documents/1', '相关文件')).toBe(false);
    expect(isOnlineServiceLink('一网通办')).toBe(true);
  });
});
