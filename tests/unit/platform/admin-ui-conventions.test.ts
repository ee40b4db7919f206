import { describe, expect, test } from '@jest/globals';
import {
  compareZh,
  formatDateTime,
  formatDateTimeSeconds,
  formatDay,
  pinyinOptions,
  pinyinRows,
  sortByPinyin,
  timeZone,
  translateMessage,
} from '../../../src/platform/admin-ui/runtime/zh-cn.js';

// Issue 9: dates, numbers and sorting in the Chinese convention, and Keystone's server messages in Chinese,
// as the Admin UI shows them (src/platform/admin-ui/runtime/zh-cn.js runs in the browser).

describe('dates', () => {
  test('the default time zone is UTC+8 (Asia/Shanghai)', () => {
    expect(timeZone).toBe('Asia/Shanghai');
  });

  test('an instant is shown as 2026年11月24日 18:47, 24-hour, in the site time zone', () => {
    expect(formatDateTime('2026-11-24T10:47:05.000Z')).toBe('2026年11月24日 18:47');
    expect(formatDateTime('2026-11-24T15:05:00.000Z')).toBe('2026年11月24日 23:05');
    expect(formatDateTime('2026-11-24T16:30:00.000Z')).toBe('2026年11月25日 00:30');
    expect(formatDateTimeSeconds('2026-11-24T10:47:05.000Z')).toBe('2026年11月24日 18:47:05');
  });

  test('another time zone can be configured', () => {
    expect(formatDateTime('2026-11-24T10:47:05.000Z', 'UTC')).toBe('2026年11月24日 10:47');
    expect(formatDateTimeSeconds('2026-11-24T10:47:05.000Z', 'Asia/Urumqi')).toBe('2026年11月24日 16:47:05');
  });

  test('a calendar day is shown without moving across time zones', () => {
    expect(formatDay('2026-11-24')).toBe('2026年11月24日');
    expect(formatDay('2026-01-05')).toBe('2026年1月5日');
    expect(formatDay('2026-11-24', 'America/Los_Angeles')).toBe('2026年11月24日');
  });

  test('no date is shown as nothing', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDay('')).toBe('');
    expect(formatDateTime('not a date')).toBe('');
  });
});

describe('pinyin order', () => {
  const departments = ['社会救助科', '养老服务科', '局办公室', '规划财务与信息建设科', '救灾科', '社会组织管理科', '政策法规科'];

  test('Chinese names sort by pinyin (gui, jiu, ju, she hui jiu, she hui zu, yang, zheng), not by code point', () => {
    expect(sortByPinyin(departments, (name) => name)).toEqual([
      '规划财务与信息建设科',
      '救灾科',
      '局办公室',
      '社会救助科',
      '社会组织管理科',
      '养老服务科',
      '政策法规科',
    ]);
    expect(compareZh('安置', '北京')).toBeLessThan(0);
  });

  test('numbers inside names sort by value', () => {
    expect(sortByPinyin(['第10批', '第2批', '第1批'], (name) => name)).toEqual(['第1批', '第2批', '第10批']);
  });

  test('a list view sorted by a text column is re-sorted in pinyin order when every row is on the page', () => {
    const rows = departments.map((name, i) => ({ id: String(i), name }));
    const fields = { name: { controller: { displayMode: 'input' } }, order: { controller: {} } };
    const sorted = pinyinRows(rows, { column: 'name', direction: 'ascending' }, fields, rows.length);
    expect(sorted.map((row) => row.name).slice(0, 3)).toEqual(['规划财务与信息建设科', '救灾科', '局办公室']);
    expect(pinyinRows(rows, { column: 'name', direction: 'descending' }, fields, rows.length)[0].name).toBe('政策法规科');
    // More rows than the page holds: only the database can order them, so they stay as they came.
    expect(pinyinRows(rows, { column: 'name', direction: 'ascending' }, fields, 100)).toBe(rows);
    // Not a text column, or no sort: unchanged.
    expect(pinyinRows(rows, { column: 'order', direction: 'ascending' }, fields, rows.length)).toBe(rows);
    expect(pinyinRows(rows, null, fields, rows.length)).toBe(rows);
  });

  test('a relationship picker shows all its options in pinyin order unless the field sets an order', () => {
    const items = departments.map((label, id) => ({ id, label }));
    expect(pinyinOptions(items, { items, count: items.length }, null)[0].label).toBe('规划财务与信息建设科');
    expect(pinyinOptions(items, { items, count: 100 }, null)).toBe(items);
    expect(pinyinOptions(items, { items, count: items.length }, { field: 'order', direction: 'ASC' })).toBe(items);
  });
});

describe("Keystone's messages in Chinese", () => {
  const lists = {
    Document: {
      key: 'Document',
      singular: '文件',
      fields: { title: { label: '标题' }, indexNumber: { label: '索引号' }, status: { label: '状态' } },
      actions: [{ key: 'submit', label: '提交审核' }],
    },
  };

  test('a validation failure names the fields by their labels', () => {
    const message =
      'You provided invalid data for this operation.\n  - Document.title: value must not be empty\n  - Document.indexNumber: value must be no longer than 50 characters\n  - Document: 转载的文件必须注明来源和原文链接';
    expect(translateMessage(message, lists)).toBe(
      '提交的内容未通过校验：\n  - 标题：不能为空\n  - 索引号：不能超过 50 个字符\n  - 转载的文件必须注明来源和原文链接',
    );
  });

  test('access denied says what may not be done, to what', () => {
    expect(translateMessage('Access denied: You cannot create that Document', lists)).toBe('无权执行此操作：您无权新建文件');
    expect(translateMessage('Access denied: You cannot update that Document - it may not exist', lists)).toBe(
      '无权执行此操作：无法修改该文件：它可能不存在，或您没有权限',
    );
    expect(translateMessage('Access denied: You cannot update that Document - you cannot update the fields status, title', lists)).toBe(
      '无权执行此操作：您无权修改该文件的字段：状态、标题',
    );
    expect(
      translateMessage(
        'Access denied: You cannot update that Document - you cannot update the fields status, title, indexNumber and 2 others...',
        lists,
      ),
    ).toBe('无权执行此操作：您无权修改该文件的字段：状态、标题、索引号 等 5 个字段');
    expect(translateMessage('Access denied: You cannot execute action "submit" for that Document', lists)).toBe(
      '无权执行此操作：您无权对该文件执行“提交审核”',
    );
  });

  test('hook errors, database errors, sign-in and network failures', () => {
    expect(translateMessage('An error occurred while running "resolveInput".\n  - Document.hooks.resolveInput: 起草人不存在', lists)).toBe(
      '数据处理时出错：\n  - 起草人不存在',
    );
    expect(translateMessage('Prisma error')).toContain('索引号');
    expect(translateMessage('Authentication failed.')).toBe('登录名或密码不正确');
    expect(translateMessage('Failed to fetch')).toBe('无法连接服务器：请检查网络后重试');
    expect(translateMessage('Response not successful: Received status code 502')).toBe('服务器返回了错误（状态码 502）');
  });

  test('our own (Chinese) messages pass through unchanged', () => {
    expect(translateMessage('已退文：未明确公开属性', lists)).toBe('已退文：未明确公开属性');
  });
});
