import { afterEach, describe, expect, test } from '@jest/globals';
import { GraphQLError } from 'graphql';
import { answerFor } from '../../../src/platform/server/error-responses.js';
import { internalErrorMessage, publicError } from '../../../src/platform/server/graphql-limits.js';

// issue 14 #12: what an error may tell a client, whoever asks.
describe('errors as clients see them', () => {
  afterEach(() => {
    delete process.env.GONGKAI_DEBUG;
  });

  test('trust #12: a message naming a file or a stack frame, or an unexpected English one, is replaced; Chinese messages and codes stay', () => {
    const leaky = [
      {
        message: "ENOENT: no such file or directory, open '/srv/gongkai/data/media/a.pdf'",
        extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['Error: x', '    at open (node:fs:1:1)'] },
      },
      { message: 'Cannot read properties of undefined (reading "id")', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      { message: '出错了 at resolve (/work/src/workflow/graphql.ts:12:3)' },
      { message: 'failed in C:\\gongkai\\src\\x.ts', extensions: { code: 'KS_EXTENSION_ERROR' } },
      { message: '无法读取附件 /srv/gongkai/media/a.pdf', extensions: { code: 'KS_EXTENSION_ERROR' } },
      { message: `数据库文件 ${process.cwd()}/data/gongkai.db 无法打开`, extensions: { code: 'KS_EXTENSION_ERROR' } },
    ];
    for (const formatted of leaky) {
      const shown = publicError(formatted, new Error(formatted.message));
      expect(shown.message).toBe(internalErrorMessage);
      expect(Object.keys(shown.extensions ?? {})).toEqual(['code']);
    }
    const refusal = {
      message: '不能审批自己起草的文件',
      path: ['approveDocument'],
      extensions: { code: 'WORKFLOW_OWN_DRAFT', exception: { stacktrace: ['at x (/work/y.ts:1:1)'] } },
    };
    expect(publicError(refusal, new GraphQLError(refusal.message))).toEqual({
      message: '不能审批自己起草的文件',
      path: ['approveDocument'],
      extensions: { code: 'WORKFLOW_OWN_DRAFT' },
    });
    // A web address is not a file of the server; a time is not a stack frame.
    for (const message of ['图片类型不受支持：https://www.gov.cn/zhengce/a/b.gif', '请于 2026-12-05 10:30:15 之后再试']) {
      expect(publicError({ message, extensions: { code: 'SYNDICATION_REFUSED' } }, null).message).toBe(message);
    }
    // Keystone's English access messages stay (the Admin UI translates them); they name no file.
    expect(
      publicError({ message: 'Access denied: You cannot create that Document', extensions: { code: 'KS_ACCESS_DENIED' } }, null).message,
    ).toMatch(/^Access denied/);
  });

  test('trust #12: GONGKAI_DEBUG=1 shows everything, for a developer', () => {
    process.env.GONGKAI_DEBUG = '1';
    const formatted = { message: 'boom at /work/src/x.ts:1:1', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } };
    expect(publicError(formatted, null)).toBe(formatted);
  });

  test('trust #12: Express-level failures get Chinese answers with their status', () => {
    expect(answerFor(Object.assign(new Error('request entity too large'), { status: 413, type: 'entity.too.large' }))).toMatchObject({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    });
    expect(
      answerFor(Object.assign(new SyntaxError('Unexpected end of JSON input'), { status: 400, type: 'entity.parse.failed' })),
    ).toMatchObject({ status: 400, message: '请求内容不是有效的 JSON：请检查格式后重新提交。' });
    expect(answerFor(new Error('ENOENT /srv/x'))).toMatchObject({ status: 500, code: 'INTERNAL_SERVER_ERROR' });
    expect(answerFor(undefined)).toMatchObject({ status: 404 });
  });
});
