import { describe, expect, test } from '@jest/globals';
import { isAttachmentUrl, listAssets, rewriteAssetUrls, sanitizeBody } from '../../../src/platform/content/sanitize.js';

const BASE = 'https://www.gov.cn/zhengce/content/202611/content_7000001.htm';
const clean = (html: string): string => sanitizeBody(html, { baseUrl: BASE });

describe('S9 sanitizing upstream bodies (N9: nothing injected reaches our pages)', () => {
  test('S9: scripts, styles, iframes, objects and their content are removed', () => {
    const out = clean(
      '<p>正文</p><script>alert(1)</script><style>body{display:none}</style><iframe src="https://bet.example/">x</iframe>' +
        '<object data="x.swf">fallback</object><embed src="x.swf"><noscript><img src="t.gif"></noscript><template><p>t</p></template>',
    );
    expect(out).toBe('<p>正文</p>');
  });

  test('S9: event handlers, style and class attributes are stripped', () => {
    expect(
      clean(
        '<p onclick="x()" style="color:red" class="evil">a</p><img src="a.png" onerror="alert(1)" onload="x()"><div style="position:fixed" class="ad">b</div><span style="display:none">暗链</span>',
      ),
    ).toBe(`<p>a</p><img src="https://www.gov.cn/zhengce/content/202611/a.png" /><div>b</div><span>暗链</span>`);
  });

  test('S9: javascript:, vbscript: and data: URLs are removed, however they are disguised', () => {
    const hostile = [
      '<a href="javascript:alert(1)">1</a>',
      '<a href="JaVaScRiPt:alert(1)">2</a>',
      '<a href="  javascript:alert(1)">3</a>',
      '<a href="jav&#x09;ascript:alert(1)">4</a>',
      '<a href="jav&#x0A;ascript:alert(1)">5</a>',
      '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">6</a>',
      '<a href="vbscript:msgbox(1)">7</a>',
      '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">8</a>',
      '<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">',
      '<img src="javascript:alert(1)">',
    ].join('');
    const out = clean(hostile);
    expect(out).toBe('<a>1</a><a>2</a><a>3</a><a>4</a><a>5</a><a>6</a><a>7</a><a>8</a>');
  });

  test('S9: nested and malformed tricks do not produce markup', () => {
    const tricks = [
      '<scr<script>ipt>alert(1)</scr</script>ipt>',
      '<<script>script>alert(1)<</script>/script>',
      '<svg><script>alert(1)</script><a xlink:href="javascript:alert(1)">x</a></svg>',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
      '<p><!--<script>alert(1)</script>--></p>',
      '<form action="https://evil.example/"><input name="q"><button>提交</button></form>',
      '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://bet.example/"><link rel="stylesheet" href="x.css">',
      '<img src="x.png" <script>alert(1)</script>',
    ].join('\n');
    const out = clean(tricks);
    expect(out).not.toMatch(/<(script|svg|math|style|form|input|button|base|meta|link|iframe)\b/i);
    expect(out).not.toMatch(/\son\w+=/i);
    expect(out).not.toMatch(/javascript:/i);
    expect(out).not.toContain('https://evil.example');
    expect(out).not.toContain('https://bet.example');
  });

  test('S9: relative links and images become absolute against the page URL; fragments and protocol-relative ones too', () => {
    expect(
      clean(
        '<a href="../202610/content_1.htm">上一篇</a><img src="/images/logo.png" alt="标识"><a href="#top">顶部</a><a href="//cdn.gov.cn/x.pdf">附件</a>',
      ),
    ).toBe(
      '<a href="https://www.gov.cn/zhengce/content/202610/content_1.htm">上一篇</a>' +
        '<img src="https://www.gov.cn/images/logo.png" alt="标识" /><a>顶部</a><a href="https://cdn.gov.cn/x.pdf">附件</a>',
    );
  });

  test('S9: government document structure survives: headings, lists, tables with merged cells, sub/sup, alignment of the 落款', () => {
    const html =
      '<h2>一、总体要求</h2><ol start="2"><li>第二条</li></ol><table border="1" width="100%"><tr><th colspan="2" style="x">项目</th></tr>' +
      '<tr><td rowspan="2">低保</td><td>每人每月 800 元<sup>1</sup>、CO<sub>2</sub></td></tr></table>' +
      '<p style="text-align: center;">国办发〔2026〕41号</p><p align="right">国务院办公厅</p><p><strong>加粗</strong><em>斜</em><u>下划线</u><br>换行</p>';
    expect(clean(html)).toBe(
      '<h2>一、总体要求</h2><ol start="2"><li>第二条</li></ol><table><tr><th colspan="2">项目</th></tr>' +
        '<tr><td rowspan="2">低保</td><td>每人每月 800 元<sup>1</sup>、CO<sub>2</sub></td></tr></table>' +
        '<p class="text-center">国办发〔2026〕41号</p><p class="text-right">国务院办公厅</p><p><strong>加粗</strong><em>斜</em><u>下划线</u><br />换行</p>',
    );
  });

  test('S9: the images and attachments are listed once each, for copying into local storage', () => {
    const body = clean(
      '<p><img src="a.png" alt="图一"><img src="a.png"></p><p><a href="P1.pdf">附件1.pdf</a> <a href="P1.pdf">再次</a> <a href="f.docx" title="申请表"></a> <a href="other.htm">链接</a></p>',
    );
    expect(listAssets(body, BASE)).toEqual({
      images: [{ url: 'https://www.gov.cn/zhengce/content/202611/a.png', alt: '图一' }],
      attachments: [
        { url: 'https://www.gov.cn/zhengce/content/202611/P1.pdf', name: '附件1.pdf' },
        { url: 'https://www.gov.cn/zhengce/content/202611/f.docx', name: '申请表' },
      ],
    });
  });

  test('S9: rewrite turns asset URLs into local ones, by kind, and cannot inject markup', () => {
    const body = clean('<img src="a.png"><a href="P1.pdf">附件</a><a href="other.htm">链接</a>');
    const seen: string[] = [];
    const out = rewriteAssetUrls(body, BASE, (_url, kind) => {
      seen.push(kind);
      if (kind === 'image') return '/media/syndication/a-1.png';
      if (kind === 'attachment') return '/media/syndication/P1.pdf" onclick="alert(1)';
      return undefined;
    });
    expect(seen).toEqual(['image', 'attachment', 'link']);
    expect(out).toBe(
      '<img src="/media/syndication/a-1.png" /><a href="/media/syndication/P1.pdf&quot; onclick=&quot;alert(1)">附件</a><a href="https://www.gov.cn/zhengce/content/202611/other.htm">链接</a>',
    );
  });

  test('attachment URLs are recognised by their extension', () => {
    for (const url of [
      'https://x.gov.cn/a.PDF',
      'https://x.gov.cn/a.docx?x=1',
      'https://x.gov.cn/a.ofd',
      'https://x.gov.cn/a.wps',
      'https://x.gov.cn/a.xlsx#p',
    ]) {
      expect(isAttachmentUrl(url)).toBe(true);
    }
    for (const url of ['https://x.gov.cn/a.htm', 'https://x.gov.cn/pdf', 'https://x.gov.cn/a.exe', 'https://x.gov.cn/dl?file=a.pdf']) {
      expect(isAttachmentUrl(url)).toBe(false);
    }
  });
});
