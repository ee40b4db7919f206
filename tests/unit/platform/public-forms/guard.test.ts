// clock-sensitive: also runs at each fixed today (tests/run-at-fixed-days.mjs).
import { describe, expect, test } from '@jest/globals';
import { checkFormGuard, honeypotField, issueFormToken, tokenField } from '../../../../src/platform/public-forms/guard.js';

const secret = 'x'.repeat(32);
const issuedAt = Date.UTC(2026, 10, 24, 2, 0, 0);
const post = (token: string, extra: Record<string, unknown> = {}) => ({ [tokenField]: token, [honeypotField]: '', ...extra });

describe('S11: bot protection of the public forms, without third-party services', () => {
  const token = issueFormToken('mailbox', secret, issuedAt);

  test('a person who took a minute to write is let through', () => {
    expect(checkFormGuard('mailbox', post(token), secret, issuedAt + 60_000)).toBeNull();
  });
  test('a post back within 3 seconds of the page is too fast for a person', () => {
    expect(checkFormGuard('mailbox', post(token), secret, issuedAt + 1_000)).toBe('tooFast');
  });
  test('a page older than four hours is stale', () => {
    expect(checkFormGuard('mailbox', post(token), secret, issuedAt + 4 * 3600_000 + 1)).toBe('expired');
  });
  test('trust #13: two forms opened in the same millisecond get different tokens (each is used up on its own)', () => {
    expect(issueFormToken('mailbox', secret, issuedAt)).not.toBe(issueFormToken('mailbox', secret, issuedAt));
    expect(checkFormGuard('mailbox', post(issueFormToken('mailbox', secret, issuedAt)), secret, issuedAt + 60_000)).toBeNull();
  });
  test('a filled honeypot marks a bot', () => {
    expect(checkFormGuard('mailbox', post(token, { [honeypotField]: 'http://spam.example' }), secret, issuedAt + 60_000)).toBe('honeypot');
  });
  test('a post without a token, with a token of another form, secret or time is refused', () => {
    expect(checkFormGuard('mailbox', {}, secret, issuedAt + 60_000)).toBe('missingToken');
    expect(checkFormGuard('consultation', post(token), secret, issuedAt + 60_000)).toBe('forgedToken');
    expect(checkFormGuard('mailbox', post(token), 'y'.repeat(32), issuedAt + 60_000)).toBe('forgedToken');
    const [, nonce, signature] = token.split('.');
    expect(checkFormGuard('mailbox', post(`${issuedAt - 3600_000}.${nonce}.${signature}`), secret, issuedAt + 60_000)).toBe('forgedToken');
    expect(checkFormGuard('mailbox', post(`${issuedAt}.${'A'.repeat(12)}.${signature}`), secret, issuedAt + 60_000)).toBe('forgedToken');
    expect(checkFormGuard('mailbox', post(['a', 'b'] as unknown as string), secret, issuedAt + 60_000)).toBe('missingToken');
  });
});
