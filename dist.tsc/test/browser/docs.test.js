import { after, before, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startFleet, ROUVAI } from "../helpers/fleet-app.js";
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const SHOTS = join(ROOT, "test-artifacts/screenshots");
const CHROMIUM = "/usr/bin/chromium";
let fleet;
let browser;
before(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install -y chromium). Not skipped on purpose.`);
  mkdirSync(SHOTS, { recursive: true });
  fleet = await startFleet({ mk6: ROUVAI.filter((m) => m.id === "ROU2") });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
  });
});
after(async () => {
  await browser?.close();
  await fleet?.stop();
});
it('Swagger UI at /docs lists the operations and "Try it out" calls the fleet', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(2e4);
  const errors = [];
  const foreign = [];
  const origin = new URL(fleet.url).origin;
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("request", (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith("data:")) foreign.push(r.url());
  });
  await page.goto(`${fleet.url}/docs`);
  await page.locator(".opblock").first().waitFor();
  assert.ok(await page.locator(".opblock").count() >= 30, "every operation is listed");
  const op = page.locator('[id^="operations-"][id$="-getTime"]');
  await op.locator(".opblock-summary-control").click();
  await op.locator("button.execute").click();
  const status = op.locator(".live-responses-table tr.response .response-col_status").first();
  await status.waitFor();
  assert.equal((await status.innerText()).trim(), "200");
  assert.match(await op.locator(".live-responses-table tr.response .response-col_description").first().innerText(), /"source"/);
  await page.screenshot({ path: join(SHOTS, "docs-try-it-out.png") });
  assert.deepEqual(foreign, [], "nothing is fetched from outside the fleet");
  assert.deepEqual(errors, []);
});
