import { describe, expect, test } from '@jest/globals';
import { newQueryCode, normalizeQueryCode } from '../../../src/platform/public-forms/query-code.js';

describe('query codes (查询码), one style for every public form', () => {
  test('twelve characters without look-alikes, in three groups, random', () => {
    const code = newQueryCode();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(new Set(Array.from({ length: 200 }, () => newQueryCode())).size).toBe(200);
    expect(newQueryCode(() => 0)).toBe('2222-2222-2222');
  });
  test('typed back in any case and spacing; what cannot be a code is refused', () => {
    const code = newQueryCode();
    expect(normalizeQueryCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    expect(normalizeQueryCode(' abcd efgh jkmn ')).toBe('ABCD-EFGH-JKMN');
    expect(normalizeQueryCode('ABCD-EFGH-JKM0')).toBeNull(); // 0 is never issued
    expect(normalizeQueryCode('ABCD-EFGH-JKML')).toBeNull(); // nor L
    expect(normalizeQueryCode('ABCD-EFGH')).toBeNull();
    expect(normalizeQueryCode('ZQ0000000000')).toBeNull(); // the old comment codes' style
    expect(normalizeQueryCode(['x'])).toBeNull();
    expect(normalizeQueryCode('A'.repeat(100))).toBeNull();
  });
});
