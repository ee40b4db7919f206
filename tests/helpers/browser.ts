import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, jest } from '@jest/globals';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { demoPassword } from '../../src/app/demo.js';
import { projectRoot } from '../../src/platform/config/env.js';
import { startService, type RunningService } from './service.js';

/**
 * For a browser test file: a failed test is run once more, with the first failure printed. The Admin UI
 * renders again as its data arrives, and on a busy two-core machine an element found a moment ago can be
 * replaced before the click (each such case seen is also handled where it was seen); a failure that is
 * real fails twice.
 */
export function retryBrowserTests(): void {
  jest.retryTimes(1, { logErrorsBeforeRetry: true });
}

/**
 * Debian's Chromium, headless, kept off the network it cannot reach. Its headless shell (Debian's package
 * chromium-headless-shell, the same engine) spares the CPU that `chromium --headless` spends on browser
 * window machinery no test sees: on two cores the browser tests are bound by it.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Where screenshots go, to be looked at after a run. */
export function artifactPath(name: string): string {
  const dir = path.join(projectRoot, 'test-artifacts');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

/** For an end-to-end test file: `gongkai start` on a fresh database, and Chromium. */
export function serviceAndBrowser() {
  // A browser test drives pages a person would: on a two-core machine running two test files at once,
  // Jest's minute is too short for many of them.
  jest.setTimeout(180_000);
  retryBrowserTests();
  const state = {} as { service: RunningService; browser: Browser };
  beforeAll(async () => {
    state.service = await startService();
    state.browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await state.browser?.close();
    await state.service?.stop();
  });
  return state;
}

type ServiceAndBrowser = ReturnType<typeof serviceAndBrowser>;

/** A demo user signed in to the Admin UI in a browser window of this width (a phone's height below 800 px). */
export async function signedInAt(
  running: ServiceAndBrowser,
  width: number,
  username: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await running.browser.newContext({ viewport: { width, height: width > 800 ? 900 : 800 } });
  const page = await context.newPage();
  await signInThroughApi(page, running.service.url, username);
  return { context, page };
}

/**
 * Signs a demo user in for the page's browser context through the API the sign-in page itself calls: the
 * session cookie lands in the context. The sign-in page is walked in tests/e2e/admin-sign-in.test.ts; the
 * other browser tests start from a signed-in window without loading it (and the Admin UI behind it) each time.
 */
export async function signInThroughApi(page: Page, base: string, username: string): Promise<void> {
  await page.context().clearCookies();
  const response = await page.request.post(`${base}/api/graphql`, {
    data: {
      query:
        'mutation($username: String!, $password: String!) { authenticateUserWithPassword(username: $username, password: $password) { __typename } }',
      variables: { username, password: demoPassword },
    },
    headers: { connection: 'close' },
  });
  const body = (await response.json()) as { data?: { authenticateUserWithPassword?: { __typename: string } } };
  if (body.data?.authenticateUserWithPassword?.__typename !== 'UserAuthenticationWithPasswordSuccess')
    throw new Error(`${username} 未能登录：${JSON.stringify(body)}`);
}

/** A GraphQL request as the user signed in on this page; its errors thrown. */
export async function graphqlAs<T>(
  running: ServiceAndBrowser,
  page: Page,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await page.request.post(`${running.service.url}/api/graphql`, {
    data: { query, variables },
    headers: { connection: 'close' },
  });
  const body = (await response.json()) as { data: T; errors?: { message: string }[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** N16: axe-core's WCAG 2.1 A/AA checks on the page; the serious and critical violations, with where they are. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the browser's debugging protocol, so the page's CSP (no inline script) still holds.
  await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
