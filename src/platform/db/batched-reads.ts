import DataLoader from 'dataloader';

/**
 * A read by key whose calls made in the same turn of the event loop go to the database together: a full
 * publication renders dozens of pages at once, and one query for all of their rows costs about what one
 * page's query costs. Nothing is kept between turns (a publication must read what is current), and a lone
 * visitor's page waits only for the end of the turn.
 *
 * `read` answers the keys in their order, null where there is nothing (DataLoader's contract).
 */
export function batchedReads<K, V>(read: (keys: readonly K[]) => Promise<(V | null)[]>, maxBatchSize = 100): (key: K) => Promise<V | null> {
  const loader = new DataLoader<K, V | null>(read, { cache: false, maxBatchSize, batchScheduleFn: (run) => setImmediate(run) });
  return (key) => loader.load(key);
}
