import { describe, expect, test } from '@jest/globals';
import { assessmentFigures, assessmentText, type FigureCounts } from '../../../src/reports/core/assessment.js';

const counts: FigureCounts = {
  year: 2026,
  documentsByArea: { decision: 3, execution: 10, result: 2, none: 1 },
  documentsByColumnKind: { news: 8, policy: 4 },
  interpretationsByForm: { text: 2, graphic: 1 },
  proactiveOnTime: 19,
  proactiveLate: 1,
  requestsReceived: 5,
  requestsClosedByGroup: { disclosed: 2, withheld: 1 },
  requestsClosedOnTime: 3,
  messages: { received: 31, replied: 29 },
  consultations: { opened: 2, comments: 14 },
  incidents: { total: 3 },
  responsibility: { leader: '赵建国（副局长）', office: '局办公室', staff: '张丽' },
  assessmentWeightPercent: 5,
};

describe('S12 figures', () => {
  test('S12: totals, the 五公开 areas in order with the unclassified last, percentages to one decimal', () => {
    const f = assessmentFigures(counts);
    expect(f.documents.total).toBe(16);
    expect(f.documents.byArea).toEqual([
      { label: '决策公开', value: 3 },
      { label: '执行公开', value: 10 },
      { label: '管理公开', value: 0 },
      { label: '服务公开', value: 0 },
      { label: '结果公开', value: 2 },
      { label: '未分类', value: 1 },
    ]);
    expect(f.documents.byColumnKind).toEqual([
      { label: '动态要闻', value: 8 },
      { label: '政策文件', value: 4 },
    ]);
    expect(f.interpretations.total).toBe(3);
    expect(f.proactiveTimeliness.percentOnTime).toBe(95);
    expect(f.requests).toMatchObject({ received: 5, closed: 3, onTime: 3, percentOnTime: 100 });
    expect(f.requests.byGroup[0]).toEqual({ label: '（一）予以公开', value: 2 });
    expect(f.requests.byGroup[1].label).toBe('（二）部分公开');
    expect(f.warnings).toEqual(['1 件主动公开信息未在形成后 20 个工作日内公开']);
  });

  test('S12: no closed item gives no percentage rather than 0 % or 100 %', () => {
    const f = assessmentFigures({ ...counts, proactiveOnTime: 0, proactiveLate: 0, requestsClosedByGroup: {}, requestsClosedOnTime: 0 });
    expect(f.proactiveTimeliness.percentOnTime).toBeNull();
    expect(f.requests.percentOnTime).toBeNull();
    expect(assessmentText(f)).toContain('按期率 —');
  });

  test('S12: missing responsibility and a weight under 4 % are named', () => {
    const f = assessmentFigures({
      ...counts,
      responsibility: { leader: '', office: '局办公室', staff: '' },
      assessmentWeightPercent: 3.5,
      proactiveLate: 0,
      requestsClosedOnTime: 2,
    });
    expect(f.warnings).toEqual([
      '未在网站设置中明确政务公开分管领导、责任科室和工作人员',
      '政务公开工作在绩效考核中的分值占比为 3.5%，低于 4%',
      '1 件依申请公开未在法定期限内答复',
    ]);
    expect(assessmentFigures({ ...counts, assessmentWeightPercent: null }).warnings[0]).toContain(
      '未设置政务公开工作在绩效考核中的分值占比',
    );
  });

  test("S12: the text gives every capability's figures and the assessment weight", () => {
    const text = assessmentText(assessmentFigures(counts));
    expect(text).toContain('留言：收到 31 件，已答复 29 件');
    expect(text).toContain('舆情事件：3 件');
    expect(text).toContain('征求意见：2 次，收到意见 14 条');
    expect(text).toContain('绩效考核分值占比：5%（不低于 4%）');
  });
});
