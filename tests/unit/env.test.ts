import { describe, expect, test } from '@jest/globals';
import { ConfigError, databaseSettings, dataDirectory, listenPort, mediaDirectory, redactUrl, sessionSecret } from '../../src/config/env.js';

describe('configuration from the environment', () => {
  test('SQLite under data/ is the default database', () => {
    const db = databaseSettings({});
    expect(db.provider).toBe('sqlite');
    expect(db.url).toMatch(/^file:\/.*data\/gongkai\.db$/);
  });

  test('GONGKAI_DATA_DIR moves the database and the media together; DATABASE_URL and MEDIA_DIR still win', () => {
    const env = { GONGKAI_DATA_DIR: '/srv/gongkai' };
    expect(dataDirectory(env)).toBe('/srv/gongkai');
    expect(databaseSettings(env)).toEqual({ provider: 'sqlite', url: 'file:/srv/gongkai/gongkai.db' });
    expect(mediaDirectory(env)).toBe('/srv/gongkai/media');
    expect(mediaDirectory({ ...env, MEDIA_DIR: '/mnt/media' })).toBe('/mnt/media');
    expect(databaseSettings({ ...env, DATABASE_URL: 'file:/tmp/x.db' }).url).toBe('file:/tmp/x.db');
  });

  test('a postgres:// DATABASE_URL selects PostgreSQL', () => {
    expect(databaseSettings({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/gk' })).toEqual({ provider: 'postgresql', url: 'postgres://u@127.0.0.1:5432/gk' });
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

  test('production refuses to start without SESSION_SECRET; development warns and makes one', () => {
    expect(() => sessionSecret({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
    expect(() => sessionSecret({ SESSION_SECRET: 'short' })).toThrow(/32/);
    const warnings: string[] = [];
    const secret = sessionSecret({}, (m) => warnings.push(m));
    expect(secret).toHaveLength(64);
    expect(sessionSecret({ SESSION_SECRET: 'x'.repeat(40) })).toBe('x'.repeat(40));
  });
});
