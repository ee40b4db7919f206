import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@jest/globals';
import request from 'supertest';
import { applyPendingMigrations, migrationsDirectory } from '../../../src/platform/db/migrations.js';
import { closeContext, openContext } from '../../../src/app/context.js';
import { freshSqlite, migratedContext } from '../../helpers/database.js';
import { apiServer } from '../../helpers/server.js';

test('/healthz says the process is up; /readyz that the database is reachable and migrated', async () => {
  const t = await migratedContext();
  try {
    const app = await apiServer(t.db, t.context);
    expect((await request(app).get('/healthz')).body).toEqual({ status: 'ok' });
    const ready = await request(app).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready' });
  } finally {
    await t.close();
  }
});

test('/readyz answers 503 while a committed migration is not applied', async () => {
  const db = freshSqlite();
  // Only the first migration: as when a new version starts against an old database.
  const partial = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-migrations-'));
  const [first] = fs.readdirSync(migrationsDirectory('sqlite')).sort();
  fs.cpSync(path.join(migrationsDirectory('sqlite'), first), path.join(partial, first), { recursive: true });
  await applyPendingMigrations(db, partial);
  const context = await openContext(db);
  try {
    const res = await request(await apiServer(db, context)).get('/readyz');
    expect(res.status).toBe(503);
    expect(res.body.reason).toContain('待执行的迁移');
  } finally {
    await closeContext(context);
    fs.rmSync(db.dir, { recursive: true, force: true });
  }
});
