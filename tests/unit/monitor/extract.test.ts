import { describe, expect, test } from '@jest/globals';
import {
  extractPage,
  extractText,
  findJsRedirects,
  hidingReason,
  normalizeColor,
  parseDeclarations,
} from '../../../src/monitor/core/extract.js';

const base = 'http://127.0.0.1:8080/p';
const hosts = ['127.0.0.1:8080'];
const hiddenOf = (html: string) => extractPage(html, base, hosts).links.map((l) => l.hidden);

describe('N9 hidden-link techniques seen in the DOM', () => {
  test.each([
    ['inline display:none on the link', '<a href="http://x.com/" style="display:none">x</a>', /display:none/],
    [
      'visibility:hidden on an ancestor',
      '<div style="visibility:hidden"><p><a href="http://x.com/">x</a></p></div>',
      /visibility:hidden.*父元素 <div>/,
    ],
    [
      'a <style> rule on a class',
      '<style>.c{display:none}</style><div class="c"><a href="http://x.com/">x</a></div>',
      /display:none.*div\.c/,
    ],
    [
      'a <style> rule on an id',
      '<style>#d {visibility:hidden;}</style><span id="d"><a href="http://x.com/">x</a></span>',
      /visibility:hidden.*span#d/,
    ],
    [
      'a <style> rule in a selector list with !important',
      '<style>p, .e b { display : none !important }</style><span class="e"><b><a href="http://x.com/">x</a></b></span>',
      /display:none/,
    ],
    ['zero font size', '<a href="http://x.com/" style="font-size:0">x</a>', /font-size:0/],
    [
      'zero height with overflow hidden',
      '<div style="height:0px;overflow:hidden"><a href="http://x.com/">x</a></div>',
      /height:0;overflow:hidden/,
    ],
    ['off-screen left', '<div style="position:absolute;left:-9999px"><a href="http://x.com/">x</a></div>', /left:-9999px/],
    ['off-screen top in em', '<div style="position:absolute;top:-100em"><a href="http://x.com/">x</a></div>', /top:-100em/],
    ['negative text-indent', '<p style="text-indent:-5000px"><a href="http://x.com/">x</a></p>', /text-indent/],
    [
      'white on white',
      '<div style="background:#fff url(x.png) no-repeat"><a href="http://x.com/" style="color:#FFFFFF">x</a></div>',
      /颜色与背景相同/,
    ],
    ['white text on the default white page', '<font color="white"><a href="http://x.com/">x</a></font>', /颜色与背景相同/],
    ['the hidden attribute', '<div hidden><a href="http://x.com/">x</a></div>', /hidden 属性/],
    ['a 1-pixel marquee', '<marquee height="1" width="1"><a href="http://x.com/">x</a></marquee>', /marquee/],
    ['opacity 0', '<a href="http://x.com/" style="opacity:0">x</a>', /opacity/],
  ])('N9: %s is a hidden link', (_name, html, reason) => {
    expect(hiddenOf(html)[0]).toMatch(reason);
  });

  test('N9: visible links, hover rules and coloured text on another background are not hidden', () => {
    const html = `<style>a:hover{display:none} .nav{color:#333}</style>
      <div class="nav"><a href="/a">a</a></div>
      <div style="background:#b22222"><a href="/b" style="color:#fff">b</a></div>
      <a href="/c" style="font-size:14px;left:10px">c</a>`;
    expect(hiddenOf(html)).toEqual([undefined, undefined, undefined]);
  });

  test('declarations and colours are normalized', () => {
    expect(parseDeclarations('Display : NONE !important; color:red')).toEqual(
      new Map([
        ['display', 'none'],
        ['color', 'red'],
      ]),
    );
    expect(hidingReason(parseDeclarations('width:1px;overflow:hidden'))).toBe('width:0;overflow:hidden');
    expect(normalizeColor('rgb(255, 255, 255)')).toBe('#ffffff');
    expect(normalizeColor('#AbC')).toBe('#aabbcc');
    expect(normalizeColor('rgba(0,0,0,0)')).toBe('transparent');
  });
});

describe('page facts', () => {
  test('links carry their text, internal flag and the date of their list item', () => {
    const facts = extractPage(
      '<ul><li><a href="/documents/1#top">关于开展年报工作的通知</a><span>2026年11月20日</span></li><li><a href="http://other.cn/x">外链</a></li></ul><a href="mailto:a@b.cn">邮件</a><a href="javascript:void(0)">无</a>',
      base,
      hosts,
    );
    expect(facts.links).toEqual([
      expect.objectContaining({
        url: 'http://127.0.0.1:8080/documents/1',
        text: '关于开展年报工作的通知',
        internal: true,
        date: '2026-11-20',
      }),
      expect.objectContaining({ url: 'http://other.cn/x', internal: false, date: undefined }),
    ]);
  });

  test('<base href> resolves relative links', () => {
    expect(extractPage('<base href="http://127.0.0.1:8080/dir/"><a href="a.html">a</a>', base, hosts).links[0].url).toBe(
      'http://127.0.0.1:8080/dir/a.html',
    );
  });

  test('invalid HTML does not throw and still yields what can be read', () => {
    const facts = extractPage('<html><body><div><a href="/x">x<p></b></i><<<>>><a href="/y"\'>y<table><tr><td><a href="/z">z', base, hosts);
    expect(facts.links.map((l) => new URL(l.url).pathname)).toEqual(expect.arrayContaining(['/x', '/z']));
  });

  test('script redirects, meta refresh, scripts, forms and labels are collected; text leaves scripts out', () => {
    const facts = extractPage(
      `<head><title> 标题 </title><meta name="Keywords" content="民政"><meta http-equiv="Refresh" content="0; url=http://evil.cn/"></head>
       <body><script>if(x){window.location.href='http://a.cn/';}location.replace("/b")</script><script src="/s.js"></script>
       <form action="/search"><input type="search" name="q"></form><span aria-label="党政机关网站标识">党</span><p>正文</p></body>`,
      base,
      hosts,
    );
    expect(facts.title).toBe('标题');
    expect(facts.metaKeywords).toBe('民政');
    expect(facts.metaRefresh).toBe('http://evil.cn/');
    expect(facts.jsRedirects).toEqual(['http://a.cn/', 'http://127.0.0.1:8080/b']);
    expect(facts.scripts).toEqual([
      expect.objectContaining({ inline: expect.stringContaining('location') }),
      { src: 'http://127.0.0.1:8080/s.js' },
    ]);
    expect(facts.forms).toEqual([{ action: 'http://127.0.0.1:8080/search', inputs: ['search:q'] }]);
    expect(facts.labels).toContain('党政机关网站标识');
    expect(facts.text).toBe('党正文');
    expect(extractPage('<ul><li>城市管网</li><li>投资计划</li></ul>', base, hosts).text).toBe('城市管网 投资计划');
    expect(findJsRedirects('top.location = "http://c.cn"', base)).toEqual(['http://c.cn/']);
  });

  test('N9, N8: one walk over the page yields every fact, in document order, as selectors over the parsed page did', () => {
    // Pinned from the selector-based extraction this single pass replaced: a link and a script inside a
    // <template>, <base>, the first of two meta descriptions, a hidden link by a <style> rule, inline
    // handlers after <script>s, nested forms as a browser parses them, and text without scripts.
    const html = `<html><head><base href="/dir/"><title>标题</title><meta name="Description" content="说明"><meta name="description" content="第二个">
<meta http-equiv="refresh" content="5; url=/next"><style>.h{display:none}</style></head>
<body onload="init()" title="正文区"><template><a href="/in-template">模板</a><script>location='/t'</script></template>
<ul><li><a href="a.html" title="提示">2026年1月2日</a></li><li><a href="b.html"><img alt="图"></a> 2026-03-04</li></ul>
<div class="h"><a href="http://evil.cn/">暗链</a></div>
<form action="/outer"><input name="q"><form action="/inner"><select name="s"><option>1</option></select></form><textarea name="t"></textarea></form>
<script src="/a.js"></script><script>var x = 1;</script><noscript>无脚本</noscript><p>段落<br>换行</p></body></html>`;
    const facts = extractPage(html, base, hosts);
    expect(facts).toEqual({
      title: '标题',
      h1: undefined,
      metaKeywords: undefined,
      metaDescription: '说明',
      metaTags: [
        { name: 'Description', content: '说明' },
        { name: 'description', content: '第二个' },
      ],
      metaRefresh: 'http://127.0.0.1:8080/next',
      jsRedirects: ['http://127.0.0.1:8080/t'],
      text: '2026年1月2日 2026-03-04 暗链 1 段落 换行',
      links: [
        { url: 'http://127.0.0.1:8080/in-template', raw: '/in-template', text: '模板', internal: true },
        {
          url: 'http://127.0.0.1:8080/dir/a.html',
          raw: 'a.html',
          text: '2026年1月2日',
          internal: true,
          context: '2026年1月2日',
          date: '2026-01-02',
        },
        { url: 'http://127.0.0.1:8080/dir/b.html', raw: 'b.html', text: '图', internal: true, context: '2026-03-04', date: '2026-03-04' },
        {
          url: 'http://evil.cn/',
          raw: 'http://evil.cn/',
          text: '暗链',
          internal: false,
          hidden: 'display:none（父元素 <div.h>）',
          context: '暗链',
        },
      ],
      scripts: [{ inline: "location='/t'" }, { src: 'http://127.0.0.1:8080/a.js' }, { inline: 'var x = 1;' }, { inline: 'init();;' }],
      images: [{ src: '', alt: '图' }],
      forms: [{ action: 'http://127.0.0.1:8080/outer', inputs: ['input:q', 'select:s'] }],
      labels: ['正文区', '提示'],
    });
    // Labels stop at 300.
    const many = extractPage(`<p title="x">${'<i title="t"></i>'.repeat(400)}</p>`, base, hosts);
    expect(many.labels).toHaveLength(300);
  });

  test('N9: the text of a page that is not ours keeps its scripts (document.write), its first meta keywords and description', () => {
    const html = `<head><title> 彩票 </title><meta name="Keywords" content="博彩"><meta name="keywords" content="第二"><meta name="description" content="说明">
      <style>.x{}</style></head><body><p>首页</p><script>document.write("线上娱乐")</script><noscript>无</noscript><template>模板</template><li>a</li><li>b</li></body>`;
    expect(extractText(html)).toEqual({ title: '彩票', text: '博彩 说明 首页 document.write("线上娱乐")a b' });
    expect(extractText('<frameset><frame></frameset>')).toEqual({ title: undefined, text: '' });
  });
});
