import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';

/*
 * Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm): it computes the SQL
 * between two Prisma schemas without any native binary. Its entry file imports the .wasm file as an
 * ES module, which Node 20 refuses, so the module is instantiated here by hand.
 */
type Bindings = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');
type Engine = import('@prisma/schema-engine-wasm').SchemaEngine;

let bindings: Promise<Bindings> | undefined;

function loadBindings(): Promise<Bindings> {
  bindings ??= (async () => {
    const require = createRequire(import.meta.url);
    const entry = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bg = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as Bindings;
    const bytes = fs.readFileSync(path.join(path.dirname(entry), 'schema_engine_bg.wasm'));
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
      './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bg;
  })();
  return bindings;
}

const noFilters = { externalTables: [], externalEnums: [] };

/**
 * The SQL (empty when nothing changes) that turns a database made from `from` (a Prisma schema, or nothing) into one made from `to`.
 * Both schemas must name the same provider; no database is read or written: the engine needs an
 * adapter to exist, so an in-memory SQLite one is handed over and never queried for the diff.
 */
export async function diffSchemas(from: string | null, to: string): Promise<string> {
  const { SchemaEngine } = await loadBindings();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaBetterSqlite3({ url: ':memory:' }));
  const engine: Engine = await SchemaEngine.new({ datamodels: [['schema.prisma', to]] }, () => {}, adapter);
  try {
    const result = await engine.diff({
      from: from === null ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: from }] },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: to }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    const sql = result.stdout ?? '';
    // The engine answers "-- This is an empty migration." when nothing changed.
    return sql.split('\n').some((line) => line.trim() && !line.trim().startsWith('--')) ? sql : '';
  } finally {
    engine.free();
  }
}
