import { g } from '../platform/db/g.js';
import { calendarDay, select } from '@keystone-6/core/fields';
import { activeSessionOf, roleOf, type SessionData } from '../platform/access/roles.js';
import { itemAction, refusal, textArg, type ActionArgs } from '../platform/admin-ui/item-actions.js';
import { toCalendarDay, type CalendarDay } from '../platform/calendar/working-days.js';
import { calendarDayValue } from '../platform/db/calendar-day.js';
import { requestOutcomeOptions } from './core/request-vocabulary.js';
import { approvesExtensions, handlesRequest } from './access.js';
import { factsOf } from './facts.js';
import { answerProblems, approvalProblems, noticeProblems } from './core/request-state.js';
import { noticeMethodOptions } from './core/vocabulary.js';
import { type Context, type ListTypeInfo } from '../platform/db/prisma.js';

/*
 * N13: the steps of a request where a plain edit would be unsafe, as Keystone actions (a button on
 * the item page, a mutation in GraphQL), each checked before anything is saved:
 * 批准延期 (a leader, once, before the deadline), 告知延期 (after approval, before the deadline),
 * 答复 (outcome and answer day together).
 */

export type RequestAction = 'approveExtension' | 'recordExtensionNotice' | 'answer';

export const requestActionLabels: Record<RequestAction, string> = {
  approveExtension: '批准延期',
  recordExtensionNotice: '告知延期',
  answer: '答复',
};

const refused = refusal('REQUEST_REFUSED');

function signedInSession(context: Context): SessionData {
  const session = activeSessionOf(context);
  if (!session) throw refused('请先登录');
  return session;
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
function dayArg(value: unknown, today: CalendarDay, label: string): CalendarDay {
  if (value == null || value === '') return today;
  if (typeof value !== 'string' || !dayPattern.test(value)) throw refused(`${label}格式不正确（应为 YYYY-MM-DD）`);
  return value;
}

export interface RequestActionArgs {
  reason?: string | null;
  noticeSentOn?: string | null;
  noticeMethod?: string | null;
  outcome?: string | null;
  closedOn?: string | null;
  replyText?: string | null;
}

/** Carries out one step on one request after its checks; `now` fixes "today" (China). */
export async function actOnRequest(
  context: Context,
  id: string,
  act: RequestAction,
  args: RequestActionArgs,
  now = new Date(),
): Promise<void> {
  const session = signedInSession(context);
  const today = toCalendarDay(now);
  await context.sudo().prisma.$transaction(async (tx) => {
    const row = await tx.disclosureRequest.findUnique({ where: { id } });
    if (!row) throw refused('找不到该政府信息公开申请');
    const facts = factsOf(row);
    const stop = (problems: string[]) => {
      if (problems.length) throw refused(problems.join('；'));
    };
    switch (act) {
      case 'approveExtension': {
        if (!approvesExtensions(session)) throw refused('延长答复期限须经分管局领导批准');
        const reason = args.reason?.trim() ?? '';
        if (!reason) throw refused('请填写延期理由');
        stop(approvalProblems(facts, today));
        await tx.disclosureRequest.update({
          where: { id },
          data: {
            extensionApprovedOn: calendarDayValue(tx, today),
            extensionApprovedBy: { connect: { id: session.itemId } },
            extensionReason: reason,
          },
        });
        return;
      }
      case 'recordExtensionNotice': {
        if (!handlesRequest(session, row.departmentId)) throw refused('您不能处理该申请');
        const noticeSentOn = dayArg(args.noticeSentOn, today, '告知日期');
        if (noticeSentOn > today) throw refused('告知日期不能晚于今天');
        if (!noticeMethodOptions.some((o) => o.value === args.noticeMethod)) throw refused('请选择告知方式');
        stop(noticeProblems(facts, noticeSentOn));
        await tx.disclosureRequest.update({
          where: { id },
          data: { extensionNoticeSentOn: calendarDayValue(tx, noticeSentOn), extensionNoticeMethod: args.noticeMethod },
        });
        return;
      }
      case 'answer': {
        if (!handlesRequest(session, row.departmentId)) throw refused('您不能处理该申请');
        const closedOn = dayArg(args.closedOn, today, '答复日期');
        stop(answerProblems(facts, args.outcome, closedOn, today));
        const replyText = args.replyText?.trim() ?? '';
        await tx.disclosureRequest.update({
          where: { id },
          data: {
            outcome: args.outcome,
            closedOn: calendarDayValue(tx, closedOn),
            ...(replyText ? { replyText } : {}),
            answeredBy: { connect: { id: session.itemId } },
          },
        });
        return;
      }
    }
  });
}

const dayArgConfig = (label: string, description: string) => ({
  graphql: g.arg({ type: g.CalendarDay }),
  ui: { source: { field: calendarDay<ListTypeInfo<'DisclosureRequest'>>({ ui: { label, description } }) } },
});
// A required choice: a plain picker the dialog checks (“请选择…”), never a greyed one behind a 留空 box (issue 16).
const selectArg = (label: string, options: readonly { value: string; label: string }[]) => ({
  graphql: g.arg({ type: g.String }),
  ui: {
    source: {
      field: select<ListTypeInfo<'DisclosureRequest'>>({
        type: 'string',
        options: [...options],
        ui: { label },
        validation: { isRequired: true },
      }),
    },
  },
});

const argsFor: Record<RequestAction, ActionArgs<'DisclosureRequest'>> = {
  approveExtension: {
    reason: textArg<'DisclosureRequest'>('延期理由', '例如：需调取多个科室档案，正在检索核对', { required: true }),
  },
  recordExtensionNotice: {
    noticeSentOn: dayArgConfig('告知日期', '不填为今天；须在原答复期限届满前'),
    noticeMethod: selectArg('告知方式', noticeMethodOptions),
  },
  answer: {
    outcome: selectArg('办理结果', requestOutcomeOptions),
    closedOn: dayArgConfig('答复日期', '不填为今天'),
    replyText: textArg<'DisclosureRequest'>('答复书内容', '可在“答复书附件”中另附盖章的答复书'),
  },
};

type ActionItem =
  | { closedOn?: unknown; receivedOn?: unknown; extensionApprovedOn?: unknown; extensionNoticeSentOn?: unknown; departmentId?: unknown }
  | null
  | undefined;

/** Whether the button shows: the step is open to the user now (the resolver checks again, fully). */
function shown(key: RequestAction, session: SessionData | undefined, item: ActionItem): boolean {
  if (!item || item.closedOn || !item.receivedOn || !roleOf(session)) return false;
  switch (key) {
    case 'approveExtension':
      return approvesExtensions(session) && !item.extensionApprovedOn;
    case 'recordExtensionNotice':
      return (
        handlesRequest(session, item.departmentId as string | null) && Boolean(item.extensionApprovedOn) && !item.extensionNoticeSentOn
      );
    case 'answer':
      return handlesRequest(session, item.departmentId as string | null);
  }
}

export function requestActions() {
  return Object.fromEntries(
    (Object.keys(requestActionLabels) as RequestAction[]).map((key) => [
      key,
      itemAction('DisclosureRequest', {
        label: requestActionLabels[key],
        args: argsFor[key],
        shown: (session, item) => shown(key, session, item),
        run: (context, id, args) => actOnRequest(context, id, key, args as RequestActionArgs),
      }),
    ]),
  );
}
