import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Database, Statement } from 'better-sqlite3';
import type { DatabaseSettings } from '../config/env.js';
import { sqliteFilename } from '../config/env.js';

/** Statements kept per SQLite connection: Prisma's queries are few distinct texts with different values. */
const maxCachedStatements = 500;

/**
 * A connection whose prepare() reuses the compiled statement of a query text already seen. Prisma's SQLite
 * adapter prepares every query anew and binds its values once (better-sqlite3 allows one bind per statement);
 * here the values are passed at each run instead, so the statement can be used again. Compiling the SQL was
 * most of a page render's time in a full publication of the site.
 */
function reuseStatements(db: Database): void {
  const prepare = db.prepare.bind(db) as (sql: string) => Statement<unknown[]>;
  const cache = new Map<string, Statement<unknown[]>>();
  const statement = (sql: string) => {
    let s = cache.get(sql);
    if (s) {
      // Most recently used last: the first key is the one to drop.
      cache.delete(sql);
    } else {
      s = prepare(sql);
      if (cache.size >= maxCachedStatements) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, s);
    return s;
  };
  const withValues = (s: Statement<unknown[]>, values: unknown[]) => ({
    reader: s.reader,
    columns: () => s.columns(),
    run: () => s.run(values),
    raw: () => ({ all: () => s.raw(true).all(values) }),
  });
  (db as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) => {
    const s = statement(sql);
    return { ...withValues(s, []), bind: (values: unknown[]) => withValues(s, values) };
  };
}

class SqliteWithStatementCache extends PrismaBetterSqlite3 {
  override async connect(): ReturnType<PrismaBetterSqlite3['connect']> {
    const adapter = await super.connect();
    reuseStatements((adapter as unknown as { client: Database }).client);
    return adapter;
  }
}

/** The Prisma driver adapter for the configured database: no native query engine is involved. */
export function createAdapterFactory(db: DatabaseSettings): PrismaBetterSqlite3 | PrismaPg {
  if (db.provider === 'postgresql') return new PrismaPg({ connectionString: db.url });
  return new SqliteWithStatementCache({ url: sqliteFilename(db.url) });
}
