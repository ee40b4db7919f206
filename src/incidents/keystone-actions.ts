import { actionMessages } from '../platform/admin-ui/action-messages.js';
import { itemAction, refusal } from '../platform/admin-ui/item-actions.js';
import { isEditor, isOffice, memberOf, roleOf, sessionOf } from '../platform/access/roles.js';
import type { Context } from '../platform/db/prisma.js';
import { actionRefusal, incidentEventDefinitions, mayEditIncident, type IncidentAction } from './core/rules.js';

const refused = refusal('INCIDENT_REFUSED');

const closeLabel = '结束事件';

/**
 * Records an event (or the closing) at `now`, in one click, by the signed-in user: the office, or an
 * editor of a responsible department (S7). Goes through the list's hooks, so the clocks and the
 * immediate alert check run as for any edit.
 */
export async function actOnIncident(context: Context, id: string, act: IncidentAction, now = new Date()): Promise<void> {
  const actor = memberOf(sessionOf(context));
  if (!actor) throw refused('请先登录');
  const incident = await context.sudo().prisma.opinionIncident.findUnique({
    where: { id },
    include: { departments: { select: { id: true } } },
  });
  if (!incident) throw refused('找不到该舆情事件');
  if (
    !mayEditIncident(
      actor,
      incident.departments.map((d: { id: string }) => d.id),
    )
  )
    throw refused('只有局办公室和责任科室可以记录该事件的处置情况');
  const refusal = actionRefusal(incident, act);
  if (refusal) throw refused(refusal);
  const by = { connect: { id: actor.id } };
  const definition = incidentEventDefinitions.find((d) => d.event === act);
  await context.sudo().db.OpinionIncident.updateOne({
    where: { id },
    data: definition ? { [definition.event]: now, [definition.recordedBy]: by } : { closedAt: now, closedBy: by },
  });
}

const labels: Record<IncidentAction, string> = {
  ...(Object.fromEntries(incidentEventDefinitions.map((d) => [d.event, d.actionLabel])) as Record<
    Exclude<IncidentAction, 'close'>,
    string
  >),
  close: closeLabel,
};

const actionKeys: Record<IncidentAction, string> = {
  phoneReportAt: 'recordPhoneReport',
  writtenReportAt: 'recordWrittenReport',
  authoritativeInfoAt: 'recordAuthoritativeInfo',
  pressConferenceAt: 'recordPressConference',
  close: 'close',
};

/** The button says what was done (已书面报告); the toast says it was recorded, not 已已书面报告. */
function messagesOf(act: IncidentAction) {
  if (act === 'close') return actionMessages(closeLabel, '结束后不再计时和提醒，确定结束“{itemLabel}”吗？');
  const recorded = `记录${incidentEventDefinitions.find((d) => d.event === act)!.label.replace(/时间$/, '')}`;
  const { success, fail, successMany, failMany } = actionMessages(recorded);
  return { ...actionMessages(labels[act], `确定以当前时间记录“{itemLabel}”${labels[act]}吗？`), success, fail, successMany, failMany };
}

/** 已电话报告, 已书面报告, 已发布权威信息, 已召开新闻发布会, 结束事件: a button each on the item page. */
export function incidentActions() {
  return Object.fromEntries(
    (Object.keys(actionKeys) as IncidentAction[]).map((act) => [
      actionKeys[act],
      itemAction('OpinionIncident', {
        label: labels[act],
        messages: messagesOf(act),
        shown: (session, item) => {
          // Leaders and the info section read incidents; they record nothing.
          const role = roleOf(session);
          return (isOffice(role) || isEditor(role)) && actionRefusal(item, act) === null;
        },
        run: (context, id) => actOnIncident(context, id, act),
      }),
    ]),
  );
}
