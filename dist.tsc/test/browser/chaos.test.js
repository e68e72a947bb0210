import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { launchChromium, seriousAxe, testPage } from "../helpers/browser.js";
import { call, startFleet } from "../helpers/fleet-app.js";
let fleet;
let browser;
let page;
const pageErrors = [];
before(async () => {
  browser = await launchChromium();
  fleet = await startFleet();
  page = await testPage(browser, pageErrors);
});
after(async () => {
  await browser?.close();
  await fleet?.stop();
});
describe("chaos from the page", () => {
  it("starts a seeded day as the timeline, and the verdict panel shows its coverage", async () => {
    await page.goto(`${fleet.url}/supervision`);
    await page.click("[data-testid=timeline] summary");
    await page.fill("[data-testid=chaos-seed]", "7");
    await page.selectOption("[data-testid=chaos-intensity]", "medium");
    await page.click("[data-testid=chaos-start]");
    await page.waitForFunction("document.querySelectorAll('[data-testid=timeline-event]').length > 10");
    const loaded = (await call(fleet.url, "GET", "/mock/timeline")).body;
    assert.match(loaded.source, /^mk6-fleet chaos --seed 7 .* --intensity medium /);
    assert.equal(await page.locator("[data-testid=timeline-event]").count(), loaded.count);
    const first = (await call(fleet.url, "GET", "/mock/timeline")).body.events[0];
    assert.equal((await call(fleet.url, "POST", "/mock/time", { now: first.at })).status, 200);
    await page.click("[data-testid=verdicts] summary");
    await page.fill("[data-testid=verdict-text]", "name: chaos\nchecks:\n  - { id: w, kind: no_errors }\n");
    await page.click("[data-testid=verdict-run]");
    const table = page.locator(`[data-testid=verdict-coverage] tr[data-mk6="${first.mk6}"]`);
    await table.waitFor();
    assert.match(await page.textContent("[data-testid=verdict-coverage] caption") ?? "", /Couverture des fautes/);
    await page.click("[data-testid=lang-en]");
    assert.equal(await page.textContent("[data-testid=chaos-start]"), "Start");
    assert.equal(await page.textContent("[data-testid=verdict-coverage] caption"), "Fault coverage (times the day exercised each kind)");
    assert.deepEqual(await seriousAxe(page, "[data-testid=timeline]"), []);
    assert.deepEqual(pageErrors, []);
  });
});
