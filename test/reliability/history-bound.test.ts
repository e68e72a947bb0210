/**
 * A long-running MK6 keeps its memory and state file bounded: expired and deleted requests
 * are history, and past HISTORY_KEPT the oldest are forgotten, however long the soak.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Mk6, emptyMk6Data } from '../../src/domain/mk6.js';

describe('request history stays bounded', () => {
  it('holds a steady number of requests over 20 000 short setpoints', () => {
    const mk6 = new Mk6(emptyMk6Data('SOAK', [{ sycode: 'S1', name: 'S1', role: 'thissite', pmax_kw: 1000, prm_id: null }]), 1);
    let now = Date.parse('2026-03-01T10:00:00Z');
    let most = 0;
    for (let i = 0; i < 20_000; i++) {
      const start = new Date(now).toISOString();
      const end = new Date(now + 1000).toISOString();
      assert.equal(mk6.submit({ set: 'Psetpoint', site: 'S1', psetpoint: i % 1000, start_time: start, end_time: end }, now).status, 201);
      now += 2000; // the previous one has expired
      most = Math.max(most, mk6.toData().requests.length);
    }
    // HISTORY_KEPT (1000) kept, plus at most PRUNE_ABOVE (2000) between two scans.
    assert.ok(most <= 3100, `the MK6 held up to ${most} requests: history is not bounded`);
    assert.ok(mk6.toData().requests.length <= 3100);
  });
});
