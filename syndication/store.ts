import type { KnownItem, RunRecord, SourceState, SyndicatedItem, SyndicationStore } from './core/run.js';
import { searchTextOf } from '../src/platform/content/search-text.js';
import { maskReprintHtml } from '../src/platform/content/render-reprint.js';
import { maskPersonalData } from '../src/platform/privacy/mask.js';
import { toCalendarDay } from '../src/platform/calendar/working-days.js';
import { calendarDayValue } from '../src/platform/db/calendar-day.js';
import { type Context, type DatabaseContext, jsonToStore, type PrismaClient, type PrismaTransaction } from '../src/platform/db/prisma.js';
import type { AuditActor } from '../src/workflow/core/audit.js';
import { inPublication, type Publication } from '../src/workflow/operations/publication.js';
import type { UpstreamItemStatus } from './statuses.js';

/*
 * The syndication store over the CMS (S9): one 转载条目 per upstream document, keyed by its dedup key
 * (unique in the database, so a run repeated after a crash adds nothing twice), and the source's health
 * on its 转载来源 item.
 */

// S4: a reprint repeats what a higher level has already disclosed; the conclusion says so.
export const reprintConfidentialityConclusion = '转载上级机关已公开发布的政府信息，不涉及本机关保密事项';

interface ItemRow {
  dedupKey: string;
  status: UpstreamItemStatus;
  contentHash: string;
  etag: string;
  lastModified: string;
  changedUpstream: boolean;
  pendingChange: { contentHash?: string; etag?: string; lastModified?: string } | null;
}

/** An upstream edit held for an editor's decision (pendingChange), as JSON keeps it: dates as ISO text. */
export interface UpstreamVersion {
  title: string;
  number: string;
  issuer: string;
  writtenAt: string | null;
  upstreamPublishedAt: string | null;
  bodyHtml: string;
  url: string;
  contentHash: string;
  etag: string;
  lastModified: string;
}

// What knownItem needs of a row: not the body.
const knownFields = {
  dedupKey: true,
  status: true,
  contentHash: true,
  etag: true,
  lastModified: true,
  changedUpstream: true,
  pendingChange: true,
} as const;

function knownItemOf(row: ItemRow): KnownItem {
  const status = row.status === 'proposed' ? 'queued' : row.status;
  // A flagged edit is remembered, so the same upstream version is flagged once.
  const latest = row.changedUpstream && row.pendingChange ? row.pendingChange : row;
  return {
    status,
    contentHash: latest.contentHash ?? row.contentHash,
    etag: latest.etag || undefined,
    lastModified: latest.lastModified || undefined,
  };
}

/** The fields of a reprint document made from an upstream item (title, number, issuer and dates kept). */
export function reprintDocumentData(item: {
  title: string;
  number?: string | null;
  issuer?: string | null;
  writtenAt?: Date | null;
  publishedAt?: Date | null;
  bodyHtml: string;
  url: string;
  sourceName: string;
  dedupKey: string;
}) {
  // N15: a reprint is stored as the public may read it, phone and ID numbers masked, so no surface (page,
  // feed, search, API) has more; the 转载条目 keeps the upstream text for staff.
  const data = {
    title: maskPersonalData(item.title),
    documentNumber: item.number ?? '',
    issuingAuthority: item.issuer || item.sourceName,
    formationDate: item.writtenAt ? toCalendarDay(item.writtenAt) : null,
    disclosure: 'proactive',
    disclosureReason: '',
    origin: 'reprint',
    sourceName: item.sourceName,
    sourceUrl: item.url,
    upstreamId: item.dedupKey,
    reprintBody: maskReprintHtml(item.bodyHtml),
    body: '',
    redactedBody: '',
  };
  return { ...data, searchText: searchTextOf(data) };
}

/**
 * Publishes a reprint of an upstream item: the document (主动公开, source recorded, dated no later than
 * upstream), its column, the recorded confidentiality conclusion; the item points to it. `decider` is the
 * office accepting it from the queue, or null when the source publishes at once (自动转载). In the
 * publication's transaction.
 */
export async function publishReprint(
  tx: PrismaTransaction,
  publication: Publication,
  itemId: string,
  { columnId, departmentId, decider, now }: { columnId: string | null; departmentId: string | null; decider: AuditActor; now: Date },
): Promise<string> {
  const item = await tx.upstreamItem.findUniqueOrThrow({ where: { id: itemId }, include: { source: { select: { name: true } } } });
  const mediaNames = [...`${item.bodyHtml} ${JSON.stringify(item.attachments ?? [])}`.matchAll(/\/media\/([\w.-]+)/g)].map((m) => m[1]);
  const media = mediaNames.length
    ? await tx.media.findMany({ where: { file_filename: { in: mediaNames } }, select: { id: true, kind: true } })
    : [];
  const fields = reprintDocumentData({
    ...item,
    publishedAt: item.upstreamPublishedAt,
    sourceName: item.source?.name ?? '',
    dedupKey: item.dedupKey,
  });
  const doc = await tx.document.create({
    data: {
      ...fields,
      formationDate: calendarDayValue(tx, fields.formationDate),
      status: 'draft',
      confidentialityConclusion: reprintConfidentialityConclusion,
      confidentialityReviewedAt: now,
      ...(decider ? { confidentialityReviewedBy: { connect: { id: decider.id } } } : {}),
      ...(departmentId ? { department: { connect: { id: departmentId } } } : {}),
      ...(columnId ? { columns: { connect: [{ id: columnId }] } } : {}),
      attachments: { connect: media.filter((m: { kind: string }) => m.kind !== 'image').map((m: { id: string }) => ({ id: m.id })) },
      inlineMedia: { connect: media.filter((m: { kind: string }) => m.kind === 'image').map((m: { id: string }) => ({ id: m.id })) },
    },
  });
  await publication.publish(
    [{ listKey: 'Document', id: doc.id }],
    { action: decider ? 'acceptReprint' : 'autoReprint', actor: decider, at: now, reason: `转载来源：${item.source?.name || item.url}` },
    { publishedAt: item.upstreamPublishedAt && item.upstreamPublishedAt < now ? item.upstreamPublishedAt : now },
  );
  await tx.upstreamItem.update({
    where: { id: itemId },
    data: {
      status: 'reprinted',
      document: { connect: { id: doc.id } },
      decidedAt: now,
      ...(decider ? { decidedBy: { connect: { id: decider.id } } } : {}),
    },
  });
  return doc.id;
}

/** What an upstream version says (the columns an upstream edit changes, and a pending change keeps). */
function versionOf(item: SyndicatedItem) {
  return {
    title: item.title,
    number: item.number ?? '',
    issuer: item.issuer ?? '',
    writtenAt: item.writtenAt ?? null,
    upstreamPublishedAt: item.publishedAt ?? null,
    bodyHtml: item.bodyHtml,
    url: item.url,
    contentHash: item.contentHash,
    etag: item.etag ?? '',
    lastModified: item.lastModified ?? '',
  };
}

/** The 转载条目 row of a new item (without its source). */
function rowOf(item: SyndicatedItem) {
  return {
    ...versionOf(item),
    dedupKey: item.dedupKey,
    upstreamId: item.upstreamId ?? '',
    listUrl: item.listUrl,
    summary: item.summary ?? '',
    attachments: item.attachments,
    fetchedAt: item.fetchedAt,
    status: 'queued',
  };
}

export class KeystoneSyndicationStore implements SyndicationStore {
  private readonly prisma: PrismaClient;
  constructor(private readonly context: DatabaseContext) {
    this.prisma = context.sudo().prisma;
  }

  async knownItem(dedupKey: string): Promise<KnownItem | null> {
    const row = (await this.prisma.upstreamItem.findUnique({ where: { dedupKey }, select: knownFields })) as ItemRow | null;
    return row && knownItemOf(row);
  }

  /** The known items among a list's keys, in one query per 500 keys rather than one per item. */
  async knownItems(dedupKeys: string[]): Promise<Map<string, KnownItem>> {
    const known = new Map<string, KnownItem>();
    for (let i = 0; i < dedupKeys.length; i += 500) {
      const rows = (await this.prisma.upstreamItem.findMany({
        where: { dedupKey: { in: dedupKeys.slice(i, i + 500) } },
        select: knownFields,
      })) as ItemRow[];
      for (const row of rows) known.set(row.dedupKey, knownItemOf(row));
    }
    return known;
  }

  // The source's row and target column, looked up once per store (a store serves one run).
  private readonly sources = new Map<string, Promise<{ id: string; targetColumnId: string | null } | null>>();
  private sourceOf(key: string) {
    let source = this.sources.get(key);
    if (!source)
      this.sources.set(
        key,
        (source = this.prisma.syndicationSource.findUnique({ where: { key }, select: { id: true, targetColumnId: true } })),
      );
    return source;
  }

  /**
   * Items for the review queue in one insert (one statement, one commit); reprints published at once go
   * one by one through the publication operation. A batch that meets a key already saved (a run
   * repeated after a crash, or another instance's run) is inserted item by item instead.
   */
  async saveNewMany(items: SyndicatedItem[]): Promise<void> {
    const queued = items.filter((item) => item.policy !== 'auto-publish');
    if (queued.length) {
      const rows = await Promise.all(
        queued.map(async (item) => {
          const source = await this.sourceOf(item.sourceKey);
          return { ...rowOf(item), ...(source ? { sourceId: source.id } : {}) };
        }),
      );
      try {
        await this.prisma.upstreamItem.createMany({ data: rows });
      } catch (error) {
        if ((error as { code?: string }).code !== 'P2002') throw error;
        for (const item of queued) await this.saveNew(item);
      }
    }
    for (const item of items) if (item.policy === 'auto-publish') await this.saveNew(item);
  }

  async saveNew(item: SyndicatedItem): Promise<void> {
    const source = await this.sourceOf(item.sourceKey);
    const data = {
      ...rowOf(item),
      ...(source ? { source: { connect: { id: source.id } } } : {}),
    };
    if (item.policy !== 'auto-publish') {
      // For the review queue one insert is enough: a key already saved (a run repeated after a crash)
      // is refused by the unique dedup key and left as it is.
      try {
        await this.prisma.upstreamItem.create({ data, select: { id: true } });
      } catch (error) {
        if ((error as { code?: string }).code !== 'P2002') throw error;
      }
      return;
    }
    await inPublication(this.context, async (tx, publication) => {
      if (await tx.upstreamItem.findUnique({ where: { dedupKey: item.dedupKey }, select: { id: true } })) return;
      const row = await tx.upstreamItem.create({ data, select: { id: true } });
      await publishReprint(tx, publication, row.id, {
        columnId: source?.targetColumnId ?? null,
        departmentId: null,
        decider: null,
        now: item.fetchedAt,
      });
    });
  }

  async flagChanged(dedupKey: string, item: SyndicatedItem): Promise<void> {
    const row = (await this.prisma.upstreamItem.findUnique({ where: { dedupKey } })) as ItemRow | null;
    if (!row) return;
    const version = versionOf(item);
    if (row.status === 'queued' || row.status === 'proposed') {
      // Not reprinted yet: the queue simply shows the latest upstream version.
      await this.prisma.upstreamItem.update({ where: { dedupKey }, data: { ...version, fetchedAt: item.fetchedAt } });
      return;
    }
    // Reprinted (or tombstoned): never overwritten; an editor decides (采用上游修改 / 忽略).
    await this.prisma.upstreamItem.update({
      where: { dedupKey },
      data: { changedUpstream: true, changedAt: item.fetchedAt, pendingChange: jsonToStore(version) },
    });
  }

  async touch(dedupKey: string, validators: { etag?: string; lastModified?: string }): Promise<void> {
    await this.prisma.upstreamItem.updateMany({
      where: { dedupKey },
      data: { etag: validators.etag ?? '', lastModified: validators.lastModified ?? '' },
    });
  }

  async sourceState(sourceKey: string): Promise<SourceState | null> {
    const source = await this.prisma.syndicationSource.findUnique({ where: { key: sourceKey } });
    if (!source) return null;
    const date = (d: Date | null) => d ?? undefined;
    return {
      lists: (source.runState as { lists?: SourceState['lists'] } | null)?.lists ?? {},
      lastRunAt: date(source.lastRunAt),
      lastSuccessAt: date(source.lastSuccessAt),
      lastError: source.lastError || undefined,
      consecutiveFailures: source.consecutiveFailures ?? 0,
      nextAttemptAfter: date(source.nextAttemptAfter),
      itemsSeen: source.itemsSeen ?? undefined,
      itemsNew: source.itemsNew ?? undefined,
      lastWarning: source.lastWarning || undefined,
    };
  }

  async recordRun(sourceKey: string, record: RunRecord): Promise<void> {
    const { state } = record;
    const failures = record.itemFailures.length
      ? `；${record.itemFailures.length} 条采集失败：${record.itemFailures
          .slice(0, 3)
          .map((f) => f.message)
          .join('；')}`
      : '';
    await this.prisma.syndicationSource.update({
      where: { key: sourceKey },
      data: {
        runState: jsonToStore({ lists: state.lists }),
        lastRunAt: state.lastRunAt ?? record.finishedAt,
        lastSuccessAt: state.lastSuccessAt ?? null,
        lastError: record.ok ? (failures ? failures.slice(1) : '') : `${record.error ?? '采集失败'}${failures}`,
        consecutiveFailures: state.consecutiveFailures,
        nextAttemptAfter: state.nextAttemptAfter ?? null,
        itemsSeen: record.itemsSeen,
        itemsNew: record.itemsNew,
        lastWarning: state.lastWarning ?? '',
      },
    });
  }
}

/** beforeOperation of documents: deleting a reprint leaves its 转载条目 as a tombstone, so it never returns. */
export async function rememberDeletedReprint({
  operation,
  item,
  context,
}: {
  operation: string;
  item?: { id: unknown } | null;
  context: Context;
}): Promise<void> {
  if (operation !== 'delete' || !item) return;
  await context.sudo().prisma.upstreamItem.updateMany({ where: { documentId: String(item.id) }, data: { status: 'deleted' } });
}
