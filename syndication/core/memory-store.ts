import type { KnownItem, KnownStatus, RunRecord, SourceState, SyndicatedItem, SyndicationStore } from './run.js';

/**
 * A SyndicationStore in memory: for tests, a CLI dry run, and as the reference of what the database
 * implementation must do (idempotent saveNew, tombstones, flagged changes that never overwrite).
 */
export interface MemoryStoreEntry {
  /** The item as saved (never overwritten by an upstream change). */
  item: SyndicatedItem;
  status: KnownStatus;
  /** Hash of the latest upstream version seen. */
  contentHash: string;
  etag?: string;
  lastModified?: string;
  /** Upstream versions flagged as changed, oldest first, waiting for an editor. */
  changes: SyndicatedItem[];
}

export class MemoryStore implements SyndicationStore {
  readonly entries = new Map<string, MemoryStoreEntry>();
  readonly states = new Map<string, SourceState>();
  readonly runs: RunRecord[] = [];

  async knownItem(dedupKey: string): Promise<KnownItem | null> {
    const entry = this.entries.get(dedupKey);
    if (!entry) return null;
    const known: KnownItem = { status: entry.status, contentHash: entry.contentHash };
    if (entry.etag) known.etag = entry.etag;
    if (entry.lastModified) known.lastModified = entry.lastModified;
    return known;
  }

  async saveNew(item: SyndicatedItem): Promise<void> {
    if (this.entries.has(item.dedupKey)) return; // idempotent, like a unique constraint
    this.entries.set(item.dedupKey, {
      item: structuredClone(item),
      status: item.policy === 'auto-publish' ? 'reprinted' : 'queued',
      contentHash: item.contentHash,
      etag: item.etag,
      lastModified: item.lastModified,
      changes: [],
    });
  }

  async flagChanged(dedupKey: string, item: SyndicatedItem): Promise<void> {
    const entry = this.entries.get(dedupKey);
    if (!entry) return;
    entry.changes.push(structuredClone(item));
    entry.contentHash = item.contentHash;
    entry.etag = item.etag;
    entry.lastModified = item.lastModified;
  }

  async touch(dedupKey: string, validators: { etag?: string; lastModified?: string }): Promise<void> {
    const entry = this.entries.get(dedupKey);
    if (!entry) return;
    entry.etag = validators.etag;
    entry.lastModified = validators.lastModified;
  }

  async sourceState(sourceKey: string): Promise<SourceState | null> {
    const state = this.states.get(sourceKey);
    return state ? structuredClone(state) : null;
  }

  async recordRun(sourceKey: string, record: RunRecord): Promise<void> {
    this.states.set(sourceKey, structuredClone(record.state));
    this.runs.push(structuredClone(record));
  }

  /** An editor's decision: reject a queued item, delete a reprint (both become tombstones), or publish. */
  setStatus(dedupKey: string, status: KnownStatus): void {
    const entry = this.entries.get(dedupKey);
    if (!entry) throw new Error(`unknown item ${dedupKey}`);
    entry.status = status;
  }

  /** Saved items, in insertion order. */
  items(): SyndicatedItem[] {
    return [...this.entries.values()].map((e) => e.item);
  }
}
