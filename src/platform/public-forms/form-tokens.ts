import type { DatabaseContext } from '../db/prisma.js';
import { createHash } from 'node:crypto';

/*
 * issue 14 #13: a public-form token is accepted once. Its hash is stored under a unique key when a post
 * passes the guard; a second post of the same token, to this instance or another, finds the key taken.
 * Rows are kept until the token would have expired anyway, then deleted by the next post.
 */

/** True when `token` had not been used (and is now); false when it had. */
export async function useFormTokenOnce(
  context: DatabaseContext,
  form: string,
  token: string,
  expiresAt: Date,
  now = new Date(),
): Promise<boolean> {
  const rows = context.sudo().prisma.usedFormToken;
  await rows.deleteMany({ where: { expiresAt: { lt: now } } });
  const tokenHash = createHash('sha256').update(`${form}\n${token}`).digest('hex');
  try {
    await rows.create({ data: { tokenHash, form, expiresAt } });
    return true;
  } catch (error) {
    // P2002: the unique key is taken, by an earlier post of this token.
    if ((error as { code?: string }).code === 'P2002') return false;
    throw error;
  }
}
