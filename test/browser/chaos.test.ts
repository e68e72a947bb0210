/**
 * The page starts a chaos day (a seed, an intensity, start: POST /mock/chaos, the timeline
 * panel shows it), and its verdict panel shows the day's fault coverage as a table, in the
 * page's language (the page's switch; texts from messages.js).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pageAndFleet, seriousAxe } from '../helpers/browser.js';
import { call } from '../helpers/fleet-app.js';

const ui = pageAndFleet();


describe('chaos from the page', () => {
  it('starts a seeded day as the timeline, and the verdict panel shows its coverage', async () => {
    await ui.page.goto(`${ui.fleet.url}/supervision`);
    await ui.page.click('[data-testid=timeline] summary');
    await ui.page.fill('[data-testid=chaos-seed]', '7');
    await ui.page.selectOption('[data-testid=chaos-intensity]', 'medium');
    await ui.page.click('[data-testid=chaos-start]');
    await ui.page.waitForFunction("document.querySelectorAll('[data-testid=timeline-event]').length > 10");
    const loaded = (await call(ui.fleet.url, 'GET', '/mock/timeline')).body as { source: string; count: number };
    assert.match(loaded.source, /^mk6-fleet chaos --seed 7 .* --intensity medium /);
    assert.equal(await ui.page.locator('[data-testid=timeline-event]').count(), loaded.count);

    // Drive the day's first fault on, then judge: the panel shows the coverage table.
    const first = ((await call(ui.fleet.url, 'GET', '/mock/timeline')).body as { events: { at: string; mk6: string }[] }).events[0];
    assert.equal((await call(ui.fleet.url, 'POST', '/mock/time', { now: first.at })).status, 200);
    await ui.page.click('[data-testid=verdicts] summary');
    await ui.page.fill('[data-testid=verdict-text]', 'name: chaos\nchecks:\n  - { id: w, kind: no_errors }\n');
    await ui.page.click('[data-testid=verdict-run]');
    const table = ui.page.locator(`[data-testid=verdict-coverage] tr[data-mk6="${first.mk6}"]`);
    await table.waitFor();
    assert.match(await ui.page.textContent('[data-testid=verdict-coverage] caption') ?? '', /Couverture des fautes/);
    await ui.page.click('[data-testid=lang-en]'); // the page's switch: every panel re-renders in English
    assert.equal(await ui.page.textContent('[data-testid=chaos-start]'), 'Start');
    assert.equal(await ui.page.textContent('[data-testid=verdict-coverage] caption'), 'Fault coverage (times the day exercised each kind)');
    assert.deepEqual(await seriousAxe(ui.page, '[data-testid=timeline]'), []);
    assert.deepEqual(ui.errors, []);
  });
});
