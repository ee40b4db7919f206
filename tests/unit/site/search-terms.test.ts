import { describe, expect, test } from '@jest/globals';
import { firstHit, markTerms, maxSearchTerms, searchTerms } from '../../../src/site/core/search-terms.js';

describe('the words of a public search', () => {
  test('split at half- and full-width spaces, each once, in the order typed', () => {
    expect(searchTerms('养老 补贴')).toEqual(['养老', '补贴']);
    expect(searchTerms('养老\u3000补贴  养老')).toEqual(['养老', '补贴']);
    expect(searchTerms('最低生活保障')).toEqual(['最低生活保障']);
    expect(searchTerms(Array.from({ length: 12 }, (_, i) => `词${i}`).join(' '))).toHaveLength(maxSearchTerms);
  });

  test('every occurrence marked, the longer word first where two overlap, case folded for Latin letters', () => {
    expect(markTerms('高龄津贴和养老服务补贴，养老', ['养老', '补贴'])).toBe(
      '高龄津贴和<mark>养老</mark>服务<mark>补贴</mark>，<mark>养老</mark>',
    );
    expect(markTerms('养老服务', ['养老', '养老服务'])).toBe('<mark>养老服务</mark>');
    expect(markTerms('PDF 附件', ['pdf'])).toBe('<mark>PDF</mark> 附件');
  });

  test('the text and the words are escaped: a query cannot put markup on the page', () => {
    expect(markTerms('<b>通知</b> & "说明"', ['<b>'])).toBe('<mark>&lt;b&gt;</mark>通知&lt;/b&gt; &amp; &quot;说明&quot;');
    expect(markTerms('a<script>alert(1)</script>', ['script'])).not.toContain('<script>');
  });

  test('the excerpt is cut around the first word found', () => {
    expect(firstHit('关于做好困难群众基本生活保障工作的通知', ['保障', '困难'])).toBe(4);
    expect(firstHit('通知', ['补贴'])).toBe(-1);
  });
});
