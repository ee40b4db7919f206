import { randomInt } from 'node:crypto';

/*
 * 查询码: what a citizen keeps after a public form (a letter, a request for disclosure, a comment on a
 * consultation) to look up its progress. One style for every form: 12 characters in three groups, e.g.
 * K7M2-9QXD-4HTA, about 59 bits (not guessable), from an alphabet without look-alikes (no 0/O, 1/I/L),
 * since the code is copied by hand. A code is looked up by a form post, never put in a URL: a URL is kept
 * in browser histories, access logs and the Referer of the next page.
 */

const codeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A new query code; `random` is for tests. */
export function newQueryCode(random: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < 12; i++) code += codeAlphabet[random(codeAlphabet.length)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** A typed code as stored (upper case, dashes between groups; spaces and dashes as typed are ignored), or null. */
export function normalizeQueryCode(typed: unknown): string | null {
  if (typeof typed !== 'string' || typed.length > 30) return null;
  const plain = typed.toUpperCase().replace(/[\s-]/g, '');
  if (plain.length !== 12 || [...plain].some((c) => !codeAlphabet.includes(c))) return null;
  return `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}`;
}

/** How a code is written, for the hint next to a look-up form. */
export const queryCodeExample = 'K7M2-9QXD-4HTA';
