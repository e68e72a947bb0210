/**
 * The effective setpoint against the contract, over random command sequences (fast-check).
 * The test keeps its own model of the planning, written from DESIGN.md, not from the product:
 *
 * - a Psetpoint/stop is accepted when its site is accessible (no fault), a Psetpoint lies in
 *   0..pmax of its site, and end > start (start absent = now); it takes the next seq;
 * - PATCH changes a scheduled request only (now < start, not deleted), with the same checks;
 *   a stop has no psetpoint; DELETE takes a scheduled or an active one;
 * - main_reset with "confirm": true deletes every scheduled request (of one site if given);
 * - "Effective setpoint of a site at time t: among its non-deleted requests whose window
 *   contains t (start <= t < end), the one with the highest seq wins. None → psetpoint_recu =
 *   pmax_wf, active_request: null. stop → psetpoint_recu = 0, stop_wf_active: true."
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readPatch, readSubmit } from '../../src/contract/commands.js';
import { Mk6, emptyMk6Data } from '../../src/domain/mk6.js';
import type { SiteConfig } from '../../src/domain/sites.js';

const T0 = Date.parse('2026-03-01T10:00:00Z');
const MIN = 60_000;
const iso = (t: number) => new Date(t).toISOString();
const PMAX: Record<string, number> = { A: 8000, B: 5000 };
const SITES: SiteConfig[] = [
  { sycode: 'A', name: 'Site A', role: 'thissite', pmax_kw: PMAX.A, prm_id: null },
  { sycode: 'B', name: 'Site B', role: 'nearsite', pmax_kw: PMAX.B, prm_id: null },
];

interface Modelled {
  id: string;
  seq: number;
  site: string;
  set: 'Psetpoint' | 'stop';
  kw: number | null;
  start: number;
  end: number | null;
  deleted: boolean;
}

type Cmd =
  | { kind: 'submit'; set: 'Psetpoint' | 'stop'; site: string; kw: number; startMin: number | null; lenMin: number | null }
  | { kind: 'patch'; pick: number; kw: number | null; startMin: number | null; lenMin: number | null }
  | { kind: 'delete'; pick: number }
  | { kind: 'mainReset'; site: string | null }
  | { kind: 'fault'; site: string; on: boolean }
  | { kind: 'clock'; min: number };

const site = fc.constantFrom('A', 'B');
const minutes = fc.integer({ min: -20, max: 40 });
const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('submit' as const), set: fc.constantFrom('Psetpoint' as const, 'stop' as const), site, kw: fc.integer({ min: -50, max: 9000 }), startMin: fc.option(minutes), lenMin: fc.option(fc.integer({ min: -3, max: 60 })) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('patch' as const), pick: fc.nat(), kw: fc.option(fc.integer({ min: -50, max: 9000 })), startMin: fc.option(minutes), lenMin: fc.option(fc.integer({ min: -3, max: 60 })) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('mainReset' as const), site: fc.option(site) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fault' as const), site, on: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('clock' as const), min: fc.integer({ min: 0, max: 30 }) }) },
);

const scheduled = (r: Modelled, now: number) => !r.deleted && now < r.start;
const active = (r: Modelled, now: number) => !r.deleted && r.start <= now && (r.end === null || now < r.end);

/** The contract's rule, on the model. */
function expected(model: Modelled[], sycode: string, t: number): { setpoint: number; stop: boolean; id: string | null } {
  const holding = model.filter((r) => r.site === sycode && !r.deleted && r.start <= t && (r.end === null || t < r.end));
  const top = holding.sort((a, b) => b.seq - a.seq)[0];
  if (!top) return { setpoint: PMAX[sycode], stop: false, id: null };
  return { setpoint: top.set === 'stop' ? 0 : (top.kw as number), stop: top.set === 'stop', id: top.id };
}

function accepted(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch (err) {
    if (err instanceof Error && err.name === 'Mk6Error') return false;
    throw err;
  }
}

describe('the effective setpoint obeys the contract', () => {
  it('over random submits, patches, deletions, main_resets, faults and clock moves', () => {
    fc.assert(
      fc.property(fc.array(cmd, { maxLength: 40 }), (cmds) => {
        const m = new Mk6(emptyMk6Data('R', SITES), 3);
        const model: Modelled[] = [];
        const faulted = new Set<string>();
        let now = T0;
        for (const c of cmds) {
          if (c.kind === 'clock') {
            now += c.min * MIN;
          } else if (c.kind === 'fault') {
            m.setFault(c.site, c.on, now);
            if (c.on) faulted.add(c.site);
            else faulted.delete(c.site);
          } else if (c.kind === 'submit') {
            const start = c.startMin === null ? now : now + c.startMin * MIN;
            const end = c.lenMin === null ? null : start + c.lenMin * MIN;
            const body = { set: c.set, site: c.site, ...(c.set === 'Psetpoint' ? { psetpoint: c.kw } : {}), ...(c.startMin === null ? {} : { start_time: iso(start) }), ...(end === null ? {} : { end_time: iso(end) }) };
            const ok = !faulted.has(c.site) && (c.set === 'stop' || (c.kw >= 0 && c.kw <= PMAX[c.site])) && (end === null || end > start);
            assert.equal(accepted(() => m.submit(readSubmit(body), now)), ok, `submit ${JSON.stringify(body)}`);
            if (ok) model.push({ id: `REQ-${String(model.length + 1).padStart(3, '0')}`, seq: model.length + 1, site: c.site, set: c.set, kw: c.set === 'stop' ? null : c.kw, start, end, deleted: false });
          } else if (c.kind === 'patch' || c.kind === 'delete') {
            const r = model[c.pick % Math.max(1, model.length)];
            if (!r) continue;
            if (c.kind === 'delete') {
              const ok = scheduled(r, now) || active(r, now);
              assert.equal(accepted(() => m.deleteRequest(r.id, now)), ok, `delete ${r.id}`);
              if (ok) r.deleted = true;
              continue;
            }
            const body = { ...(c.kw === null ? {} : { psetpoint: c.kw }), ...(c.startMin === null ? {} : { start_time: iso(now + c.startMin * MIN) }), ...(c.lenMin === null ? {} : { end_time: iso(now + (c.startMin ?? 0) * MIN + c.lenMin * MIN) }) };
            const start = c.startMin === null ? r.start : now + c.startMin * MIN;
            const end = c.lenMin === null ? r.end : now + (c.startMin ?? 0) * MIN + c.lenMin * MIN;
            const kwOk = c.kw === null || (r.set === 'Psetpoint' && c.kw >= 0 && c.kw <= PMAX[r.site]);
            const ok = Object.keys(body).length > 0 && scheduled(r, now) && !faulted.has(r.site) && kwOk && (end === null || end > start);
            assert.equal(accepted(() => m.patchRequest(r.id, readPatch(body), now)), ok, `patch ${r.id} ${JSON.stringify(body)}`);
            if (ok) Object.assign(r, { start, end, kw: c.kw ?? r.kw });
          } else {
            const body = { set: 'main_reset', confirm: true, ...(c.site === null ? {} : { site: c.site }) };
            const out = m.submit(readSubmit(body), now);
            const gone = model.filter((r) => (c.site === null || r.site === c.site) && scheduled(r, now));
            assert.ok(out.outcome === 'main_reset');
            assert.deepEqual(out.result.deleted, gone.map((r) => r.id), 'main_reset deletes the scheduled requests');
            for (const r of gone) r.deleted = true;
          }
          for (const sycode of ['A', 'B']) {
            for (const t of [now - 10 * MIN, now, now + 5 * MIN, now + 30 * MIN, now + 90 * MIN]) {
              const view = m.siteView(sycode, t);
              const want = expected(model, sycode, t);
              assert.deepEqual({ setpoint: view.psetpoint_recu, stop: view.stop_wf_active, id: view.active_request?.id ?? null }, want, `${sycode} at ${iso(t)}`);
            }
          }
        }
      }),
      { numRuns: Number(process.env.FC_RUNS) > 0 ? Number(process.env.FC_RUNS) : 100 },
    );
  });
});
