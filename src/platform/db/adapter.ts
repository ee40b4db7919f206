import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { DatabaseSettings } from '../config/env.js';
import { sqliteFilename } from '../config/env.js';

/** The Prisma driver adapter for the configured database: no native query engine is involved. */
export function createAdapterFactory(db: DatabaseSettings): PrismaBetterSqlite3 | PrismaPg {
  if (db.provider === 'postgresql') return new PrismaPg({ connectionString: db.url });
  return new PrismaBetterSqlite3({ url: sqliteFilename(db.url) });
}
