import { describe, expect, test } from '@jest/globals';
import { ContentGate, entryProblems, type GateEntry } from '../../../src/workflow/core/content-gate.js';
import { starterDictionary } from '../../../src/workflow/core/starter-dictionary.js';

const gate = new ContentGate(starterDictionary);

describe('the content gate (N7, N19)', () => {
  test('N7: a wrong state name blocks and names its entry and source', () => {
    const [finding] = gate.check('依据《中华人民共合国社会救助法》', '2026-11-24');
    expect(finding).toMatchObject({
      rule: 'N7',
      kind: 'serious',
      blocking: true,
      matched: '中华人民共合国',
      entry: expect.objectContaining({ term: '中华人民共合国', source: '《中华人民共和国宪法》' }),
    });
    expect(finding.message).toBe('国家名称错误：“中华人民共合国”应为“中华人民共和国”，请改正（依据：《中华人民共和国宪法》）');
  });

  test('N7: a sensitive word is refused with the word to use, or to be deleted when there is none', () => {
    expect(gate.check('为残废人办理两项补贴', '2026-11-24')[0].message).toBe(
      '敏感词：“残废人”应为“残疾人”，请改正（依据：新华社《新闻信息报道中的禁用词和慎用词》（2016年修订））',
    );
    const own = new ContentGate([{ kind: 'serious', category: 'sensitive', term: '某敏感词', source: '局办公室通知' }]);
    expect(own.check('含有某敏感词的句子', '2026-11-24')[0].message).toBe(
      '敏感词：“某敏感词”不得出现在公开内容中，请删除或改写（依据：局办公室通知）',
    );
  });

  test('N19: an outdated expression warns from the day it went out of use, not before', () => {
    expect(gate.check('落实十三五规划', '2021-03-12')).toEqual([]);
    expect(gate.check('落实十三五规划', '2021-03-13')).toEqual([
      expect.objectContaining({ rule: 'N19', kind: 'outdated', blocking: false }),
    ]);
  });

  test('N19: a text that speaks of the past on purpose (原…, 时任…) is left alone', () => {
    expect(gate.check('原国家卫生计生委的老龄工作职责', '2026-11-24')).toEqual([]);
    expect(gate.check('国家卫生计生委的老龄工作职责', '2026-11-24')).toHaveLength(1);
  });

  test("N7: a leader's title outside the term warns in either order of name and title, naming the holder on that day", () => {
    for (const text of ['王建华局长出席会议', '局长王建华出席会议']) {
      const [finding] = gate.check(text, '2026-11-24');
      expect(finding).toMatchObject({ rule: 'N7', kind: 'leader', blocking: false });
      expect(finding.message).toContain('王建华已于 2025-06-30 卸任局长；2026-11-24 时的局长为李明');
    }
    expect(gate.check('王建华局长出席会议', '2025-06-30')).toEqual([]);
    expect(gate.check('李明局长出席会议', '2025-01-10')[0].message).toContain('自 2025-07-01 起才任局长');
    expect(gate.check('时任局长王建华出席会议', '2026-11-24')).toEqual([]);
  });

  test('N7: a leader back in the same title for a second term is right during either term', () => {
    const twice = new ContentGate([
      { kind: 'leader', term: '张三', title: '局长', termStart: '2015-01-01', termEnd: '2018-12-31', source: '任免通知' },
      { kind: 'leader', term: '张三', title: '局长', termStart: '2022-01-01', termEnd: null, source: '任免通知' },
    ]);
    expect(twice.check('张三局长讲话', '2016-05-01')).toEqual([]);
    expect(twice.check('张三局长讲话', '2026-11-24')).toEqual([]);
    expect(twice.check('张三局长讲话', '2020-05-01')).toHaveLength(1);
  });

  test('each entry is reported once, at its first place', () => {
    expect(gate.check('中华人民共合国，中华人民共合国', '2026-11-24')).toEqual([expect.objectContaining({ start: 0 })]);
  });

  test('N7: an entry missing what its kind needs is refused with what to fill in', () => {
    const leader: Partial<GateEntry> = { kind: 'leader', term: '张三', source: '任免通知', termStart: '2026-01-01', termEnd: '2025-01-01' };
    expect(entryProblems(leader)).toEqual(['领导职务请填写“职务”，例如：局长', '“任职截止日”早于“任职起始日”：请检查日期']);
    expect(entryProblems({ kind: 'serious', category: 'officialName', term: '民政局', replacement: '临沧市民政局', source: 'x' })).toEqual([
      '“正确写法”中含有错误写法“民政局”本身，正确的文字也会被拦截：请检查两者',
    ]);
    expect(starterDictionary.flatMap((e) => entryProblems(e))).toEqual([]);
  });
});
