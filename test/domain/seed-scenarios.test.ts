/** Seed scenarios 3, 6, 7, 8, 9 and 13 as pure, time-stepped checks on the domain model. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Mk6, emptyMk6Data } from '../../src/domain/mk6.js';
import { submitAnswer } from '../../src/worker/http/gateway-api.js';
import { readSubmit } from '../../src/contract/commands.js';
import { Mk6Error } from '../../src/contract/errors.js';
import type { SiteConfig } from '../../src/domain/sites.js';

const at = (hhmm: string) => Date.parse(`2026-03-01T${hhmm}:00Z`);
const iso = (hhmm: string) => `2026-03-01T${hhmm}:00Z`;
const site = (sycode: string, name: string, role: 'thissite' | 'nearsite', pmax_kw: number): SiteConfig => ({ sycode, name, role, pmax_kw, prm_id: null });
const mk6 = (id: string, sites: SiteConfig[]) => new Mk6(emptyMk6Data(id, sites), 1);

/** The seed's sequence: every POST is sent at the frozen `now` of that step. */
function post(m: Mk6, now: string, body: Record<string, unknown>): any {
  return submitAnswer(m.submit(readSubmit(body), at(now))).body;
}

function rejects(fn: () => unknown, status: number, code: string): Mk6Error {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof Mk6Error);
    assert.equal(err.status, status);
    assert.equal(err.code, code);
    return err;
  }
  assert.fail(`expected ${status} ${code}`);
}

describe('seed scenario 3 – Psetpoint targeted per site', () => {
  it('limits PDL2 only, and a stop can name its site', () => {
    const m = mk6('ROU1.1', [site('8FV898VMwWX0', 'ROU1 PDL1', 'thissite', 8340), site('8FV898VPwW20', 'ROU1 PDL2', 'nearsite', 8340)]);
    const r = post(m, '10:00', { set: 'Psetpoint', site: '8FV898VPwW20', psetpoint: 5000, start_time: iso('12:00'), end_time: iso('18:00') });
    assert.equal(r.id, 'REQ-001');
    assert.deepEqual(r.site, { '8FV898VPwW20': 'ROU1 PDL2' });
    assert.equal(r.state, 'scheduled');

    const pdl2 = m.siteView('8FV898VPwW20', at('14:00'));
    assert.equal(pdl2.psetpoint_recu, 5000);
    assert.equal(pdl2.active_request?.id, 'REQ-001');
    const pdl1 = m.siteView('8FV898VMwWX0', at('14:00'));
    assert.equal(pdl1.psetpoint_recu, 8340);
    assert.equal(pdl1.active_request, null);

    const stop = post(m, '14:00', { set: 'stop', site: 'ROU1 PDL1', start_time: iso('14:00'), end_time: iso('16:00') });
    assert.deepEqual(stop.site, { '8FV898VMwWX0': 'ROU1 PDL1' });
    assert.equal(stop.state, 'active');
  });
});

describe('seed scenario 6 – explicit clear (DEC-065)', () => {
  const one = () => mk6('ROU1.1', [site('SYC1', 'PDL1', 'thissite', 8340)]);
  const recu = (m: Mk6, now: string) => m.siteView('SYC1', at(now)).psetpoint_recu;

  it('case 1: end of series → Pmax, no active request', () => {
    const m = one();
    post(m, '10:00', { set: 'Psetpoint', site: 'SYC1', psetpoint: 5000, start_time: iso('14:00'), end_time: iso('16:00') });
    assert.equal(recu(m, '15:00'), 5000);
    assert.equal(recu(m, '16:30'), 8340);
    assert.equal(m.siteView('SYC1', at('16:30')).active_request, null);
    assert.equal(m.getRequest('REQ-001', at('16:30')).state, 'expired');
  });

  it('case 2: a gap between segments is a clear; case 3: a Pmax request frees production', () => {
    const m = one();
    post(m, '10:00', { set: 'Psetpoint', site: 'SYC1', psetpoint: 5000, start_time: iso('14:00'), end_time: iso('15:00') });
    post(m, '10:00', { set: 'Psetpoint', site: 'SYC1', psetpoint: 5000, start_time: iso('16:00'), end_time: iso('18:00') });
    assert.equal(recu(m, '14:30'), 5000);
    assert.equal(recu(m, '15:30'), 8340);
    assert.equal(recu(m, '16:30'), 5000);
    const free = post(m, '16:30', { set: 'Psetpoint', site: 'SYC1', psetpoint: 8340, start_time: iso('16:00'), end_time: iso('18:00') });
    assert.equal(free.state, 'active');
    assert.equal(recu(m, '16:30'), 8340);
    assert.equal(m.siteView('SYC1', at('16:30')).active_request?.id, free.id);
  });
});

describe('seed scenario 7 – annule-et-remplace', () => {
  it('the last series prevails on the same window', () => {
    const m = mk6('ROU1.1', [site('SYC1', 'PDL1', 'thissite', 8340)]);
    post(m, '10:00', { set: 'Psetpoint', site: 'SYC1', psetpoint: 3000, start_time: iso('14:00'), end_time: iso('18:00') });
    post(m, '10:00', { set: 'Psetpoint', site: 'SYC1', psetpoint: 7000, start_time: iso('14:00'), end_time: iso('18:00') });
    const v = m.siteView('SYC1', at('15:00'));
    assert.equal(v.psetpoint_recu, 7000);
    assert.equal(v.active_request?.id, 'REQ-002');
  });
});

describe('seed scenario 8 – main_reset', () => {
  it('443 without confirm, then purges the 2 scheduled and keeps the active one', () => {
    const m = mk6('ROU1.1', [site('SYC_A', 'Site A', 'thissite', 10000), site('SYC_B', 'Site B', 'nearsite', 10000)]);
    post(m, '10:00', { set: 'Psetpoint', site: 'SYC_A', psetpoint: 5000, start_time: iso('09:00'), end_time: iso('18:00') });
    post(m, '10:00', { set: 'stop', site: 'SYC_B', start_time: iso('14:00'), end_time: iso('16:00') });
    post(m, '10:00', { set: 'Psetpoint', site: 'SYC_B', psetpoint: 3000, start_time: iso('16:00'), end_time: iso('18:00') });
    rejects(() => post(m, '10:00', { set: 'main_reset' }), 443, 'CONFIRMATION_REQUIRED');
    const out = submitAnswer(m.submit(readSubmit({ set: 'main_reset', confirm: true, reason: 'nettoyage test' }), at('10:00')));
    assert.equal(out.status, 200);
    assert.equal((out.body as any).deleted_count, 2);
    assert.equal((out.body as any).kept_count, 1);
    assert.equal((out.body as any).reason, 'nettoyage test');
    const planning = m.planning(at('10:00'));
    assert.deepEqual(planning.map((r) => [r.id, r.state]), [['REQ-001', 'active']]);
    assert.equal(m.siteView('SYC_B', at('15:00')).psetpoint_recu, 10000, 'the purged stop never applies');
  });
});

describe('seed scenario 9 – Pmax per site (R-IT-06)', () => {
  it('9000 kW fits PDL2 (11120) but not PDL4 (8340) → 441 {max, site}', () => {
    const m = mk6('VAI', [site('8FV897G6wGQ0', 'VAI PDL4', 'thissite', 8340), site('8FV89688wQW0', 'VAI PDL2', 'nearsite', 11120)]);
    const views = m.siteViews(at('10:00'));
    assert.equal(views['8FV897G6wGQ0'].pmax_wf, 8340);
    assert.equal(views['8FV89688wQW0'].pmax_wf, 11120);
    const ok = post(m, '10:00', { set: 'Psetpoint', site: '8FV89688wQW0', psetpoint: 9000, start_time: iso('12:00'), end_time: iso('14:00') });
    assert.equal(ok.id, 'REQ-001');
    const err = rejects(() => post(m, '10:00', { set: 'Psetpoint', site: '8FV897G6wGQ0', psetpoint: 9000 }), 441, 'INVALID_VALUE');
    assert.deepEqual(err.details, { max: 8340, site: '8FV897G6wGQ0' });
  });
});

describe('seed scenario 13 – time transitions', () => {
  it('Pmax → 3 MW → stop → 7 MW → Pmax as the clock moves', () => {
    const m = mk6('mk6-A', [site('SYC1', 'Site1', 'thissite', 10000)]);
    post(m, '10:00', { set: 'Psetpoint', site: 'SYC1', psetpoint: 3000, start_time: iso('11:00'), end_time: iso('12:00') });
    post(m, '10:00', { set: 'stop', site: 'SYC1', start_time: iso('12:00'), end_time: iso('13:00') });
    post(m, '10:00', { set: 'Psetpoint', site: 'SYC1', psetpoint: 7000, start_time: iso('13:00'), end_time: iso('14:00') });
    const steps: [string, number, boolean, string | null][] = [
      ['10:00', 10000, false, null],
      ['11:30', 3000, false, 'REQ-001'],
      ['12:30', 0, true, 'REQ-002'],
      ['13:30', 7000, false, 'REQ-003'],
      ['14:30', 10000, false, null],
    ];
    for (const [now, recu, stop, active] of steps) {
      const v = m.siteView('SYC1', at(now));
      assert.equal(v.psetpoint_recu, recu, `psetpoint_recu at ${now}`);
      assert.equal(v.stop_wf_active, stop, `stop_wf_active at ${now}`);
      assert.equal(v.active_request?.id ?? null, active, `active_request at ${now}`);
      assert.ok(v.pactive <= Math.min(v.pavailable, recu), `pactive at ${now}`);
    }
    assert.deepEqual(m.planning(at('14:30')), [], 'everything expired');
  });
});
