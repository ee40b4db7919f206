// clock-sensitive: also runs at each fixed today (tests/run-at-fixed-days.mjs).
import { describe, expect, test } from '@jest/globals';
import {
  halfYearBounds,
  halfYearLabel,
  selfInspectionContents,
  selfInspectionText,
  type InspectedDocument,
} from '../../../src/reports/core/self-inspection.js';

const doc = (over: Partial<InspectedDocument>): InspectedDocument => ({
  id: 'd',
  title: '文件',
  disclosure: 'proactive',
  disclosureReason: null,
  formationDate: '2026-03-02',
  publishedOn: '2026-03-04',
  ...over,
});

describe('S4 half years', () => {
  test('S4: H1 is January to June, H2 July to December', () => {
    expect(halfYearBounds('2026-H1')).toEqual({ start: '2026-01-01', end: '2026-06-30' });
    expect(halfYearBounds('2026-H2')).toEqual({ start: '2026-07-01', end: '2026-12-31' });
    expect(halfYearLabel('2025-H2')).toBe('2025年下半年');
  });

  test('S4: anything else is refused in Chinese', () => {
    for (const bad of ['2026-H3', '2026H1', '26-H1', '2026-h1', '', '2026-H1 '])
      expect(() => halfYearBounds(bad)).toThrow(/格式不正确，应为 YYYY-H1（上半年）或 YYYY-H2（下半年）/);
  });
});

describe('S4 contents', () => {
  const contents = selfInspectionContents({
    half: '2026-H1',
    department: '社会救助科',
    today: '2026-07-10',
    documents: [
      doc({
        id: 'a',
        title: '不公开的请示',
        disclosure: 'notPublic',
        disclosureReason: '内部事务信息',
        formationDate: '2026-05-01',
        publishedOn: null,
      }),
      doc({
        id: 'b',
        title: '依申请公开的复函',
        disclosure: 'onRequest',
        disclosureReason: '',
        formationDate: '2026-02-01',
        publishedOn: null,
      }),
      doc({
        id: 'c',
        title: '下半年的不公开文件',
        disclosure: 'notPublic',
        disclosureReason: '过程性信息',
        formationDate: '2026-07-01',
        publishedOn: null,
      }),
      // N12: formed 2026-03-02, limit 20 working days (2026-03-30); published 2026-04-10: late.
      doc({ id: 'd', title: '逾期公开的通知', formationDate: '2026-03-02', publishedOn: '2026-04-10' }),
      doc({ id: 'e', title: '按期公开的通知', formationDate: '2026-03-02', publishedOn: '2026-03-04' }),
      // Not yet published and past its limit (20 working days, with Saturday 9 May a 调休 working day): overdue.
      doc({ id: 'f', title: '尚未公开的方案', formationDate: '2026-05-06', publishedOn: null }),
    ],
    requests: [
      { id: 'r1', topic: '低保标准', receivedOn: '2026-01-05', shouldBeProactive: true, convertedDocumentId: 'x' },
      { id: 'r2', topic: '低保标准 ', receivedOn: '2026-03-05', shouldBeProactive: false, convertedDocumentId: null },
      { id: 'r3', topic: '救助名单', receivedOn: '2026-04-05', shouldBeProactive: true, convertedDocumentId: null },
      { id: 'r4', topic: '救助名单', receivedOn: '2026-07-05', shouldBeProactive: false, convertedDocumentId: null },
      { id: 'r5', topic: '殡葬收费', receivedOn: '2026-06-30', shouldBeProactive: false, convertedDocumentId: null },
    ],
  });

  test('S4: withheld documents of the half, oldest first, numbered W, with their reasons (a missing reason is said)', () => {
    expect(contents.withheld.map((w) => [w.ref, w.id, w.disclosureLabel, w.reason])).toEqual([
      ['W1', 'b', '依申请公开', '（未填写理由）'],
      ['W2', 'a', '不公开', '内部事务信息'],
    ]);
  });

  test('S4: topics of the half counted, most requested first, numbered T', () => {
    expect(contents.topics).toEqual([
      { ref: 'T1', topic: '低保标准', count: 2 },
      // Ties in pinyin order (殡 bìn before 救 jiù).
      { ref: 'T2', topic: '殡葬收费', count: 1 },
      { ref: 'T3', topic: '救助名单', count: 1 },
    ]);
    expect(contents.requestCount).toBe(4);
  });

  test('S4: requests marked to become proactive, and whether they did', () => {
    expect(contents.shouldBeProactive.map((s) => [s.id, s.converted])).toEqual([
      ['r1', true],
      ['r3', false],
    ]);
  });

  test('N12: proactive documents published late or overdue', () => {
    expect(contents.late.map((l) => [l.id, l.deadline, l.publishedOn])).toEqual([
      ['d', '2026-03-30', '2026-04-10'],
      ['f', '2026-06-02', null],
    ]);
  });

  test('S4: the text names every part in Chinese', () => {
    const text = selfInspectionText(contents);
    expect(text.split('\n')[0]).toBe('社会救助科2026年上半年政府信息公开自查');
    expect(text).toContain('  W2 《不公开的请示》（不公开，成文日期 2026-05-01）理由：内部事务信息');
    expect(text).toContain('  T1 低保标准：2 件');
    expect(text).toContain('  救助名单（2026-04-05 收到）：尚未转为主动公开');
    expect(text).toContain('  《尚未公开的方案》成文日期 2026-05-06，期限 2026-06-02，尚未公开');
  });
});
