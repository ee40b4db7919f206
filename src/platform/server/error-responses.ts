import type { IncomingMessage, ServerResponse } from 'node:http';
import { logger } from '../logging/logger.js';
import { debugResponses } from './debug.js';

/*
 * issue 14 #12: whatever reaches Express's last handler (a malformed JSON body, a body over its limit,
 * an upload too large, an error nobody caught, a path nobody serves) is answered in Chinese, as JSON for
 * the API and as a small page otherwise, never with Express's development page, its stack trace or a
 * file path (GONGKAI_DEBUG=1 keeps Express's own page, for a developer).
 */

interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

interface Answer {
  status: number;
  code: string;
  title: string;
  message: string;
}

export function answerFor(error: unknown): Answer {
  if (error === undefined) return { status: 404, code: 'NOT_FOUND', title: '页面不存在', message: '您访问的地址不存在。' };
  const e = (typeof error === 'object' && error !== null ? error : {}) as HttpishError;
  const raw = e.status ?? e.statusCode;
  const status = typeof raw === 'number' && raw >= 400 && raw < 600 ? raw : 500;
  if (status === 413)
    return {
      status,
      code: 'PAYLOAD_TOO_LARGE',
      title: '提交的内容过大',
      message: '提交的内容超过了服务器允许的大小：请压缩或拆分后重新提交。',
    };
  if (e.type === 'entity.parse.failed')
    return { status: 400, code: 'BAD_REQUEST', title: '请求格式不正确', message: '请求内容不是有效的 JSON：请检查格式后重新提交。' };
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported')
    return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', title: '请求编码不受支持', message: '请求内容的编码不受支持：请使用 UTF-8。' };
  if (status === 404) return { status, code: 'NOT_FOUND', title: '页面不存在', message: '您访问的地址不存在。' };
  if (status === 405) return { status, code: 'METHOD_NOT_ALLOWED', title: '请求方式不正确', message: '该地址不接受这种请求方式。' };
  if (status < 500) return { status, code: 'BAD_REQUEST', title: '请求有误', message: '请求无法处理：请检查后重新提交。' };
  return {
    status,
    code: 'INTERNAL_SERVER_ERROR',
    title: '系统繁忙',
    message: '服务器处理请求时出错，请稍后重试；如一再出现，请联系系统管理员。',
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function wantsJson(req: IncomingMessage): boolean {
  const url = req.url ?? '';
  return (
    /^\/api(\/|$|\?)/.test(url) ||
    /json/.test(String(req.headers['content-type'] ?? '')) ||
    /^application\/json/.test(String(req.headers.accept ?? ''))
  );
}

/** The last answer of the server: Chinese, without internals. */
export function finalResponse(error: unknown, req: IncomingMessage, res: ServerResponse): void {
  const answer = answerFor(error);
  if (answer.status >= 500) logger.error({ err: error, url: req.url }, 'request failed');
  else if (error !== undefined) logger.warn({ status: answer.status, url: req.url, reason: (error as Error)?.message }, 'request refused');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  // Whatever the failed handler set (a download's type, a cache header) does not apply to this answer.
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  res.statusCode = answer.status;
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // The request body may be unread (a body over its limit): drop the connection after answering.
  if (answer.status === 413) res.setHeader('Connection', 'close');
  if (wantsJson(req)) {
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(JSON.stringify({ errors: [{ message: answer.message, extensions: { code: answer.code } }] }));
    return;
  }
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Security-Policy', "default-src 'none'");
  res.end(
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(answer.title)}</title></head>` +
      `<body><h1>${escapeHtml(answer.title)}（${answer.status}）</h1><p>${escapeHtml(answer.message)}</p><p><a href="/">返回首页</a></p></body></html>`,
  );
}

interface HandlesRequests {
  handle(req: IncomingMessage, res: ServerResponse, callback?: (error?: unknown) => void): void;
}

/**
 * Makes `finalResponse` the Express app's last handler. Keystone adds the API and the Admin UI after our
 * routes, so an error middleware of ours would come before them; the app's final callback comes after all.
 */
export function answerErrorsInChinese(app: unknown): void {
  const express = app as HandlesRequests;
  const handle = express.handle.bind(express);
  express.handle = (req, res, callback) =>
    handle(req, res, callback ?? (debugResponses() ? undefined : (error?: unknown) => finalResponse(error, req, res)));
}
