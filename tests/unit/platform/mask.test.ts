import { describe, expect, test } from '@jest/globals';
import { findPersonalData, maskedExcerpt, maskPersonalData, maskPieces } from '../../../src/platform/privacy/mask.js';
import { maskReprintHtml, renderReprintBody, reprintText } from '../../../src/platform/content/render-reprint.js';
import { searchTextOf } from '../../../src/platform/content/search-text.js';
import { demoDocuments, demoInterpretations } from '../../../src/workflow/seed.js';

describe('N15 masking of personal data', () => {
  test('N15: a mobile number is masked as 138****1234', () => {
    expect(maskPersonalData('联系人：张先生，手机13812341234。')).toBe('联系人：张先生，手机138****1234。');
  });

  test('N15: mobile numbers written with spaces, dashes or +86 are masked too', () => {
    expect(maskPersonalData('电话 139 1234 5678；备用 186-0883-1234')).toBe('电话 139****5678；备用 186****1234');
    expect(maskPersonalData('+8615912345678')).toBe('+86159****5678');
  });

  test('N15: an 18-digit ID number keeps its first 2 and last 3 characters', () => {
    expect(maskPersonalData('身份证号：350102198507121122')).toBe('身份证号：35*************122');
    expect(maskPersonalData('身份证号：11010519491231002X')).toBe('身份证号：11*************02X');
    expect(maskPersonalData('11010519491231002x')).toBe('11*************02x');
  });

  test('N15: an ID number with a wrong check digit is still masked (privacy, not validity)', () => {
    // The valid check digit for 35010219850712112… is 2.
    expect(maskPersonalData('350102198507121123')).toBe('35*************123');
  });

  test('N15: a 15-digit old ID number keeps its first 2 and last 3 digits', () => {
    expect(maskPersonalData('旧身份证350102850712123。')).toBe('旧身份证35**********123。');
  });

  test('N15: landlines, dates, 发文字号, 索引号 and amounts are left alone', () => {
    const untouched = [
      '联系电话：0883-2123456',
      '联系电话：08832123456',
      '联系电话：0883 2123456',
      '2026年7月1日、2026-07-01、20260701、2026-10-16T15:00:00+08:00',
      '临民发〔2026〕12号',
      '索引号：11530900015183291L/2026-00012',
      '每人每年10080元，支出31.6万元，合计13812345678.50元',
      // Parts of longer digit runs, or after a decimal point.
      '编号138123412345、913812341234、0.13812341234、3501021985071211225、0350102198507121122',
      // Month 13 and year 1805 are not birth dates.
      '350102198513121122、350102180507121122',
    ];
    for (const text of untouched) expect(maskPersonalData(text)).toBe(text);
  });

  test('N15: the demo content (landlines, dates, amounts, document numbers only) is unchanged', () => {
    const texts = [
      ...demoDocuments.flatMap((doc) => [doc.title, doc.documentNumber ?? '', ...doc.paragraphs, ...(doc.redactedParagraphs ?? [])]),
      ...demoInterpretations.flatMap((jd) => [jd.title, ...jd.paragraphs]),
    ];
    expect(texts.filter((text) => maskPersonalData(text) !== text)).toEqual([]);
  });

  test('N15: findPersonalData reports kind, value and position', () => {
    expect(findPersonalData('张三，13812341234，身份证350102198507121122；电话0883-2123456')).toEqual([
      { kind: 'mobile', value: '13812341234', index: 3 },
      { kind: 'idCard', value: '350102198507121122', index: 18 },
    ]);
    expect(findPersonalData('0883-2123456')).toEqual([]);
  });
});

describe('trust #11: N15 on every public surface', () => {
  test('trust #11: a number split over text nodes is masked whole; the pieces keep their count', () => {
    expect(maskPieces(['手机', '138', '1234', '5678', '。'])).toEqual(['手机', '138****5678', '', '', '。']);
    expect(maskPieces(['电话1381', '2345678，身份证35010219850712', '1122'])).toEqual([
      '电话138****5678',
      '，身份证35*************122',
      '',
    ]);
    expect(maskPieces(['0883-', '2123456'])).toEqual(['0883-', '2123456']);
  });

  test('trust #11: a reprint body is masked run by run: inline markup joins a number, blocks and table cells separate text', () => {
    const html = '<p>申请人手机<b>138</b>1234<span>5678</span></p><table><tr><td>138</td><td>12345678</td></tr></table>';
    expect(renderReprintBody(html)).toContain('申请人手机<b>138****5678</b><span></span>');
    // (Parsed as HTML: the table gains its implied tbody.)
    expect(maskReprintHtml(html)).toBe(
      '<p>申请人手机<b>138****5678</b><span></span></p><table><tbody><tr><td>138</td><td>12345678</td></tr></tbody></table>',
    );
    // Nothing to mask: the stored HTML is left exactly as it was.
    const clean = '<p>咨询电话：0883-2123456<br>地址：临沧市临翔区</p>';
    expect(maskReprintHtml(clean)).toBe(clean);
    expect(reprintText(html)).toBe('申请人手机13812345678\n138\n12345678');
    expect(reprintText('<p>a<script>var t="13812345678"</script></p>')).toBe('a');
  });

  test('trust #11: search text is stored masked, so a search for the hidden digits finds nothing', () => {
    const text = searchTextOf({
      title: '关于13812345678反映问题的答复',
      disclosure: 'proactive',
      body: '<p>身份证350102198507121122</p>',
      reprintBody: '<p>手机<b>159</b>12345678</p>',
    });
    expect(text).toBe('关于138****5678反映问题的答复\n身份证35*************122\n手机159****5678');
  });

  test('trust #11: an excerpt is masked before it is cut, never leaving part of a number in the clear', () => {
    const text = `${'民'.repeat(195)}13812345678`;
    expect(maskPersonalData(text.slice(0, 200))).toContain('13812'); // the old order: cut, then mask
    expect(maskedExcerpt(text, 200)).toBe(`${'民'.repeat(195)}138**`);
    expect(maskedExcerpt(`前文${'政'.repeat(100)}关键词，联系13812345678`, 20, '关键词')).not.toMatch(/\d{5}/);
  });
});
