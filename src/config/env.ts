import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** A configuration problem the operator must fix; printed as one line, never as a stack trace. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type DatabaseProvider = 'sqlite' | 'postgresql';

export interface DatabaseSettings {
  provider: DatabaseProvider;
  /** `file:` URL for SQLite, `postgres://` URL for PostgreSQL. */
  url: string;
}

// Keystone bundles this file into CommonJS, where import.meta is empty: the `gongkai` command
// changes to the project folder before anything runs, so the working directory is the root.
export const projectRoot = process.cwd();

/**
 * The folder of the instance's own data: the SQLite database, uploaded media and the generated session secret,
 * unless DATABASE_URL or MEDIA_DIR say otherwise. `data/` in the project by default; GONGKAI_DATA_DIR moves it.
 */
export function dataDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(projectRoot, env.GONGKAI_DATA_DIR?.trim() || 'data');
}

/** SQLite by default (gongkai.db in the data folder); PostgreSQL when DATABASE_URL is a postgres:// URL. */
export function databaseSettings(env: NodeJS.ProcessEnv = process.env): DatabaseSettings {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return { provider: 'sqlite', url: `file:${path.join(dataDirectory(env), 'gongkai.db')}` };
  if (/^postgres(ql)?:\/\//i.test(raw)) {
    try {
      new URL(raw);
    } catch {
      throw new ConfigError(`DATABASE_URL 不是有效的 PostgreSQL 地址：${redactUrl(raw)}（示例：postgres://user@127.0.0.1:5432/gongkai）`);
    }
    return { provider: 'postgresql', url: raw };
  }
  if (raw.startsWith('file:')) return { provider: 'sqlite', url: `file:${path.resolve(projectRoot, raw.slice(5))}` };
  throw new ConfigError(
    `DATABASE_URL 无法识别：${redactUrl(raw)}。请使用 file:data/gongkai.db（SQLite）或 postgres://用户@主机:5432/库名（PostgreSQL）`,
  );
}

export function sqliteFilename(url: string): string {
  return url.replace(/^file:/, '');
}

/** Hides the password of a connection URL in messages. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

export function listenPort(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PORT?.trim();
  if (!raw) return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError(`PORT 必须是 1–65535 之间的整数，当前为“${raw}”`);
  }
  return port;
}

let developmentSecret: string | undefined;

/**
 * Sessions are signed with SESSION_SECRET (at least 32 characters). In production it is required;
 * in development a random one is made per process, with a warning, so sign-ins do not survive a restart.
 */
export function sessionSecret(env: NodeJS.ProcessEnv = process.env, warn: (m: string) => void = () => {}): string {
  const secret = env.SESSION_SECRET;
  if (secret && secret.length >= 32) return secret;
  if (secret) throw new ConfigError('SESSION_SECRET 太短：至少需要 32 个字符（可用 `openssl rand -hex 32` 生成）');
  if (env.NODE_ENV === 'production') {
    throw new ConfigError('生产环境（NODE_ENV=production）必须设置 SESSION_SECRET（至少 32 个字符，可用 `openssl rand -hex 32` 生成）');
  }
  if (!developmentSecret) {
    developmentSecret = randomBytes(32).toString('hex');
    warn('gongkai: 未设置 SESSION_SECRET，开发环境使用随机密钥；重启后需重新登录。');
  }
  return developmentSecret;
}

/** Where uploaded media are kept (a shared directory when several instances run). */
export function mediaDirectory(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.MEDIA_DIR?.trim();
  return configured ? path.resolve(projectRoot, configured) : path.join(dataDirectory(env), 'media');
}
