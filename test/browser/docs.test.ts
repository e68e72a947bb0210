/**
 * /docs in a real headless Debian chromium against the real fleet: Swagger UI loads from the
 * project's own files (no request leaves the origin), lists the operations of /openapi.json,
 * and "Try it out" → "Execute" calls the fleet on the same origin.
 */
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, SHOTS } from '../helpers/browser.js';
import { startFleet, ROUVAI, type RunningFleet } from '../helpers/fleet-app.js';

let fleet: RunningFleet | undefined;
let browser: Browser | undefined;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium(); // first: a machine without chromium fails before a fleet starts
  fleet = await startFleet({ mk6: ROUVAI.filter((m) => m.id === 'ROU2') });
});

after(async () => {
  await browser?.close();
  await fleet?.stop();
});

it('Swagger UI at /docs lists the operations and "Try it out" calls the fleet', async () => {
  const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  const foreign: string[] = [];
  const origin = new URL(fleet!.url).origin;
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  await page.goto(`${fleet!.url}/docs`);
  await page.locator('.opblock').first().waitFor();
  assert.ok((await page.locator('.opblock').count()) >= 30, 'every operation is listed');
  const op = page.locator('[id^="operations-"][id$="-getTime"]'); // operations-<tag>-<operationId>
  await op.locator('.opblock-summary-control').click();
  // tryItOutEnabled: the operation opens ready to execute
  await op.locator('button.execute').click();
  const status = op.locator('.live-responses-table tr.response .response-col_status').first();
  await status.waitFor();
  assert.equal((await status.innerText()).trim(), '200');
  assert.match(await op.locator('.live-responses-table tr.response .response-col_description').first().innerText(), /"source"/);
  await page.screenshot({ path: join(SHOTS, 'docs-try-it-out.png') });
  assert.deepEqual(foreign, [], 'nothing is fetched from outside the fleet');
  assert.deepEqual(errors, []);
});
