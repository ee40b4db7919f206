import { describe, expect, test } from '@jest/globals';
import {
  compareMobile,
  comparePage,
  isDynamicRoute,
  pageParts,
  tamperReportFindings,
  textDifference,
  type PageComparison,
} from '../../../src/monitor/core/tamper.js';
import { sha256Hex } from '../../../src/site/static/core/manifest.js';

const at = new Date('2026-03-02T02:00:00Z');
const page = (body: string, head = '') =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>临沧市民政局</title>${head}</head><body>${body}</body></html>`;
const published = page(
  '<h1>临沧市民政局</h1><p>关于做好2026年春节期间困难群众救助工作的通知</p><ul><li><a href="/columns/dt">工作动态</a></li></ul>',
  '<script src="/static/site.js"></script>',
);
const compare = (live: string, over: Partial<PageComparison> = {}) =>
  comparePage({
    url: '/documents/abc',
    visitor: 'desktop',
    at,
    expected: Buffer.from(published),
    expectedSha256: sha256Hex(published),
    live: Buffer.from(live),
    type: 'text/html; charset=utf-8',
    ...over,
  });

describe('N9 网页篡改: the live page against the published bytes', () => {
  test('N9: the same bytes are no finding', () => {
    expect(compare(published)).toEqual([]);
  });

  test('N9: one changed character is a changed page, shown as the line before and after and the character', () => {
    const found = compare(published.replace('春节', '春季'));
    expect(found.map((f) => [f.ruleId, f.kind])).toEqual([['N9', 'changed']]);
    expect(found[0].difference).toEqual([
      '- 关于做好2026年春节期间困难群众救助工作的通知',
      '+ 关于做好2026年春季期间困难群众救助工作的通知',
      '~ 关于做好2026年春[-节-]{+季+}期间困难群众救助工作的通…',
    ]);
    expect(found[0]).toMatchObject({
      url: '/documents/abc',
      title: '临沧市民政局',
      at: '2026-03-02T02:00:00.000Z',
      expectedSha256: sha256Hex(published),
      liveSha256: sha256Hex(published.replace('春节', '春季')),
    });
    expect(found[0].userAgent).toMatch(/Windows NT/);
    expect(found[0].message).toContain('页面内容被改动');
  });

  test('N9: an injected hidden gambling link is an added link, marked hidden, and not visible text', () => {
    const injected = published.replace('</ul>', '</ul><div style="display:none"><a href="http://365bet.example/">365bet网投</a></div>');
    const found = compare(injected);
    expect(found.map((f) => f.kind)).toEqual(['link-added']);
    expect(found[0].difference).toEqual(['+ a href=http://365bet.example/ 「365bet网投」（隐藏：display:none）']);
    expect(found[0].message).toContain('365bet网投');
  });

  test('N9: an added script, inline or from elsewhere, and a removed one', () => {
    const live = published
      .replace('<script src="/static/site.js"></script>', '<script src="https://cdn.example/x.js"></script>')
      .replace('</body>', '<script>document.write("<a href=//bet.example>bet</a>")</script></body>');
    const found = compare(live);
    expect(found.map((f) => `${f.kind} ${f.difference.join(' ')}`).sort()).toEqual([
      'script-added + inline script: document.write("<a href=//bet.example>bet</a>")',
      'script-added + script src=https://cdn.example/x.js',
      'script-removed - script src=/static/site.js',
    ]);
  });

  test('N9: a change only in markup is still a change, shown by its hashes', () => {
    const found = compare(published.replace('<h1>', '<h1 class="x">'));
    expect(found.map((f) => f.kind)).toEqual(['changed']);
    expect(found[0].difference[0]).toBe(`发布时 SHA-256：${sha256Hex(published)}`);
  });

  test('N9: when the published file itself changed, the finding has the hashes and no text difference', () => {
    const found = compare(published.replace('春节', '春季'), { expected: null });
    expect(found).toHaveLength(1);
    expect(found[0].difference.join('\n')).toContain('无法列出文字差异');
  });

  test('N9: a phone served other bytes than the desktop and than published is one mobile finding', () => {
    const mobile = published.replace('<ul>', '<p>手机用户请访问 365bet网投</p><ul>');
    const found = compareMobile(
      {
        url: '/',
        visitor: 'mobile',
        at,
        expected: Buffer.from(published),
        expectedSha256: sha256Hex(published),
        live: Buffer.from(mobile),
      },
      sha256Hex(published),
    );
    expect(found.map((f) => [f.kind, f.visitor])).toEqual([['mobile-differs', 'mobile']]);
    expect(found[0].difference).toContain('+ 手机用户请访问 365bet网投');
    expect(found[0].userAgent).toMatch(/iPhone/);
    // The same bytes as the desktop: nothing of its own (the desktop finding covers it).
    expect(
      compareMobile(
        {
          url: '/',
          visitor: 'mobile',
          at,
          expected: Buffer.from(published),
          expectedSha256: sha256Hex(published),
          live: Buffer.from(mobile),
        },
        sha256Hex(mobile),
      ),
    ).toEqual([]);
  });

  test('N9: the key is stable for the same difference and new for another', () => {
    const a = compare(published.replace('春节', '春季'))[0].key;
    expect(compare(published.replace('春节', '春季'))[0].key).toBe(a);
    expect(compare(published.replace('春节', '秋季'))[0].key).not.toBe(a);
  });

  test('N9: the findings are vetoes of the monitor report', () => {
    const findings = compare(published.replace('春节', '春季'));
    const report = tamperReportFindings({
      baseUrl: 'https://mzj.example.gov.cn',
      checkedAt: at.toISOString(),
      pagesTotal: 3,
      pagesChecked: 3,
      manifestHash: 'h',
      recordedManifestHash: null,
      findings,
    });
    expect(report).toMatchObject([
      { ruleId: 'N9', severity: 'veto', code: 'N9.tamper-changed', page: 'https://mzj.example.gov.cn/documents/abc' },
    ]);
  });
});

describe('what a page says', () => {
  test('visible text by block, links of every kind, scripts', () => {
    const parts = pageParts(
      page(
        '<p>一<br>二</p><iframe src="/x"></iframe><form action="/search"></form><a href="/a" hidden>甲</a>',
        '<meta http-equiv="refresh" content="0;url=http://bet.example/"><link rel="stylesheet" href="/s.css">',
      ),
    );
    expect(parts.lines).toEqual(['标题：临沧市民政局', '一', '二']);
    expect(parts.links).toEqual([
      'a href=/a 「甲」（隐藏：hidden 属性）',
      'iframe src=/x',
      'link href(stylesheet)=/s.css',
      'form action=/search',
      'meta refresh=0;url=http://bet.example/',
    ]);
  });

  test('lines added and removed', () => {
    expect(textDifference(['a', 'b'], ['a', 'c', 'd'])).toEqual(['- b', '+ c', '+ d']);
  });

  test('dynamic routes are not unpublished pages', () => {
    expect(['/search', '/admin/documents', '/mailbox/new', '/consultations/x/comment'].map(isDynamicRoute)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['/', '/documents/a', '/mailbox', '/searching'].map(isDynamicRoute)).toEqual([false, false, false, false]);
  });
});
