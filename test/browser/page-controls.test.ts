/**
 * The supervision page's day and controls in a real chromium against the real fleet: each site's
 * chart is the model's whole day (equal to the monitoring at sampled instants, at two clock
 * positions), outage bands and timeline markers from the fleet, kill / restart with their kinds,
 * the network conditions and provision dialogs (refusals shown as the API words them), the
 * timeline panel, the overview and its search, the docked journal, the keyboard, and axe-core
 * (0 serious or critical violations on the page and each dialog).
 * Values are checked against the API (monitoring, inventory, event log), never recomputed.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { call } from '../helpers/fleet-app.js';
import { pageAndFleet, seriousAxe, SHOTS } from '../helpers/browser.js';

const PDL1 = '8FV898VMwWX0';
const PDL10 = '8FV8CCX2w7X0';
const CARD = (id: string) => `[data-testid=mk6-card][data-mk6="${id}"]`;
const CHART = (id: string, sycode: string) => `[data-testid=site][data-mk6="${id}"][data-sycode="${sycode}"] [data-testid=site-chart]`;

const ui = pageAndFleet();

const api = async (method: string, path: string, body?: unknown) => {
  const res = await call(ui.fleet.url, method, path, body);
  assert.ok(res.status < 300, `${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};
const setClock = (iso: string) => api('POST', '/mock/time', { now: iso });
const shot = (name: string) => ui.page.screenshot({ path: join(SHOTS, `${name}.png`) });

interface Series { x: number[]; consigne: number[]; pavailable: number[]; pactive: number[]; constraint: (number | null)[] }
const seriesOf = (id: string, sycode: string) => ui.page.evaluate(([m, s]) => (globalThis as any).__mk6Charts(m, s), [id, sycode]) as Promise<Series | null>;

/** The chart's values at a few instants, each equal to what the monitoring answers with the clock there. */
async function sameAsMonitoring(id: string, sycode: string, s: Series, indexes: number[]): Promise<void> {
  for (const i of indexes) {
    const at = new Date(s.x[i] * 1000).toISOString().replace('.000Z', 'Z');
    await setClock(at);
    const v = await api('GET', `/api/v1/mk6/${id}/monitoring/sites/${sycode}`);
    assert.deepEqual(
      { consigne: s.consigne[i], pavailable: s.pavailable[i], pactive: s.pactive[i], constraint: s.constraint[i] },
      { consigne: v.psetpoint_recu, pavailable: v.pavailable, pactive: v.pactive, constraint: v.external_constraint?.value_kw ?? null },
      `${id} ${sycode} at ${at}`,
    );
  }
}

/** Seeded picks of row indexes (a failure names its instant; the same ones every run). */
function picks(n: number, count: number, seed: number): number[] {
  const out = new Set<number>();
  while (out.size < count) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    out.add(seed % n);
  }
  return [...out];
}

/** A test that failed with a dialog open must not leave the page inert for the next one. */
const closeDialogs = () => ui.page.evaluate(() => (globalThis as any).document.querySelectorAll('dialog[open]').forEach((d: any) => d.close()));


describe('the page: the model\'s day, every action, layout, accessibility', () => {
  it('after a reload at 12:00 simulated, each chart is the whole day from the model, equal to the monitoring (setpoint, constraint window, none)', async () => {
    await setClock('2026-03-01T12:00:00Z');
    await api('POST', '/api/v1/mk6/ROU1.1/requests', { set: 'Psetpoint', site: PDL1, psetpoint: 5000, start_time: '2026-03-01T10:00:00Z', end_time: '2026-03-01T18:00:00Z' });
    await api('POST', `/mock/mk6/ROU2/sites/${PDL10}/inject_external`, { source: 'DEIE', value_kw: 3000, start_time: '2026-03-01T14:00:00Z', end_time: '2026-03-01T16:00:00Z' });
    await ui.page.goto(`${ui.fleet.url}/supervision`);
    for (const [id, sycode] of [['ROU1.1', PDL1], ['ROU2', PDL10]]) {
      await ui.page.locator(`${CHART(id, sycode)}[data-day="2026-03-01"][data-points="1441"][data-now="2026-03-01T12:00:00Z"]`).waitFor({ state: 'attached' });
    }
    const rou11 = (await seriesOf('ROU1.1', PDL1))!;
    const rou2 = (await seriesOf('ROU2', PDL10))!;
    assert.equal(rou11.x[0], Date.parse('2026-03-01T00:00:00Z') / 1000, 'from 00:00');
    assert.equal(rou11.x[1440], Date.parse('2026-03-02T00:00:00Z') / 1000, 'to 24:00, past "now" too');
    assert.ok(rou11.consigne.includes(5000) && rou2.constraint.includes(3000), 'the setpoint and the constraint window are on the curves');
    assert.ok(new Set(rou11.pavailable).size > 100, 'Pdispo varies over the day (not one dot)');
    await shot('20-day-at-noon');
    const at = (hhmm: string) => rou2.x.indexOf(Date.parse(`2026-03-01T${hhmm}:00Z`) / 1000);
    // inside the setpoint window, inside the constraint window, before both, after both, and random instants
    await sameAsMonitoring('ROU1.1', PDL1, rou11, [at('11:00'), at('17:59'), at('06:30'), at('21:00'), ...picks(1441, 4, 7)]);
    await sameAsMonitoring('ROU2', PDL10, rou2, [at('14:00'), at('15:59'), at('16:00'), at('03:00'), ...picks(1441, 4, 11)]);
  });

  it('at a second clock position (the next day, 06:00) the charts move to that day, the "now" line with them, still equal to the monitoring', async () => {
    await setClock('2026-03-02T06:00:00Z');
    const sel = `${CHART('ROU2', PDL10)}[data-day="2026-03-02"][data-points="1441"][data-now="2026-03-02T06:00:00Z"]`;
    await ui.page.locator(sel).waitFor({ state: 'attached' });
    const rou2 = (await seriesOf('ROU2', PDL10))!;
    assert.equal(rou2.x[0], Date.parse('2026-03-02T00:00:00Z') / 1000);
    assert.ok(!rou2.constraint.includes(3000), 'yesterday\'s window is not today\'s');
    await sameAsMonitoring('ROU2', PDL10, rou2, picks(1441, 3, 5));
    await setClock('2026-03-01T12:00:00Z');
  });

  it('the overview lists every MK6 from the inventory, searches, and opens a card (mouse and keyboard)', async () => {
    await ui.page.waitForFunction('document.querySelectorAll("[data-testid=overview-row]").length === 5');
    await ui.page.fill('[data-testid=search]', 'PDL10');
    await ui.page.waitForFunction('document.querySelectorAll("[data-testid=overview-row]").length === 1');
    assert.equal(await ui.page.getAttribute('[data-testid=overview-row]', 'data-mk6'), 'ROU2');
    assert.equal(await ui.page.locator(`${CARD('VAI')}`).isHidden(), true, 'cards follow the search');
    await ui.page.fill('[data-testid=search]', '');
    await ui.page.waitForFunction('document.querySelectorAll("[data-testid=overview-row]").length === 5');
    await ui.page.click(`${CARD('VAI')} [data-testid=mk6-close]`);
    await ui.page.locator(`${CARD('VAI')}[data-expanded="false"]`).waitFor();
    await ui.page.locator('[data-testid=overview-open][data-open="VAI"]').focus();
    await ui.page.keyboard.press('Enter');
    await ui.page.locator(`${CARD('VAI')}[data-expanded="true"]`).waitFor();
    assert.equal(await ui.page.evaluate(() => (globalThis as any).document.activeElement?.closest('[data-testid=mk6-card]')?.dataset.mk6), 'VAI', 'focus moves to the opened card');
    const sum = await ui.page.locator('[data-testid=overview-row][data-mk6="ROU2"] [data-testid=overview-consigne][data-value]:not([data-value=""])').getAttribute('data-value');
    const sites = (await api('GET', '/api/v1/mk6/ROU2/monitoring/sites')).sites;
    assert.equal(Number(sum), Object.values(sites).reduce((n: number, s: any) => n + s.psetpoint_recu, 0), 'the row\'s consigne is the sum of the monitoring\'s');
  });

  it('kills ROU2 as a blackhole and restarts it cold from its card: the inventory, the event log and the chart\'s band say so', async () => {
    const card = CARD('ROU2');
    await ui.page.selectOption(`${card} [data-testid=kill-kind]`, 'blackhole');
    await ui.page.click(`${card} [data-action=kill]`);
    await ui.page.locator('[data-testid=overview-row][data-mk6="ROU2"] .badge.trouble', { hasText: 'blackhole' }).waitFor();
    const inv = await api('GET', '/mock/mk6');
    assert.equal(inv.mk6.find((m: any) => m.mk6_id === 'ROU2').outage, 'blackhole');
    await ui.page.locator(`${CHART('ROU2', PDL10)}[data-outages~="blackhole"]`).waitFor({ state: 'attached' });
    await setClock('2026-03-01T12:30:00Z');
    await ui.page.selectOption(`${card} [data-testid=restart-kind]`, 'cold');
    await ui.page.click(`${card} [data-action=restart]`);
    // a blackholed worker is still "online" for pm2: wait for the outage to end, as the page shows it
    await ui.page.locator('[data-testid=overview-row][data-mk6="ROU2"] .badge.trouble').waitFor({ state: 'detached', timeout: 30_000 });
    await ui.page.locator(`${card}[data-status="online"][data-reachable="true"]`).waitFor({ timeout: 30_000 });
    const body = await api('GET', '/mock/events');
    const list: any[] = Array.isArray(body) ? body : body.events;
    assert.equal(list.filter((e) => e.kind === 'restart' && e.mk6_id === 'ROU2').at(-1)?.details?.kind, 'cold');
    assert.equal(list.filter((e) => e.kind === 'kill' && e.mk6_id === 'ROU2').at(-1)?.details?.kind, 'blackhole');
    assert.equal((await api('GET', '/mock/mk6')).mk6.find((m: any) => m.mk6_id === 'ROU2').outage ?? null, null);
    await shot('21-blackhole-band');
  });

  it('adds and removes network conditions from the dialog; a refused one shows the API\'s message and details; Escape gives focus back', async () => {
    const opener = `${CARD('ROU2')} [data-testid=network-open]`;
    await ui.page.click(opener);
    const dialog = ui.page.locator('[data-testid=network-dialog][open]');
    await dialog.waitFor();
    await ui.page.fill('[data-testid=network-name]', 'lag');
    await ui.page.selectOption('[data-testid=network-type]', 'latency');
    await ui.page.fill('[data-testid=network-latency]', '200');
    await ui.page.click('[data-testid=network-add]');
    await ui.page.locator('[data-testid=network-condition][data-name="lag"][data-type="latency"]').waitFor();
    const net = await api('GET', '/mock/mk6/ROU2/network');
    assert.deepEqual(net.conditions.map((c: any) => [c.name, c.type, c.latency_ms]), [['lag', 'latency', 200]]);
    assert.deepEqual(await seriousAxe(ui.page), [], 'axe: network dialog');
    await shot('22-network-dialog');
    // what the HTML constraints let through and the schema refuses: a code in lower case
    await ui.page.fill('[data-testid=network-name]', 'boom');
    await ui.page.selectOption('[data-testid=network-type]', 'error');
    await ui.page.fill('[name=code]', 'not upper');
    await ui.page.click('[data-testid=network-add]');
    await ui.page.locator('[data-testid=network-error]:not([hidden])').waitFor();
    const refused = await call(ui.fleet.url, 'POST', '/mock/mk6/ROU2/network', { name: 'boom', type: 'error', code: 'not upper' });
    assert.ok(refused.status >= 400);
    assert.match(await ui.page.textContent('[data-testid=network-error]') ?? '', new RegExp(`${refused.status} ${refused.body.error}`));
    assert.match(await ui.page.textContent('[data-testid=network-error] [data-testid=error-details]') ?? '', /code/);
    await ui.page.click('[data-testid=network-condition][data-name="lag"] button');
    await ui.page.locator('[data-testid=network-condition]').first().waitFor({ state: 'detached' });
    assert.deepEqual((await api('GET', '/mock/mk6/ROU2/network')).conditions, []);
    await ui.page.keyboard.press('Escape');
    await ui.page.locator('[data-testid=network-dialog]').waitFor({ state: 'hidden' });
    assert.equal(await ui.page.evaluate(() => (globalThis as any).document.activeElement?.dataset.testid), 'network-open', 'focus back on the opener');
  });

  it('provisions a new MK6 from the dialog (a refusal first, shown with its details); it appears in the overview', async () => {
    await closeDialogs();
    await ui.page.click('[data-testid=provision-open]');
    await ui.page.locator('[data-testid=provision-dialog][open]').waitFor();
    await ui.page.fill('[data-testid=provision-id]', 'NEW1');
    await ui.page.fill('[data-testid=provision-sycode] >> nth=0', 'NEWS1');
    await ui.page.fill('[data-testid=provision-name] >> nth=0', 'New site 1');
    await ui.page.fill('[data-testid=provision-pmax] >> nth=0', '5000');
    await ui.page.click('[data-testid=provision-add-site]');
    await ui.page.fill('[data-testid=provision-sycode] >> nth=1', 'NEWS1'); // the same sycode twice: the API refuses it
    await ui.page.fill('[data-testid=provision-name] >> nth=1', 'New site 2');
    await ui.page.fill('[data-testid=provision-pmax] >> nth=1', '4000');
    assert.deepEqual(await seriousAxe(ui.page), [], 'axe: provision dialog');
    await ui.page.click('[data-testid=provision-submit]');
    await ui.page.locator('[data-testid=provision-error]:not([hidden])').waitFor();
    assert.match(await ui.page.textContent('[data-testid=provision-error]') ?? '', /^4\d\d [A-Z_]+ — /);
    await shot('23-provision-refused');
    await ui.page.fill('[data-testid=provision-sycode] >> nth=1', 'NEWS2');
    await ui.page.click('[data-testid=provision-submit]');
    await ui.page.locator('[data-testid=provision-dialog]').waitFor({ state: 'hidden' });
    await ui.page.locator('[data-testid=overview-row][data-mk6="NEW1"]').waitFor({ timeout: 30_000 });
    const inv = await api('GET', '/mock/mk6');
    assert.deepEqual(inv.mk6.find((m: any) => m.mk6_id === 'NEW1')?.sycodes, ['NEWS1', 'NEWS2']);
    // its card's "Sites…" opens the same form with its sites: provision it again
    await ui.page.click(`${CARD('NEW1')} [data-testid=provision-card]`);
    await ui.page.locator('[data-testid=provision-dialog][open]').waitFor();
    assert.equal(await ui.page.inputValue('[data-testid=provision-id]'), 'NEW1');
    assert.equal(await ui.page.inputValue('[data-testid=provision-sycode] >> nth=1'), 'NEWS2');
    await ui.page.fill('[data-testid=provision-pmax] >> nth=1', '4500');
    await ui.page.click('[data-testid=provision-submit]');
    await ui.page.locator('[data-testid=provision-dialog]').waitFor({ state: 'hidden' });
    const again = (await api('GET', '/mock/mk6')).mk6.find((m: any) => m.mk6_id === 'NEW1');
    assert.equal(again.sites.find((s: any) => s.sycode === 'NEWS2')?.pmax_kw, 4500);
  });

  it('loads a timeline, sees it pending, steps the clock and sees it fired, on the list and as markers on the chart', async () => {
    await closeDialogs();
    await setClock('2026-03-01T12:30:00Z');
    await ui.page.click('[data-testid=timeline] summary');
    const yaml = '- { at: 2026-03-01T12:40:00Z, action: offline, mk6: ROU1.2 }\n- { at: 2026-03-01T12:50:00Z, action: online, mk6: ROU1.2 }\n- { at: 2026-03-01T20:00:00Z, action: fault_on, mk6: ROU1.2, sycode: 8FV899VJw7Q0 }\n';
    await ui.page.fill('[data-testid=timeline-text]', yaml);
    await ui.page.click('[data-testid=timeline-load]');
    await ui.page.waitForFunction('document.querySelectorAll("[data-testid=timeline-event][data-status=pending]").length === 3');
    await ui.page.click('[data-testid=clock-step-1h]');
    await ui.page.waitForFunction('document.querySelectorAll("[data-testid=timeline-event][data-status=fired]").length === 2');
    const tl = await api('GET', '/mock/timeline');
    assert.deepEqual(tl.events.map((e: any) => e.status), ['fired', 'fired', 'pending']);
    await ui.page.locator(`${CHART('ROU1.2', '8FV899VJw7Q0')}[data-timeline="offline:fired online:fired fault_on:pending"]`).waitFor({ state: 'attached' });
    await ui.page.locator(`${CHART('ROU1.2', '8FV899VJw7Q0')}[data-outages~="offline"]`).waitFor({ state: 'attached' });
    await shot('24-timeline');
    await ui.page.setInputFiles('[data-testid=timeline-file]', { name: 'bad.yaml', mimeType: 'text/yaml', buffer: Buffer.from('- { at: 2026-03-01T12:40:00Z, action: explode }\n') });
    await ui.page.locator('[data-testid=timeline-error]:not([hidden])', { hasText: 'action' }).waitFor();
    await ui.page.click('[data-testid=timeline-clear]');
    await ui.page.waitForFunction('document.querySelectorAll("[data-testid=timeline-event]").length === 0');
    await ui.page.click('[data-testid=timeline] summary');
  });

  it('docks the journal at the bottom, a few lines by default, resizable with the keyboard, and keeps the overview and a card in view at 1280×800', async () => {
    await closeDialogs();
    await ui.page.reload();
    await ui.page.locator(`${CARD('ROU1.1')}[data-expanded="true"]`).waitFor();
    const journal = ui.page.locator('[data-testid=journal]');
    assert.equal(await journal.getAttribute('data-open'), 'false');
    const h0 = (await journal.boundingBox())!.height;
    assert.ok(h0 < 160, `collapsed to a few lines (${h0}px)`);
    const box = (await journal.boundingBox())!;
    assert.ok(Math.abs(box.y + box.height - 800) < 2, 'docked at the bottom');
    await ui.page.focus('[data-testid=journal-resize]');
    for (let i = 0; i < 5; i++) await ui.page.keyboard.press('ArrowUp');
    const h1 = (await journal.boundingBox())!.height;
    assert.ok(h1 >= h0 + 150, `taller after ArrowUp ×5 (${h0} → ${h1})`);
    assert.equal(await journal.getAttribute('data-open'), 'true');
    await ui.page.click('[data-testid=journal-toggle]');
    assert.equal(await journal.getAttribute('data-open'), 'false', 'the toggle folds it back to a few lines');
    assert.equal((await journal.boundingBox())!.height, h0);
    await ui.page.click('[data-testid=journal-toggle]');
    assert.equal((await journal.boundingBox())!.height, h1, 'and opens it at the height chosen');
    // a journal row opens on its bodies from the keyboard too
    const row = ui.page.locator('[data-testid=journal-row]').first();
    const id = await row.getAttribute('data-id');
    await row.focus();
    await ui.page.keyboard.press('Enter');
    await ui.page.locator(`[data-testid=journal-detail][data-id="${id}"]`).waitFor();
    await ui.page.focus('[data-testid=journal-resize]');
    await ui.page.keyboard.press('Home');
    await ui.page.click('[data-testid=journal-toggle]');
    const ov = (await ui.page.locator('[data-testid=overview]').boundingBox())!;
    const card = (await ui.page.locator(`${CARD('ROU1.1')} [data-testid=site]`).first().boundingBox())!;
    assert.ok(ov.width > 250 && ov.height > 300, 'the overview is in view');
    assert.ok(card.x > ov.x + ov.width - 1 && card.width > 600, 'a card beside it');
  });

  it('axe-core: no serious or critical violation on the page; every control reachable by the keyboard has a name', async () => {
    await closeDialogs();
    await ui.page.click('[data-testid=verdicts] summary');
    await ui.page.click('[data-testid=timeline] summary');
    assert.deepEqual(await seriousAxe(ui.page), [], 'axe: main page with its panels open');
    await ui.page.click('[data-testid=verdicts] summary');
    await ui.page.click('[data-testid=timeline] summary');
    // Tab from the top reaches the clock, the tools and the overview.
    await ui.page.reload();
    await ui.page.locator('[data-testid=overview-open]').first().waitFor();
    const reached = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await ui.page.keyboard.press('Tab');
      const info = await ui.page.evaluate(() => {
        const el = (globalThis as any).document.activeElement;
        return el ? `${el.dataset.testid ?? el.dataset.action ?? el.id ?? el.tagName}` : '';
      });
      reached.add(info);
    }
    for (const want of ['clock-freeze', 'provision-open', 'search', 'overview-open']) assert.ok(reached.has(want), `Tab reaches ${want}: ${[...reached].join(', ')}`);
    assert.deepEqual(ui.errors, [], 'no uncaught error on the page');
  });
});
