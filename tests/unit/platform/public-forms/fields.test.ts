import { describe, expect, test } from '@jest/globals';
import { z } from 'zod';
import { choice, contact, containsMarkup, optionalText, parseForm, plainText } from '../../../../src/platform/public-forms/fields.js';

const schema = z.object({
  name: plainText('姓名', { max: 20 }),
  phone: contact('联系方式'),
  kind: choice('类型', [
    { value: 'consult', label: '咨询' },
    { value: 'suggest', label: '建议' },
  ] as const),
  note: optionalText('备注', 10),
});

describe('public form fields: plain text only, clear Chinese errors', () => {
  test('a good post is trimmed and accepted', () => {
    const result = parseForm(schema, { name: ' 张三 ', phone: '13812345678', kind: 'consult' });
    expect(result).toEqual({ ok: true, data: { name: '张三', phone: '13812345678', kind: 'consult', note: '' } });
  });
  test('markup and script URLs are refused, not stripped', () => {
    for (const text of [
      '<script>alert(1)</script>',
      '你好<img src=x onerror=alert(1)>',
      'javascript:alert(1)',
      '&#60;script&#62;',
      '<!-- x -->',
    ]) {
      expect(containsMarkup(text)).toBe(true);
      const result = parseForm(schema, { name: text, phone: '13812345678', kind: 'consult' });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.name).toBe('姓名不能包含网页代码（如 HTML 标签或脚本），请只填写文字');
    }
    expect(containsMarkup('a < b，3<5 不是标签')).toBe(false);
  });
  test('each field says what is wrong', () => {
    const result = parseForm(schema, { name: '名'.repeat(21), phone: '123', kind: 'other', note: ['a', 'b'] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      name: '姓名不能超过 20 个字',
      phone: '联系方式应为手机号码、固定电话（如 0883-2123456）或电子邮箱',
      kind: '请选择类型',
      note: '备注格式不正确',
    });
  });
  test('missing required fields and control characters', () => {
    const result = parseForm(schema, { phone: 'a@b.cn', kind: 'suggest', name: '张\u0000三' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.name).toBe('姓名含有无法识别的控制字符');
    const empty = parseForm(schema, undefined);
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.errors.name).toBe('请填写姓名');
  });
});
