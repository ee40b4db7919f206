import { describe, expect, test } from '@jest/globals';
import * as cheerio from 'cheerio';
import {
  chartFigure,
  chartInputsOfHtml,
  imagesWithoutAlt,
  mediaNamesOf,
  sanitizeRichHtml,
} from '../../../src/platform/content/rich-html.js';
import { renderRichText } from '../../../src/platform/content/render-rich-text.js';
import { renderReprintBody } from '../../../src/platform/content/render-reprint.js';
import { plainText } from '../../../src/platform/content/plain-text.js';

const both = { charts: true, media: true };

describe('a body as the editor saves it (sanitizeRichHtml)', () => {
  test('keeps what the editor writes: headings, alignment, marks, lists, links and tables with merged cells', () => {
    const html =
      '<h2>一、调整标准</h2><p class="text-center">临沧市民政局</p><p><strong>加粗</strong><em>斜体</em><u>下划线</u>m<sup>2</sup>H<sub>2</sub>O</p>' +
      '<ol start="3"><li><p>第三项</p></li></ol><blockquote><p>引用</p></blockquote><hr />' +
      '<p><a href="https://www.mca.gov.cn/n1.html">民政部</a>、<a href="/columns/notice">本站栏目</a>、<a href="mailto:mzj@example.cn">来信</a></p>' +
      '<table><tbody><tr><th colspan="2" rowspan="1"><p>县（区）</p></th></tr><tr><td><p>临翔区</p></td><td><p>1200</p></td></tr></tbody></table>';
    expect(sanitizeRichHtml(html, both)).toBe(html);
    // Saving again changes nothing.
    expect(sanitizeRichHtml(sanitizeRichHtml(html, both), both)).toBe(html);
  });

  test('N9: drops what could harm a visitor or leak elsewhere: scripts, handlers, styles, frames, javascript: links, foreign images', () => {
    const html =
      '<p style="color:red" onclick="steal()">正文<script>alert(1)</script><img src="x" onerror="alert(1)"></p>' +
      '<iframe src="https://evil.example/"></iframe><p><a href="javascript:alert(1)">链接</a><a href="//evil.example/x">协议相对</a></p>' +
      '<p><img src="https://tracker.example/p.gif" alt="跟踪"><img src="data:image/png;base64,AAAA" alt="内嵌"><img src="/media/ok-1.png" alt="本站图片"></p>' +
      '<table style="width:100%"><colgroup><col style="min-width:25px"></colgroup><tbody><tr><td style="border:1px" class="MsoNormal"><p>1</p></td></tr></tbody></table>';
    const clean = sanitizeRichHtml(html, both);
    expect(clean).not.toMatch(/script|onclick|onerror|style=|iframe|javascript:|tracker|data:image|MsoNormal|"\/\/evil/);
    // A protocol-relative link is an ordinary external link, made explicit.
    expect(clean).toContain('<a href="https://evil.example/x">协议相对</a>');
    expect(clean).toContain('<img src="/media/ok-1.png" alt="本站图片" />');
    expect(clean).toContain('<td><p>1</p></td>');
  });

  test('images only where the list shows media, charts only where it draws them', () => {
    const html = `<p>图<img src="/media/a.png" alt="图"></p>${chartFigure({ kind: 'bar', title: '图表', unit: '元', source: '科', data: 'a\tb\n1\t2' })}`;
    expect(sanitizeRichHtml(html)).toBe('<p>图</p>');
    expect(sanitizeRichHtml(html, { media: true })).toBe('<p>图<img src="/media/a.png" alt="图" /></p>');
    expect(chartInputsOfHtml(sanitizeRichHtml(html, { charts: true }))).toEqual([
      { kind: 'bar', title: '图表', unit: '元', source: '科', data: 'a\tb\n1\t2' },
    ]);
  });

  test('a chart block keeps exactly its five texts; anything else in or about it is dropped', () => {
    const forged =
      '<figure data-chart=\'{"kind":"bar","title":"标题","data":"a\\tb","extra":"<script>","unit":5}\'><p>里面的字</p><script>x</script></figure><figure data-chart="not json"></figure><figure>空</figure>';
    const clean = sanitizeRichHtml(forged, both);
    expect(chartInputsOfHtml(clean)).toEqual([{ kind: 'bar', title: '标题', unit: '', source: '', data: 'a\tb' }]);
    expect(clean).not.toMatch(/里面|script|extra|not json|空/);
  });
});

describe('reading a body', () => {
  test('N16: images without a text alternative are counted; media names are found in images and links', () => {
    const html =
      '<p><img src="/media/a.png" alt=""><img src="/media/b.png" alt="说明"><a href="/media/c%201.pdf">附件</a><a href="https://x.cn/media/d.pdf">外站</a></p>';
    expect(imagesWithoutAlt(html)).toBe(1);
    expect(mediaNamesOf(html).sort()).toEqual(['a.png', 'b.png', 'c 1.pdf']);
  });

  test('N15: the public page masks personal data in paragraphs and table cells, even split by markup; the stored body keeps it for the reviewer', () => {
    const html =
      '<p>联系电话<strong>138</strong>12345678</p><table><tbody><tr><td><p>身份证350102198507121122</p></td></tr></tbody></table>';
    const page = renderRichText(html);
    expect(page).toContain('****5678');
    expect(page).not.toContain('12345678');
    expect(page).not.toContain('350102198507121122');
    expect(plainText(html)).toContain('13812345678');
  });

  test('N9: no body can place markup next to a chart: a copy of the renderer’s marker in an attribute stays text', () => {
    const chart = chartFigure({ kind: 'compare', title: '标准', unit: '元', source: '科', data: '类别\t前\t后\n城市\t800\t840' });
    const hostile =
      '<p><a href="https://x.cn/" title="<!--chart-0--><script>alert(1)</script>">链接</a>' +
      '<img src="/media/a.png" alt="<!--chart-0--><meta http-equiv=refresh content=0;url=https://evil.example/>"></p>' +
      chart;
    const page = renderRichText(hostile);
    expect(page).toContain('<figure class="chart">');
    const parsed = cheerio.load(page, null, false);
    expect(parsed('script, meta').length).toBe(0);
    expect(parsed('figure.chart').length).toBe(1);
  });

  test('N15: alt and title texts are masked on the page, and an image’s alt text is part of the body’s text', () => {
    const html = '<p>见图<img src="/media/a.png" alt="联系人手机13812345678"><a href="/x" title="身份证350102198507121122">说明</a></p>';
    const page = renderRichText(html);
    expect(page).not.toMatch(/13812345678|350102198507121122/);
    expect(page).toContain('138****5678');
    expect(plainText(html)).toBe('见图\n联系人手机13812345678\n说明');
  });

  test('local bodies and reprints go through one renderer: the same HTML shows the same', () => {
    const html = '<p class="text-right">落款</p><table><tbody><tr><td><p>临翔区</p></td><td><p>1200</p></td></tr></tbody></table>';
    expect(renderRichText(html)).toBe(renderReprintBody(html));
  });
});
