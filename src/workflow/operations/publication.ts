import { type DatabaseContext, type PrismaTransaction } from '../../platform/db/prisma.js';
import { searchTextOf } from '../../platform/content/search-text.js';
import { publicContentChanged } from '../../platform/page-cache/invalidation.js';
import { pageCacheFor } from '../../platform/page-cache/cache.js';
import { auditEntryData, type AuditActor, type AuditListKey, type PublicationCause } from '../core/audit.js';
import { assignIndexNumber } from './index-number.js';
import { recordRevision } from './revisions.js';

/*
 * Publication and withdrawal (发布、撤回): the one operation by which a document or an interpretation goes
 * public, has what is public replaced, or leaves the public site. Every path calls it: the workflow (审批发布,
 * 撤回 and the interpretations that leave with a document), 定时发布, reprints published at once or accepted
 * from the queue, 采用上游修改, an approved revision, and the demo seed. In the caller's transaction it sets the
 * status and the publication time, gives a document its 索引号, keeps the search text and the published
 * snapshot (版本), and writes the 流转记录 with the actor, or 系统 and the cause; after the commit the page
 * cache forgets the pages that showed the items. What decides whether a step is allowed (the state machine,
 * the queue's rules) stays with the caller.
 */

export interface PublicationItem {
  listKey: AuditListKey;
  id: string;
}

/** What the 流转记录 says of a publication or a withdrawal. */
export interface PublicationStep {
  /** The workflow's 审批发布 or 撤回, or the cause of a publication outside the workflow (定时发布 …). */
  action: 'approve' | 'withdraw' | PublicationCause;
  /** Who did it; null is the system, and `action` says why. */
  actor: AuditActor;
  at: Date;
  reason?: string;
}

type Row = Record<string, unknown> & { title: string; status: string; departmentId: string | null; publishedAt: Date | null };

type RowChange = { status: 'published' | 'withdrawn'; publishedAt?: Date; searchText?: string };

/** The operation, bound to one transaction; it remembers what the page cache must forget after the commit. */
export class Publication {
  private readonly changed = { documents: new Set<string>(), interpretations: new Set<string>() };

  constructor(private readonly tx: PrismaTransaction) {}

  /**
   * Makes the items public, or replaces what the public reads of items already public (a revision, an
   * upstream edit). The publication time is `publishedAt` (default: the step's time), except that an item
   * already published keeps its own and a scheduled one goes live at the time it was scheduled for.
   */
  async publish(items: PublicationItem[], step: PublicationStep, { publishedAt = step.at }: { publishedAt?: Date } = {}): Promise<void> {
    for (const item of items) {
      const row = await this.row(item);
      const keepsItsTime = (row.status === 'published' || row.status === 'scheduled') && row.publishedAt;
      const time = keepsItsTime ? row.publishedAt! : publishedAt;
      await this.update(item, { status: 'published', publishedAt: time, searchText: searchTextOf(row) });
      if (item.listKey === 'Document') {
        await assignIndexNumber(this.tx, item.id, step.at);
        // What the public was shown from now on (版本).
        await recordRevision(this.tx, item.id, 'published', step.actor?.id ?? null, step.at);
      }
      await this.record(item, row, 'published', step);
    }
  }

  /** Takes the items off the public site (撤回); what was scheduled never goes live. */
  async withdraw(items: PublicationItem[], step: PublicationStep): Promise<void> {
    for (const item of items) {
      const row = await this.row(item);
      await this.update(item, { status: 'withdrawn' });
      await this.record(item, row, 'withdrawn', step);
    }
  }

  /** The documents and interpretations whose public pages changed. */
  changes(): { documents: string[]; interpretations: string[] } {
    return { documents: [...this.changed.documents], interpretations: [...this.changed.interpretations] };
  }

  private async row(item: PublicationItem): Promise<Row> {
    const where = { id: item.id };
    const row: Row | null =
      item.listKey === 'Document' ? await this.tx.document.findUnique({ where }) : await this.tx.interpretation.findUnique({ where });
    if (!row) throw new Error(`找不到要发布或撤回的${item.listKey === 'Document' ? '文件' : '解读'}（${item.id}）`);
    return row;
  }

  private async update(item: PublicationItem, data: RowChange): Promise<void> {
    const where = { id: item.id };
    if (item.listKey === 'Document') await this.tx.document.update({ where, data });
    else await this.tx.interpretation.update({ where, data });
  }

  private async record(item: PublicationItem, row: Row, to: 'published' | 'withdrawn', step: PublicationStep): Promise<void> {
    // A replacement has changed the item before it is published: the row is what the public now reads.
    const subject = { listKey: item.listKey, id: item.id, title: row.title, departmentId: row.departmentId };
    await this.tx.auditEntry.create({
      data: auditEntryData(subject, {
        action: step.action,
        from: row.status,
        to,
        actor: step.actor,
        reason: step.reason ?? '',
        at: step.at,
      }),
    });
    if (to === 'published' || row.status === 'published')
      this.changed[item.listKey === 'Document' ? 'documents' : 'interpretations'].add(item.id);
  }
}

/**
 * Runs `work` in one transaction with the publication operation, and once it has committed tells the page
 * cache what entered, changed on or left the public site. A path that publishes or withdraws calls this.
 */
export async function inPublication<T>(
  context: DatabaseContext,
  work: (tx: PrismaTransaction, publication: Publication) => Promise<T>,
): Promise<T> {
  let publication: Publication | undefined;
  const result = await context.prisma.$transaction(async (tx) => {
    publication = new Publication(tx);
    return work(tx, publication);
  });
  if (publication) {
    await publicContentChanged(context, publication.changes());
    // When publish or withdraw returns, the published files show it (a withdrawn page is gone).
    await pageCacheFor(context).settled();
  }
  return result;
}

/** Publishes the items in a transaction of their own (the seed; anything that only publishes). */
export async function publishItems(
  context: DatabaseContext,
  items: PublicationItem[],
  step: PublicationStep,
  options: { publishedAt?: Date } = {},
): Promise<void> {
  await inPublication(context, (_tx, publication) => publication.publish(items, step, options));
}
