import type { Context } from '../platform/db/prisma.js';
import { createFirstAdmin, firstAdminFromEnv } from '../platform/accounts/first-admin.js';
import { rebuildPublicText } from '../platform/content/search-index.js';
import { listenPort, startDemoVariable } from '../platform/config/env.js';
import { isEmpty, seedDemo } from './demo.js';

/*
 * What `gongkai start` does once the server's database is connected, before it listens: in the server's own
 * (built) code and over its own context, so a start loads and compiles the application once, not twice.
 */

const say = (message: string) => console.log(`gongkai: ${message}`);

export async function startUp(context: Context, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const admin = firstAdminFromEnv(env);
  if (admin && (await createFirstAdmin(context, admin))) say(`已创建系统管理员 ${admin.username}`);
  // N15: public text stored before today's masking rules is brought up to them (issue 14 #11).
  const { documents, interpretations } = await rebuildPublicText(context);
  if (documents + interpretations) say(`已按脱敏规则重建公开文本与检索文本：文件 ${documents} 件，解读 ${interpretations} 件`);
  if (env[startDemoVariable] !== 'off') await seedDemoSaying(context, { onlyIfEmpty: true }, env);
}

/** Seeds the demo (`gongkai seed --demo`, or an empty database at start) and says what it made. */
export async function seedDemoSaying(
  context: Context,
  { onlyIfEmpty }: { onlyIfEmpty: boolean },
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  if (onlyIfEmpty && !(await isEmpty(context))) return;
  const { created } = await seedDemo(context, { baseUrl: env.PUBLIC_BASE_URL ?? `http://localhost:${listenPort(env)}` });
  const total = Object.values(created).reduce((a, b) => a + b, 0);
  say(
    total
      ? `已导入演示数据：${Object.entries(created)
          .map(([k, n]) => `${k} ${n}`)
          .join('，')}`
      : '演示数据已存在，未作改动',
  );
}
