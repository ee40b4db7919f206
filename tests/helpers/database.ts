import type { Context } from '../../src/platform/db/prisma.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseSettings } from '../../src/platform/config/env.js';
import { applyPendingMigrations } from '../../src/platform/db/migrations.js';
import { closeContext, openContext } from '../../src/app/context.js';
import { freshPostgres } from './postgres.js';

/** A fresh SQLite database in its own temporary folder. */
export function freshSqlite(): DatabaseSettings & { dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-test-'));
  return { provider: 'sqlite', url: `file:${path.join(dir, 'test.db')}`, dir };
}

export interface TestDatabase {
  db: DatabaseSettings;
  context: Context;
  close(): Promise<void>;
}

/**
 * A migrated fresh database and a Keystone context over it, for one test file: SQLite, or PostgreSQL
 * when TEST_DATABASE=postgresql (`npm test` runs the integration tests on both).
 */
export async function migratedContext(): Promise<TestDatabase> {
  const sqlite = () => {
    const db = freshSqlite();
    return { ...db, drop: async () => fs.rmSync(db.dir, { recursive: true, force: true }) };
  };
  const fresh = process.env.TEST_DATABASE === 'postgresql' ? await freshPostgres() : sqlite();
  await applyPendingMigrations(fresh);
  return contextOver(fresh);
}

/** A Keystone context over a database of this test file's own; close() closes it and removes the database. */
export async function contextOver(fresh: DatabaseSettings & { drop(): Promise<void> }): Promise<TestDatabase> {
  const context = await openContext(fresh);
  return {
    db: fresh,
    context,
    async close() {
      await closeContext(context);
      await fresh.drop();
    },
  };
}
