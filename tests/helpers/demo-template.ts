import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { mediaDirectory, projectRoot, type DatabaseSettings } from '../../src/platform/config/env.js';
import { applyPendingMigrations } from '../../src/platform/db/migrations.js';
import { closeContext, openContext } from '../../src/app/context.js';
import { seedDemo } from '../../src/app/demo.js';
import { defaultTestInstant, systemClock, useTestClock } from './clock.js';
import { contextOver, freshSqlite, migratedContext, type TestDatabase } from './database.js';
import { freshPostgres, postgresServerUrl, withDatabase } from './postgres.js';

/*
 * The demo site, seeded once for a whole test run and copied for each test file that asks for it: seeding
 * takes seconds and some forty files start from it. A copy is the same database and the same media files
 * that seeding this file's own database would make, on the test clock's fixed day. The template is keyed by
 * the code that writes it (every source, migration and seed file, by size and time of change), the engine
 * and the day, so a change to any of them seeds anew. In the runs at fixed "todays" the clock flows from a
 * different instant in each process, and each file seeds its own demo as before.
 */

const templateRoot = path.join(os.tmpdir(), 'gongkai-demo-templates');

/** Size and change time of every file the demo database depends on. */
function codeFingerprint(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else {
        const stat = fs.statSync(file);
        hash.update(`${path.relative(projectRoot, file)} ${stat.size} ${stat.mtimeMs}\n`);
      }
    }
  };
  for (const dir of ['src', 'syndication', 'migrations']) walk(path.join(projectRoot, dir));
  for (const file of ['keystone.ts', 'package-lock.json']) hash.update(`${file} ${fs.statSync(path.join(projectRoot, file)).mtimeMs}\n`);
  return hash.digest('hex');
}

function templateKey(engine: string): string {
  return createHash('sha256')
    .update(`${engine}\n${defaultTestInstant}\n${process.env.GONGKAI_DEMO_PASSWORD ?? ''}\n${codeFingerprint()}`)
    .digest('hex')
    .slice(0, 16);
}

/** Templates are kept for six hours: longer than a test run, and a machine's temporary space does not fill up. */
const keptMinutes = 360;
const minutesNow = () => Math.floor(Date.now() / 60_000);

function removeStaleFolders(): void {
  for (const name of fs.existsSync(templateRoot) ? fs.readdirSync(templateRoot) : []) {
    const folder = path.join(templateRoot, name);
    if (fs.statSync(folder).mtimeMs < Date.now() - keptMinutes * 60_000) fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** Seeds the demo into a database of its own; returns the media files the seed wrote. */
async function seedInto(db: DatabaseSettings, now?: Date): Promise<string[]> {
  const media = mediaDirectory();
  const before = new Set(fs.existsSync(media) ? fs.readdirSync(media) : []);
  await applyPendingMigrations(db);
  const context = await openContext(db);
  try {
    await seedDemo(context, now ? { now } : {});
  } finally {
    await closeContext(context);
  }
  return fs.readdirSync(media).filter((name) => !before.has(name));
}

function copyMedia(from: string): void {
  const media = mediaDirectory();
  fs.mkdirSync(media, { recursive: true });
  for (const name of fs.readdirSync(from)) fs.copyFileSync(path.join(from, name), path.join(media, name));
}

/** Makes a template folder (the SQLite file and the media) unless one is there; returns its path. */
async function sqliteTemplate(key = templateKey('sqlite'), now?: Date): Promise<string> {
  const folder = path.join(templateRoot, `sqlite_${key}`);
  if (fs.existsSync(folder)) return folder;
  removeStaleFolders();
  fs.mkdirSync(templateRoot, { recursive: true });
  const building = `${folder}.building-${process.pid}-${randomBytes(3).toString('hex')}`;
  const db = freshSqlite();
  const files = await seedInto(db, now);
  fs.mkdirSync(path.join(building, 'media'), { recursive: true });
  // Everything into the file itself: the write-ahead log is folded in and removed when the last connection closes.
  const file = new Database(path.join(db.dir, 'test.db'));
  file.pragma('wal_checkpoint(TRUNCATE)');
  file.close();
  fs.renameSync(path.join(db.dir, 'test.db'), path.join(building, 'demo.db'));
  fs.rmSync(db.dir, { recursive: true, force: true });
  for (const name of files) fs.copyFileSync(path.join(mediaDirectory(), name), path.join(building, 'media', name));
  // Another worker may have finished first: then its template stands and this one goes.
  try {
    fs.renameSync(building, folder);
  } catch {
    fs.rmSync(building, { recursive: true, force: true });
  }
  return folder;
}

/** Makes a template database (and a folder of its media) unless one is there; returns its name and media folder. */
async function postgresTemplate(): Promise<{ name: string; media: string }> {
  const key = templateKey('postgresql');
  const media = path.join(templateRoot, `postgresql_${key}`);
  const admin = new pg.Client({ connectionString: postgresServerUrl });
  await admin.connect();
  try {
    // One builder at a time across the workers; the others wait, then find it made.
    await admin.query('SELECT pg_advisory_lock(20261205)');
    const templates = (await admin.query("SELECT datname FROM pg_database WHERE datname LIKE 'gongkai_tpl_%'")).rows.map(
      (row: { datname: string }) => row.datname,
    );
    const made = templates.find((name) => name.startsWith(`gongkai_tpl_${key}_`));
    if (made) return { name: made, media };
    // A template's name ends in the minute it was made: those of earlier code, older than a run, are dropped.
    for (const stale of templates.filter((name) => Number(name.split('_').at(-1)) < minutesNow() - keptMinutes)) {
      await admin.query(`DROP DATABASE IF EXISTS ${stale} WITH (FORCE)`);
    }
    removeStaleFolders();
    const building = `gongkai_tplb_${randomBytes(6).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${building}`);
    const files = await seedInto({ provider: 'postgresql', url: withDatabase(postgresServerUrl, building) });
    fs.rmSync(media, { recursive: true, force: true });
    fs.mkdirSync(media, { recursive: true });
    for (const file of files) fs.copyFileSync(path.join(mediaDirectory(), file), path.join(media, file));
    const name = `gongkai_tpl_${key}_${minutesNow()}`;
    await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    return { name, media };
  } finally {
    await admin.query('SELECT pg_advisory_unlock(20261205)').catch(() => {});
    await admin.end();
  }
}

/**
 * For one test file: a fresh database holding the demo seeded on the test clock's day, with its media files in
 * this file's media directory, and a Keystone context over it (SQLite, or PostgreSQL when
 * TEST_DATABASE=postgresql). Call useTestClock() first (seededApi does).
 */
export async function seededDemoContext(): Promise<TestDatabase> {
  useTestClock();
  if (systemClock) {
    const t = await migratedContext();
    await seedDemo(t.context);
    return t;
  }
  let fresh: DatabaseSettings & { drop(): Promise<void> };
  if (process.env.TEST_DATABASE === 'postgresql') {
    const template = await postgresTemplate();
    fresh = await freshPostgres(template.name);
    copyMedia(template.media);
  } else {
    const template = await sqliteTemplate();
    const db = freshSqlite();
    fs.copyFileSync(path.join(template, 'demo.db'), path.join(db.dir, 'test.db'));
    copyMedia(path.join(template, 'media'));
    fresh = { ...db, drop: async () => fs.rmSync(db.dir, { recursive: true, force: true }) };
  }
  return contextOver(fresh);
}

/**
 * For `gongkai start` in a test (tests/helpers/service.ts): a SQLite file at `target` holding the demo as the
 * service would seed it on its first start today (on the real clock, which the service keeps), its media files in
 * the media directory the service shares with this process, and the site's address set to the service's. The
 * service then finds the demo in place and starts without seeding it.
 */
export async function demoForService(target: string, baseUrl: string): Promise<void> {
  const now = new Date(Date.now());
  const chinaDay = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const key = createHash('sha256')
    .update(`service\n${chinaDay}\n${process.env.GONGKAI_DEMO_PASSWORD ?? ''}\n${codeFingerprint()}`)
    .digest('hex')
    .slice(0, 16);
  const template = await sqliteTemplate(key, now);
  fs.copyFileSync(path.join(template, 'demo.db'), target);
  copyMedia(path.join(template, 'media'));
  const file = new Database(target);
  file.prepare('UPDATE "SiteSettings" SET "baseUrl" = ?').run(baseUrl);
  file.close();
}
