import { createHmac, timingSafeEqual } from 'node:crypto';
import { sessionSecret } from '../platform/config/env.js';

/*
 * Signed, expiring preview links: a reviewer or leader can open an unpublished document as it will
 * look, and send the link to a colleague, without it ever becoming public. The signature covers the
 * item and the expiry; a changed id or a late visit is refused.
 */

export const previewValidHours = 24;

function sign(id: string, expires: number, secret: string): string {
  return createHmac('sha256', secret).update(`preview:Document:${id}:${expires}`).digest('base64url');
}

export function previewPath(id: string, now = new Date(), secret = sessionSecret()): string {
  const expires = Math.floor(now.getTime() / 1000) + previewValidHours * 3600;
  return `/preview/documents/${encodeURIComponent(id)}?expires=${expires}&signature=${sign(id, expires, secret)}`;
}

export function previewIsValid(id: string, expires: string, signature: string, now = new Date(), secret = sessionSecret()): boolean {
  const at = Number(expires);
  if (!Number.isInteger(at) || at * 1000 < now.getTime()) return false;
  const expected = Buffer.from(sign(id, at, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
