/**
 * What the chaos-day tests share (test/supervisor/recette/chaos-day*.test.ts): the recette,
 * the `low` day both scripted gateways live through and the seed that holds what they need,
 * the scripted gateway itself, and the fleet calls that load a day and judge it.
 */
import assert from 'node:assert/strict';
import { call, lostSetpoints, ROUVAI, startFleet, type RunningFleet } from './fleet-app.js';
import { checkAgainstContract } from './contract.js';
import { loadFleetFile } from '../../src/config/fleet-file.js';
import { chaosOptions, generateChaos } from '../../src/chaos/generate.js';
import { chaosFleet } from '../../supervisor/recette/chaos-routes.js';

export type Verdict = {
  failed: number;
  coverage: Record<string, Record<string, number>>;
  checks: { id: string; status: string; message: string; evidence: unknown[]; candidates?: { fault: string; mk6_id: string; from: string }[] }[];
};
const THISSITE = new Map(ROUVAI.map((m) => [m.id, m.sites.find((s) => s.role === 'thissite')!]));
const MK6 = ROUVAI.map((m) => m.id);
const DOWN = new Set([502, 503, 504]);
export const RECETTE = `name: chaos day
checks:
  - { id: writes-accepted, kind: no_errors, methods: [POST, PATCH, DELETE] }
  - { id: cadence, kind: polls, max_gap: 2m }
  - { id: replan, kind: resends_after_restart, within: 5m }
  - { id: backoff, kind: max_rate_while_down, per_minute: 6 }
  - { id: limits, kind: setpoints_within_limits }
  - { id: no-dupes, kind: no_duplicate_setpoints }
`;
/** The low day both gateways live through: faults a scripted gateway meets in a few milliseconds each. */
/** One hour: the journal keeps the newest 1000 calls, and the verdict must see the day's first. */
export const LOW = { from: '08:00', to: '09:00', faults: ['kill', 'restart', 'offline', 'site', 'constraint', 'network.error'], targets: 'all', intensity: 'low' };

/** A scripted gateway on the front: polls each MK6, sends one setpoint, re-sends what a cold restart lost (unless broken: then it also hammers a down MK6). */
export class Gateway {
  private readonly plan = new Map<string, Record<string, unknown>[]>();
  constructor(private readonly url: string, private readonly broken = false) {}

  async tick(now: string): Promise<void> {
    await Promise.all(MK6.map((id) => this.mk6(id, now)));
  }

  private async mk6(id: string, now: string): Promise<void> {
    const polled = await call(this.url, 'GET', `/api/v1/mk6/${id}/monitoring`);
    if (DOWN.has(polled.status) && this.broken) for (let i = 0; i < 7; i++) await call(this.url, 'GET', `/api/v1/mk6/${id}/monitoring`);
    if (!this.plan.has(id)) {
      const site = THISSITE.get(id)!;
      const req = { set: 'Psetpoint', site: site.sycode, psetpoint: Math.round(site.pmax_kw / 10), start_time: '2026-03-01T08:01:00Z', end_time: '2026-03-01T12:00:00Z' };
      this.plan.set(id, [req]);
      assert.equal((await call(this.url, 'POST', `/api/v1/mk6/${id}/requests`, req)).status, 201);
      return;
    }
    if (this.broken) return; // never re-sends what a cold restart lost
    const planning = await call(this.url, 'GET', `/api/v1/mk6/${id}/planning`);
    if (planning.status !== 200) return;
    const held = (planning.body as { planning: { psetpoint: number; end_time: string }[] }).planning;
    for (const req of lostSetpoints(this.plan.get(id)!, held, now)) await call(this.url, 'POST', `/api/v1/mk6/${id}/requests`, req);
  }
}

/** The fleet a chaos-day file drives (in process), with the generator it feeds. */
export async function chaosFleetInProcess(): Promise<{ fleet: RunningFleet; generate: (raw: Parameters<typeof chaosOptions>[0]) => ReturnType<typeof generateChaos> }> {
  const fleet = await startFleet({ mk6: ROUVAI }, { env: { MK6_BLACKHOLE_TIMEOUT_MS: '30' } }); // a blackholed MK6's 504 at once: the gateways meet hundreds
  const file = chaosFleet(loadFleetFile(fleet.fleetFile));
  return { fleet, generate: (raw) => generateChaos(file, chaosOptions(raw)) };
}

export async function judge(fleet: RunningFleet, text: string): Promise<Verdict> {
  const res = await call(fleet.url, 'POST', '/mock/verdicts', text, { 'content-type': 'text/yaml' });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  checkAgainstContract('POST', '/mock/verdicts', 200, res.body);
  return res.body as Verdict;
}

export async function loadChaos(fleet: RunningFleet, options: Record<string, unknown>) {
  const res = await call(fleet.url, 'POST', '/mock/chaos', options);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  checkAgainstContract('POST', '/mock/chaos', 200, res.body);
  return res.body as { seed: number; yaml: string; timeline: { count: number; pending: number } };
}

/**
 * The first seed whose low day holds an outage and a cold restart after 08:30 (the re-send
 * judged before 09:00), and before 08:20 a fault that is neither (no check's evidence near it:
 * narrow drops it).
 */
export function lowDay(generate: (raw: Parameters<typeof chaosOptions>[0]) => ReturnType<typeof generateChaos>) {
  const late = (f: { from: string }) => Date.parse(f.from) >= Date.parse('2026-03-01T08:30:00Z');
  const judged = /^(kill\.|offline|restart\.cold)/;
  for (let seed = 1; seed < 5000; seed++) {
    const d = generate({ seed, ...LOW });
    const cold = d.faults.find((f) => f.kind === 'restart.cold' && late(f) && Date.parse(f.from) <= Date.parse('2026-03-01T08:54:00Z'));
    const down = d.faults.find((f) => /^(kill\.|offline)/.test(f.kind));
    const early = d.faults.find((f) => !judged.test(f.kind) && Date.parse(f.to) < Date.parse('2026-03-01T08:20:00Z'));
    if (cold && down && early && d.faults.every((f) => !judged.test(f.kind) || late(f))) return { seed, day: d, cold, down };
  }
  throw new Error('no seed');
}
