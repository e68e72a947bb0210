/**
 * What the browser tests share: Debian chromium launched headless (missing chromium fails,
 * never skips), a file's chromium + in-process fleet + test page set up and torn down
 * (`pageAndFleet`), and axe-core injected into the page from the dev dependency (the product
 * does not serve it).
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.js';
import { startFleet, type FleetDef, type RunningFleet } from './fleet-app.js';
import { packageRoot } from '../../src/shared/package-root.js';

/** Where the browser tests save their screenshots (git-ignored). */
export const SHOTS = join(packageRoot(import.meta.url), 'test-artifacts/screenshots');
export { CHROMIUM, launchChromium } from './chromium.js';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** axe-core on the page as it is now (or on `selector`): every violation, with its impact. */
export async function axe(page: Page, selector?: string): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async (sel) => {
    const a = (globalThis as any).axe;
    const result = await a.run(sel ? { include: [sel] } : (globalThis as any).document, { resultTypes: ['violations'] });
    return result.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n: any) => n.target.join(' ')) }));
  }, selector ?? null);
}

/** The serious and critical ones, as a readable list (empty: none). */
export async function seriousAxe(page: Page, selector?: string): Promise<string[]> {
  return (await axe(page, selector))
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.join(' | ')}`);
}

/**
 * A 1280×800 page that keeps the page's uncaught errors in `errors` and accepts every confirm (a reset asks one).
 * `locale`: the browser's language (the page's default language follows it); French unless told.
 */
export async function testPage(browser: Browser, errors: string[], timeoutMs = 20_000, locale = 'fr-FR'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale });
  page.setDefaultTimeout(timeoutMs);
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => void d.accept());
  return page;
}

export interface PageAndFleet {
  readonly browser: Browser;
  readonly fleet: RunningFleet;
  /** A test page (`testPage`: French, 20 s timeouts, every confirm accepted). */
  readonly page: Page;
  /** The page's uncaught errors. */
  readonly errors: string[];
}

/**
 * One test file's chromium, fleet (in process, `def` or the default one) and test page (unless
 * `openPage` is false: the file opens its own): started in `before` (chromium first: a machine
 * without it fails before a fleet starts), closed and stopped in `after` whatever happened.
 * Read them once the tests run.
 */
export function pageAndFleet(def?: FleetDef, { openPage = true } = {}): PageAndFleet {
  let browser: Browser | undefined;
  let fleet: RunningFleet | undefined;
  let page: Page | undefined;
  const errors: string[] = [];
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
    fleet = await startFleet(def);
    if (openPage) page = await testPage(browser, errors);
  });
  after(async () => {
    await browser?.close();
    await fleet?.stop();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} did not start (see the before hook's failure)`);
    return value;
  };
  return {
    get browser() {
      return started(browser, 'chromium');
    },
    get fleet() {
      return started(fleet, 'the fleet');
    },
    get page() {
      return started(page, 'the page');
    },
    errors,
  };
}
