// clock-sensitive: also runs at each fixed today (tests/run-at-fixed-days.mjs).
import { describe, expect, test } from '@jest/globals';
import {
  acceptsComments,
  meetingPlanProblems,
  moderationProblem,
  periodDays,
  periodProblems,
  periodState,
  publicationProblems,
  reportDueOn,
  reportFigures,
  reportProblems,
  type CommentFacts,
} from '../../../src/consultation/core/rules.js';
import { consultationActionsFor } from '../../../src/consultation/core/workflow.js';
import { publicName } from '../../../src/consultation/data.js';

const comment = (over: Partial<CommentFacts> = {}): CommentFacts => ({
  moderation: 'shown',
  adoption: 'adopted',
  adoptionReason: '',
  opinionGroup: '',
  ...over,
});

describe('comment period (S2, 《重大行政决策程序暂行条例》第十四条)', () => {
  test('S2: both the opening and the closing day count', () => {
    expect(periodDays('2026-11-10', '2026-12-09')).toBe(30);
    expect(periodDays('2026-12-01', '2026-12-01')).toBe(1);
  });

  test('S2: a period of 30 days passes, 29 days is refused unless a reason is given', () => {
    expect(periodProblems({ opensOn: '2026-11-10', closesOn: '2026-12-09' })).toEqual([]);
    expect(periodProblems({ opensOn: '2026-11-10', closesOn: '2026-12-08' })[0]).toContain('29 日，少于 30 日');
    expect(periodProblems({ opensOn: '2026-11-10', closesOn: '2026-12-08', shortPeriodReason: '  ' })).toHaveLength(1);
    expect(periodProblems({ opensOn: '2026-11-10', closesOn: '2026-11-20', shortPeriodReason: '寒潮应急救助措施须在入冬前出台' })).toEqual(
      [],
    );
  });

  test('S2: a closing day before the opening day, or a missing day, is refused', () => {
    expect(periodProblems({ opensOn: '2026-11-10', closesOn: '2026-11-09', shortPeriodReason: '紧急' })).toEqual([
      '征求意见截止日期不能早于开始日期',
    ]);
    expect(periodProblems({ opensOn: null, closesOn: '2026-11-09' })).toEqual(['请填写征求意见的起止日期']);
  });

  test('S11: comments are taken from the opening day through the closing day, in China days', () => {
    const period = { opensOn: '2026-11-10', closesOn: '2026-12-09' };
    expect(periodState(period, '2026-11-09')).toBe('notYetOpen');
    expect(periodState(period, '2026-11-10')).toBe('open');
    expect(periodState(period, '2026-12-09')).toBe('open');
    expect(periodState(period, '2026-12-10')).toBe('ended');
    expect(acceptsComments({ status: 'open', ...period }, '2026-12-09')).toBe(true);
    expect(acceptsComments({ status: 'open', ...period }, '2026-12-10')).toBe(false);
    // Not published (or already closed): no comments, whatever the dates.
    expect(acceptsComments({ status: 'review', ...period }, '2026-11-20')).toBe(false);
    expect(acceptsComments({ status: 'closed', ...period }, '2026-11-20')).toBe(false);
  });
});

describe('publication (S2)', () => {
  const ready = {
    title: '征求意见',
    hasDraftText: true,
    basis: '依据',
    contact: '社会救助科',
    decisionBody: 'partyGroup',
    opensOn: '2026-11-10',
    closesOn: '2026-12-09',
  };
  test('S2: a complete draft may be published', () => expect(publicationProblems(ready)).toEqual([]));
  test('S2: the draft is published with its basis, a contact, the decision meeting and a valid period', () => {
    const problems = publicationProblems({
      ...ready,
      hasDraftText: false,
      basis: ' ',
      contact: null,
      decisionBody: null,
      closesOn: '2026-11-20',
    });
    expect(problems).toHaveLength(5);
    expect(problems.join()).toMatch(/正文.*起草依据.*联系方式.*决策会议.*少于 30 日/);
  });
});

describe('adoption report (S11)', () => {
  const reason = '超出现行财力和政策规定';
  test('S11: the figures are counted from the comments', () => {
    const figures = reportFigures([
      comment({ opinionGroup: '纳入互助养老' }),
      comment({ opinionGroup: '纳入互助养老' }),
      comment({ adoption: 'notAdopted', adoptionReason: reason, opinionGroup: '全额承担' }),
      comment({ adoption: 'partial', adoptionReason: '部分' }),
      comment({ moderation: 'hidden', adoption: null }),
    ]);
    expect({ ...figures, opinions: undefined }).toEqual({
      received: 5,
      shown: 4,
      hidden: 1,
      adopted: 2,
      partial: 1,
      notAdopted: 1,
      opinions: undefined,
    });
    expect(figures.opinions).toEqual([
      { name: '纳入互助养老', comments: 2, adoption: 'adopted', reason: '' },
      { name: '全额承担', comments: 1, adoption: 'notAdopted', reason },
    ]);
  });

  test('S11: a concentrated opinion not adopted without a reason keeps the report from being published', () => {
    const comments = [
      comment({ adoption: 'notAdopted', opinionGroup: '全额承担' }),
      comment({ adoption: 'notAdopted', opinionGroup: '全额承担' }),
    ];
    expect(reportProblems({ reportText: '说明', periodEnded: true, comments })).toEqual(['集中意见“全额承担”未采纳，必须说明理由（S11）']);
    comments[1]!.adoptionReason = reason;
    expect(reportProblems({ reportText: '说明', periodEnded: true, comments })).toEqual([]);
  });

  test('S11: partly adopted concentrated opinions state why the rest was not', () => {
    expect(
      reportProblems({ reportText: '说明', periodEnded: true, comments: [comment({ adoption: 'partial', opinionGroup: '提高标准' })] })[0],
    ).toContain('部分采纳，必须说明理由');
  });

  test('S11: the report waits for the end of the period, its text, moderation and a decision on every shown comment', () => {
    const problems = reportProblems({
      reportText: '',
      periodEnded: false,
      comments: [
        comment({ moderation: 'pending', adoption: null }),
        comment({ adoption: null }),
        comment({ moderation: 'hidden', adoption: null }),
      ],
    });
    expect(problems).toEqual([
      '征求意见期限尚未结束，不能公布采纳情况',
      '请填写意见采纳情况说明',
      '尚有 1 条意见未审核',
      '尚有 1 条公开显示的意见未标明是否采纳',
    ]);
  });

  test('S11: comments of one concentrated opinion carry one decision', () => {
    const problems = reportProblems({
      reportText: '说明',
      periodEnded: true,
      comments: [comment({ opinionGroup: 'A' }), comment({ opinionGroup: 'A', adoption: 'notAdopted', adoptionReason: reason })],
    });
    expect(problems).toEqual(['集中意见“A”中的意见采纳结论不一致或未标明，请统一']);
  });

  test('S11: a hidden comment needs its reason', () => {
    expect(moderationProblem({ moderation: 'hidden', hiddenReason: null })).toBe('不予显示的意见须选择原因');
    expect(moderationProblem({ moderation: 'hidden', hiddenReason: 'abusive' })).toBeNull();
  });

  test('S2: the report is due the last working day before the decision meeting, at the latest 15 working days after closing', () => {
    // Closed Friday 2026-11-20; 15 working days later is Friday 2026-12-11.
    expect(reportDueOn('2026-11-20', [])).toBe('2026-12-11');
    // A meeting on Monday 2026-11-30: due Friday 2026-11-27.
    expect(reportDueOn('2026-11-20', ['2026-11-30'])).toBe('2026-11-27');
    // Around the National Day holiday of 2026 (1–7 October): the last working day before 8 October is 30 September.
    expect(reportDueOn('2026-09-20', ['2026-10-08'])).toBe('2026-09-30');
    // A meeting held before the period closed does not count.
    expect(reportDueOn('2026-11-20', ['2026-11-10'])).toBe('2026-12-11');
  });
});

describe('meeting plans (S2)', () => {
  const plan = {
    topic: '审议养老服务补贴办法',
    meetingOn: '2026-12-15',
    attendeeCategories: ['experts', 'media'],
    openness: 'public',
    openingMethods: ['liveStream'],
  };
  test('S2: a plan with attendee categories and openness passes', () => expect(meetingPlanProblems(plan)).toEqual([]));
  test('S2: a plan without attendee categories or an openness statement is refused', () => {
    expect(meetingPlanProblems({ ...plan, attendeeCategories: [] })[0]).toContain('列席人员类别');
    expect(meetingPlanProblems({ ...plan, openness: null })).toEqual(['请说明会议是否公开（S2）']);
    expect(meetingPlanProblems({ ...plan, openingMethods: [] })).toEqual(['公开的会议须选择公开方式（网络直播、公开报道、旁听等）']);
    expect(meetingPlanProblems({ ...plan, openness: 'notPublic' })).toEqual(['不公开的会议不能选择公开方式']);
    expect(meetingPlanProblems({ ...plan, openness: 'notPublic', openingMethods: [] })).toEqual([]);
  });
});

describe('who does what', () => {
  const item = (status: 'draft' | 'review' | 'open' | 'closed' | 'reported') => ({ status, departmentId: 'd1' });
  test('S2: the department submits, the office or a leader approves or returns and publishes the report', () => {
    expect(consultationActionsFor(item('draft'), { id: 'u', role: 'editor', departmentId: 'd1' })).toEqual(['submit']);
    expect(consultationActionsFor(item('draft'), { id: 'u', role: 'editor', departmentId: 'd2' })).toEqual([]);
    expect(consultationActionsFor(item('review'), { id: 'u', role: 'editor', departmentId: 'd1' })).toEqual([]);
    expect(consultationActionsFor(item('review'), { id: 'u', role: 'officeReviewer', departmentId: null })).toEqual([
      'approve',
      'returnToDrafter',
    ]);
    expect(consultationActionsFor(item('closed'), { id: 'u', role: 'leader', departmentId: null })).toEqual(['publishReport']);
    expect(consultationActionsFor(item('closed'), { id: 'u', role: 'infoSection', departmentId: null })).toEqual([]);
    expect(consultationActionsFor(item('reported'), { id: 'u', role: 'admin', departmentId: null })).toEqual([]);
    expect(consultationActionsFor(item('draft'), null)).toEqual([]);
  });
});

test('N15: a commenter is shown by surname only, 网友 without a name', () => {
  expect(publicName('王芳芳')).toBe('王**');
  expect(publicName('李')).toBe('李*');
  expect(publicName('  ')).toBe('网友');
});
