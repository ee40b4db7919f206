import type { DatabaseContext } from '../platform/db/prisma.js';
import { formatChinaTime } from '../platform/calendar/china-time.js';
import { messageChannelOptions, messageKindOptions } from './core/clocks.js';
import type { InteractionMessage } from '../monitor/core/types.js';
import { maskPersonalData } from '../platform/privacy/mask.js';
import { maskedSenderName, messageStatusOptions } from './core/rules.js';

/*
 * What the public site shows of messages (S11, N5): only replies approved for publication, with the
 * submission and the reply time, the replying department, and the sender as 张** (N15). The contact
 * is never selected here, so no public page, feed or search can carry it.
 */

export const publicMessage = { status: 'replied', isPublic: true, replyPublishedAt: { not: null } };
export const messagePageSize = 20;

const labelOf = (options: readonly { value: string; label: string }[], value: string) =>
  options.find((o) => o.value === value)?.label ?? '';

type Row = {
  id: string;
  subject: string;
  content: string;
  senderName: string;
  kind: string;
  channel: string;
  submittedAt: Date;
  repliedAt: Date | null;
  replyPublishedAt: Date | null;
  replyText: string;
  department: { name: string } | null;
};
const publicFields = {
  id: true,
  subject: true,
  content: true,
  senderName: true,
  kind: true,
  channel: true,
  submittedAt: true,
  repliedAt: true,
  replyPublishedAt: true,
  replyText: true,
  department: { select: { name: true } },
};

function view(m: Row) {
  return {
    id: m.id,
    url: `/mailbox/${m.id}`,
    subject: maskPersonalData(m.subject),
    content: maskPersonalData(m.content),
    sender: maskedSenderName(m.senderName),
    kind: labelOf(messageKindOptions, m.kind),
    channel: labelOf(messageChannelOptions, m.channel),
    submittedTime: formatChinaTime(m.submittedAt),
    repliedTime: m.repliedAt ? formatChinaTime(m.repliedAt) : '',
    department: m.department?.name ?? '',
    reply: maskPersonalData(m.replyText),
  };
}

/** One page of published messages, newest reply first; null past the last page. */
export async function messageListData(context: DatabaseContext, page: number) {
  const prisma = context.sudo().prisma;
  const total: number = await prisma.message.count({ where: publicMessage });
  const pages = Math.max(1, Math.ceil(total / messagePageSize));
  if (page > pages) return null;
  const rows = await prisma.message.findMany({
    where: publicMessage,
    orderBy: { replyPublishedAt: 'desc' },
    skip: (page - 1) * messagePageSize,
    take: messagePageSize,
    select: publicFields,
  });
  return { messages: rows.map(view), total, page, pages, previous: page > 1 ? page - 1 : null, next: page < pages ? page + 1 : null };
}

/** A published message, or null. */
export async function messageData(context: DatabaseContext, id: string) {
  const row = await context.sudo().prisma.message.findFirst({ where: { id, ...publicMessage }, select: publicFields });
  return row && { ...view(row), publishedAt: row.replyPublishedAt };
}

/** The citizen's own message by its query code: where it stands, and the reply once published. */
export async function queryData(context: DatabaseContext, queryCode: string) {
  const row = await context.sudo().prisma.message.findUnique({ where: { queryCode }, select: { ...publicFields, status: true } });
  if (!row) return null;
  const published = row.replyPublishedAt !== null;
  const base = view(row);
  return {
    ...base,
    status: published
      ? '已答复'
      : row.status === 'replied'
        ? '已答复（答复不在网站公开，承办科室将通过您留下的联系方式答复）'
        : labelOf(messageStatusOptions, row.status === 'replyReview' ? 'assigned' : row.status),
    published,
    reply: published ? base.reply : '',
    repliedTime: published ? base.repliedTime : '',
  };
}

/** For a 领导信箱-kind column page: the published messages as its list (they are its updates). */
export async function mailboxColumnItems(context: DatabaseContext, page: number, pageSize: number) {
  const prisma = context.sudo().prisma;
  const total: number = await prisma.message.count({ where: publicMessage });
  const rows = await prisma.message.findMany({
    where: publicMessage,
    orderBy: { replyPublishedAt: 'desc' },
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: { id: true, subject: true, replyPublishedAt: true },
  });
  return { total, items: rows.map((m) => ({ id: m.id, title: m.subject, publishedAt: m.replyPublishedAt, url: `/mailbox/${m.id}` })) };
}

/**
 * N5 for the monitor: every message still owed a public reply or published; one withheld on purpose
 * (with its reason) is not counted. A published page shows both times (templates/pages/mailbox-item.hbs).
 */
export async function messageKnowledge(context: DatabaseContext): Promise<InteractionMessage[]> {
  const rows = await context.sudo().prisma.message.findMany({
    where: { NOT: { status: 'replied', isPublic: false } },
    select: { id: true, subject: true, submittedAt: true, repliedAt: true, replyPublishedAt: true },
  });
  return rows.map((m) => ({
    id: m.id,
    title: maskPersonalData(m.subject),
    url: m.replyPublishedAt ? `/mailbox/${m.id}` : undefined,
    submittedAt: m.submittedAt,
    repliedAt: m.repliedAt,
    publishedAt: m.replyPublishedAt,
    ...(m.replyPublishedAt ? { showsSubmittedTime: true, showsReplyTime: true } : {}),
  }));
}
