import { refusal } from '../platform/admin-ui/item-actions.js';
import { memberOf, sessionOf } from '../platform/access/roles.js';
import type { MessageChannel, MessageKind } from './core/clocks.js';
import { decideMessageAction, type MessageAction, type MessageActionInput, type MessageFacts, type MessageStatus } from './core/rules.js';
import { messagesChanged } from './invalidation.js';
import { loadContentGate } from '../workflow/content-gate-store.js';
import { contentGateFindings, type Finding } from '../workflow/core/checks.js';
import { toCalendarDay } from '../platform/calendar/working-days.js';
import type { Context } from '../platform/db/prisma.js';

export interface NewMessage {
  channel: MessageChannel;
  kind: MessageKind;
  subject: string;
  content: string;
  senderName: string;
  contact: string;
}

/** Stores a message from the public (validated by the caller); returns its id and the citizen's query code. */
export async function submitMessage(context: Context, message: NewMessage, now = new Date()): Promise<{ id: string; queryCode: string }> {
  // Through the list, so its hooks give the query code; `db` answers with the stored row.
  const item = await context.sudo().db.Message.createOne({ data: { ...message, submittedAt: now, status: 'received' } });
  return { id: String(item.id), queryCode: String(item.queryCode) };
}

const refused = refusal('MESSAGE_REFUSED');

/** Carries out one handling action on a message, in one transaction, if it is open to the signed-in user. */
export async function actOnMessage(
  context: Context,
  id: string,
  action: MessageAction,
  input: MessageActionInput = {},
  now = new Date(),
): Promise<void> {
  const actor = memberOf(sessionOf(context));
  if (!actor) throw refused('请先登录');
  let publicationChanged = false;
  // N7/N19: a reply is checked against the office's dictionary when it is submitted and when it is approved.
  const checksReply = action === 'submitReply' || action === 'approveReply';
  const { gate } = checksReply ? await loadContentGate(context.sudo().prisma) : { gate: null };
  await context.sudo().prisma.$transaction(async (tx) => {
    const m = await tx.message.findUnique({ where: { id } });
    if (!m) throw refused('找不到该留言');
    const facts: MessageFacts = {
      status: m.status as MessageStatus,
      departmentId: m.departmentId,
      replyText: m.replyText,
      isPublic: m.isPublic,
      withholdReason: m.withholdReason,
      replyPublishedAt: m.replyPublishedAt,
    };
    const decision = decideMessageAction(facts, actor, action, input);
    if (!decision.ok) throw refused(decision.message);
    const { setRepliedAt, published, ...rest } = decision.data;
    const data: Record<string, unknown> = { ...rest };
    if (gate) {
      const findings: Finding[] = contentGateFindings(gate, [{ where: '答复', text: m.replyText }], toCalendarDay(now));
      const blocking = findings.filter((f) => f.blocking);
      if (blocking.length) throw refused(`答复有严重表述错误，请修改后再提交：${blocking.map((f) => f.message).join('；')}`);
      data.replyFindings = findings;
    }
    if (setRepliedAt) data.repliedAt = now;
    if (published !== undefined) {
      data.replyPublishedAt = published ? now : null;
      publicationChanged = true;
    }
    // Guarded by the status read above: a concurrent action on the same message changes nothing twice.
    const updated = await tx.message.updateMany({ where: { id, status: m.status }, data });
    if (updated.count !== 1) throw refused('该留言刚被他人处理，请刷新后重试');
  });
  if (publicationChanged) await messagesChanged(context, [id]);
}
