/**
 * The supervision page, clicked through in a real (headless) Debian chromium against the real
 * fleet: clock, a setpoint on the site row and its chart, a DEIE constraint, kill / restart of an
 * MK6, production mode. Every step waits on page state (no fixed sleeps) and saves a screenshot
 * under test-artifacts/screenshots/ (git-ignored).
 *
 * Needs /usr/bin/chromium (CI: apt-get install chromium). Without it the test fails: never skipped.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pageAndFleet, SHOTS } from '../helpers/browser.js';
import { call } from '../helpers/fleet-app.js';


const CARD = (id: string) => `[data-testid=mk6-card][data-mk6="${id}"]`;
const SITE = '[data-testid=site][data-mk6="ROU1.1"][data-sycode="8FV898VMwWX0"]';

const ui = pageAndFleet();

async function shot(name: string, selector?: string): Promise<void> {
  if (selector) await ui.page.locator(selector).first().scrollIntoViewIfNeeded();
  await ui.page.screenshot({ path: join(SHOTS, `${name}.png`) });
}


describe('supervision page in chromium', () => {
  it('opens /supervision with the five MK6 cards', async () => {
    await ui.page.goto(`${ui.fleet.url}/supervision`);
    await ui.page.locator(`${CARD('ROU1.1')}[data-expanded="true"]`).waitFor();
    await ui.page.waitForFunction("document.querySelectorAll('[data-testid=mk6-card]').length === 5");
    await ui.page.locator(`${SITE} [data-testid=site-psetpoint_recu][data-value]`).waitFor({ state: 'attached' });
    await shot('01-opened');
  });

  it('freezes the clock at 2026-03-01 10:00 and steps +1 h', async () => {
    await ui.page.fill('[data-testid=clock-at]', '2026-03-01 10:00:00');
    await ui.page.click('[data-testid=clock-freeze]');
    await ui.page.locator('[data-testid=clock-now]', { hasText: '2026-03-01 10:00:00' }).waitFor();
    await shot('02-frozen', '[data-testid=clock]');
    await ui.page.click('[data-testid=clock-step-1h]');
    await ui.page.locator('[data-testid=clock-now]', { hasText: '2026-03-01 11:00:00' }).waitFor();
    assert.match(await ui.page.textContent('[data-testid=clock-source]') ?? '', /MOCK/);
    await shot('03-stepped', '[data-testid=clock]');
  });

  it('shows a setpoint created through the MK6 API on the site row and its chart', async () => {
    const res = await call(ui.fleet.url, 'POST', '/api/v1/mk6/ROU1.1/requests', {
      set: 'Psetpoint', site: '8FV898VMwWX0', psetpoint: 5000, start_time: '2026-03-01T10:00:00Z', end_time: '2026-03-01T18:00:00Z',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.id, 'REQ-001');
    await ui.page.locator(`${SITE} [data-testid=site-psetpoint_recu][data-value="5000"]`).waitFor();
    await ui.page.locator(`${SITE} [data-testid=active-request][data-req="REQ-001"]`).waitFor();
    assert.match(await ui.page.textContent(`${SITE} [data-testid=active-request]`) ?? '', /REQ-001/);
    await ui.page.locator(`${SITE} [data-testid=site-chart][data-windows~="REQ-001"]`).waitFor({ state: 'attached' });
    await shot('04-setpoint', SITE);
  });

  it('offers the day so far as CSV next to the chart (the history export), equal to the monitoring', async () => {
    const link = ui.page.locator(`${SITE} [data-testid=history-download][href*="to=2026-03-01T11:00:00Z"]`);
    await link.waitFor();
    const href = (await link.getAttribute('href')) as string;
    const csv = await ui.page.evaluate(async (url) => (await fetch(url)).text(), href);
    const lines = csv.trimEnd().split('\n');
    assert.equal(lines[0], 'time,sycode,state,pavailable_kw,pactive_kw,psetpoint_recu_kw,external_constraint_kw');
    assert.equal(lines.length, 1 + 11 * 60 + 1, 'every minute from 00:00 to 11:00');
    const site = (await call(ui.fleet.url, 'GET', '/api/v1/mk6/ROU1.1/monitoring/sites/8FV898VMwWX0')).body;
    assert.equal(lines[lines.length - 1], `2026-03-01T11:00:00Z,8FV898VMwWX0,${site.state},${site.pavailable},${site.pactive},${site.psetpoint_recu},`);
  });

  it('injects a DEIE constraint from the page and shows the amber banner', async () => {
    const banner = ui.page.locator(`${SITE} [data-testid=constraint-banner]`);
    assert.equal(await banner.isVisible(), false, 'no banner before the injection');
    await ui.page.selectOption(`${SITE} [data-testid=constraint-source]`, 'DEIE');
    await ui.page.fill(`${SITE} [data-testid=constraint-value]`, '3000');
    await ui.page.click(`${SITE} [data-action=constraint-inject]`);
    await ui.page.locator(`${SITE} [data-testid=constraint-banner][data-source="DEIE"]:not([hidden])`).waitFor();
    assert.match(await banner.textContent() ?? '', /DEIE/);
    assert.equal(await banner.evaluate((el) => (globalThis as any).getComputedStyle(el).backgroundColor), 'rgb(254, 243, 199)', 'amber background');
    await shot('05-constraint', SITE);
  });

  it('kills ROU2 from its card, sees it down, restarts it and sees it online', async () => {
    const card = CARD('ROU2');
    await ui.page.locator(`${card}[data-status="online"]`).waitFor();
    await ui.page.click(`${card} [data-action=kill]`);
    await ui.page.locator(`${card}[data-status="stopped"]`).waitFor();
    await ui.page.locator(`${card} [data-testid=mk6-notice]:not([hidden])`).waitFor();
    await shot('06-killed', card);
    await ui.page.click(`${card} [data-action=restart]`);
    await ui.page.locator(`${card}[data-status="online"][data-reachable="true"]`).waitFor({ timeout: 30_000 });
    await ui.page.locator(`${card} [data-testid=mk6-notice]`).waitFor({ state: 'hidden' });
    await shot('07-restarted', card);
  });

  it('judges a recette file loaded in the verdict panel and opens the evidence in the journal', async () => {
    const refused = await call(ui.fleet.url, 'POST', '/api/v1/mk6/ROU1.1/requests', { set: 'Psetpoint', site: '8FV898VMwWX0', psetpoint: 9000 });
    assert.equal(refused.status, 441);
    await ui.page.click('[data-testid=verdicts] summary');
    const recette = 'name: page\nchecks:\n  - { id: limits, kind: setpoints_within_limits }\n  - { id: auth, kind: authenticated }\n';
    await ui.page.setInputFiles('[data-testid=verdict-file]', { name: 'page.yaml', mimeType: 'text/yaml', buffer: Buffer.from(recette) });
    await ui.page.locator('[data-testid=verdict-check][data-check=limits][data-status=fail]').waitFor();
    await ui.page.locator('[data-testid=verdict-check][data-check=auth][data-status=not_applicable]').waitFor();
    assert.match(await ui.page.textContent('[data-testid=verdict-summary]') ?? '', /page : 0 OK, 1 en échec, 1 sans objet/);
    const link = ui.page.locator('[data-testid=verdict-check][data-check=limits] [data-testid=verdict-evidence]').first();
    const id = await link.getAttribute('data-journal-id');
    await ui.page.locator(`[data-testid=journal-row][data-id="${id}"]`).waitFor({ state: 'attached' });
    await link.click();
    await ui.page.locator(`[data-testid=journal-detail][data-id="${id}"]`).waitFor();
    await shot('08a-verdict', '[data-testid=verdicts]');
    await ui.page.fill('[data-testid=verdict-text]', 'name: x\nchecks:\n  - { id: a, kind: pollz }\n');
    await ui.page.click('[data-testid=verdict-run]');
    await ui.page.locator('[data-testid=verdict-error]', { hasText: 'recette:3 checks[0].kind: kind inconnu' }).waitFor();
  });

  it('switches to production (confirm accepted): banner, a write refused with 403, then back to mock', async () => {
    await ui.page.click('[data-testid=mode-toggle]');
    await ui.page.locator('[data-testid=mode-banner]').waitFor({ state: 'visible' });
    await ui.page.locator('body[data-mode="production"]').waitFor({ state: 'attached' });
    assert.equal(await ui.page.isDisabled('[data-testid=clock-freeze]'), true, 'write controls disabled in production');
    const status = await ui.page.evaluate(async () => (await fetch('/mock/time', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"now":"2026-03-01T10:00:00Z"}',
    })).status);
    assert.equal(status, 403);
    await shot('08-production');
    await ui.page.click('[data-testid=mode-toggle]');
    await ui.page.locator('[data-testid=mode-banner]').waitFor({ state: 'hidden' });
    await ui.page.locator('body[data-mode="mock"]').waitFor({ state: 'attached' });
    await ui.page.locator('[data-testid=clock-freeze]:enabled').waitFor();
    assert.equal((await call(ui.fleet.url, 'GET', '/supervision/api/mode')).body.mode, 'mock');
    await shot('09-back-to-mock');
    assert.deepEqual(ui.errors, [], 'no uncaught error on the page');
  });
});
