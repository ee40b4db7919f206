import type { Context } from '../platform/db/prisma.js';
import express from 'express';
import { z } from 'zod';
import { messageKindOptions } from './core/clocks.js';
import { choice, contact, parseForm, plainText } from '../platform/public-forms/fields.js';
import type { SiteKit } from '../site/kit.js';
import { queryData } from './public-data.js';
import { normalizeQueryCode, queryCodeExample } from '../platform/public-forms/query-code.js';
import { submitMessage } from './store.js';

/*
 * The forms of the 领导信箱 (S11, N5): the letter, the thank-you page with the query code, and the look-up by
 * code. A letter is stored through Keystone's list (its hooks), so these are mounted by the server only; the
 * published letters are in routes.ts.
 */

const form = 'mailbox';

/** What the citizen writes; every refusal is said in Chinese next to its field. */
export const mailboxForm = z.object({
  senderName: plainText('姓名', { max: 30 }),
  contact: contact('联系方式'),
  kind: choice('留言类别', messageKindOptions),
  subject: plainText('标题', { min: 4, max: 100 }),
  content: plainText('留言内容', { min: 10, max: 3000 }),
});
export type MailboxPost = z.output<typeof mailboxForm>;

const fieldNames = ['senderName', 'contact', 'kind', 'subject', 'content'] as const;

/** The values to put back into the form: only strings the citizen typed, never anything else. */
function keptValues(body: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(fieldNames.map((name) => [name, typeof body[name] === 'string' ? (body[name] as string) : '']));
}

export function mailboxForms(context: Context, kit: SiteKit): express.Router {
  const router = express.Router();

  const renderForm = (
    res: express.Response,
    status: number,
    values: Record<string, string>,
    errors: Record<string, string> = {},
    messages: string[] = [],
  ) =>
    kit.uncachedHtml(res, status, 'mailbox-new', {
      title: '领导信箱 - 我要写信',
      token: kit.formToken(form),
      values,
      errors,
      messages,
      kinds: messageKindOptions.map((o) => ({ ...o, selected: o.value === values.kind })),
    });

  router.get('/mailbox/new', (_req, res) => renderForm(res, 200, { kind: 'consultation' }));

  router.post('/mailbox/new', ...kit.formPost, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values = keptValues(body);
    const bot = await kit.checkBot(form, body);
    if (bot) return renderForm(res, 400, values, {}, [bot]);
    const parsed = parseForm(mailboxForm, body);
    if (!parsed.ok) return renderForm(res, 400, values, parsed.errors, parsed.messages);
    const { senderName, contact: contactValue, kind, subject, content } = parsed.data;
    const { queryCode } = await submitMessage(context, {
      channel: 'leaderMailbox',
      kind,
      subject,
      content,
      senderName,
      contact: contactValue,
    });
    // The thank-you page is the answer to the post itself: the code is shown once and is in no URL.
    return kit.uncachedHtml(res, 200, 'mailbox-thanks', { title: '来信已收到', code: queryCode });
  });

  router.get('/mailbox/query', (_req, res) =>
    kit.uncachedHtml(res, 200, 'mailbox-query', { title: '来信查询', code: '', example: queryCodeExample }),
  );

  // Looked up by a post, so that the code stays out of URLs (histories, logs, Referer).
  router.post('/mailbox/query', ...kit.formPost, async (req, res) => {
    const typed = typeof req.body?.code === 'string' ? req.body.code.trim().slice(0, 30) : '';
    const code = normalizeQueryCode(typed);
    const found = code ? await queryData(context, code) : null;
    const error = code
      ? found
        ? ''
        : '没有找到该查询码对应的来信，请核对后重新输入。'
      : `查询码格式不正确：应为 12 位字母和数字，如 ${queryCodeExample}。`;
    return kit.uncachedHtml(res, found ? 200 : code ? 404 : 400, 'mailbox-query', {
      title: '来信查询',
      code: code ?? typed,
      example: queryCodeExample,
      found,
      error,
    });
  });

  return router;
}
