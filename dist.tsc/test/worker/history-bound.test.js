import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { replay } from "../helpers/fuzz.js";
import { Mk6, emptyMk6Data } from "../../src/domain/mk6.js";
import { readPatch, readSubmit } from "../../src/contract/commands.js";
describe("request history stays bounded", () => {
  it("holds a steady number of requests over 20 000 short setpoints", () => {
    const mk6 = new Mk6(emptyMk6Data("SOAK", [{ sycode: "S1", name: "S1", role: "thissite", pmax_kw: 1e3, prm_id: null }]), 1);
    let now = Date.parse("2026-03-01T10:00:00Z");
    let most = 0;
    for (let i = 0; i < 2e4; i++) {
      const start = new Date(now).toISOString();
      const end = new Date(now + 1e3).toISOString();
      assert.equal(mk6.submit(readSubmit({ set: "Psetpoint", site: "S1", psetpoint: i % 1e3, start_time: start, end_time: end }), now).outcome, "created");
      now += 2e3;
      most = Math.max(most, mk6.toData().requests.length);
    }
    assert.ok(most <= 3100, `the MK6 held up to ${most} requests: history is not bounded`);
    assert.ok(mk6.toData().requests.length <= 3100);
  });
});
const HISTORY_KEPT = 1e3;
const SCAN_DUE = 2001;
const op = fc.oneof(
  fc.record({ kind: fc.constant("submit"), count: fc.integer({ min: 1, max: 2500 }), startMin: fc.integer({ min: -120, max: 120 }), lengthMin: fc.option(fc.integer({ min: 1, max: 240 })) }),
  fc.record({ kind: fc.constant("clock"), minutes: fc.integer({ min: -180, max: 600 }) }),
  fc.record({ kind: fc.constant("delete"), every: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant("shorten"), every: fc.integer({ min: 1, max: 5 }), lengthMin: fc.integer({ min: 1, max: 30 }) }),
  fc.constant({ kind: "mainReset" })
);
describe("request history stays bounded, whatever made it history", () => {
  it("after any mix of setpoints, deletions, shortened windows, main_reset and clock moves, the next requests bring history back to 1000", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), (ops) => {
        const mk6 = new Mk6(emptyMk6Data("HIST", [{ sycode: "S1", name: "S1", role: "thissite", pmax_kw: 1e3, prm_id: null }]), 1);
        let now = Date.parse("2026-03-01T10:00:00Z");
        const at = (min) => new Date(now + min * 6e4).toISOString();
        const live = () => mk6.toData().requests.filter((r) => r.deleted_at === null && !(r.end !== null && now >= r.end));
        for (const o of ops) {
          if (o.kind === "submit") {
            for (let i = 0; i < o.count; i++) {
              const body = { set: "Psetpoint", site: "S1", psetpoint: 500, start_time: at(o.startMin), ...o.lengthMin === null ? {} : { end_time: at(o.startMin + o.lengthMin) } };
              mk6.submit(readSubmit(body), now);
            }
          } else if (o.kind === "clock") {
            now += o.minutes * 6e4;
          } else if (o.kind === "delete") {
            live().filter((_, i) => i % o.every === 0).forEach((r) => mk6.deleteRequest(r.id, now));
          } else if (o.kind === "shorten") {
            live().filter((r, i) => i % o.every === 0 && now < r.start).forEach((r) => mk6.patchRequest(r.id, readPatch({ end_time: new Date(r.start + o.lengthMin * 6e4).toISOString() }), now));
          } else {
            mk6.submit(readSubmit({ set: "main_reset", confirm: true }), now);
          }
        }
        for (let i = 0; i < SCAN_DUE; i++) mk6.submit(readSubmit({ set: "Psetpoint", site: "S1", psetpoint: 500, start_time: at(60) }), now);
        const history = mk6.toData().requests.length - live().length;
        assert.ok(history <= HISTORY_KEPT, `${history} requests of history kept after ${SCAN_DUE} new ones`);
      }),
      {
        numRuns: Number(process.env.FUZZ_RUNS ?? 60),
        ...replay,
        examples: [
          // A scan of live requests, then they are deleted, or their windows end before any other's.
          [[{ kind: "submit", count: 2500, startMin: -10, lengthMin: null }, { kind: "delete", every: 1 }]],
          [[{ kind: "submit", count: 2500, startMin: 10, lengthMin: 240 }, { kind: "shorten", every: 1, lengthMin: 5 }, { kind: "clock", minutes: 20 }]],
          [[{ kind: "submit", count: 2500, startMin: 10, lengthMin: null }, { kind: "mainReset" }]]
        ]
      }
    );
  });
});
