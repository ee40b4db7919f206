import type { Context } from '../platform/db/prisma.js';
import express from 'express';
import type { SiteKit } from '../site/kit.js';
import { toCalendarDay } from '../platform/calendar/working-days.js';
import { calendarDayOf } from '../platform/db/calendar-day.js';
import { applicantTypeOptions } from './core/request-vocabulary.js';
import { parseApplication, requestDataOf } from './core/application.js';
import { factFields, factsOf } from './facts.js';
import { newQueryCode, normalizeQueryCode, queryCodeExample } from '../platform/public-forms/query-code.js';
import { clockOf, progressOf } from './core/request-state.js';
import { deliveryMethodOptions, idDocumentTypeOptions, requestProgressLabels } from './core/vocabulary.js';

/*
 * N13: the online application for disclosure (政府信息公开申请) and the query of its progress. The
 * form is never cached (each page has a fresh guard token); what the applicant typed is kept on a
 * refused post. Nothing of the applicant is ever shown back on a public page (N15): the thank-you
 * page gives a query code, and the query page shows only the progress and the deadline.
 */

const form = 'disclosure-request';
const fieldNames = [
  'applicantType',
  'personName',
  'idDocumentType',
  'idNumber',
  'organizationName',
  'creditCode',
  'contactPerson',
  'phone',
  'email',
  'postalAddress',
  'postcode',
  'description',
  'purpose',
  'deliveryMethod',
] as const;

type Values = Partial<Record<(typeof fieldNames)[number], string>>;

function valuesOf(body: Record<string, unknown>): Values {
  return Object.fromEntries(fieldNames.map((name) => [name, typeof body[name] === 'string' ? (body[name] as string) : ''])) as Values;
}

const withChoice = <T extends { value: string; label: string }>(options: readonly T[], chosen: string | undefined) =>
  options.map((o) => ({ value: o.value, label: o.label, checked: o.value === chosen }));

function formModel(kit: SiteKit, values: Values, errors: Record<string, string> = {}) {
  return {
    title: '政府信息公开申请',
    token: kit.formToken(form),
    values,
    errors,
    errorList: Object.values(errors),
    applicantTypes: withChoice(applicantTypeOptions, values.applicantType || 'naturalPerson').map((o) => ({
      ...o,
      label: o.value === 'naturalPerson' ? o.label : `法人或其他组织：${o.label}`,
    })),
    idDocumentTypes: withChoice(idDocumentTypeOptions, values.idDocumentType || 'residentId'),
    deliveryMethods: withChoice(deliveryMethodOptions, values.deliveryMethod),
  };
}

/** Creates the request under a fresh query code (about 59 random bits: a clash is retried, not expected). */
async function createRequest(context: Context, data: ReturnType<typeof requestDataOf>, now: Date): Promise<string> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const queryCode = newQueryCode();
    if (await context.sudo().prisma.disclosureRequest.findUnique({ where: { queryCode }, select: { id: true } })) continue;
    await context.sudo().db.DisclosureRequest.createOne({
      data: { ...data, topic: data.description.replace(/\s+/g, ' ').slice(0, 40), channel: 'online', submittedAt: now, queryCode },
    });
    return queryCode;
  }
  throw new Error('No free query code after 3 attempts');
}

export function requestRoutes(context: Context, kit: SiteKit): express.Router {
  const router = express.Router();

  router.get('/disclosure/apply', async (_req, res) => {
    await kit.uncachedHtml(res, 200, 'requests-apply', formModel(kit, { applicantType: 'naturalPerson', idDocumentType: 'residentId' }));
  });

  router.post('/disclosure/apply', ...kit.formPost, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values = valuesOf(body);
    const bot = await kit.checkBot(form, body);
    if (bot) return kit.uncachedHtml(res, 400, 'requests-apply', formModel(kit, values, { _form: bot }));
    const parsed = parseApplication(body);
    if (!parsed.ok) return kit.uncachedHtml(res, 400, 'requests-apply', formModel(kit, values, parsed.errors));
    const code = await createRequest(context, requestDataOf(parsed.data), new Date());
    // The thank-you page is the answer to the post itself: the code is shown once and is in no URL.
    return kit.uncachedHtml(res, 200, 'requests-thanks', { title: '申请已提交', code });
  });

  router.get('/disclosure/apply/query', (_req, res) =>
    kit.uncachedHtml(res, 200, 'requests-query', { title: '申请办理进度查询', example: queryCodeExample }),
  );

  // Looked up by a post, so that the code stays out of URLs (histories, logs, Referer).
  router.post('/disclosure/apply/query', ...kit.formPost, async (req, res) => {
    const typed: unknown = req.body?.code;
    const code = normalizeQueryCode(typed);
    const row = code
      ? await context.sudo().prisma.disclosureRequest.findUnique({
          where: { queryCode: code },
          select: { ...factFields, submittedAt: true, createdAt: true },
        })
      : null;
    if (!row)
      return kit.uncachedHtml(res, 404, 'requests-query', {
        title: '申请办理进度查询',
        code: typeof typed === 'string' ? typed.slice(0, 30) : '',
        example: queryCodeExample,
        notFound: true,
      });
    const facts = factsOf(row);
    const today = toCalendarDay(new Date());
    const clock = clockOf(facts, today);
    // Status and deadline only: no name, contact or content of the application (N15).
    return kit.uncachedHtml(res, 200, 'requests-query', {
      title: '申请办理进度查询',
      code,
      found: true,
      submittedOn: calendarDayOf(row.submittedAt ?? row.createdAt) ?? '',
      progress: requestProgressLabels[progressOf(facts, today)],
      receivedOn: facts.receivedOn,
      deadline: facts.closedOn ? null : (clock?.deadline ?? null),
      closedOn: facts.closedOn,
    });
  });

  return router;
}
