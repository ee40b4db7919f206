import { afterAll, describe, expect, test } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { projectRoot, sqliteFilename, type DatabaseSettings } from '../../../src/platform/config/env.js';
import { applyPendingMigrations, migrationsDirectory } from '../../../src/platform/db/migrations.js';
import { freshSqlite } from '../../helpers/database.js';
import { freshPostgres } from '../../helpers/postgres.js';
import { renderRichText } from '../../../src/platform/content/render-rich-text.js';

/*
 * The migration that made rich-text bodies HTML converts what was stored as Keystone document-field JSON, in
 * the same transaction as its schema change, on the engine under test (TEST_DATABASE): text, marks, links,
 * headings, lists, alignment and chart blocks arrive as the HTML the editor writes; a second run changes nothing.
 */

const migration = '20261206062734_rich_html_bodies';
const engine = process.env.TEST_DATABASE === 'postgresql' ? 'postgresql' : 'sqlite';
const dropped: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of dropped) await drop();
});

async function freshDatabase(): Promise<DatabaseSettings> {
  if (engine === 'postgresql') {
    const db = await freshPostgres();
    dropped.push(db.drop);
    return db;
  }
  const db = freshSqlite();
  dropped.push(async () => fs.rmSync(db.dir, { recursive: true, force: true }));
  return db;
}

/** The committed migrations before this one, as a directory of their own. */
function migrationsBefore(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-migrations-'));
  const from = migrationsDirectory(engine, path.join(projectRoot, 'migrations'));
  const to = migrationsDirectory(engine, root);
  fs.mkdirSync(to, { recursive: true });
  for (const name of fs.readdirSync(from).filter((n) => n < migration))
    fs.cpSync(path.join(from, name), path.join(to, name), { recursive: true });
  dropped.push(async () => fs.rmSync(root, { recursive: true, force: true }));
  return to;
}

/** Runs SQL with `?` placeholders on either engine. */
async function run(db: DatabaseSettings, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  if (db.provider === 'sqlite') {
    const sqlite = new Database(sqliteFilename(db.url));
    try {
      const statement = sqlite.prepare(sql);
      return statement.reader ? (statement.all(...params) as Record<string, unknown>[]) : (statement.run(...params), []);
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    let n = 0;
    return (
      await client.query(
        sql.replace(/\?/g, () => `$${++n}`),
        params,
      )
    ).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

const chart = {
  kind: 'compare',
  title: '城市低保标准（每人每月）',
  unit: '元',
  source: '社会救助科',
  data: '类别\t调整前\t调整后\n城市\t800\t840',
};
const legacyBody = [
  { type: 'heading', level: 2, children: [{ text: '一、调整标准' }] },
  { type: 'paragraph', textAlign: 'center', children: [{ text: '临沧市民政局' }] },
  {
    type: 'paragraph',
    children: [
      { text: '联系电话', bold: true },
      { text: '13812345678，详见' },
      { type: 'link', href: 'https://www.mca.gov.cn/a.html', children: [{ text: '民政部通知' }] },
      { type: 'link', href: 'javascript:alert(1)', children: [{ text: '（坏链接）' }] },
      { text: '。<script>' },
    ],
  },
  { type: 'unordered-list', children: [{ type: 'list-item', children: [{ type: 'list-item-content', children: [{ text: '城市' }] }] }] },
  { type: 'component-block', component: 'chart', props: chart, children: [{ type: 'component-inline-prop', children: [{ text: '' }] }] },
];
const empty = [{ type: 'paragraph', children: [{ text: '' }] }];

describe(`the rich-text migration on ${engine}`, () => {
  test('document-field JSON becomes the editor’s HTML in the migration’s own transaction; nothing else changes', async () => {
    const db = await freshDatabase();
    await applyPendingMigrations(db, migrationsBefore());
    await run(db, 'INSERT INTO "Document" ("id", "title", "body", "redactedBody") VALUES (?, ?, ?, ?)', [
      'doc1',
      '关于调整城乡低保标准的通知',
      JSON.stringify(legacyBody),
      JSON.stringify(empty),
    ]);
    await run(db, 'INSERT INTO "Interpretation" ("id", "title", "body") VALUES (?, ?, ?)', [
      'jd1',
      '解读',
      JSON.stringify([{ type: 'paragraph', children: [{ text: '问：调整了多少？' }] }]),
    ]);
    await run(db, 'INSERT INTO "Consultation" ("id", "title", "draftText") VALUES (?, ?, ?)', [
      'zq1',
      '征求意见',
      JSON.stringify([{ type: 'paragraph', children: [{ text: '第一条　为规范' }] }]),
    ]);

    expect(await applyPendingMigrations(db)).toEqual([migration, ...(await laterThan(migration))]);

    const [doc] = await run(db, 'SELECT "body", "redactedBody", "title" FROM "Document" WHERE "id" = ?', ['doc1']);
    expect(doc.title).toBe('关于调整城乡低保标准的通知');
    expect(doc.body).toBe(
      '<h2>一、调整标准</h2><p class="text-center">临沧市民政局</p><p><strong>联系电话</strong>13812345678，详见<a href="https://www.mca.gov.cn/a.html">民政部通知</a>（坏链接）。&lt;script&gt;</p>' +
        '<ul><li>城市</li></ul>' +
        `<figure data-chart="${JSON.stringify(chart).replace(/"/g, '&quot;')}"></figure>`,
    );
    expect(doc.redactedBody).toBe('');
    const [jd] = await run(db, 'SELECT "body" FROM "Interpretation" WHERE "id" = ?', ['jd1']);
    expect(jd.body).toBe('<p>问：调整了多少？</p>');
    const [zq] = await run(db, 'SELECT "draftText" FROM "Consultation" WHERE "id" = ?', ['zq1']);
    expect(zq.draftText).toBe('<p>第一条　为规范</p>');

    // What the public reads of it: masked (N15), the chart drawn from its data.
    const page = renderRichText(String(doc.body));
    expect(page).toContain('138****5678');
    expect(page).toContain('<p class="chart-summary">城市由800元提高到840元');
  });

  test('a JSON string becomes a paragraph, text that is not JSON stays as it is, and revision snapshots are converted too', async () => {
    const db = await freshDatabase();
    await applyPendingMigrations(db, migrationsBefore());
    await run(db, 'INSERT INTO "Document" ("id", "title", "body", "redactedBody") VALUES (?, ?, ?, ?)', [
      'doc2',
      '标题',
      JSON.stringify('一段<文字>'),
      JSON.stringify(empty),
    ]);
    // What a submitted version recorded: the bodies as document-field JSON inside the snapshot.
    const snapshot = {
      title: '标题',
      body: [{ type: 'paragraph', children: [{ text: '提交时的正文' }] }],
      redactedBody: empty,
      columns: [],
    };
    await run(db, 'INSERT INTO "Revision" ("id", "document", "kind", "number", "snapshot") VALUES (?, ?, ?, ?, ?)', [
      'rev1',
      'doc2',
      'submitted',
      1,
      JSON.stringify(snapshot),
    ]);
    if (engine === 'sqlite') {
      // The old SQLite column held text of any kind: text that is not JSON is no document to convert.
      await run(db, 'INSERT INTO "Document" ("id", "title", "body", "redactedBody") VALUES (?, ?, ?, ?)', [
        'doc3',
        '标题',
        '不是 JSON 的文字',
        '',
      ]);
    }
    await applyPendingMigrations(db);
    const [doc] = await run(db, 'SELECT "body" FROM "Document" WHERE "id" = ?', ['doc2']);
    expect(doc.body).toBe('<p>一段&lt;文字&gt;</p>');
    const [revision] = await run(db, 'SELECT "snapshot" FROM "Revision" WHERE "id" = ?', ['rev1']);
    const stored = typeof revision.snapshot === 'string' ? JSON.parse(revision.snapshot) : revision.snapshot;
    expect(stored).toEqual({ ...snapshot, body: '<p>提交时的正文</p>', redactedBody: '' });
    if (engine === 'sqlite')
      expect((await run(db, 'SELECT "body" FROM "Document" WHERE "id" = ?', ['doc3']))[0].body).toBe('不是 JSON 的文字');
  });
});

async function laterThan(name: string): Promise<string[]> {
  return fs
    .readdirSync(migrationsDirectory(engine, path.join(projectRoot, 'migrations')))
    .filter((n) => n > name)
    .sort();
}
