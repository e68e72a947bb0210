/**
 * A write that waits in the lifecycle queue behind a switch to production is judged when its turn
 * comes, not when it arrived (contract: in production every write but the mode switch is 403).
 * Found by the interleavings property (seed 2138351957): a clock set queued behind "mode
 * production" moved the fleet's clock while the workers refused it, and /readyz never came back.
 * The supervisor runs in process; its in-memory process manager holds a restart so the queue is
 * known to be busy while the calls arrive.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { call, eventually, startFleet, type Answer, type RunningFleet } from '../../helpers/fleet-app.js';

const site = (id: string) => [{ sycode: `S${id}`, name: `${id} PDL`, role: 'thissite', pmax_kw: 5000 }];
let fleet: RunningFleet;

before(async () => {
  fleet = await startFleet({ name: 'queued', mk6: [{ id: 'A', sites: site('A') }, { id: 'B', sites: site('B') }] as any });
});
after(() => fleet.stop());

it('a clock set queued behind a switch to production is refused, and the fleet stays ready', async () => {
  // Hold A's restart inside the queue until both calls below have reached the supervisor.
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const pm = fleet.processes;
  const restart = pm.restart.bind(pm);
  pm.restart = async (name: string) => {
    await gate;
    return restart(name);
  };
  const queued: string[] = [];
  const sup = fleet.supervisor;
  for (const method of ['setMode', 'setClock'] as const) {
    const original = (sup[method] as (...args: unknown[]) => unknown).bind(sup);
    (sup as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      queued.push(method);
      return original(...args);
    };
  }
  try {
    const restarting = call(fleet.url, 'POST', '/mock/mk6/A/restart', { kind: 'warm' });
    await eventually(async () => sup.busy(sup.members.get('A')!) || undefined, 5000, 'A busy');
    const production = call(fleet.url, 'POST', '/supervision/mode', { mode: 'production' });
    await eventually(async () => queued.includes('setMode') || undefined, 5000, 'the mode switch queued');
    const clock = call(fleet.url, 'POST', '/mock/time', { now: '2026-03-01T10:00:00Z' });
    await eventually(async () => queued.includes('setClock') || undefined, 5000, 'the clock set queued');
    release();
    const [r, p, c] = (await Promise.all([restarting, production, clock])) as Answer[];
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(p.status, 200, JSON.stringify(p.body));
    assert.equal(c.status, 403, `the clock set ran after the switch: ${JSON.stringify(c.body)}`);
    assert.equal(c.body.error, 'FORBIDDEN');
  } finally {
    release();
    pm.restart = restart;
    delete (sup as unknown as Record<string, unknown>).setMode;
    delete (sup as unknown as Record<string, unknown>).setClock;
  }
  assert.equal((await call(fleet.url, 'GET', '/supervision/api/time')).body.source, 'system');
  assert.equal((await call(fleet.url, 'POST', '/supervision/mode', { mode: 'mock' })).status, 200);
  const ready = await eventually(async () => {
    const res = await call(fleet.url, 'GET', '/readyz');
    return res.status === 200 ? res : undefined;
  }, 10_000, '/readyz 200');
  assert.deepEqual(ready.body.mk6, { A: 'ready', B: 'ready' });
});
