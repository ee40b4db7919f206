import fs from 'node:fs';
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
 * The data directory (GONGKAI_DATA_DIR, default data/): the SQLite database, uploaded media and the
 * generated session secret live there unless DATABASE_URL, MEDIA_DIR or SESSION_SECRET say otherwise.
 */
export function dataDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(projectRoot, env.GONGKAI_DATA_DIR?.trim() || 'data');
}

/** SQLite by default (a file in the data directory); PostgreSQL when DATABASE_URL is a postgres:// URL. */
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

/** How `gongkai start [--no-demo]` tells the server whether to seed an empty database (set by the command, not by users). */
export const startDemoVariable = 'GONGKAI_START_DEMO';

export function listenPort(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PORT?.trim();
  if (!raw) return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError(`PORT 必须是 1–65535 之间的整数，当前为“${raw}”`);
  }
  return port;
}

/** The file in the data directory that keeps the generated session secret when SESSION_SECRET is not set. */
export const secretFileName = 'session-secret';

const secretsByFile = new Map<string, string>();

/**
 * Sessions, preview links and form tokens are signed with SESSION_SECRET (at least 32 characters).
 * Without it, a secret is generated once and kept in the data directory (mode 0600), so sign-ins and
 * preview links survive restarts; the same answer on every call path, whatever NODE_ENV says by then
 * (the Admin UI's server sets it to production after start-up, issue 14 #1).
 */
export function sessionSecret(env: NodeJS.ProcessEnv = process.env, warn: (m: string) => void = () => {}): string {
  const secret = env.SESSION_SECRET;
  if (secret && secret.length >= 32) return secret;
  if (secret) throw new ConfigError('SESSION_SECRET 太短：至少需要 32 个字符（可用 `openssl rand -hex 32` 生成）');
  const file = path.join(dataDirectory(env), secretFileName);
  let kept = secretsByFile.get(file);
  if (!kept) {
    kept = keptSecret(file, warn);
    secretsByFile.set(file, kept);
  }
  return kept;
}

/**
 * Reads the secret kept in `file`, or creates it: written to a private temporary file first and
 * linked into place, so two instances starting together on a shared directory end up with one secret.
 */
export function keptSecret(file: string, warn: (m: string) => void = () => {}): string {
  const existing = readSecretFile(file);
  if (existing) return existing;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}`;
    fs.writeFileSync(temporary, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    try {
      fs.linkSync(temporary, file);
      warn(
        `gongkai: 未设置 SESSION_SECRET，已生成会话密钥并保存在 ${file}（仅本用户可读）；请像数据库一样备份并保密，多实例部署时请为每个实例设置相同的 SESSION_SECRET。`,
      );
    } catch (error) {
      // Another instance made it first: use that one.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.rmSync(temporary, { force: true });
    }
  } catch (error) {
    throw new ConfigError(
      `无法在数据目录保存会话密钥 ${file}（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）：请让该目录可写，或设置 SESSION_SECRET（至少 32 个字符，可用 \`openssl rand -hex 32\` 生成）`,
    );
  }
  const created = readSecretFile(file);
  if (!created) throw new ConfigError(`会话密钥文件 ${file} 内容无效：请删除它后重新启动，或设置 SESSION_SECRET`);
  return created;
}

function readSecretFile(file: string): string | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if (['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return null;
    throw new ConfigError(`无法读取会话密钥文件 ${file}（${(error as NodeJS.ErrnoException).code}）：请检查其权限，或设置 SESSION_SECRET`);
  }
  if (text.length < 32) throw new ConfigError(`会话密钥文件 ${file} 内容无效（至少 32 个字符）：请删除它后重新启动，或设置 SESSION_SECRET`);
  // Kept private even if someone loosened its mode.
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  return text;
}

/** Where uploaded media are kept (a shared directory when several instances run). */
export function mediaDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.MEDIA_DIR?.trim() ? path.resolve(projectRoot, env.MEDIA_DIR.trim()) : path.join(dataDirectory(env), 'media');
}

/** Where the public site is published as files (PUBLISH_DIR, default data/site), for the web server in front. */
export function publishDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.PUBLISH_DIR?.trim() ? path.resolve(projectRoot, env.PUBLISH_DIR.trim()) : path.join(dataDirectory(env), 'site');
}

/**
 * The manifest of the published files: in the data directory, outside the published one, so that
 * whoever can write to the web server's files cannot rewrite the record they are checked against.
 */
export function manifestFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(dataDirectory(env), 'site-manifest.json');
}
