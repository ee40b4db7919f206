import { createRequire } from 'node:module';
import type { KeystoneConfig } from '@keystone-6/core/types';
import type { Context, KeystoneTypes } from './prisma.js';
import * as artifacts from '@keystone-6/core/___internal-do-not-use-will-break-in-patch/artifacts';

/*
 * Keystone does not export how it prints its Prisma schema, and we need that schema for both
 * engines to write migrations. Its internal artifacts module does; it may change in any patch,
 * so it is used only for the exact Keystone version below, and the migration tests fail loudly
 * (with this message) on any other.
 */
export const keystoneVersionBuiltFor = '8.1.0';

export function assertKeystoneVersion(): void {
  const require = createRequire(import.meta.url);
  const { version } = require('@keystone-6/core/package.json') as { version: string };
  if (version !== keystoneVersionBuiltFor) {
    throw new Error(
      `gongkai 的迁移生成（src/platform/db/keystone-internals.ts）是为 @keystone-6/core ${keystoneVersionBuiltFor} 编写的，当前安装的是 ${version}：请核对 Keystone 的 artifacts 内部接口后更新 keystoneVersionBuiltFor`,
    );
  }
}

interface System {
  getPaths(cwd: string): { prismaGeneratorOutput: string };
}

const internals = artifacts as unknown as {
  createSystem(config: KeystoneConfig<KeystoneTypes>): System;
  buildArtifacts(cwd: string, system: System, prismaGeneratorOutput?: string): Promise<{ graphql: string; prisma: string }>;
};

/** The formatted Prisma schema Keystone makes from a configuration (the same text `keystone build` writes). */
export async function prismaSchemaFor(config: KeystoneConfig<KeystoneTypes>, cwd: string): Promise<string> {
  assertKeystoneVersion();
  const system = internals.createSystem(config);
  return (await internals.buildArtifacts(cwd, system, system.getPaths(cwd).prismaGeneratorOutput)).prisma;
}

const server = artifacts as unknown as {
  createExpressServer(
    config: KeystoneConfig<KeystoneTypes>,
    context: Context,
  ): Promise<{ expressServer: import('node:http').RequestListener; httpServer: import('node:http').Server }>;
};

/** Keystone's Express server (GraphQL API and our routes, without the Admin UI), for HTTP tests. */
export async function createApiServer(config: KeystoneConfig<KeystoneTypes>, context: Context) {
  assertKeystoneVersion();
  return server.createExpressServer(config, context);
}
