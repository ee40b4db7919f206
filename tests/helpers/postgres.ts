import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseSettings } from '../../src/platform/config/env.js';

/** The PostgreSQL server every developer and CI machine runs (override with TEST_POSTGRES_URL). */
export const postgresServerUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Whether PostgreSQL tests can run. Without a server they are skipped with a note, except under
 * CI=true, where a missing server is a failure.
 */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresServerUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch (error) {
    if (process.env.CI === 'true')
      throw new Error(`CI=true but PostgreSQL is not reachable at ${postgresServerUrl}: ${(error as Error).message}`);
    console.warn(`PostgreSQL is not reachable at ${postgresServerUrl}; PostgreSQL tests are skipped.`);
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates an empty database of its own (or a copy of `template`); the returned drop() removes it. */
export async function freshPostgres(template?: string): Promise<DatabaseSettings & { drop(): Promise<void> }> {
  const name = `gongkai_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresServerUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  await admin.end();
  return {
    provider: 'postgresql',
    url: withDatabase(postgresServerUrl, name),
    async drop() {
      const client = new pg.Client({ connectionString: postgresServerUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
