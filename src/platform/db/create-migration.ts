import fs from 'node:fs';
import path from 'node:path';
import type { KeystoneConfig } from '@keystone-6/core/types';
import type { KeystoneTypes } from './prisma.js';
import { projectRoot, type DatabaseProvider, type DatabaseSettings } from '../config/env.js';
import { prismaSchemaFor } from './keystone-internals.js';
import { migrationsDirectory, readMigrations } from './migrations.js';
import { diffSchemas } from './schema-engine.js';

export const providers: DatabaseProvider[] = ['sqlite', 'postgresql'];

/** Placeholder settings: only the provider matters when printing a schema. */
export const settingsFor: Record<DatabaseProvider, DatabaseSettings> = {
  sqlite: { provider: 'sqlite', url: 'file:data/schema-only.db' },
  postgresql: { provider: 'postgresql', url: 'postgres://localhost/schema-only' },
};

export function migrationName(label: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const slug =
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '') || 'change';
  return `${stamp}_${slug}`;
}

export interface CreatedMigration {
  provider: DatabaseProvider;
  name: string;
  directory: string;
}

/**
 * Writes the next migration for both engines: the SQL between the schema of the latest committed
 * migration and the schema of the current configuration. Returns nothing for an engine whose
 * schema did not change.
 */
export async function createMigration(
  label: string,
  makeConfig: (db: DatabaseSettings) => KeystoneConfig<KeystoneTypes>,
  { root = path.join(projectRoot, 'migrations'), now = new Date() } = {},
): Promise<CreatedMigration[]> {
  const created: CreatedMigration[] = [];
  const name = migrationName(label, now);
  for (const provider of providers) {
    const schema = await prismaSchemaFor(makeConfig(settingsFor[provider]), projectRoot);
    const directory = migrationsDirectory(provider, root);
    const previous = readMigrations(directory).at(-1)?.schema ?? null;
    if (previous === schema) continue;
    const sql = await diffSchemas(previous, schema);
    if (!sql.trim()) continue;
    const target = path.join(directory, name);
    fs.mkdirSync(target, { recursive: true });
    fs.writeFileSync(path.join(target, 'migration.sql'), sql);
    fs.writeFileSync(path.join(target, 'schema.prisma'), schema);
    created.push({ provider, name, directory: target });
  }
  return created;
}
