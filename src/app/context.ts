import type { Context } from '../platform/db/prisma.js';
import path from 'node:path';
import { getContext } from '@keystone-6/core/context';
import { projectRoot, type DatabaseSettings } from '../platform/config/env.js';
import { createConfig } from './keystone-config.js';
import { pageCacheFor } from '../platform/page-cache/cache.js';
import { stopSharingInvalidations } from '../platform/page-cache/cache-bus.js';

/** A Keystone context over the generated Prisma client, for the CLI (seed, jobs) and the tests. */
export async function openContext(db: DatabaseSettings): Promise<Context> {
  const prismaModule = await import(path.join(projectRoot, `generated/prisma-${db.provider}/client.ts`));
  return getContext(createConfig(db), prismaModule);
}

export async function closeContext(context: Context): Promise<void> {
  await stopSharingInvalidations(pageCacheFor(context));
  await context.prisma.$disconnect();
}
