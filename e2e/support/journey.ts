import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { startServer, type RunningServer } from './server';

/** The longest one step on a page (a click, a wait for a text) may take before the journey fails. */
export const PAGE_WAIT_LIMIT_MS = 90_000;

export interface Journey {
  server: RunningServer;
  browser: Browser;
  page: Page;
  /** Uncaught errors of the page; journeys assert it stays empty. */
  pageErrors: string[];
}

/**
 * Registers the hooks every browser journey needs — the real server on a fresh database, Debian's Chromium, an
 * Italian 1280×900 page that records uncaught errors — and returns them, filled in once `beforeAll` has run.
 */
export function setUpJourney(options: { serverEnv?: Record<string, string> } = {}): Journey {
  const journey = { pageErrors: [] as string[] } as Journey;
  beforeAll(async () => {
    journey.server = await startServer({ env: options.serverEnv });
    journey.browser = await launchBrowser();
    const context = await journey.browser.newContext({ locale: 'it-IT', viewport: { width: 1280, height: 900 } });
    // A ceiling for each wait on the page, not a wait: Playwright's 30 s default was too short on a loaded machine
    // (a full suite on both databases at once), where one answer of the embedded database can take longer.
    context.setDefaultTimeout(PAGE_WAIT_LIMIT_MS);
    journey.page = await context.newPage();
    journey.page.on('pageerror', (error) => journey.pageErrors.push(error.message));
  });
  afterAll(async () => {
    await journey.browser?.close();
    await journey.server?.stop();
  });
  return journey;
}
