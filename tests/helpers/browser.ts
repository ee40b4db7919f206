import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from '@jest/globals';
import { chromium, type Browser } from 'playwright-core';
import { projectRoot } from '../../src/config/env.js';
import { startService, type RunningService } from './service.js';

/** Debian's Chromium, headless, kept off the network it cannot reach. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
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
