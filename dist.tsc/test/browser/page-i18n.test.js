import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium, seriousAxe, testPage } from "../helpers/browser.js";
import { startFleet } from "../helpers/fleet-app.js";
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const SHOTS = join(ROOT, "test-artifacts/screenshots");
const SITE = '[data-testid=site][data-mk6="ROU1.1"][data-sycode="8FV898VMwWX0"]';
const MARKERS = {
  fr: [
    "R\xE9initialiser",
    "Figer",
    "Rel\xE2cher",
    "Vitesse",
    "Flotte",
    "Red\xE9marrer",
    "Consigne re\xE7ue",
    "Aucune requ\xEAte active",
    "en marche",
    "Provisionner",
    "tout d\xE9plier",
    "Vider",
    "heure simul\xE9e",
    "Injecter",
    "R\xE9seau",
    "en ligne",
    "Verdict de recette",
    "chemin",
    "m\xE9thode",
    "pilotable",
    "entr\xE9es"
  ],
  en: [
    "Reset",
    "Freeze",
    "Release",
    "Speed",
    "Fleet",
    "Restart",
    "Received setpoint",
    "No active request",
    "running",
    "Provision",
    "expand all",
    "Clear",
    "simulated time",
    "Inject",
    "Network",
    "online",
    "Recette verdict",
    "path",
    "method",
    "controllable",
    "entries"
  ]
};
const other = (lang) => lang === "fr" ? "en" : "fr";
const found = (text, words) => words.filter((w) => new RegExp(`(?<!\\p{L})${w}(?!\\p{L})`, "u").test(text));
let fleet;
let browser;
const pageErrors = [];
before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  fleet = await startFleet();
});
after(async () => {
  await browser?.close();
  await fleet?.stop();
});
async function opened(page) {
  await page.goto(`${fleet.url}/supervision`);
  await page.waitForFunction("document.querySelectorAll('[data-testid=mk6-card]').length === 5");
  await page.locator(`${SITE} [data-testid=site-pmax_wf][data-value]`).waitFor({ state: "attached" });
  await page.locator('[data-testid=connection][data-ok="true"]').waitFor({ state: "attached" });
}
async function wholly(page, lang, text) {
  const shown = text ?? await page.evaluate(() => globalThis.document.body.innerText);
  assert.deepEqual(found(shown, MARKERS[other(lang)]), [], `no ${other(lang)} word on the ${lang} page`);
  assert.deepEqual(found(shown, MARKERS[lang]).length > 10, true, `the ${lang} page says its own words`);
  if (lang === "en") assert.doesNotMatch(shown, /[àâçéèêëîïôûùüœ]/, "no French accent on the English page");
  assert.equal(await page.getAttribute("html", "lang"), lang);
  assert.equal(await page.getAttribute(`[data-testid=lang-${lang}]`, "aria-pressed"), "true");
  assert.equal(await page.getAttribute(`[data-testid=lang-${other(lang)}]`, "aria-pressed"), "false");
}
async function switchTo(page, lang) {
  const [text, events, navigations] = await page.evaluate((l) => {
    const g = globalThis;
    const seen = [];
    g.document.addEventListener("langchange", () => seen.push(g.document.documentElement.lang), { once: true });
    g.__sameDocument = true;
    g.document.querySelector(`[data-lang-choice="${l}"]`).click();
    return [g.document.body.innerText, seen, g.performance.getEntriesByType("navigation").length];
  }, lang);
  assert.deepEqual(events, [lang], "one langchange, dispatched after <html lang> changed");
  assert.equal(navigations, 1);
  assert.equal(await page.evaluate(() => globalThis.__sameDocument), true, "no reload");
  return text;
}
const pmaxText = (page) => page.textContent(`${SITE} [data-testid=site-pmax_wf]`);
describe("the supervision page in French and in English", () => {
  for (const [locale, lang] of [["en-US", "en"], ["fr-FR", "fr"]]) {
    it(`a ${locale} browser gets the page in ${lang}; the switch changes it wholly both ways and is remembered`, async () => {
      const page = await testPage(browser, pageErrors, 2e4, locale);
      try {
        await opened(page);
        await wholly(page, lang);
        assert.equal(await pmaxText(page), lang === "fr" ? "8\u202F340 kW" : "8,340 kW", "Pmax through Intl");
        assert.deepEqual(await seriousAxe(page), [], `axe: ${lang}`);
        await page.screenshot({ path: join(SHOTS, `40-i18n-${lang}.png`) });
        const next = other(lang);
        await wholly(page, next, await switchTo(page, next));
        assert.equal(await pmaxText(page), next === "fr" ? "8\u202F340 kW" : "8,340 kW");
        assert.deepEqual(await seriousAxe(page), [], `axe: after the switch to ${next}`);
        await page.screenshot({ path: join(SHOTS, `41-i18n-${lang}-to-${next}.png`) });
        await opened(page);
        await wholly(page, next);
        await wholly(page, lang, await switchTo(page, lang));
        await opened(page);
        await wholly(page, lang);
      } finally {
        await page.close();
      }
    });
  }
  it("every call of the page says its language, and a refusal shows the fleet's message in it", async () => {
    const page = await testPage(browser, pageErrors, 2e4, "en-US");
    const sent = [];
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (r.resourceType() === "fetch" && /^\/(mock|api|supervision\/api|supervision\/mode)\b/.test(url.pathname)) {
        sent.push(`${r.headers()["accept-language"]} ${r.method()} ${url.pathname}`);
      }
    });
    try {
      await opened(page);
      await page.click('[data-mk6="ROU2"] [data-testid=network-open]');
      await page.fill("[data-testid=network-name]", "boom");
      await page.selectOption("[data-testid=network-type]", "error");
      await page.fill("[name=code]", "not upper");
      await page.click("[data-testid=network-add]");
      const box = page.locator("[data-testid=network-error]:not([hidden])");
      await box.waitFor();
      const expected = await fetch(`${fleet.url}/mock/mk6/ROU2/network`, {
        method: "POST",
        headers: { "content-type": "application/json", "accept-language": "en" },
        body: JSON.stringify({ name: "boom", type: "error", code: "not upper" })
      });
      const body = await expected.json();
      assert.equal(expected.headers.get("content-language"), "en");
      assert.ok((await box.textContent())?.includes(`${expected.status} ${body.error} \u2014 ${body.message}`), "the message as the fleet words it in English");
      assert.equal(await box.getAttribute("lang"), "en");
      assert.deepEqual(await seriousAxe(page, "[data-testid=network-dialog]"), [], "axe: dialog in English");
      await page.keyboard.press("Escape");
      await page.click("[data-testid=verdicts] summary");
      await page.fill("[data-testid=verdict-text]", "name: lang\nchecks:\n  - { id: auth, kind: authenticated }\n");
      await page.click("[data-testid=verdict-run]");
      await page.locator("[data-testid=verdict-summary]", { hasText: "lang: 0 passed, 0 failed, 1 not applicable" }).waitFor();
      assert.ok(sent.length > 5, `calls seen: ${sent.length}`);
      assert.deepEqual(sent.filter((s) => !s.startsWith("en ")), [], "every call with Accept-Language: en");
      await switchTo(page, "fr");
      assert.equal(await page.textContent("[data-testid=verdict-summary]"), "lang : 0 OK, 0 en \xE9chec, 1 sans objet", "a verdict on screen is said again in French");
      const nextPoll = () => page.waitForRequest((r) => r.url().includes("/supervision/api/time"));
      await nextPoll();
      sent.length = 0;
      await nextPoll();
      await nextPoll();
      assert.ok(sent.length >= 2);
      assert.deepEqual(sent.filter((s) => !s.startsWith("fr ")), [], "after the switch, every call with Accept-Language: fr");
      assert.deepEqual(pageErrors, [], "no uncaught error on the page");
    } finally {
      await page.close();
    }
  });
});
