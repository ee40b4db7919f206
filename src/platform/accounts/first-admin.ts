import type { Context } from '../db/prisma.js';

export interface NewAdmin {
  name: string;
  username: string;
  password: string;
}

export async function hasUsers(context: Context): Promise<boolean> {
  return (await context.sudo().db.User.count()) > 0;
}

/** What is wrong with a new admin's details, in Chinese (empty when they are fine). */
export function checkNewAdmin(admin: NewAdmin): string[] {
  const problems: string[] = [];
  if (!admin.name.trim()) problems.push('请填写姓名');
  if (!/^[a-zA-Z0-9_.-]{3,40}$/.test(admin.username)) problems.push('登录名为 3–40 位字母、数字、下划线、点或连字符');
  if (admin.password.length < 8) problems.push('密码至少 8 位');
  return problems;
}

/**
 * Creates the first system admin, only while there is no user at all: after that, accounts are
 * managed in the Admin UI. Returns false when users already exist.
 */
export async function createFirstAdmin(context: Context, admin: NewAdmin): Promise<boolean> {
  if (await hasUsers(context)) return false;
  await context.sudo().db.User.createOne({ data: { ...admin, role: 'admin', isActive: true } });
  return true;
}

/** GONGKAI_ADMIN_USERNAME / GONGKAI_ADMIN_PASSWORD (and optionally GONGKAI_ADMIN_NAME) on an empty database. */
export function firstAdminFromEnv(env: NodeJS.ProcessEnv = process.env): NewAdmin | null {
  const username = env.GONGKAI_ADMIN_USERNAME?.trim();
  const password = env.GONGKAI_ADMIN_PASSWORD;
  if (!username || !password) return null;
  return { username, password, name: env.GONGKAI_ADMIN_NAME?.trim() || '系统管理员' };
}
