import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import {
  ConfigError,
  databaseSettings,
  dataDirectory,
  keptSecret,
  listenPort,
  mediaDirectory,
  redactUrl,
  secretFileName,
  sessionSecret,
} from '../../../src/platform/config/env.js';

describe('configuration from the environment', () => {
  test('SQLite under data/ is the default database', () => {
    const db = databaseSettings({});
    expect(db.provider).toBe('sqlite');
    expect(db.url).toMatch(/^file:\/.*data\/gongkai\.db$/);
  });

  test('a postgres:// DATABASE_URL selects PostgreSQL', () => {
    expect(databaseSettings({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/gk' })).toEqual({
      provider: 'postgresql',
      url: 'postgres://u@127.0.0.1:5432/gk',
    });
    expect(databaseSettings({ DATABASE_URL: 'postgresql://u@h/gk' }).provider).toBe('postgresql');
  });

  test('an unknown DATABASE_URL is a configuration error that hides the password', () => {
    expect(() => databaseSettings({ DATABASE_URL: 'mysql://root:hunter2@db/gk' })).toThrow(ConfigError);
    expect(() => databaseSettings({ DATABASE_URL: 'mysql://root:hunter2@db/gk' })).toThrow(/mysql:\/\/root:\*\*\*@db\/gk/);
    expect(redactUrl('postgres://a:b@h/d')).toBe('postgres://a:***@h/d');
  });

  test('PORT must be a port number', () => {
    expect(listenPort({})).toBe(3000);
    expect(listenPort({ PORT: '8080' })).toBe(8080);
    expect(() => listenPort({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => listenPort({ PORT: '70000' })).toThrow(ConfigError);
  });

  test('the data directory holds the database, media and secret unless they are set apart', () => {
    const dir = path.join(os.tmpdir(), 'gongkai-data-elsewhere');
    expect(dataDirectory({ GONGKAI_DATA_DIR: dir })).toBe(dir);
    expect(databaseSettings({ GONGKAI_DATA_DIR: dir }).url).toBe(`file:${path.join(dir, 'gongkai.db')}`);
    expect(mediaDirectory({ GONGKAI_DATA_DIR: dir })).toBe(path.join(dir, 'media'));
    expect(mediaDirectory({ GONGKAI_DATA_DIR: dir, MEDIA_DIR: '/srv/media' })).toBe('/srv/media');
    expect(dataDirectory({})).toMatch(/\/data$/);
  });

  test('trust #1: without SESSION_SECRET a secret is made once, kept in the data directory (0600), and the same in production', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-secret-'));
    try {
      const warnings: string[] = [];
      const secret = sessionSecret({ GONGKAI_DATA_DIR: dir }, (m) => warnings.push(m));
      expect(secret).toMatch(/^[0-9a-f]{64}$/);
      expect(warnings).toHaveLength(1);
      const file = path.join(dir, secretFileName);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      // Production at run time (set by the Admin UI's server) gives the same secret instead of an error.
      expect(sessionSecret({ GONGKAI_DATA_DIR: dir, NODE_ENV: 'production' })).toBe(secret);
      // Another process (no cache) reads the same file, and tightens a loosened mode.
      fs.chmodSync(file, 0o644);
      expect(keptSecret(file)).toBe(secret);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.readdirSync(dir)).toEqual([secretFileName]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a set SESSION_SECRET wins and must be long enough; a secret that cannot be kept is a clear error', () => {
    expect(sessionSecret({ SESSION_SECRET: 'x'.repeat(40) })).toBe('x'.repeat(40));
    expect(() => sessionSecret({ SESSION_SECRET: 'short' })).toThrow(/32/);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-secret-')), 'not-a-directory');
    fs.writeFileSync(file, '');
    expect(() => sessionSecret({ GONGKAI_DATA_DIR: path.join(file, 'data') })).toThrow(ConfigError);
    expect(() => sessionSecret({ GONGKAI_DATA_DIR: path.join(file, 'data') })).toThrow(/无法在数据目录保存会话密钥.*SESSION_SECRET/);
    fs.writeFileSync(path.join(path.dirname(file), secretFileName), 'too short');
    expect(() => keptSecret(path.join(path.dirname(file), secretFileName))).toThrow(/内容无效/);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
