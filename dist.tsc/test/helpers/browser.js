import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
const CHROMIUM = "/usr/bin/chromium";
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
async function launchChromium() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: the page tests need Debian chromium (apt-get install -y chromium). Not skipped on purpose.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
  });
}
async function axe(page, selector) {
  if (!await page.evaluate(() => "axe" in globalThis)) await page.addScriptTag({ path: AXE });
  return page.evaluate(async (sel) => {
    const a = globalThis.axe;
    const result = await a.run(sel ? { include: [sel] } : globalThis.document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
  }, selector ?? null);
}
async function seriousAxe(page, selector) {
  return (await axe(page, selector)).filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.impact} ${v.id}: ${v.help} \u2014 ${v.nodes.join(" | ")}`);
}
async function testPage(browser, errors, timeoutMs = 2e4, locale = "fr-FR") {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale });
  page.setDefaultTimeout(timeoutMs);
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("dialog", (d) => void d.accept());
  return page;
}
export {
  CHROMIUM,
  axe,
  launchChromium,
  seriousAxe,
  testPage
};
