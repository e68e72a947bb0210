import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { call, eventually, scaleFleet, startFleet } from "../helpers/fleet-app.js";
import { launchChromium, seriousAxe } from "../helpers/browser.js";
const SHOTS = join(resolve(dirname(fileURLToPath(import.meta.url)), "../../.."), "test-artifacts/screenshots");
const N = Number(process.env.MK6_PAGE_FLEET_SIZE) > 0 ? Number(process.env.MK6_PAGE_FLEET_SIZE) : 60;
const SEARCHED = Math.ceil(N * 0.55);
const OPENED = `M${Math.ceil(N * 0.8)}`;
const LAST = `M${N}`;
const FIRST_RENDER_MAX_MS = 5e3;
const SEARCH_MAX_MS = 1e3;
let fleet;
let browser;
let page;
let workerPids = [];
const requests = [];
const alive = (pid) => {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
before(async () => {
  browser = await launchChromium();
  fleet = await startFleet({ name: `page${N}`, mk6: scaleFleet(N) }, { timeoutMs: 24e4, stopTimeoutMs: 9e4 });
  const inv = await call(fleet.url, "GET", "/mock/mk6");
  workerPids = inv.body.mk6.map((m) => m.process.pid).filter((p) => typeof p === "number" && p > 0);
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(3e4);
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
}, { timeout: 3e5 });
after(async () => {
  await browser?.close();
  await fleet?.stop();
  await eventually(async () => workerPids.some(alive) ? void 0 : true, 6e4, "workers to exit").catch(() => {
  });
  const left = workerPids.filter(alive);
  for (const pid of left) process.kill(pid, "SIGKILL");
  if (left.length) console.log(`# ${left.length} workers still up after the fleet stopped: SIGKILLed`);
});
describe(`the page on a fleet of ${N} MK6`, () => {
  it("renders the overview quickly, only the rows in view, and searches quickly", async () => {
    assert.equal(workerPids.length, N, "every worker up");
    const t0 = Date.now();
    await page.goto(`${fleet.url}/supervision`);
    await page.waitForFunction(`document.querySelector('[data-testid=fleet-count]')?.textContent === '${N} MK6' && document.querySelectorAll('[data-testid=overview-row]').length > 0`);
    const firstRender = Date.now() - t0;
    const mark = await page.evaluate(() => Math.round(globalThis.performance.getEntriesByName("mk6:overview-rendered")[0]?.startTime ?? NaN));
    await page.waitForFunction(`performance.getEntriesByName('mk6:inventory').length > 0`);
    const inventoryMs = await page.evaluate(() => Math.round(globalThis.performance.getEntriesByName("mk6:inventory")[0].startTime));
    const inDom = await page.locator("[data-testid=overview-row]").count();
    assert.ok(inDom < 80, `virtualised: ${inDom} rows in the DOM for ${N}`);
    assert.equal(await page.locator("[data-testid=mk6-card]").count(), 0, "no card until one is opened");
    const search = await page.evaluate((k) => new Promise((done) => {
      const doc = globalThis.document;
      const input = doc.querySelector("[data-testid=search]");
      const t = performance.now();
      input.value = `S${k}`;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      const check = () => {
        const rows = doc.querySelectorAll("[data-testid=overview-row]");
        if (rows.length === 1 && rows[0].dataset.mk6 === `M${k}`) done(Math.round(performance.now() - t));
        else globalThis.requestAnimationFrame(check);
      };
      check();
    }), SEARCHED);
    console.log(`# ${N} MK6: overview first render ${mark} ms after navigation start (${firstRender} ms after goto; rows from the stream first, the inventory's status ${inventoryMs} ms after navigation start), search filtered in ${search} ms (debounce 120 ms included), ${inDom} rows in the DOM`);
    assert.ok(mark < FIRST_RENDER_MAX_MS, `first render ${mark} ms`);
    assert.ok(search < SEARCH_MAX_MS, `search ${search} ms`);
    await page.fill("[data-testid=search]", "");
    await page.waitForFunction(`document.querySelector('[data-testid=fleet-count]')?.textContent === '${N} MK6'`);
    await page.locator("[data-testid=overview-scroll]").evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await page.locator(`[data-testid=overview-row][data-mk6="${LAST}"]`).waitFor();
    assert.deepEqual(await seriousAxe(page), [], `axe: the ${N}-MK6 page`);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `30-fleet-${N}.png`) });
  });
  it("polls the same whatever the fleet: one inventory call a period, no state nor history call until a card is opened", async () => {
    await page.locator(`[data-testid=overview-row][data-mk6="${LAST}"] [data-testid=overview-consigne][data-value="10000"]`).waitFor({ timeout: 9e4 });
    requests.length = 0;
    const t0 = Date.now();
    await eventually(async () => requests.filter((p) => p === "/supervision/api/inventory").length >= 2 ? true : void 0, 2e4, "two inventory polls");
    const seconds = (Date.now() - t0) / 1e3;
    const inventory = requests.filter((p) => p === "/supervision/api/inventory").length;
    const perMk6 = requests.filter((p) => /^\/supervision\/api\/mk6\/[^/]+\/(state|history)$/.test(p));
    assert.deepEqual(perMk6, [], "no per-MK6 call for a closed card");
    const byPath = Object.entries(requests.reduce((n, p) => (n[p] = (n[p] ?? 0) + 1, n), {}));
    console.log(`# ${N} MK6: ${requests.length} calls in ${seconds.toFixed(1)} s: ${byPath.map(([p, n]) => `${p} \xD7${n}`).join(", ")}`);
    assert.ok(inventory <= Math.ceil(seconds / 5) + 1, `${inventory} inventory calls in ${seconds.toFixed(1)} s`);
    assert.ok(requests.length <= 4 * Math.ceil(seconds), `${requests.length} calls in ${seconds.toFixed(1)} s`);
    await page.fill("[data-testid=search]", OPENED);
    await page.waitForFunction(`document.querySelectorAll('[data-testid=overview-row]').length === 1`);
    requests.length = 0;
    await page.click(`[data-testid=overview-open][data-open="${OPENED}"]`);
    await page.locator(`[data-testid=mk6-card][data-mk6="${OPENED}"][data-expanded="true"]`).waitFor();
    await page.locator(`[data-testid=site][data-mk6="${OPENED}"] [data-testid=site-chart][data-points]`).waitFor({ state: "attached" });
    await page.screenshot({ path: join(SHOTS, `31-fleet-${N}-card.png`) });
    const opened = requests.filter((p) => /^\/supervision\/api\/mk6\/[^/]+\/(state|history)$/.test(p));
    assert.ok(opened.length > 0 && opened.every((p) => p.startsWith(`/supervision/api/mk6/${OPENED}/`)), `only the opened card is read: ${opened.join(", ")}`);
  });
});
