import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import * as cheerio from 'cheerio';
import { cleanOfficeHtml } from '../../../admin/fields/office-paste.js';
import { projectRoot } from '../../../src/platform/config/env.js';

// The body editor's paste (admin/fields/rich-html-editor.tsx): what Word and WPS Office put on the clipboard keeps
// its paragraphs and its table, and loses Office's markup; a picture from the author's computer is counted, so
// the editor can say that it was not brought in.
const fixture = (name: string) => fs.readFileSync(path.join(projectRoot, 'tests/fixtures/paste', name), 'utf8');
const text = (value: string) => value.replace(/\s+/g, ' ').trim();

function tableRows(html: string): string[][] {
  const $ = cheerio.load(html, null, false);
  expect($('table')).toHaveLength(1);
  return $('table tr')
    .toArray()
    .map((row) =>
      $(row)
        .find('td, th')
        .toArray()
        .map((cell) => text($(cell).text())),
    );
}

describe('cleanOfficeHtml', () => {
  const rows = [
    ['县（区）', '临时救助人次'],
    ['临翔区', '1200'],
    ['凤庆县', '980'],
  ];

  test.each([
    ['word-table.html', 1],
    ['wps-table.html', 0],
  ])('%s: the paragraphs and the table stay, Office’s markup goes', (name, dropped) => {
    const { html, droppedImages } = cleanOfficeHtml(fixture(name));
    expect(tableRows(html)).toEqual(rows);
    for (const noise of [
      'mso',
      'style=',
      'class="Mso',
      'class=Mso',
      '<o:p',
      '<!--',
      '<v:',
      '<w:',
      'file:',
      '<span',
      '<font',
      'lang=',
      'width=',
    ]) {
      expect(html).not.toContain(noise);
    }
    expect(droppedImages).toBe(dropped);
    expect(html).not.toContain('<img');
    const $ = cheerio.load(html, null, false);
    // The heading-like line: bold, centred; the paragraph: its words without a space where Office broke its lines.
    const heading = $('p').first();
    expect(heading.attr('class')).toBe('text-center');
    expect(text(heading.find('b').text())).toBe('2026年上半年临时救助情况');
    expect(text($('p').eq(1).text())).toBe('今年上半年，全市共实施临时救助2180人次，各县（区）情况如下表。');
    // Numbers aligned right in the table keep their alignment as a class.
    expect(
      $('td p.text-right')
        .map((_, p) => $(p).text())
        .get(),
    ).toEqual(['1200', '980']);
  });

  test('alignment from align= or text-align becomes a class; other alignments and styles go', () => {
    const { html } = cleanOfficeHtml(
      `<p align=center>居中</p><p style='text-align:right;font-size:16pt'>右对齐</p><p style="text-align:justify">两端对齐</p><p align="left">左对齐</p>`,
    );
    expect(html).toBe('<p class="text-center">居中</p><p class="text-right">右对齐</p><p>两端对齐</p><p>左对齐</p>');
  });

  test('images: our own media with alt text stay; others are counted and removed', () => {
    const { html, droppedImages } = cleanOfficeHtml(
      [
        '<p><img src="/media/abc.png" alt="示意图" width=10 style="x"></p>',
        '<p><img src="https://gongkai.example.gov.cn/media/def.jpg" alt="照片"></p>',
        '<p><img src="https://other.example.com/media/x.jpg" alt="外站"></p>',
        '<p><img src="data:image/png;base64,AAAA" alt="内嵌"></p>',
        '<p><img src="/media/noalt.png"></p>',
      ].join(''),
      { origin: 'https://gongkai.example.gov.cn' },
    );
    expect(html).toBe('<p><img src="/media/abc.png" alt="示意图"></p><p><img src="/media/def.jpg" alt="照片"></p><p></p><p></p><p></p>');
    expect(droppedImages).toBe(3);
  });

  test('links keep a safe href; bookmarks and file links lose the link but keep their text', () => {
    const { html } = cleanOfficeHtml(
      '<p><a name="_Toc1">目录</a><a href="https://www.gov.cn/zhengce/" style="color:blue">政策</a><a href="file:///C:/a.doc">本地</a><a href=/documents/1>本站</a><a href="mailto:ban@example.gov.cn">邮件</a><a href="javascript:alert(1)">脚本</a></p>',
    );
    expect(html).toBe(
      '<p>目录<a href="https://www.gov.cn/zhengce/">政策</a>本地<a href="/documents/1">本站</a><a href="mailto:ban@example.gov.cn">邮件</a>脚本</p>',
    );
  });

  test('downlevel-revealed content stays (Word’s list numbers); hidden conditional comments go', () => {
    const { html } = cleanOfficeHtml(
      "<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US>1.<span style='font:7.0pt \"Times New Roman\"'>&nbsp;</span></span><![endif]>第一项<!--[if gte mso 9]><xml><w:x/></xml><![endif]--></p>",
    );
    expect(html).toBe('<p>1.&nbsp;第一项</p>');
  });

  test('Word’s XML-style markup: <o:p/> closes itself, smart tags keep their text, empty runs go', () => {
    expect(
      cleanOfficeHtml(
        '<p>甲<o:p/>乙</p><p><st1:chsdate Year="2026" Month="7">2026年7月</st1:chsdate>起</p><p><b>丙</b><b><span><o:p></o:p></span></b><i><u></u></i></p>',
      ).html,
    ).toBe('<p>甲乙</p><p>2026年7月起</p><p><b>丙</b></p>');
  });

  test('a line break between Chinese characters goes, also across a removed wrapper; between other text it stays', () => {
    const { html } = cleanOfficeHtml('<p><span>临时</span>\n<span>救助</span>，共\r\n计</p><p>a\nb &lt;c&gt; &amp; &copy;</p>');
    expect(html).toBe('<p>临时救助，共计</p><p>a\nb &lt;c&gt; &amp; ©</p>');
  });

  test('only what Office marked as copied is kept, with the elements that hold the markers', () => {
    const { html } = cleanOfficeHtml(
      '<html><head><title>文档</title></head><body><p>前<!--StartFragment-->甲</p><p>乙<!--EndFragment-->后</p><p>外</p></body></html>',
    );
    expect(html).toBe('<p>甲</p><p>乙</p>');
  });

  test('a link is judged on its decoded target', () => {
    const { html } = cleanOfficeHtml('<p><a href="/&#47;evil.example">甲</a><a href="https://www.gov.cn/?a=1&amp;b=2">乙</a></p>');
    expect(html).toBe('<p>甲<a href="https://www.gov.cn/?a=1&amp;b=2">乙</a></p>');
  });

  test('headings outside the editor’s levels are brought within them; the editor’s own copy keeps its slice', () => {
    expect(cleanOfficeHtml('<h1>一</h1><h3>三</h3><h6>六</h6>').html).toBe('<h2>一</h2><h3>三</h3><h4>六</h4>');
    expect(cleanOfficeHtml('<p data-pm-slice="1 1 []">甲</p><figure data-chart="{&quot;kind&quot;:&quot;bar&quot;}"></figure>').html).toBe(
      '<p data-pm-slice="1 1 []">甲</p><figure data-chart="{&quot;kind&quot;:&quot;bar&quot;}"></figure>',
    );
  });
});
