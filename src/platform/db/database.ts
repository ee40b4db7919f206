import path from 'node:path';
import { projectRoot, type DatabaseSettings } from '../config/env.js';
import { createAdapterFactory } from './adapter.js';
import type { DatabaseContext, PrismaClient } from './prisma.js';

/**
 * The generated Prisma client over the configured database, without Keystone: for a process that only
 * reads and writes rows (`gongkai syndicate`), which then holds neither Keystone's lists and GraphQL
 * schemas nor its context. The client is made as Keystone makes it (same generated client, same driver
 * adapter; ids are the schema's own cuid defaults), so both write the same rows.
 */
export async function openDatabase(db: DatabaseSettings): Promise<DatabaseContext> {
  const prismaModule = (await import(path.join(projectRoot, `generated/prisma-${db.provider}/client.ts`))) as {
    PrismaClient: new (options: { adapter: ReturnType<typeof createAdapterFactory> }) => PrismaClient;
  };
  const prisma = new prismaModule.PrismaClient({ adapter: createAdapterFactory(db) });
  // Without Keystone's access control there is nothing to lift: sudo() is the context itself.
  const context: DatabaseContext = { prisma, sudo: () => context };
  return context;
}

export async function closeDatabase(context: DatabaseContext): Promise<void> {
  await context.prisma.$disconnect();
}
