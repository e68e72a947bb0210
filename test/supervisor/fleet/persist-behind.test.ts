/**
 * A broadcast's clock is answered at once and persisted behind: the supervisor holds it
 * durably, and each worker writes it to its own state file within a second, not while the
 * other workers still answer (BENCHMARKS.md, session 5). A worker stopped before then writes
 * it as it stops: its state file is never left behind the last broadcast it answered.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { call, eventually, scaleFleet, startFleet } from '../../helpers/fleet.js';
import { StateFile } from '../../../src/persist/state-file.js';
import type { FleetClock } from '../../../src/domain/clock.js';

/** The simulated time a worker's state file holds its clock frozen at, or null. */
function persistedFrozenAt(stateDir: string, id: string): number | null {
  const clock = StateFile.load<{ clock: FleetClock }, { id: string }>(join(stateDir, `mk6-${id}.jsonl`))?.meta.clock;
  return clock?.source === 'mock' && clock.speed === 0 ? clock.anchorSim : null;
}

describe('a broadcast clock is persisted behind', () => {
  it('reaches every worker state file within seconds of the answer', async () => {
    const fleet = await startFleet({ name: 'behind', mk6: scaleFleet(3) });
    try {
      const now = '2026-03-01T10:07:00Z';
      const answer = await call(fleet.url, 'POST', '/mock/time', { now });
      assert.equal(answer.status, 200);
      for (const id of ['M1', 'M2', 'M3']) {
        await eventually(async () => (persistedFrozenAt(fleet.stateDir, id) === Date.parse(now) ? true : undefined), 5000, `${id}'s state file holds the clock`);
      }
    } finally {
      await fleet.stop();
    }
  });

  it('a worker that stops right after the broadcast writes it as it stops', async () => {
    const fleet = await startFleet({ name: 'behind-stop', mk6: scaleFleet(2) });
    try {
      const now = '2026-03-01T11:42:00Z';
      assert.equal((await call(fleet.url, 'POST', '/mock/time', { now })).status, 200);
      assert.equal(await fleet.terminate(), 0, 'the supervisor stops its workers and exits 0');
      for (const id of ['M1', 'M2']) assert.equal(persistedFrozenAt(fleet.stateDir, id), Date.parse(now), id);
    } finally {
      await fleet.stop();
    }
  });
});
