import { newQueryCode } from '../platform/public-forms/query-code.js';
import express from 'express';
import { z } from 'zod';
import { toCalendarDay } from '../platform/calendar/working-days.js';
import { calendarDayOf } from '../platform/db/calendar-day.js';
import { contact, optionalText, parseForm, plainText } from '../platform/public-forms/fields.js';
import type { SiteKit } from '../site/kit.js';
import { consultationData, consultationListData, publicConsultation } from './data.js';
import { acceptsComments } from './core/rules.js';
import type { DatabaseContext } from '../platform/db/prisma.js';

const idPattern = /^[a-z0-9]{1,40}$/;
const form = 'consultation-comment';

export const commentForm = z.object({
  name: optionalText('姓名', 40),
  contact: contact('联系方式'),
  body: plainText('意见内容', { min: 5, max: 3000 }),
});

/** The public pages of consultations (征求意见, S2, S11) and the comment form. */
export function consultationRoutes(context: DatabaseContext, kit: SiteKit): express.Router {
  const router = express.Router();
  const prisma = context.sudo().prisma;

  router.get('/consultations', async (req, res) => {
    const since = kit.cache.generation;
    await kit.html(req, res, since, 200, 'consultation-list', await consultationListData(context, toCalendarDay(new Date())));
  });

  router.get('/consultations/:id', async (req, res) => {
    const since = kit.cache.generation;
    const data = idPattern.test(req.params.id) ? await consultationData(context, req.params.id, toCalendarDay(new Date())) : null;
    return data ? kit.html(req, res, since, 200, 'consultation', data) : kit.notFound(req, res);
  });

  /** The consultation the form is for, or null when it is not published. */
  const target = async (id: string) =>
    idPattern.test(id)
      ? ((await prisma.consultation.findFirst({
          where: { id, ...publicConsultation },
          select: { id: true, title: true, status: true, opensOn: true, closesOn: true },
        })) as { id: string; title: string; status: string; opensOn: unknown; closesOn: unknown } | null)
      : null;
  const accepting = (c: { status: string; opensOn: unknown; closesOn: unknown }) =>
    acceptsComments(
      { status: c.status, opensOn: calendarDayOf(c.opensOn), closesOn: calendarDayOf(c.closesOn) },
      toCalendarDay(new Date()),
    );
  const showForm = (
    res: express.Response,
    status: number,
    c: { id: string; title: string; closesOn: unknown; status: string; opensOn: unknown },
    values: Record<string, string> = {},
    errors: Record<string, string> = {},
    messages: string[] = [],
  ) =>
    kit.uncachedHtml(res, status, 'consultation-comment', {
      title: `提交意见：${c.title}`,
      consultation: { id: c.id, title: c.title, closesOn: calendarDayOf(c.closesOn) },
      accepting: accepting(c),
      token: kit.formToken(form),
      values,
      errors,
      messages,
    });

  router.get('/consultations/:id/comment', async (req, res) => {
    const c = await target(req.params.id);
    return c ? showForm(res, 200, c) : kit.notFound(req, res);
  });

  router.post('/consultations/:id/comment', ...kit.formPost, async (req, res) => {
    const c = await target(String(req.params.id));
    if (!c) return kit.notFound(req, res);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values = Object.fromEntries(['name', 'contact', 'body'].map((k) => [k, typeof body[k] === 'string' ? (body[k] as string) : '']));
    // Outside the period nothing is taken, whatever the page said when it was loaded.
    if (!accepting(c)) return showForm(res, 403, c, values, {}, ['本次征求意见不在意见提交期限内，不再接收意见。']);
    const bot = await kit.checkBot(form, body);
    if (bot) return showForm(res, 400, c, values, {}, [bot]);
    const parsed = parseForm(commentForm, body);
    if (!parsed.ok) return showForm(res, 400, c, values, parsed.errors, parsed.messages);
    const code = newQueryCode();
    await prisma.consultationComment.create({
      data: {
        consultation: { connect: { id: c.id } },
        name: parsed.data.name,
        contact: parsed.data.contact,
        body: parsed.data.body,
        summary: [...parsed.data.body.replace(/\s+/g, ' ')].slice(0, 40).join(''),
        queryCode: code,
        submittedAt: new Date(),
        moderation: 'pending',
      },
    });
    // Nothing public changes until the comment is moderated (the comment list's hook clears the page then).
    // The thank-you page answers the post itself: the code is shown once and is in no URL.
    return kit.uncachedHtml(res, 200, 'consultation-thanks', { title: '意见已提交', consultation: { id: c.id, title: c.title }, code });
  });

  return router;
}
