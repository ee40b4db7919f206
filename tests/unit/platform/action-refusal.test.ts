import { describe, expect, test } from '@jest/globals';
import { actionRefusal, translateMessage } from '../../../src/platform/admin-ui/runtime/zh-cn.js';

// Issue 16: what an action's dialog shows when the server refuses: each message once, whole, in Chinese.
describe('actionRefusal', () => {
  const s1 = '已退文：未明确公开属性；需要政策解读的文件未附解读材料（三同步）';

  test('the server messages of an Apollo Client 4 error, once each (its own message repeats them)', () => {
    const error = Object.assign(new Error(`${s1}\n${s1}`), { errors: [{ message: s1 }, { message: s1 }] });
    expect(actionRefusal(error)).toBe(s1);
  });

  test('graphQLErrors (Apollo Client 3), translated where Keystone wrote English', () => {
    const error = {
      message: 'x',
      graphQLErrors: [{ message: 'You provided invalid data for this operation.\n  - Media: 图片“示意图”没有替代文本' }],
    };
    expect(actionRefusal(error)).toBe('提交的内容未通过校验：\n  - 图片“示意图”没有替代文本');
  });

  test('a network failure, and an error without any message', () => {
    expect(actionRefusal(new TypeError('Failed to fetch'))).toBe('无法连接服务器：请检查网络后重试');
    expect(actionRefusal({})).toBe('操作未能完成，请刷新页面后重试');
  });

  test('a nested create refused says so in Chinese, not in English', () => {
    const nested =
      'An error occurred while resolving relationship fields.\n  - Interpretation.images: You provided invalid data for this operation.\n  - Media: 图片“示意图”没有替代文本：请填写“替代文本”';
    expect(translateMessage(nested)).not.toMatch(/[A-Za-z]{2,}/);
  });
});
