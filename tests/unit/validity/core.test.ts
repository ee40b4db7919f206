import { describe, expect, test } from '@jest/globals';
import { cleanupItems, effectiveValidity, statedEndOnPage, validityBanner, validityProblems } from '../../../src/validity/core/validity.js';
import { filterLibrary, libraryFilterOf, type LibraryEntry } from '../../../src/validity/library.js';

const successor = { id: 's1', title: '临沧市最低生活保障审核确认实施办法', effectiveFrom: '2026-07-01', formationDate: '2026-06-10' };
const facts = { effectiveFrom: '2019-07-01', validUntil: null, repealedOn: null };

describe('N19 validity', () => {
  test('N19: a document past its 有效期至 is 已失效 from the next day, whatever was recorded', () => {
    expect(effectiveValidity({ validity: 'current', validUntil: '2026-06-30' }, '2026-06-30')).toBe('current');
    expect(effectiveValidity({ validity: 'current', validUntil: '2026-06-30' }, '2026-07-01')).toBe('expired');
    expect(effectiveValidity({ validity: 'repealed', validUntil: '2026-06-30' }, '2026-07-01')).toBe('repealed');
  });

  test('N19: the banner says what happened, when, and where to look', () => {
    expect(validityBanner({ ...facts, validity: 'repealed', repealedOn: '2026-07-01' }, successor, '2026-11-24')).toEqual({
      text: '本文件已于2026年7月1日废止，详见',
      successor,
    });
    expect(validityBanner({ ...facts, validity: 'amended' }, successor, '2026-11-24')!.text).toBe('本文件已于2026年7月1日修改，详见');
    expect(validityBanner({ ...facts, validity: 'current', validUntil: '2026-06-30' }, null, '2026-11-24')!.text).toBe(
      '本文件有效期至2026年6月30日，已失效',
    );
    expect(validityBanner({ ...facts, validity: 'current' }, null, '2026-11-24')).toBeNull();
  });

  test('N19: inconsistent validity is refused with the reason', () => {
    const base = { ...facts, hasSuccessor: false };
    expect(validityProblems({ ...base, validity: 'repealed' })).toEqual(['效力状态为“已废止”的文件须填写废止日期']);
    expect(validityProblems({ ...base, validity: 'current', repealedOn: '2026-01-01' })).toEqual([
      '填写了废止日期的文件，效力状态应为“已废止”',
    ]);
    expect(validityProblems({ ...base, validity: 'amended' })).toEqual(['效力状态为“已修改”的文件须关联修改它的文件']);
    expect(validityProblems({ ...base, validity: 'current', validUntil: '2019-01-01' })).toEqual(['有效期至不能早于施行日期']);
  });

  test('N19: the clean-up queue: validity ending within 60 days (the 60th day included), ended, and time-limited items past their day', () => {
    const item = (id: string, title: string, validUntil: string, regulatory = true) => ({
      id,
      title,
      regulatory,
      validity: 'current' as const,
      validUntil,
    });
    const found = cleanupItems(
      [
        item('a', '办法甲', '2027-01-23'),
        item('b', '办法乙', '2027-01-24'),
        item('c', '办法丙', '2026-11-23'),
        item('d', '2026年公开招聘公告', '2026-11-23', false),
        item('e', '工作动态', '2026-11-23', false),
        item('f', '拟任职人员公示', '2026-11-24', false),
      ],
      '2026-11-24',
    );
    expect(found.map((i) => [i.id, i.kind])).toEqual([
      ['c', 'validityEnded'],
      ['d', 'timePassed'],
      ['a', 'validityEnding'],
    ]);
    expect(found.find((i) => i.id === 'a')!.detail).toContain('还剩 60 天');
  });

  test('N19: a page states its own end: 有效期至, or a 招聘/公示/征集 period; a page saying it is no longer in force states none', () => {
    expect(statedEndOnPage('临时救助实施细则', '本细则自2021年7月1日起施行，有效期至2026年6月30日。')).toEqual({
      day: '2026-06-30',
      kind: 'validity',
    });
    expect(statedEndOnPage('公开招聘公告', '报名时间为2026年5月18日9:00至2026年5月22日17:00')).toEqual({
      day: '2026-05-22',
      kind: 'period',
    });
    expect(statedEndOnPage('工作动态', '活动时间为2026年5月18日至2026年5月22日')).toBeNull();
    expect(statedEndOnPage('临时救助实施细则', '本文件已失效。有效期至2026年6月30日。')).toBeNull();
  });

  test('N19: the library filters by status (in force by default), year and issuer, newest first', () => {
    const e = (id: string, formationDate: string, status: LibraryEntry['status'], issuingAuthority = '临沧市民政局'): LibraryEntry => ({
      id,
      title: id,
      documentNumber: '',
      issuingAuthority,
      formationDate,
      effectiveFrom: null,
      validUntil: null,
      status,
    });
    const all = [
      e('a', '2021-01-01', 'current'),
      e('b', '2026-01-01', 'current', '临沧市民政局 临沧市财政局'),
      e('c', '2019-01-01', 'repealed'),
    ];
    expect(filterLibrary(all, libraryFilterOf({})!).map((x) => x.id)).toEqual(['b', 'a']);
    expect(filterLibrary(all, libraryFilterOf({ status: 'all', year: '2019' })!).map((x) => x.id)).toEqual(['c']);
    expect(filterLibrary(all, libraryFilterOf({ issuer: '临沧市财政局' })!).map((x) => x.id)).toEqual(['b']);
    expect(libraryFilterOf({ status: 'gone' })).toBeNull();
    expect(libraryFilterOf({ year: '26' })).toBeNull();
  });
});
