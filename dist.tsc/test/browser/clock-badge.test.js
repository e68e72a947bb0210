import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { launchChromium, testPage } from "../helpers/browser.js";
import { call, ROUVAI, startFleet } from "../helpers/fleet-app.js";
const BADGE = (id) => `[data-testid=mk6-card][data-mk6="${id}"] [data-testid=clock-skew]`;
let fleet;
let browser;
let page;
const pageErrors = [];
before(async () => {
  browser = await launchChromium();
  fleet = await startFleet({ mk6: ROUVAI.map((m) => m.id === "VAI" ? { ...m, clock: { offset: "+90s" } } : m) });
  page = await testPage(browser, pageErrors);
});
after(async () => {
  await browser?.close();
  await fleet?.stop();
});
it("a badge with the offset (and drift) on the card of an MK6 running its own clock, none on the others", async () => {
  await page.goto(`${fleet.url}/supervision`);
  await page.locator(BADGE("VAI")).waitFor();
  const lang = await page.evaluate("document.documentElement.lang");
  assert.equal((await page.textContent(BADGE("VAI")))?.replace(/\s/g, " "), new Intl.NumberFormat(lang === "en" ? "en" : "fr", { style: "unit", unit: "second", unitDisplay: "short", signDisplay: "always" }).format(90).replace(/\s/g, " "));
  assert.equal(await page.locator(BADGE("ROU2")).isHidden(), true);
  assert.equal((await call(fleet.url, "POST", "/mock/mk6/ROU2/clock", { offset: "-2m", drift_ppm: 200 })).status, 200);
  await page.locator(BADGE("ROU2"), { hasText: "ppm" }).waitFor();
  assert.match(await page.textContent(BADGE("ROU2")) ?? "", /^-2\s?min · \+200 ppm$/);
  assert.equal((await call(fleet.url, "DELETE", "/mock/mk6/ROU2/clock")).status, 200);
  await page.locator(BADGE("ROU2")).waitFor({ state: "hidden" });
  assert.deepEqual(pageErrors, []);
});
