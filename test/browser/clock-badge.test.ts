/**
 * The supervision page shows an MK6's own clock as a badge on its card (docs/clock.md): the
 * fleet file's offset from the start, a change at run time, none on the fleet clock; in the
 * page's language. Headless chromium against the fleet in process.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { pageAndFleet } from '../helpers/browser.js';
import { call, ROUVAI } from '../helpers/fleet-app.js';

const BADGE = (id: string) => `[data-testid=mk6-card][data-mk6="${id}"] [data-testid=clock-skew]`;

const ui = pageAndFleet({ mk6: ROUVAI.map((m) => (m.id === 'VAI' ? { ...m, clock: { offset: '+90s' } } : m)) });


it('a badge with the offset (and drift) on the card of an MK6 running its own clock, none on the others', async () => {
  await ui.page.goto(`${ui.fleet.url}/supervision`);
  await ui.page.locator(BADGE('VAI')).waitFor();
  const lang = (await ui.page.evaluate('document.documentElement.lang')) as string;
  assert.equal((await ui.page.textContent(BADGE('VAI')))?.replace(/\s/g, ' '), new Intl.NumberFormat(lang === 'en' ? 'en' : 'fr', { style: 'unit', unit: 'second', unitDisplay: 'short', signDisplay: 'always' }).format(90).replace(/\s/g, ' '));
  assert.equal(await ui.page.locator(BADGE('ROU2')).isHidden(), true);
  assert.equal((await call(ui.fleet.url, 'POST', '/mock/mk6/ROU2/clock', { offset: '-2m', drift_ppm: 200 })).status, 200);
  await ui.page.locator(BADGE('ROU2'), { hasText: 'ppm' }).waitFor();
  assert.match((await ui.page.textContent(BADGE('ROU2'))) ?? '', /^-2\s?min · \+200 ppm$/);
  assert.equal((await call(ui.fleet.url, 'DELETE', '/mock/mk6/ROU2/clock')).status, 200);
  await ui.page.locator(BADGE('ROU2')).waitFor({ state: 'hidden' });
  assert.deepEqual(ui.errors, []);
});
