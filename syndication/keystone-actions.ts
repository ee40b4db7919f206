import { action } from '@keystone-6/core';
import { managesSite, roleOf, sessionOf } from '../src/platform/access/roles.js';
import { actionMessages } from '../src/platform/admin-ui/action-messages.js';
import { type ActionArgs, itemAction, refusal, textArg } from '../src/platform/admin-ui/item-actions.js';
import { calendarDayValue } from '../src/platform/db/calendar-day.js';
import { type Context, type ListTypeInfo, noJson, storedJson } from '../src/platform/db/prisma.js';
import { auditActorOf, auditEntryData } from '../src/workflow/core/audit.js';
import { inPublication } from '../src/workflow/operations/publication.js';
import { upstreamActionLabels, upstreamActionsFor, type UpstreamAction } from './statuses.js';
import { publishReprint, reprintDocumentData, type UpstreamVersion } from './store.js';
import { runSyndicationSource } from './runner.js';

const queueError = refusal('SYNDICATION_REFUSED');

/** The signed-in, active user of a context, or the refusal to ask them to sign in. */
function signedInSession(context: Context) {
  const session = sessionOf(context);
  if (!session || !roleOf(session)) throw queueError('请先登录');
  return session;
}

/** Carries out one queue action, in one transaction, after checking it is open to the user. */
export async function actOnUpstreamItem(
  context: Context,
  id: string,
  act: UpstreamAction,
  args: { note?: string; reason?: string } = {},
  now = new Date(),
): Promise<void> {
  const session = signedInSession(context);
  const actor = auditActorOf(session);
  await inPublication(context, async (tx, publication) => {
    const item = await tx.upstreamItem.findUnique({ where: { id }, include: { source: { select: { name: true, targetColumnId: true } } } });
    if (!item) throw queueError('找不到该转载条目');
    if (!upstreamActionsFor(item, session.data.role).includes(act)) throw queueError(`当前状态下您不能“${upstreamActionLabels[act]}”`);
    const decided = { decidedAt: now, decidedBy: { connect: { id: session.itemId } } };
    switch (act) {
      case 'propose':
        await tx.upstreamItem.update({
          where: { id },
          data: {
            status: 'proposed',
            proposedBy: { connect: { id: session.itemId } },
            proposalNote: args.note?.trim() ?? '',
            ...(session.data.department ? { proposedDepartment: { connect: { id: session.data.department.id } } } : {}),
          },
        });
        return;
      case 'accept':
        await publishReprint(tx, publication, id, {
          columnId: item.source?.targetColumnId ?? null,
          departmentId: item.proposedDepartmentId,
          decider: actor,
          now,
        });
        return;
      case 'reject':
        if (!args.reason?.trim()) throw queueError('请填写不予转载的原因');
        // A tombstone: the run never brings this item back.
        await tx.upstreamItem.update({ where: { id }, data: { status: 'rejected', rejectReason: args.reason.trim(), ...decided } });
        return;
      case 'applyChange': {
        // Only the reprint this item made is ever changed: a document of ours with another origin or key is not (item 7).
        const { documentId } = item;
        const reprint = documentId
          ? await tx.document.findUnique({
              where: { id: documentId },
              select: { origin: true, upstreamId: true, title: true, status: true, departmentId: true },
            })
          : null;
        if (!documentId || !reprint || reprint.origin !== 'reprint' || reprint.upstreamId !== item.dedupKey)
          throw queueError('该转载条目关联的不是由它转载的文件，不能采用上游修改；请忽略该修改');
        const change = storedJson<UpstreamVersion>(item.pendingChange);
        const data = reprintDocumentData({
          ...change,
          publishedAt: change.upstreamPublishedAt ? new Date(change.upstreamPublishedAt) : null,
          writtenAt: change.writtenAt ? new Date(change.writtenAt) : null,
          sourceName: item.source?.name ?? '',
          dedupKey: item.dedupKey,
        });
        await tx.document.update({
          where: { id: documentId },
          data: {
            title: data.title,
            documentNumber: data.documentNumber,
            issuingAuthority: data.issuingAuthority,
            formationDate: calendarDayValue(tx, data.formationDate),
            reprintBody: data.reprintBody,
            sourceUrl: data.sourceUrl,
            searchText: data.searchText,
          },
        });
        const step = { action: 'applyUpstreamChange' as const, actor, reason: `原标题：${reprint.title}`, at: now };
        // What the public reads is replaced; a reprint no longer public only changes, and its history says so.
        if (reprint.status === 'published') await publication.publish([{ listKey: 'Document', id: documentId }], step);
        else
          await tx.auditEntry.create({
            data: auditEntryData(
              { listKey: 'Document', id: documentId, title: data.title, departmentId: reprint.departmentId },
              { ...step, from: reprint.status, to: reprint.status },
            ),
          });
        await tx.upstreamItem.update({ where: { id }, data: { ...change, changedUpstream: false, pendingChange: noJson, ...decided } });
        return;
      }
      case 'dismissChange':
        // The upstream version is remembered as seen, so it is not flagged again.
        await tx.upstreamItem.update({
          where: { id },
          data: {
            contentHash: storedJson<UpstreamVersion>(item.pendingChange).contentHash,
            changedUpstream: false,
            pendingChange: noJson,
            ...decided,
          },
        });
        return;
    }
  });
}

const argsFor: Partial<Record<UpstreamAction, ActionArgs<'UpstreamItem'>>> = {
  propose: { note: textArg<'UpstreamItem'>('提议说明', '例如：与我市社会救助工作密切相关') },
  reject: { reason: textArg<'UpstreamItem'>('不予转载原因', '必填') },
};

/** The queue actions of 转载条目: a button each on the item page, a mutation each in GraphQL. */
export function upstreamItemActions() {
  return Object.fromEntries(
    (Object.keys(upstreamActionLabels) as UpstreamAction[]).map((key) => [
      key,
      itemAction('UpstreamItem', {
        label: upstreamActionLabels[key],
        args: argsFor[key],
        shown: (session, item) => upstreamActionsFor(item, roleOf(session)).includes(key),
        run: (context, id, args) => actOnUpstreamItem(context, id, key, args as { note?: string; reason?: string }),
      }),
    ]),
  );
}

/** 立即采集 on a 转载来源: runs it now, whatever its schedule (the section checking a fixed selector). */
export function sourceActions() {
  return {
    runNow: action<ListTypeInfo<'SyndicationSource'>>({
      access: managesSite,
      async resolve({ where }, context: Context) {
        const id = String((where as { id?: unknown }).id ?? '');
        const source = await context.sudo().prisma.syndicationSource.findUnique({ where: { id } });
        if (!source) throw queueError('找不到该转载来源');
        await runSyndicationSource(context, source.key);
        return context.sudo().db.SyndicationSource.findOne({ where: { id } });
      },
      ui: {
        label: '立即采集',
        messages: actionMessages('立即采集'),
        itemView: { navigation: 'refetch', actionMode: 'enabled' },
        listView: { actionMode: 'hidden' },
      },
    }),
  };
}
