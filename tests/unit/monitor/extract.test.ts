import { describe, expect, test } from '@jest/globals';
import { extractPage, findJsRedirects, hidingReason, normalizeColor, parseDeclarations } from '../../../src/monitor/core/extract.js';

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
});
