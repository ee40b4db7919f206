import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { ConfigError, databaseSettings, projectRoot, type DatabaseProvider } from '../platform/config/env.js';
import { keepPrismaBundle, prismaBundle } from './build-prisma-bundle.js';
import type { PackageLocator } from '../platform/admin-ui/patch-engine.js';

/** Keeps Prisma's and Next's command-line tools off the network: nothing may be downloaded. */
export function offlineToolEnvironment(): void {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(projectRoot, 'bin/prisma-schema-engine-unavailable');
  process.env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
  process.env.CHECKPOINT_DISABLE = '1';
  process.env.NEXT_TELEMETRY_DISABLED = '1';
}

const stampFile = path.join(projectRoot, '.keystone', 'gongkai-build.json');

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|hbs|js)$/.test(entry.name) ? [full] : [];
  });
}

/** A fingerprint of everything the Admin UI build depends on, so a start rebuilds only after a change. */
export function buildFingerprint(): string {
  const hash = createHash('sha256');
  // The Admin UI shows dates in the site's time zone, which the build writes into it.
  hash.update(process.env.TZ_SITE ?? '');
  const files = [
    path.join(projectRoot, 'keystone.ts'),
    path.join(projectRoot, 'package-lock.json'),
    ...['src', 'syndication', 'admin'].flatMap((dir) => sourceFiles(path.join(projectRoot, dir))),
  ].sort();
  for (const file of files) {
    if (!fs.existsSync(file)) continue;
    hash.update(path.relative(projectRoot, file)).update(fs.readFileSync(file));
  }
  return hash.digest('hex');
}

interface BuildStamp {
  fingerprint: string;
  ui: boolean;
  /** Engines whose Prisma client and bundle were built from this fingerprint. */
  providers: DatabaseProvider[];
}

function readStamp(): BuildStamp | null {
  try {
    const stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8')) as BuildStamp;
    return stamp.fingerprint === buildFingerprint() && Array.isArray(stamp.providers) ? stamp : null;
  } catch {
    return null;
  }
}

export function isBuildCurrent(withUi: boolean): boolean {
  const provider = databaseSettings().provider;
  const stamp = readStamp();
  const built = [
    '.keystone/config.js',
    prismaBundle(provider),
    `generated/prisma-${provider}/client.ts`,
    'generated/media-relationships.json',
  ].every((f) => fs.existsSync(path.join(projectRoot, f)));
  return Boolean(built && stamp?.providers.includes(provider) && (stamp.ui || !withUi));
}

/**
 * `keystone build`: schemas, Prisma client and (unless ui is false) the Admin UI. Before the Admin UI is
 * built, the Admin UI translation step (src/platform/admin-ui) makes Keystone's own interface text Chinese; it stops
 * the build, naming itself, when the installed Keystone is not the version it was made for.
 */
export async function build({ ui }: { ui: boolean }, adminUiPackages?: PackageLocator): Promise<void> {
  offlineToolEnvironment();
  const provider = databaseSettings().provider;
  if (ui) {
    const { siteTimeZone, translateAdminUi } = await import('../platform/admin-ui/index.js');
    process.env.NEXT_PUBLIC_GONGKAI_TIME_ZONE = siteTimeZone();
    translateAdminUi(adminUiPackages);
  }
  const { cli } = await import('@keystone-6/core/scripts/cli');
  await cli(projectRoot, ui ? ['build'] : ['build', '--no-ui']);
  keepPrismaBundle(provider);
  // The relationships to Media, read from the lists, for the publisher that runs without Keystone.
  const { openContext } = await import('./context.js');
  const { writeMediaRelationships } = await import('../platform/media/usage.js');
  const context = await openContext(databaseSettings());
  writeMediaRelationships(context);
  await context.prisma.$disconnect();
  // The Admin UI and the configuration bundle serve both engines; what was built for the other stays.
  const previous = readStamp();
  const providers = [...new Set([...(previous?.providers ?? []), provider])];
  fs.writeFileSync(
    stampFile,
    JSON.stringify({ fingerprint: buildFingerprint(), ui: ui || Boolean(previous?.ui), providers } satisfies BuildStamp),
  );
}

export async function ensureBuilt({ ui }: { ui: boolean }, log: (m: string) => void): Promise<void> {
  if (isBuildCurrent(ui)) return;
  // Only this engine's client is missing: the Admin UI built for the other engine serves it too.
  const uiBuilt = readStamp()?.ui ?? false;
  log(ui && !uiBuilt ? '正在构建管理后台（首次约需半分钟）…' : '正在生成数据库客户端…');
  // The build's own chatter (Keystone prints to stdout) is diagnostics: a command's output, such as its
  // --json, stays alone on stdout.
  // In a process of its own whose stdout is this one's stderr: the build's chatter (Keystone's and Prisma's
  // generator's) is diagnostics, and a command's output, such as its --json, stays alone on stdout.
  const run = spawnSync(process.execPath, [path.join(projectRoot, 'bin/gongkai.js'), 'build', ...(ui && !uiBuilt ? [] : ['--no-ui'])], {
    stdio: ['ignore', 2, 2],
    env: process.env,
  });
  if (run.status !== 0) throw new ConfigError('构建未完成，原因见上方输出；修正后重新运行即可。');
}
