import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { projectRoot, redactUrl, sqliteFilename, type DatabaseProvider, type DatabaseSettings } from '../config/env.js';
import { dataSteps, type ColumnRewrite } from './data-steps.js';

/*
 * Committed migrations, one folder each under migrations/<provider>/: `migration.sql` (applied) and
 * `schema.prisma` (the Keystone schema it leads to, from which the next migration is diffed).
 * Pending migrations are applied in order, each in a transaction with its history row, so a crash
 * leaves a migration either wholly applied and recorded or not at all. A migration whose stored values must
 * change in a way SQL cannot say has a data step (data-steps.ts), run in the same transaction after its SQL.
 */

export const historyTable = '_gongkai_migrations';

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
  schema: string;
}

export function migrationsDirectory(provider: DatabaseProvider, root = path.join(projectRoot, 'migrations')): string {
  return path.join(root, provider);
}

export function checksum(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

export function readMigrations(directory: string): Migration[] {
  if (!fs.existsSync(directory)) return [];
  return fs
    .readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(directory, name, 'migration.sql'), 'utf8');
      const schemaPath = path.join(directory, name, 'schema.prisma');
      return { name, sql, checksum: checksum(sql), schema: fs.existsSync(schemaPath) ? fs.readFileSync(schemaPath, 'utf8') : '' };
    });
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

interface AppliedRow {
  name: string;
  checksum: string;
}

interface StoredValue {
  id: string;
  value: unknown;
}

/** The rows a data step changes, with their new values. */
function rewritten(rows: StoredValue[], rewrite: ColumnRewrite): [string, string][] {
  return rows.flatMap((row) => {
    if (row.value === null || row.value === undefined) return [];
    const next = rewrite.convert(row.value);
    return next === null || next === row.value ? [] : [[row.id, next] as [string, string]];
  });
}

/** A connection that can run a migration atomically, for either engine. */
interface MigrationTarget {
  applied(): Promise<AppliedRow[]>;
  apply(migration: Migration): Promise<void>;
  close(): Promise<void>;
}

function sqliteTarget(url: string): MigrationTarget {
  const filename = sqliteFilename(url);
  fs.mkdirSync(path.dirname(filename), { recursive: true });
  const db = new Database(filename);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE IF NOT EXISTS "${historyTable}" ("name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "applied_at" TEXT NOT NULL)`);
  return {
    async applied() {
      return db.prepare(`SELECT name, checksum FROM "${historyTable}" ORDER BY name`).all() as AppliedRow[];
    },
    async apply(migration) {
      // Table redefinitions need foreign keys off, which SQLite only honours outside a transaction;
      // the foreign-key check before commit keeps the data consistent.
      db.pragma('foreign_keys = OFF');
      try {
        db.transaction(() => {
          db.exec(migration.sql);
          for (const rewrite of dataSteps[migration.name] ?? []) {
            const rows = db.prepare(`SELECT "id", "${rewrite.column}" AS value FROM "${rewrite.table}"`).all() as StoredValue[];
            const update = db.prepare(`UPDATE "${rewrite.table}" SET "${rewrite.column}" = ? WHERE "id" = ?`);
            for (const [id, value] of rewritten(rows, rewrite)) update.run(value, id);
          }
          const violations = db.pragma('foreign_key_check') as unknown[];
          if (violations.length) throw new MigrationError(`迁移 ${migration.name} 破坏了外键约束（${violations.length} 处）`);
          db.prepare(`INSERT INTO "${historyTable}" (name, checksum, applied_at) VALUES (?, ?, ?)`).run(
            migration.name,
            migration.checksum,
            new Date().toISOString(),
          );
        })();
      } finally {
        db.pragma('foreign_keys = ON');
      }
    },
    async close() {
      db.close();
    },
  };
}

const migrationLockKey = 72616001;

async function postgresTarget(url: string): Promise<MigrationTarget> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  // Instances starting together migrate one after the other: the lock is held until close.
  await client.query('SELECT pg_advisory_lock($1)', [migrationLockKey]);
  await client.query(
    `CREATE TABLE IF NOT EXISTS "${historyTable}" ("name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "applied_at" TIMESTAMPTZ NOT NULL DEFAULT now())`,
  );
  return {
    async applied() {
      return (await client.query<AppliedRow>(`SELECT name, checksum FROM "${historyTable}" ORDER BY name`)).rows;
    },
    async apply(migration) {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        for (const rewrite of dataSteps[migration.name] ?? []) {
          const { rows } = await client.query<StoredValue>(`SELECT "id", "${rewrite.column}" AS value FROM "${rewrite.table}"`);
          for (const [id, value] of rewritten(rows, rewrite)) {
            await client.query(`UPDATE "${rewrite.table}" SET "${rewrite.column}" = $1 WHERE "id" = $2`, [value, id]);
          }
        }
        await client.query(`INSERT INTO "${historyTable}" (name, checksum) VALUES ($1, $2)`, [migration.name, migration.checksum]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    },
    async close() {
      await client.end();
    },
  };
}

export async function openTarget(db: DatabaseSettings): Promise<MigrationTarget> {
  return db.provider === 'postgresql' ? postgresTarget(db.url) : sqliteTarget(db.url);
}

export interface MigrationStatus {
  applied: string[];
  pending: Migration[];
}

function compare(all: Migration[], applied: AppliedRow[]): MigrationStatus {
  const known = new Map(all.map((m) => [m.name, m]));
  for (const row of applied) {
    const migration = known.get(row.name);
    if (!migration) throw new MigrationError(`数据库已应用迁移 ${row.name}，但本程序中没有它：请使用与数据库相同或更新的版本`);
    if (migration.checksum !== row.checksum)
      throw new MigrationError(`迁移 ${row.name} 在应用后被修改过：请恢复该迁移文件，改动应写成新的迁移`);
  }
  const done = new Set(applied.map((row) => row.name));
  return { applied: [...done], pending: all.filter((m) => !done.has(m.name)) };
}

export async function migrationStatus(db: DatabaseSettings, directory = migrationsDirectory(db.provider)): Promise<MigrationStatus> {
  const target = await openTarget(db);
  try {
    return compare(readMigrations(directory), await target.applied());
  } finally {
    await target.close();
  }
}

/** Applies every pending migration in order; returns the names applied. */
export async function applyPendingMigrations(db: DatabaseSettings, directory = migrationsDirectory(db.provider)): Promise<string[]> {
  const migrations = readMigrations(directory);
  if (!migrations.length) throw new MigrationError(`没有找到迁移文件：${directory}`);
  const target = await openTarget(db);
  try {
    const { pending } = compare(migrations, await target.applied());
    for (const migration of pending) {
      try {
        await target.apply(migration);
      } catch (error) {
        throw new MigrationError(`应用迁移 ${migration.name} 失败（${redactUrl(db.url)}）：${(error as Error).message}`);
      }
    }
    return pending.map((m) => m.name);
  } finally {
    await target.close();
  }
}
