import { workflowError } from '../errors.js';
import { memberOf, sessionOf, type Member } from '../../platform/access/roles.js';
import { isPublicDocument } from '../../platform/access/documents.js';
import type { Disclosure, Status } from '../../platform/content/vocabulary.js';
import { richTextHasContent } from '../core/disclosure.js';
import { preflight } from './preflight.js';
import { loadContentGate } from '../content-gate-store.js';
import { toCalendarDay } from '../../platform/calendar/working-days.js';
import { applyRevision, recordRevision } from './revisions.js';
import { inPublication } from './publication.js';
import { type Context, jsonToStore, type PrismaTransaction } from '../../platform/db/prisma.js';
import { decide, mayAct, type ActionInput, type ItemFacts, type WorkflowAction } from '../core/state-machine.js';
import { notifyStep, sendToDepartmentRobotsLater, type RobotMessage } from './notifications.js';
import { auditActorOf, auditEntryData, type AuditListKey } from '../core/audit.js';

export type WorkflowListKey = AuditListKey;

/** A refused transition: a Chinese message for people, a stable code for programs. */

function actorOf(context: Context): Member {
  const actor = memberOf(sessionOf(context));
  if (!actor) throw workflowError('UNAUTHENTICATED', '请先登录');
  return actor;
}

interface Row {
  title: string;
  status: string;
  drafterId: string | null;
  departmentId: string | null;
  confidentialityReviewedAt: Date | null;
  scheduledAt: Date | null;
}
interface DocumentRow extends Row {
  revisionOfId: string | null;
  disclosure: string | null;
  disclosureReason: string;
  redactedBody: unknown;
  requiresInterpretation: boolean;
  interpretations: Linked[];
}
interface Linked {
  id: string;
  status: string;
  departmentId: string | null;
}

/** Public, or kept as the public record: never moved by another item's workflow. */
const settled = ['published', 'scheduled', 'withdrawn', 'merged'];

/**
 * The interpretations that go through the workflow with a document (三同步, S5): its own department's
 * (谁起草谁解读) that are not yet public. Another department's item is never dragged along, and a
 * published interpretation is never pulled back into review by a document that links it.
 */
const companionsOf = (doc: DocumentRow) =>
  doc.interpretations.filter((i) => i.departmentId !== null && i.departmentId === doc.departmentId && !settled.includes(i.status));
type Tx = PrismaTransaction;

/** What a step that neither publishes nor withdraws changes on the item (the same fields on both lists). */
interface StepChange {
  status: Status;
  publishedAt?: Date | null;
  confidentialityReviewedAt?: Date | null;
  confidentialityReviewedById?: string | null;
  confidentialityConclusion?: string;
  lastReturnReason?: string;
  flowMark?: string | null;
}

async function loadDocumentFacts(tx: Tx, id: string) {
  const doc = await tx.document.findUnique({
    where: { id },
    include: { interpretations: { select: { id: true, status: true, departmentId: true } } },
  });
  if (!doc) return null;
  const companions = companionsOf(doc);
  const facts: ItemFacts = {
    status: doc.status as Status,
    drafterId: doc.drafterId,
    departmentId: doc.departmentId,
    disclosure: (doc.disclosure as Disclosure | null) ?? null,
    disclosureReason: doc.disclosureReason,
    hasRedactedBody: richTextHasContent(doc.redactedBody),
    requiresInterpretation: doc.requiresInterpretation,
    interpretationStatuses: companions.map((i) => i.status as Status),
    confidentialityReviewed: Boolean(doc.confidentialityReviewedAt),
    // A revision of a published document takes effect when approved: it is not scheduled.
    publishAt: doc.revisionOfId ? null : doc.scheduledAt,
  };
  return { facts, subject: subjectOf('Document', id, doc), companions, linked: doc.interpretations, revisionOfId: doc.revisionOfId };
}

const subjectOf = (listKey: WorkflowListKey, id: string, row: Row) => ({ listKey, id, title: row.title, departmentId: row.departmentId });

async function loadInterpretationFacts(tx: Tx, id: string) {
  const jd = await tx.interpretation.findUnique({
    where: { id },
    include: { documents: { select: { id: true, status: true, departmentId: true, requiresInterpretation: true } } },
  });
  if (!jd) return null;
  // S5: an interpretation of its department's document still in the workflow moves with it, not on its own.
  const boundToDocument = jd.documents.some(
    (d) => d.requiresInterpretation && d.departmentId === jd.departmentId && !settled.includes(d.status),
  );
  const facts: ItemFacts = {
    status: jd.status as Status,
    drafterId: jd.drafterId,
    departmentId: jd.departmentId,
    disclosure: 'proactive',
    disclosureReason: null,
    hasRedactedBody: false,
    requiresInterpretation: false,
    interpretationStatuses: [],
    confidentialityReviewed: Boolean(jd.confidentialityReviewedAt),
    publishAt: jd.scheduledAt,
  };
  return { facts, subject: subjectOf('Interpretation', id, jd), boundToDocument };
}

async function interpretationSubject(tx: Tx, id: string) {
  const row = (await tx.interpretation.findUnique({ where: { id }, select: { title: true, departmentId: true } })) as {
    title: string;
    departmentId: string | null;
  };
  return { listKey: 'Interpretation' as const, id, title: row.title, departmentId: row.departmentId };
}

/**
 * Runs the pre-publication checks at submission and keeps their result on the item for the editor to
 * read; blocking findings refuse the submission with what to fix.
 */
async function refuseOnBlockingFindings(context: Context, actor: Member, listKey: WorkflowListKey, id: string, now: Date): Promise<void> {
  const prisma = context.prisma;
  const where = { id };
  const item: (Row & { requiresInterpretation?: boolean }) | null =
    listKey === 'Document' ? await prisma.document.findUnique({ where }) : await prisma.interpretation.findUnique({ where });
  if (!item) throw workflowError('NOT_FOUND', '找不到该条目');
  // Someone who may not submit it learns that from the state machine, and leaves no trace on the item.
  if (item.status !== 'draft' || !mayAct('submit', item, actor)) return;
  // N7/N19: the office's dictionary as of the day of submission.
  const { gate } = await loadContentGate(context.prisma);
  const findings = await preflight(prisma, listKey, id, Boolean(item.requiresInterpretation), { gate, on: toCalendarDay(now) });
  const data = { preflightFindings: jsonToStore(findings) };
  if (listKey === 'Document') await prisma.document.update({ where, data });
  else await prisma.interpretation.update({ where, data });
  const blocking = findings.filter((f) => f.blocking);
  if (blocking.length)
    throw workflowError('CHECKS_FAILED', `发布前检查未通过，请修改后再提交：${blocking.map((f) => f.message).join('；')}`);
}

/**
 * Carries out one workflow action on a document or an interpretation: the state machine decides, and
 * the item, the interpretations that move with it (三同步) and the audit entries change in one
 * transaction. A refusal changes nothing and throws a typed GraphQL error.
 */
export async function transition(
  context: Context,
  listKey: WorkflowListKey,
  id: string,
  action: WorkflowAction,
  input: ActionInput = {},
  now: Date = new Date(),
): Promise<{ status: Status }> {
  const actor = actorOf(context);
  if (action === 'submit') await refuseOnBlockingFindings(context, actor, listKey, id, now);
  let robotMessage: RobotMessage | null = null;
  const outcome: { to: Status; autoReturnCause?: string } = await inPublication(context, async (tx, publication) => {
    const loaded = listKey === 'Document' ? await loadDocumentFacts(tx, id) : await loadInterpretationFacts(tx, id);
    if (!loaded) throw workflowError('NOT_FOUND', '找不到该条目');
    if ('boundToDocument' in loaded && loaded.boundToDocument && action !== 'withdraw') {
      throw workflowError('MOVES_WITH_DOCUMENT', '该解读随其文件一同审批、发布（三同步），请在文件上操作');
    }
    const { facts } = loaded;
    const decision = decide(action, facts, actor, input, now);
    if (!decision.ok) throw workflowError(decision.code, decision.message);

    const reason = decision.autoReturnCause ?? input.reason?.trim() ?? decision.recordConfidentiality ?? null;
    const data: StepChange = { status: decision.to };
    if (decision.to === 'scheduled') data.publishedAt = facts.publishAt;
    if (decision.recordConfidentiality) {
      Object.assign(data, {
        confidentialityReviewedAt: now,
        confidentialityReviewedById: actor.id,
        confidentialityConclusion: decision.recordConfidentiality,
      });
    }
    if (decision.to === 'draft') {
      // A returned item must be reviewed again, confidentiality included.
      Object.assign(data, {
        // 撤回提交 is the drafter's own step: nothing to mark.
        flowMark: action === 'recallSubmission' ? null : 'returned',
        lastReturnReason: reason ?? '',
        confidentialityReviewedAt: null,
        confidentialityReviewedById: null,
        confidentialityConclusion: '',
      });
    } else if (action === 'submit') {
      data.lastReturnReason = '';
      data.flowMark = null;
    }

    type Subject = { listKey: WorkflowListKey; id: string; title: string; departmentId: string | null; from: Status };
    const moved: Subject[] = [{ ...loaded.subject, from: facts.status }];
    if ('companions' in loaded && decision.moveInterpretations) {
      // 三同步: the interpretations at the document's step move with it; nothing else does.
      for (const jd of loaded.companions.filter((i) => i.status === facts.status))
        moved.push({ ...(await interpretationSubject(tx, jd.id)), from: jd.status as Status });
    }
    if ('companions' in loaded && action === 'withdraw') {
      // N11: an interpretation left with no public document would interpret nothing: it leaves with it
      // (its own department's only: 谁起草谁解读).
      for (const link of loaded.linked.filter(
        (i) =>
          i.departmentId !== null &&
          i.departmentId === loaded.subject.departmentId &&
          (i.status === 'published' || i.status === 'scheduled'),
      )) {
        const jd = (await tx.interpretation.findUnique({
          where: { id: link.id },
          select: { documents: { select: { id: true, status: true, disclosure: true } } },
        })) as {
          documents: { id: string; status: string; disclosure: string | null }[];
        };
        const otherPublic = jd.documents.some((d) => d.id !== id && isPublicDocument(d));
        if (!otherPublic) moved.push({ ...(await interpretationSubject(tx, link.id)), from: link.status as Status });
      }
    }
    const step = { action, actor: auditActorOf(sessionOf(context)), reason: reason ?? '', at: now };
    /** A step that neither publishes nor withdraws: the item changes and its 流转记录 says so. */
    const takeStep = async (item: Subject, to: string = decision.to) => {
      const change = to === decision.to ? data : { ...data, status: to };
      if (item.listKey === 'Document') await tx.document.update({ where: { id: item.id }, data: change });
      else await tx.interpretation.update({ where: { id: item.id }, data: change });
      await tx.auditEntry.create({
        data: auditEntryData(item, {
          ...step,
          done: decision.autoReturnCause ? '提交，被自动退文' : undefined,
          from: item.from,
          to,
        }),
      });
    };
    const revisionOfId = 'revisionOfId' in loaded ? loaded.revisionOfId : null;
    if (decision.to === 'published' && revisionOfId) {
      // An approved revision is applied to its published original, which publication replaces; the copy is
      // never public itself: it goes straight to merged, and its 流转记录 says so.
      const [copy, ...companions] = moved;
      await takeStep(copy, 'merged');
      await applyRevision(tx, id, revisionOfId);
      await publication.publish([{ listKey: 'Document', id: revisionOfId }], { ...step, action: 'applyRevision' });
      await publication.publish(companions, { ...step, action: 'approve' });
    } else if (decision.to === 'published') {
      await publication.publish(moved, { ...step, action: 'approve' });
    } else if (decision.to === 'withdrawn') {
      await publication.withdraw(moved, { ...step, action: 'withdraw' });
    } else {
      for (const item of moved) await takeStep(item);
    }
    if (action === 'submit' && decision.to === 'submitted' && listKey === 'Document')
      await recordRevision(tx, id, 'submitted', actor.id, now);
    // Issue 16: the drafter learns of a return, the next reviewer of a submission, in this transaction.
    robotMessage = await notifyStep(
      tx,
      { listKey, id, drafterId: facts.drafterId, departmentId: facts.departmentId },
      {
        action,
        to: decision.to,
        reason: reason ?? '',
        noun: listKey === 'Document' ? '文件' : '解读',
        title: loaded.subject.title,
        actorName: step.actor?.name ?? '系统',
      },
      now,
    );
    return decision;
  });
  sendToDepartmentRobotsLater(context, robotMessage);
  // S1: the return is recorded (above); the submitter is told why.
  if (outcome.autoReturnCause) throw workflowError('RETURNED', `已退文：${outcome.autoReturnCause}`);
  return { status: outcome.to };
}
