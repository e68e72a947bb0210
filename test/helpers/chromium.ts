/**
 * Debian chromium for the browser tests, headless with the guide's flags; missing chromium fails,
 * never skips. Kept apart from browser.ts so that run-suites can start the run's shared chromium
 * without loading a fleet.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserServer } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
/** The flags every test chromium runs with (the guide's four, and no background chatter). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/**
 * Set by `npm test` (run-suites) to the websocket of the one chromium it started for every
 * browser file: a file then connects instead of launching its own (together about 3 cpu-s a run).
 * Each file still works in its own context; `close()` drops them and disconnects.
 */
export const SHARED_CHROMIUM_ENV = 'MK6_TEST_CHROMIUM_WS';

function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: the page tests need Debian chromium (apt-get install -y chromium). Not skipped on purpose.`);
  }
}

/** The run's shared chromium when there is one, else one of the test file's own. */
export async function launchChromium(): Promise<Browser> {
  requireChromium();
  const shared = process.env[SHARED_CHROMIUM_ENV];
  if (shared) return chromium.connect(shared);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A chromium server for the whole run (run-suites): its files connect to `wsEndpoint()`. */
export async function launchChromiumServer(): Promise<BrowserServer> {
  requireChromium();
  return chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
