import { describe, expect, test } from '@jest/globals';
import { contentHash, dedupKey, normalizeText, normalizeUrl, sha256 } from '../../../syndication/core/dedup.js';
import { sanitizeBody } from '../../../src/platform/content/sanitize.js';

describe('S9 URL normalisation', () => {
  test('S9: fragment dropped, host lower-cased, default port dropped, query sorted, tracking parameters dropped', () => {
    expect(normalizeUrl('https://WWW.GOV.CN:443/zhengce/content/202611/content_7000001.htm?b=2&utm_source=wx&a=1&spm=x.y#page2')).toBe(
      'https://www.gov.cn/zhengce/content/202611/content_7000001.htm?a=1&b=2',
    );
    expect(normalizeUrl('http://www.mca.gov.cn:80/n152/index.html?from=timeline&isappinstalled=0')).toBe(
      'http://www.mca.gov.cn/n152/index.html',
    );
    // The path is case-sensitive upstream: kept as it is.
    expect(normalizeUrl('https://www.gov.cn/ZhengCe/A.htm')).toBe('https://www.gov.cn/ZhengCe/A.htm');
    expect(normalizeUrl('https://x.gov.cn/list?id=2&id=1')).toBe('https://x.gov.cn/list?id=1&id=2');
  });
});

describe('S9 dedup keys', () => {
  test('S9: the upstream id comes first, scoped to the source', () => {
    const a = dedupKey('rss-a', { upstreamId: '00123', url: 'https://a.gov.cn/1.html' });
    expect(a).toBe(dedupKey('rss-a', { upstreamId: '00123', url: 'https://a.gov.cn/other.html' }));
    expect(a).not.toBe(dedupKey('rss-b', { upstreamId: '00123', url: 'https://a.gov.cn/1.html' }));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  test('S9: else the normalised URL, the same across sources and across http/https', () => {
    const key = dedupKey('gov-cn-zuixin', { url: 'https://www.gov.cn/zhengce/content/202611/content_7000001.htm' });
    expect(dedupKey('gov-cn-zhengceku', { url: 'http://WWW.gov.cn/zhengce/content/202611/content_7000001.htm#x' })).toBe(key);
    expect(dedupKey('gov-cn-zuixin', { url: 'https://www.gov.cn/zhengce/content/202611/content_7000001.htm?utm_medium=rss' })).toBe(key);
    expect(dedupKey('gov-cn-zuixin', { url: 'https://www.gov.cn/zhengce/content/202611/content_7000002.htm' })).not.toBe(key);
  });

  test('S9: else title and content, whitespace-insensitive, scoped to the source', () => {
    const key = dedupKey('s', { title: '关于 低保 的通知', content: '<p>正文  内容</p>' });
    expect(dedupKey('s', { title: '关于低保的通知', content: '<div>正文\n内容</div>' })).toBe(key);
    expect(dedupKey('t', { title: '关于低保的通知', content: '正文内容' })).not.toBe(key);
    expect(dedupKey('s', { url: 'not a url', title: '关于低保的通知', content: '正文内容' })).toBe(key);
  });
});

describe('S9 content hash (edit detection)', () => {
  test('S9: markup, indentation, full-width spaces and nbsp do not count as an edit', () => {
    const base = contentHash({ title: '通知', bodyHtml: '<p>　　每人每月800元。</p><p>特此通知。</p>' });
    expect(contentHash({ title: '通知 ', bodyHtml: '<div>\n  <p>每人每月800元。</p>\n<p>特此&nbsp;通知。</p></div>' })).toBe(base);
    expect(contentHash({ title: '通知', bodyHtml: '<p>每人每月\u200b800元。</p><p>特此通知。</p>' })).toBe(base);
  });

  test('S9: a changed figure or title is an edit', () => {
    const base = contentHash({ title: '通知', bodyHtml: '<p>每人每月800元。</p>' });
    expect(contentHash({ title: '通知', bodyHtml: '<p>每人每月850元。</p>' })).not.toBe(base);
    expect(contentHash({ title: '通知（修订）', bodyHtml: '<p>每人每月800元。</p>' })).not.toBe(base);
  });

  test('S9: the hash of a sanitized body is the one stored before it was read without a tree (no item flagged as edited by an upgrade)', () => {
    // The hash as it was computed: title and body text by the HTML5 parser (normalizeText).
    const before = (title: string, bodyHtml: string) => sha256(`${normalizeText(title)}\n${normalizeText(bodyHtml)}`);
    const bodies = [
      '<p>各州、市人民政府：</p><p class="text-center">现将&lt;办法&gt;印发给你们，请认真贯彻执行。</p>',
      '<table><tbody><tr><td>序号</td><td colspan="2">标准（元/人·月）</td></tr><tr><td>1</td><td>800</td><td>&amp;</td></tr></tbody></table>',
      '<div><p>附件：<a href="https://www.gov.cn/files/1.pdf">实施方案</a></p><br /><img src="https://www.gov.cn/1.png" alt="图" /></div>',
      '<p>&nbsp;“十五五”&#8203;规划</p><ul><li>一</li><li>二</li></ul>',
    ];
    for (const raw of bodies) {
      const bodyHtml = sanitizeBody(raw, { baseUrl: 'https://www.gov.cn/' });
      expect(contentHash({ title: '关于A&B的通知', bodyHtml })).toBe(before('关于A&B的通知', bodyHtml));
    }
  });

  test('normalizeText and sha256', () => {
    expect(normalizeText('<p>A &amp; B</p>\n<p>\u3000C</p>')).toBe('A&BC');
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
