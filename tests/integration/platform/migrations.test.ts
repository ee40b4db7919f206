import { beforeAll, describe, expect, test } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { text } from '@keystone-6/core/fields';
import type { KeystoneConfig } from '@keystone-6/core/types';
import type { KeystoneTypes } from '../../../src/platform/db/prisma.js';
import { projectRoot, sqliteFilename, type DatabaseSettings } from '../../../src/platform/config/env.js';
import { createConfig } from '../../../src/app/keystone-config.js';
import { offlineToolEnvironment } from '../../../src/app/build.js';
import { createMigration, providers, settingsFor } from '../../../src/platform/db/create-migration.js';
import { prismaSchemaFor } from '../../../src/platform/db/keystone-internals.js';
import { applyPendingMigrations, migrationStatus, migrationsDirectory, readMigrations } from '../../../src/platform/db/migrations.js';
import { diffSchemas } from '../../../src/platform/db/schema-engine.js';
import { closeContext, openContext } from '../../../src/app/context.js';
import { seedDemo } from '../../../src/app/demo.js';
import { freshSqlite } from '../../helpers/database.js';
import { useTestClock } from '../../helpers/clock.js';

// The demo and this file's dates follow the test clock, not the day the suite runs (trust #17).
useTestClock();

beforeAll(() => offlineToolEnvironment());

function tables(db: DatabaseSettings): string[] {
  const sqlite = new Database(sqliteFilename(db.url), { readonly: true });
  try {
    return (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
      (r) => r.name,
    );
  } finally {
    sqlite.close();
  }
}

/** A copy of the committed migrations that a test may add to. */
function scratchMigrations(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-migrations-'));
  fs.cpSync(path.join(projectRoot, 'migrations'), root, { recursive: true });
  return root;
}

describe('migrations', () => {
  test('apply from empty on SQLite, once, with their history recorded', async () => {
    const db = freshSqlite();
    const applied = await applyPendingMigrations(db);
    expect(applied).toEqual(readMigrations(migrationsDirectory('sqlite')).map((m) => m.name));
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'User',
        'Department',
        'Column',
        'Document',
        'Interpretation',
        'Media',
        'SiteSettings',
        '_gongkai_migrations',
      ]),
    );
    expect(await applyPendingMigrations(db)).toEqual([]);
    expect((await migrationStatus(db)).pending).toEqual([]);
  });

  test('the committed migrations match the current schema on both engines', async () => {
    for (const provider of providers) {
      const current = await prismaSchemaFor(createConfig(settingsFor[provider]), projectRoot);
      const latest = readMigrations(migrationsDirectory(provider)).at(-1)!.schema;
      // A schema change without `gongkai migrate create` fails here.
      expect(await diffSchemas(latest, current)).toBe('');
    }
  });

  test('a second migration made after a schema change applies on a database with content and keeps it', async () => {
    const root = scratchMigrations();
    const db = freshSqlite();
    await applyPendingMigrations(db, migrationsDirectory('sqlite', root));
    const context = await openContext(db);
    await seedDemo(context);
    const before = await context.sudo().db.Document.findMany({ orderBy: { indexNumber: 'asc' } });
    await closeContext(context);

    const withSummary = (settings: DatabaseSettings): KeystoneConfig<KeystoneTypes> => {
      const config = createConfig(settings);
      const Document = config.lists.Document;
      return {
        ...config,
        lists: { ...config.lists, Document: { ...Document, fields: { ...Document.fields, summary: text({ defaultValue: '摘要待补' }) } } },
      };
    };
    const created = await createMigration('add document summary', withSummary, { root, now: new Date('2030-01-01T00:00:00Z') });
    expect(created.map((c) => c.provider).sort()).toEqual(['postgresql', 'sqlite']);
    expect(fs.readFileSync(path.join(created.find((c) => c.provider === 'postgresql')!.directory, 'migration.sql'), 'utf8')).toMatch(
      /ALTER TABLE "Document" ADD COLUMN\s+"summary" TEXT NOT NULL DEFAULT '摘要待补'/,
    );

    expect(await applyPendingMigrations(db, migrationsDirectory('sqlite', root))).toEqual(['20300101000000_add_document_summary']);
    const sqlite = new Database(sqliteFilename(db.url), { readonly: true });
    const after = sqlite.prepare('SELECT id, title, summary FROM "Document" ORDER BY "indexNumber"').all() as {
      id: string;
      title: string;
      summary: string;
    }[];
    sqlite.close();
    expect(after.map(({ id, title }) => ({ id, title }))).toEqual(before.map((d) => ({ id: d.id, title: d.title })));
    expect(new Set(after.map((d) => d.summary))).toEqual(new Set(['摘要待补']));
    // Nothing left to create once the migration exists.
    expect(await createMigration('again', withSummary, { root })).toEqual([]);
  });

  test('a migration that fails half-way leaves nothing applied and is not recorded', async () => {
    const root = scratchMigrations();
    const db = freshSqlite();
    await applyPendingMigrations(db, migrationsDirectory('sqlite', root));
    const broken = path.join(migrationsDirectory('sqlite', root), '20300101000000_broken');
    fs.mkdirSync(broken);
    fs.writeFileSync(path.join(broken, 'migration.sql'), 'CREATE TABLE "Half" ("id" TEXT);\nINSERT INTO "NoSuchTable" VALUES (1);\n');
    await expect(applyPendingMigrations(db, migrationsDirectory('sqlite', root))).rejects.toThrow(/20300101000000_broken/);
    expect(tables(db)).not.toContain('Half');
    expect((await migrationStatus(db, migrationsDirectory('sqlite', root))).pending.map((m) => m.name)).toEqual(['20300101000000_broken']);
  });

  test('an applied migration edited afterwards is refused with what to do', async () => {
    const root = scratchMigrations();
    const db = freshSqlite();
    await applyPendingMigrations(db, migrationsDirectory('sqlite', root));
    const [first] = readMigrations(migrationsDirectory('sqlite', root));
    fs.appendFileSync(path.join(migrationsDirectory('sqlite', root), first.name, 'migration.sql'), '\n-- edited\n');
    await expect(applyPendingMigrations(db, migrationsDirectory('sqlite', root))).rejects.toThrow(/被修改过/);
  });
});
