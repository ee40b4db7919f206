import { type ActionArgs, itemAction, refusal, textArg } from '../platform/admin-ui/item-actions.js';
import { toCalendarDay } from '../platform/calendar/working-days.js';
import { calendarDayOf } from '../platform/db/calendar-day.js';
import { richTextHasContent } from '../workflow/core/disclosure.js';
import { memberOf, sessionOf } from '../platform/access/roles.js';
import { consultationsChanged } from './invalidation.js';
import {
  periodState,
  publicationProblems,
  reportFigures,
  reportProblems,
  type CommentFacts,
  type ConsultationStatus,
} from './core/rules.js';
import { consultationActionLabels, consultationActionsFor, type ConsultationAction } from './core/workflow.js';
import { loadContentGate } from '../workflow/content-gate-store.js';
import { plainText } from '../platform/content/plain-text.js';
import { contentGateFindings } from '../workflow/core/checks.js';
import type { Context } from '../platform/db/prisma.js';

const refused = refusal('CONSULTATION_REFUSED');

export interface ConsultationActionArgs {
  reason?: string | null;
  confidentialityConclusion?: string | null;
}

/** Carries out one action on a consultation, in one transaction, once the rules allow it. */
export async function actOnConsultation(
  context: Context,
  id: string,
  act: ConsultationAction,
  args: ConsultationActionArgs = {},
  now = new Date(),
): Promise<void> {
  const actor = memberOf(sessionOf(context));
  if (!actor) throw refused('请先登录');
  const today = toCalendarDay(now);
  let madePublic = false;
  // N7: the draft at submission and the adoption report (the answer to the comments) at publication are
  // refused while the office's dictionary finds a serious error in them.
  const { gate } = act === 'submit' || act === 'publishReport' ? await loadContentGate(context.sudo().prisma) : { gate: null };
  const seriousErrors = (parts: { where: string; text: string }[]) =>
    gate
      ? contentGateFindings(gate, parts, today)
          .filter((f) => f.blocking)
          .map((f) => f.message)
      : [];
  await context.sudo().prisma.$transaction(async (tx) => {
    const item = await tx.consultation.findUnique({ where: { id } });
    if (!item) throw refused('找不到该征求意见');
    if (!consultationActionsFor({ status: item.status as ConsultationStatus, departmentId: item.departmentId }, actor).includes(act)) {
      throw refused(`当前状态下您不能“${consultationActionLabels[act]}”`);
    }
    const opensOn = calendarDayOf(item.opensOn);
    const closesOn = calendarDayOf(item.closesOn);
    const problems = () => publicationProblems({ ...item, opensOn, closesOn, hasDraftText: richTextHasContent(item.draftText) });
    switch (act) {
      case 'submit': {
        const found = [
          ...problems(),
          ...seriousErrors([
            { where: '标题', text: item.title },
            { where: '征求意见稿', text: plainText(item.draftText) },
            { where: '起草依据和说明', text: item.basis },
          ]),
        ];
        if (found.length) throw refused(`不能提交审核：${found.join('；')}`);
        await tx.consultation.update({ where: { id }, data: { status: 'review' } });
        return;
      }
      case 'returnToDrafter':
        if (!args.reason?.trim()) throw refused('请填写退回原因');
        await tx.consultation.update({ where: { id }, data: { status: 'draft', lastReturnReason: args.reason.trim() } });
        return;
      case 'approve': {
        const found = problems();
        // S4: the confidentiality review precedes every publication; S2: a secret draft is never consulted.
        if (!args.confidentialityConclusion?.trim()) found.push('请填写保密审查结论（S4）');
        if (closesOn && closesOn < today) found.push('征求意见截止日期已过，请退回修改期限');
        if (found.length) throw refused(`不能发布：${found.join('；')}`);
        await tx.consultation.update({
          where: { id },
          data: {
            status: 'open',
            publishedAt: now,
            lastReturnReason: '',
            confidentialityConclusion: args.confidentialityConclusion!.trim(),
            approvedBy: { connect: { id: actor.id } },
          },
        });
        madePublic = true;
        return;
      }
      case 'close':
        if (!opensOn || !closesOn || periodState({ opensOn, closesOn }, today) !== 'ended')
          throw refused(`征求意见期限至 ${closesOn ?? '（未填写）'} 止，期限结束后才能结束征求意见`);
        await tx.consultation.update({ where: { id }, data: { status: 'closed' } });
        madePublic = true;
        return;
      case 'publishReport': {
        const comments = (await tx.consultationComment.findMany({ where: { consultationId: id } })) as CommentFacts[];
        const ended = Boolean(opensOn && closesOn && periodState({ opensOn, closesOn }, today) === 'ended');
        const found = [
          ...reportProblems({ reportText: item.reportText, periodEnded: ended, comments }),
          ...seriousErrors([{ where: '意见采纳情况', text: item.reportText }]),
        ];
        if (found.length) throw refused(`不能公布采纳情况：${found.join('；')}`);
        await tx.consultation.update({
          where: { id },
          data: { status: 'reported', reportFigures: reportFigures(comments), reportPublishedAt: now },
        });
        madePublic = true;
        return;
      }
    }
  });
  if (madePublic) await consultationsChanged(context, [id]);
}

/**
 * At the start of each day in China (the scheduler): closes the published consultations whose period
 * has ended — the public form already refuses comments after the closing day; this moves the status on
 * for the 待办 — and refreshes the consultation pages, which show the days left and what is open.
 */
export async function consultationDayStarts(context: Context, now = new Date()): Promise<string[]> {
  const prisma = context.sudo().prisma;
  const today = toCalendarDay(now);
  const open = (await prisma.consultation.findMany({ where: { status: 'open' }, select: { id: true, closesOn: true } })) as {
    id: string;
    closesOn: unknown;
  }[];
  const ended = open.filter((c) => (calendarDayOf(c.closesOn) ?? '9') < today).map((c) => c.id);
  if (ended.length) await prisma.consultation.updateMany({ where: { id: { in: ended }, status: 'open' }, data: { status: 'closed' } });
  await consultationsChanged(
    context,
    open.map((c) => c.id),
  );
  return ended;
}

const argsFor: Partial<Record<ConsultationAction, ActionArgs<'Consultation'>>> = {
  returnToDrafter: { reason: textArg<'Consultation'>('退回原因', '说明需要修改的内容，起草科室将看到', { required: true }) },
  approve: {
    // S4: checked in the dialog and again by the resolver.
    confidentialityConclusion: textArg<'Consultation'>(
      '保密审查结论（S4）',
      '例如：经保密审查，不涉及国家秘密、工作秘密和个人隐私，同意公开征求意见',
      { required: true },
    ),
  },
};

const prompts: Partial<Record<ConsultationAction, string>> = {
  submit: '提交后将送局办公室审核，确定提交“{itemLabel}”吗？',
  approve: '发布后征求意见稿将在网站公开并接受意见，确定发布“{itemLabel}”吗？',
  publishReport: '采纳情况公布后将在网站公开，确定公布“{itemLabel}”的意见采纳情况吗？',
};

/** The actions of 征求意见: a button each on the item page (only those open to the user), a mutation each in GraphQL. */
export function consultationItemActions() {
  return Object.fromEntries(
    (Object.keys(consultationActionLabels) as ConsultationAction[]).map((key) => [
      key,
      itemAction('Consultation', {
        label: consultationActionLabels[key],
        prompt: prompts[key],
        args: argsFor[key],
        shown: (session, item) => {
          const raw = item as unknown as { status: ConsultationStatus; departmentId: string | null; closesOn: unknown };
          if (!consultationActionsFor(raw, memberOf(session)).includes(key)) return false;
          // 结束征求意见 only once the closing day has passed.
          return key !== 'close' || (calendarDayOf(raw.closesOn) ?? '9') < toCalendarDay(new Date());
        },
        run: (context, id, args) => actOnConsultation(context, id, key, args as ConsultationActionArgs),
      }),
    ]),
  );
}
