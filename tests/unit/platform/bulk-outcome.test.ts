import { describe, expect, test } from '@jest/globals';
import { bulkOutcome, columnWidth } from '../../../src/platform/admin-ui/runtime/zh-cn.js';

// Issue 16: what a list's bulk action shows in its dialog when some items are refused.
describe('bulkOutcome', () => {
  const items = [
    { id: 'a', title: '低保资金发放通知' },
    { id: 'b', title: '临时救助工作安排' },
    { id: 'c', title: '养老服务补贴通知' },
  ];

  test('the count done, the count refused, then each refused item by its title with its reason, in the order selected', () => {
    const text = bulkOutcome({
      done: '已提交审核 1 项',
      failed: '2 项未能提交审核',
      itemIds: ['a', 'b', 'c'],
      items,
      labelField: 'title',
      errors: {
        c: [{ message: '无法对该文件执行“提交审核”：它可能不存在，或您没有权限' }],
        b: [{ message: '已退文：未明确公开属性' }, { message: '已退文：未明确公开属性' }],
      },
    });
    expect(text.split('\n')).toEqual([
      '已提交审核 1 项',
      '2 项未能提交审核',
      '《临时救助工作安排》：已退文：未明确公开属性',
      '《养老服务补贴通知》：无法对该文件执行“提交审核”：它可能不存在，或您没有权限',
    ]);
  });

  test('nothing done: no count of done items; an item not on the page is named by its 编号', () => {
    const text = bulkOutcome({ done: null, failed: '1 项未能删除', itemIds: ['x'], items, labelField: 'title', errors: { x: [{}] } });
    expect(text).toBe('1 项未能删除\n《编号 x》：操作未能完成，请刷新页面后重试');
  });
});

describe('columnWidth', () => {
  test('the title takes the room, dates fit on a line, other columns have a floor', () => {
    expect(columnWidth('title', 'title')).toEqual({ defaultWidth: '3fr', minWidth: 240 });
    expect(columnWidth('publishedAt', 'title')).toEqual({ width: 176 });
    expect(columnWidth('formationDate', 'title')).toEqual({ width: 176 });
    expect(columnWidth('deadline', 'title')).toEqual({ defaultWidth: '1fr', minWidth: 104 });
  });
});
