import { describe, expect, test } from '@jest/globals';
import { disclosureMissing, disclosureProblems, richTextHasContent } from '../../../src/workflow/core/disclosure.js';
import { isPublicDocument } from '../../../src/platform/access/documents.js';

const paragraph = (text: string) => `<p>${text}</p>`;

describe('S1 disclosure attribute', () => {
  test('S1: 主动公开 needs no reason', () => {
    expect(disclosureProblems({ disclosure: 'proactive', disclosureReason: '', hasRedactedBody: false })).toEqual([]);
  });

  test('S1: 依申请公开 and 不公开 need a legal reason', () => {
    for (const disclosure of ['onRequest', 'notPublic'] as const) {
      expect(disclosureProblems({ disclosure, disclosureReason: '  ', hasRedactedBody: false })).toEqual([
        expect.stringContaining('说明理由'),
      ]);
      expect(disclosureProblems({ disclosure, disclosureReason: '《条例》第十四条', hasRedactedBody: false })).toEqual([]);
    }
  });

  test('S1: 删减后公开 needs a reason and its redacted text', () => {
    const problems = disclosureProblems({ disclosure: 'redacted', disclosureReason: null, hasRedactedBody: false });
    expect(problems).toHaveLength(2);
    expect(problems[1]).toContain('删减后的公开文本');
  });

  test('S1: a document without an attribute is given the cause when it leaves draft', () => {
    expect(disclosureMissing(null)).toContain('未明确公开属性');
    expect(disclosureMissing('proactive')).toBeNull();
  });

  test('S1: only 主动公开 and 删减后公开 can ever be public', () => {
    expect(
      ['proactive', 'redacted', 'onRequest', 'notPublic', null].map((disclosure) => isPublicDocument({ status: 'published', disclosure })),
    ).toEqual([true, true, false, false, false]);
    expect(isPublicDocument({ status: 'leaderApproval', disclosure: 'proactive' })).toBe(false);
  });

  test('rich text counts as content only when it has text: empty paragraphs and markup are no content', () => {
    expect(richTextHasContent(paragraph(''))).toBe(false);
    expect(richTextHasContent('<p></p><p><br></p><table><tbody><tr><td><p> </p></td></tr></tbody></table>')).toBe(false);
    expect(richTextHasContent(paragraph('删减后文本'))).toBe(true);
    expect(richTextHasContent('<table><tbody><tr><td><p>1200</p></td></tr></tbody></table>')).toBe(true);
    expect(richTextHasContent('')).toBe(false);
    expect(richTextHasContent(null)).toBe(false);
  });
});
