import express, { type Request, type RequestHandler, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';

/*
 * Limits on public form posts (S11): a small body, few fields, and a number of posts per address and
 * time window; past it, a clear Chinese page (429) and nothing stored. The count is kept in each
 * instance's memory: with several instances behind a proxy the effective limit is that many times
 * higher, still far below a flood. Behind nginx, set GONGKAI_TRUST_PROXY so the address is the
 * visitor's, not the proxy's.
 */

export const formBodyLimit = '16kb';
const windowMs = 10 * 60_000;

/** Posts allowed per address in ten minutes (GONGKAI_FORM_POSTS_PER_10_MIN, default 10). */
export function postsPerWindow(env: NodeJS.ProcessEnv = process.env): number {
  const raw = Number(env.GONGKAI_FORM_POSTS_PER_10_MIN ?? 10);
  return Number.isInteger(raw) && raw > 0 ? raw : 10;
}

export type FormRefusal = (req: Request, res: Response, status: number, message: string) => void;

/**
 * One limiter for all public forms of a site: a flood through one form counts against the others.
 * `refuse` renders the refusal page.
 */
export function formPostLimiter(refuse: FormRefusal, limit = postsPerWindow()): RequestHandler {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res) => refuse(req, res, 429, `提交过于频繁：同一网络地址 10 分钟内最多提交 ${limit} 次，请稍后再试。`),
  });
}

/** Parses an urlencoded form post within the limits; a body too large or malformed gets its page. */
export function formBody(refuse: FormRefusal): RequestHandler[] {
  const parse = express.urlencoded({ extended: false, limit: formBodyLimit, parameterLimit: 40 });
  return [
    (req, res, next) => {
      if (!req.is('application/x-www-form-urlencoded')) return refuse(req, res, 415, '提交格式不正确，请通过网页表单提交。');
      return parse(req, res, (error?: unknown) => {
        if (!error) return next();
        const e = error as { type?: string; status?: number };
        if (e.type === 'entity.too.large')
          return refuse(req, res, 413, '提交内容过长：请精简内容后再提交（不超过 16 KB，约 5000 个汉字）。');
        if (e.type === 'parameters.too.many') return refuse(req, res, 413, '提交的字段过多，请通过网页表单提交。');
        return refuse(req, res, 400, '提交内容无法识别，请通过网页表单重新提交。');
      });
    },
  ];
}
