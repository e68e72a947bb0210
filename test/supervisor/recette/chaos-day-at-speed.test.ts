/**
 * The chaos-day test's low day on the running clock (in process, test/helpers/fleet-app.ts):
 * the fleet clock at 90×, the timeline firing on its own timers, the well-behaved scripted
 * gateway polling as the clock goes: it passes every check, the cold restart judged. `npm test`
 * runs it beside other files (test/helpers/run-suites.ts): at 90× the gateway's 45 s polls are
 * 0.5 s apart and the recette's 3 min gap is 2 s, so a loaded machine may stall the test
 * process 1.5 s before a check fails (at 180× it was 0.75 s, and the file ran alone).
 */
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, type RunningFleet } from '../../helpers/fleet-app.js';
import { chaosFleetInProcess, Gateway, judge, LOW, loadChaos, lowDay, RECETTE } from '../../helpers/chaos-day.js';
import { chaosOptions, generateChaos } from '../../../src/chaos/generate.js';

/** The fleet clock's speed: the hour in 40 s. */
const SPEED = 90;
let fleet: RunningFleet;
let generate: (raw: Parameters<typeof chaosOptions>[0]) => ReturnType<typeof generateChaos>;
before(async () => {
  ({ fleet, generate } = await chaosFleetInProcess());
});
after(() => fleet?.stop());

it('at speed (the fleet clock at 90×, the timeline firing on its timers): the well-behaved gateway passes the same low day', async () => {
  const { seed } = lowDay(generate);
  await loadChaos(fleet, { seed, ...LOW });
  assert.equal((await call(fleet.url, 'POST', '/mock/reset')).status, 200);
  assert.equal((await call(fleet.url, 'POST', '/mock/time', { now: '2026-03-01T08:00:00Z', speed: SPEED })).status, 200);
  const gw = new Gateway(fleet.url);
  const end = Date.parse(`2026-03-01T${LOW.to}:00Z`);
  let next = 0;
  for (;;) {
    const now = Date.parse(((await call(fleet.url, 'GET', '/supervision/api/time')).body as { now: string }).now);
    if (now >= end) break;
    if (now >= next) {
      await gw.tick(new Date(now).toISOString());
      next = now + 45_000; // a poll every 45 s of fleet clock (0.5 s real): the journal's 1000 hold the hour
    } else await new Promise((ok) => setTimeout(ok, 50)); // until the clock moves on
  }
  const tl = (await call(fleet.url, 'GET', '/mock/timeline')).body as { pending: number; events: { status: string }[] };
  assert.equal(tl.pending, 0);
  const v = await judge(fleet, RECETTE.replace('max_gap: 2m', 'max_gap: 3m')); // a loaded machine may hold a tick 1.5 s
  assert.deepEqual(v.checks.filter((c) => c.status === 'fail').map((c) => `${c.id}: ${c.message}`), [], `seed ${seed} at speed`);
  assert.equal(v.checks.find((c) => c.id === 'replan')?.status, 'pass', 'the cold restart was judged');
  assert.equal((await call(fleet.url, 'POST', '/mock/time/release')).status, 200);
});
