import type { Context } from '../src/platform/db/prisma.js';
import { MemoryStore } from './core/memory-store.js';
import type { KnownItem, SourceState } from './core/run.js';
import { KeystoneSyndicationStore } from './store.js';

/**
 * The store of a dry run (`gongkai syndicate --dry-run`): what the database knows is read (known items,
 * the source's state and list validators), so the run sees what a real one would; what it would write
 * stays in memory and is thrown away. Nothing is stored, published, copied or alerted.
 */
export class DryRunStore extends MemoryStore {
  private readonly database: KeystoneSyndicationStore;

  constructor(context: Context) {
    super();
    this.database = new KeystoneSyndicationStore(context);
  }

  override async knownItem(dedupKey: string): Promise<KnownItem | null> {
    return (await super.knownItem(dedupKey)) ?? this.database.knownItem(dedupKey);
  }

  override async sourceState(sourceKey: string): Promise<SourceState | null> {
    return (await super.sourceState(sourceKey)) ?? this.database.sourceState(sourceKey);
  }
}
