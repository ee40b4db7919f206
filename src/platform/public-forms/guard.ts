import type { DatabaseContext } from '../db/prisma.js';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { useFormTokenOnce } from './form-tokens.js';

/*
 * Bot protection for the public forms without any third-party service (S11, N5): every form carries
 * a signed, timestamped token and a honeypot field. A post is refused when the token is missing,
 * forged or for another form, when it comes back faster than a person could type (bots post at once)
 * or after the page went stale, and when the honeypot, hidden from people and screen readers, is
 * filled. A token is accepted once, across instances (issue 14 #13): a replayed post is refused with
 * the form and everything typed given back. Together with the per-address rate limit this stops scripted floods; nothing asks a citizen
 * to solve a puzzle, so the forms stay usable for the elderly and with assistive technology (N16).
 */

export const tokenField = 'form_token';
/** A field no person sees (hidden by CSS, aria-hidden, skipped by the keyboard): only bots fill it. */
export const honeypotField = 'homepage';

export interface GuardTiming {
  /** A person needs longer than this to fill in a form. */
  minFillMs: number;
  /** A form older than this is stale: reload the page. */
  maxAgeMs: number;
}

export const defaultGuardTiming: GuardTiming = { minFillMs: 3_000, maxAgeMs: 4 * 3600_000 };

const sign = (secret: string, form: string, issuedAt: number, nonce: string) =>
  createHmac('sha256', secret).update(`gongkai-form\n${form}\n${issuedAt}\n${nonce}`).digest('base64url');

/**
 * The token a form page embeds for `form` (e.g. `mailbox`), issued now. Its random part keeps two visitors who
 * open the form in the same millisecond from sharing one token, which would make the second post a "replay".
 */
export function issueFormToken(form: string, secret: string, now = Date.now()): string {
  const nonce = randomBytes(9).toString('base64url');
  return `${now}.${nonce}.${sign(secret, form, now, nonce)}`;
}

export type GuardFailure = 'missingToken' | 'forgedToken' | 'tooFast' | 'expired' | 'honeypot' | 'reused';

export const guardFailureMessages: Readonly<Record<GuardFailure, string>> = {
  missingToken: '表单已失效，请刷新页面后重新填写提交。',
  forgedToken: '表单已失效，请刷新页面后重新填写提交。',
  tooFast: '提交过快，请确认填写内容后再提交。',
  expired: '页面停留时间过长，表单已过期，请刷新页面后重新提交（已填写的内容已保留）。',
  honeypot: '提交未通过校验，请刷新页面后重新填写。',
  reused: '此页面的表单已经提交过，不能重复提交。如果您已看到提交成功的页面，无需再次提交；否则请核对下方已保留的内容后重新提交。',
};

/** Why a posted form is refused as automated, or null when it looks like a person's. */
export function checkFormGuard(
  form: string,
  body: Record<string, unknown>,
  secret: string,
  now = Date.now(),
  timing: GuardTiming = defaultGuardTiming,
): GuardFailure | null {
  const honey = body[honeypotField];
  if (honey !== undefined && honey !== '') return 'honeypot';
  const token = body[tokenField];
  if (typeof token !== 'string' || !token) return 'missingToken';
  const match = /^(\d{10,16})\.([\w-]{12})\.([\w-]{43})$/.exec(token);
  if (!match) return 'forgedToken';
  const issuedAt = Number(match[1]);
  const expected = Buffer.from(sign(secret, form, issuedAt, match[2]));
  const given = Buffer.from(match[3]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'forgedToken';
  if (now - issuedAt < timing.minFillMs) return 'tooFast';
  if (now - issuedAt > timing.maxAgeMs) return 'expired';
  return null;
}

/**
 * The whole guard of a post: `checkFormGuard`, then the token is used up (issue 14 #13), so the same
 * token posted again, to any instance, is refused as `reused`.
 */
export async function checkFormPost(
  context: DatabaseContext,
  form: string,
  body: Record<string, unknown>,
  secret: string,
  now = Date.now(),
  timing: GuardTiming = defaultGuardTiming,
): Promise<GuardFailure | null> {
  const failure = checkFormGuard(form, body, secret, now, timing);
  if (failure) return failure;
  const token = body[tokenField] as string;
  const issuedAt = Number(token.slice(0, token.indexOf('.')));
  return (await useFormTokenOnce(context, form, token, new Date(issuedAt + timing.maxAgeMs), new Date(now))) ? null : 'reused';
}
