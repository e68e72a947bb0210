/**
 * The supervision page in each language, in a real (headless) Debian chromium against the real
 * fleet: the browser's language chooses the first one (en-US → English, fr-FR → French), the
 * FR | EN switch changes every visible text at once (no reload; marker words of the other
 * language gone from document.body.innerText), `<html lang>` follows, `langchange` is
 * dispatched on document, the choice survives a reload, numbers follow the locale
 * (8 340 kW / 8,340 kW), every call of the page says its language (Accept-Language) and a
 * refusal shows the fleet's message in it; axe-core finds no serious or critical violation in
 * either language.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { pageAndFleet, seriousAxe, SHOTS, testPage } from '../helpers/browser.js';
const SITE = '[data-testid=site][data-mk6="ROU1.1"][data-sycode="8FV898VMwWX0"]';

/** Words only the French page says, and only the English one (written here, not read from the catalogue). */
const MARKERS = {
  fr: ['Réinitialiser', 'Figer', 'Relâcher', 'Vitesse', 'Flotte', 'Redémarrer', 'Consigne reçue', 'Aucune requête active', 'en marche', 'Provisionner',
    'tout déplier', 'Vider', 'heure simulée', 'Injecter', 'Réseau', 'en ligne', 'Verdict de recette', 'chemin', 'méthode', 'pilotable', 'entrées'],
  en: ['Reset', 'Freeze', 'Release', 'Speed', 'Fleet', 'Restart', 'Received setpoint', 'No active request', 'running', 'Provision',
    'expand all', 'Clear', 'simulated time', 'Inject', 'Network', 'online', 'Recette verdict', 'path', 'method', 'controllable', 'entries'],
};
type Lang = keyof typeof MARKERS;
const other = (lang: Lang): Lang => (lang === 'fr' ? 'en' : 'fr');
const found = (text: string, words: string[]) => words.filter((w) => new RegExp(`(?<!\\p{L})${w}(?!\\p{L})`, 'u').test(text));

const ui = pageAndFleet(undefined, { openPage: false });

/** The page opened and its values read: five cards, a site's values, the journal counted. */
async function opened(page: Page): Promise<void> {
  await page.goto(`${ui.fleet.url}/supervision`);
  await page.waitForFunction("document.querySelectorAll('[data-testid=mk6-card]').length === 5");
  await page.locator(`${SITE} [data-testid=site-pmax_wf][data-value]`).waitFor({ state: 'attached' });
  await page.locator('[data-testid=connection][data-ok="true"]').waitFor({ state: 'attached' });
}

/** Everything visible is in `lang`: its markers there, none of the other's, the lang attribute, the switch. */
async function wholly(page: Page, lang: Lang, text?: string): Promise<void> {
  const shown = text ?? await page.evaluate(() => (globalThis as any).document.body.innerText as string);
  assert.deepEqual(found(shown, MARKERS[other(lang)]), [], `no ${other(lang)} word on the ${lang} page`);
  assert.deepEqual(found(shown, MARKERS[lang]).length > 10, true, `the ${lang} page says its own words`);
  if (lang === 'en') assert.doesNotMatch(shown, /[àâçéèêëîïôûùüœ]/, 'no French accent on the English page');
  assert.equal(await page.getAttribute('html', 'lang'), lang);
  assert.equal(await page.getAttribute(`[data-testid=lang-${lang}]`, 'aria-pressed'), 'true');
  assert.equal(await page.getAttribute(`[data-testid=lang-${other(lang)}]`, 'aria-pressed'), 'false');
}

/** Clicks the switch and reads the page in the same task: the new language must be there at once, without a reload. */
async function switchTo(page: Page, lang: Lang): Promise<string> {
  const [text, events, navigations] = await page.evaluate((l) => {
    const g = globalThis as any;
    const seen: string[] = [];
    g.document.addEventListener('langchange', () => seen.push(g.document.documentElement.lang), { once: true });
    g.__sameDocument = true;
    g.document.querySelector(`[data-lang-choice="${l}"]`).click();
    return [g.document.body.innerText as string, seen, g.performance.getEntriesByType('navigation').length];
  }, lang);
  assert.deepEqual(events, [lang], 'one langchange, dispatched after <html lang> changed');
  assert.equal(navigations, 1);
  assert.equal(await page.evaluate(() => (globalThis as any).__sameDocument), true, 'no reload');
  return text;
}

const pmaxText = (page: Page) => page.textContent(`${SITE} [data-testid=site-pmax_wf]`);

describe('the supervision page in French and in English', () => {
  for (const [locale, lang] of [['en-US', 'en'], ['fr-FR', 'fr']] as const) {
    it(`a ${locale} browser gets the page in ${lang}; the switch changes it wholly both ways and is remembered`, async () => {
      const page = await testPage(ui.browser, ui.errors, 20_000, locale);
      try {
        await opened(page);
        await wholly(page, lang);
        assert.equal(await pmaxText(page), lang === 'fr' ? '8\u202f340 kW' : '8,340 kW', 'Pmax through Intl');
        assert.deepEqual(await seriousAxe(page), [], `axe: ${lang}`);
        await page.screenshot({ path: join(SHOTS, `40-i18n-${lang}.png`) });

        const next = other(lang);
        await wholly(page, next, await switchTo(page, next));
        assert.equal(await pmaxText(page), next === 'fr' ? '8\u202f340 kW' : '8,340 kW');
        assert.deepEqual(await seriousAxe(page), [], `axe: after the switch to ${next}`);
        await page.screenshot({ path: join(SHOTS, `41-i18n-${lang}-to-${next}.png`) });

        await opened(page); // a reload: the choice is remembered over the browser's language
        await wholly(page, next);

        await wholly(page, lang, await switchTo(page, lang));
        await opened(page);
        await wholly(page, lang);
      } finally {
        await page.close();
      }
    });
  }

  it('every call of the page says its language, and a refusal shows the fleet\'s message in it', async () => {
    const page = await testPage(ui.browser, ui.errors, 20_000, 'en-US');
    const sent: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (r.resourceType() === 'fetch' && /^\/(mock|api|supervision\/api|supervision\/mode)\b/.test(url.pathname)) {
        sent.push(`${r.headers()['accept-language']} ${r.method()} ${url.pathname}`);
      }
    });
    try {
      await opened(page);
      await page.click('[data-mk6="ROU2"] [data-testid=network-open]');
      await page.fill('[data-testid=network-name]', 'boom');
      await page.selectOption('[data-testid=network-type]', 'error');
      await page.fill('[name=code]', 'not upper');
      await page.click('[data-testid=network-add]');
      const box = page.locator('[data-testid=network-error]:not([hidden])');
      await box.waitFor();
      const expected = await fetch(`${ui.fleet.url}/mock/mk6/ROU2/network`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'en' }, body: JSON.stringify({ name: 'boom', type: 'error', code: 'not upper' }),
      });
      const body = await expected.json() as { error: string; message: string };
      assert.equal(expected.headers.get('content-language'), 'en');
      assert.ok((await box.textContent())?.includes(`${expected.status} ${body.error} — ${body.message}`), 'the message as the fleet words it in English');
      assert.equal(await box.getAttribute('lang'), 'en');
      assert.deepEqual(await seriousAxe(page, '[data-testid=network-dialog]'), [], 'axe: dialog in English');
      await page.keyboard.press('Escape');

      await page.click('[data-testid=verdicts] summary');
      await page.fill('[data-testid=verdict-text]', 'name: lang\nchecks:\n  - { id: auth, kind: authenticated }\n');
      await page.click('[data-testid=verdict-run]');
      await page.locator('[data-testid=verdict-summary]', { hasText: 'lang: 0 passed, 0 failed, 1 not applicable' }).waitFor();

      assert.ok(sent.length > 5, `calls seen: ${sent.length}`);
      assert.deepEqual(sent.filter((s) => !s.startsWith('en ')), [], 'every call with Accept-Language: en');
      await switchTo(page, 'fr');
      assert.equal(await page.textContent('[data-testid=verdict-summary]'), 'lang : 0 OK, 0 en échec, 1 sans objet', 'a verdict on screen is said again in French');
      const nextPoll = () => page.waitForRequest((r) => r.url().includes('/supervision/api/time'));
      await nextPoll(); // a call sent before the switch is counted before this one
      sent.length = 0;
      await nextPoll();
      await nextPoll();
      assert.ok(sent.length >= 2);
      assert.deepEqual(sent.filter((s) => !s.startsWith('fr ')), [], 'after the switch, every call with Accept-Language: fr');
      assert.deepEqual(ui.errors, [], 'no uncaught error on the page');
    } finally {
      await page.close();
    }
  });
});
