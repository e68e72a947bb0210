import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { Mk6, emptyMk6Data } from "../../src/domain/mk6.js";
import { readConstraint, readSubmit } from "../../src/contract/commands.js";
const T0 = Date.parse("2026-03-01T10:00:00Z");
const MIN = 6e4;
const RUNS = Number(process.env.FC_RUNS) > 0 ? Number(process.env.FC_RUNS) : 60;
const PMAX = 11120;
const FULL_WIND = { kind: "recorded", points: [["00:00", PMAX]] };
function site(dynamics, profile = FULL_WIND) {
  return { sycode: "PDL10", name: "ROU2 PDL10", role: "thissite", pmax_kw: PMAX, prm_id: null, dynamics, profile };
}
const mk6 = (s) => new Mk6(emptyMk6Data("ROU2", [s]), 20260301);
const pactive = (m, t) => m.siteView("PDL10", t).pactive;
const setpoint = (m, kw, at, start = at, end) => m.submit(readSubmit({ set: "Psetpoint", site: "PDL10", psetpoint: kw, start_time: new Date(start).toISOString(), ...end ? { end_time: new Date(end).toISOString() } : {} }), at);
describe("the acceptance scenario: ROU2 PDL10, 1000 kW/min, 30 s dead time, 8340 \u2192 2000 kW", () => {
  const m = mk6(site({ ramp_kw_per_min: 1e3, dead_time_s: 30 }));
  setpoint(m, 8340, T0 - 60 * MIN);
  setpoint(m, 2e3, T0);
  it("holds 8340 for 30 s, then falls 1000 kW per simulated minute, then stays at 2000", () => {
    assert.equal(pactive(m, T0 - 1e3), 8340);
    assert.equal(pactive(m, T0), 8340);
    assert.equal(pactive(m, T0 + 29999), 8340);
    assert.equal(pactive(m, T0 + 3e4), 8340);
    assert.equal(pactive(m, T0 + 3e4 + MIN), 7340);
    assert.equal(pactive(m, T0 + 3e4 + 3 * MIN), 5340);
    assert.equal(pactive(m, T0 + 3e4 + 6.34 * MIN), 2e3);
    assert.equal(pactive(m, T0 + 3e4 + 60 * MIN), 2e3);
    assert.equal(m.siteView("PDL10", T0 + 1e4).psetpoint_recu, 2e3, "the setpoint received is at once the new one");
  });
  it("a frozen clock freezes it, and a replay of the same history gives the same numbers", () => {
    const again = mk6(site({ ramp_kw_per_min: 1e3, dead_time_s: 30 }));
    setpoint(again, 8340, T0 - 60 * MIN);
    setpoint(again, 2e3, T0);
    for (let t = T0 - MIN; t < T0 + 10 * MIN; t += 7013) {
      assert.equal(pactive(m, t), pactive(m, t));
      assert.equal(pactive(again, t), pactive(m, t));
    }
  });
  it("a warm restart (the persisted data loaded again) answers the same numbers", () => {
    const restored = new Mk6(JSON.parse(JSON.stringify(m.toData())), 20260301);
    for (let t = T0 - MIN; t < T0 + 10 * MIN; t += 11017) assert.equal(pactive(restored, t), pactive(m, t));
  });
  it("a cold restart loses the planning, not the plant: it holds where it was for the dead time, then ramps to pmax", () => {
    const cold = new Mk6(JSON.parse(JSON.stringify(m.toData())), 20260301);
    const cut = T0 + 3e4 + 2 * MIN;
    cold.clearPlanning(cut);
    assert.equal(cold.planning(cut).length, 0);
    assert.equal(pactive(cold, cut), 6340);
    assert.equal(pactive(cold, cut + 29e3), 6340, "what it was told before the cut is lost with the controller");
    assert.equal(pactive(cold, cut + 3e4 + MIN), 7340, "then up to pmax at the ramp rate");
    assert.equal(pactive(cold, cut + 3e4 + 60 * MIN), PMAX);
    const reloaded = new Mk6(JSON.parse(JSON.stringify(cold.toData())), 20260301);
    assert.equal(pactive(reloaded, cut + 3e4 + MIN), 7340, "the anchor is persisted with the site");
  });
  it("a stop ramps down at the down rate; a fault drops to 0 at once and restarts after the dead time", () => {
    const s = mk6(site({ ramp_kw_per_min: 1e3, ramp_down_kw_per_min: 4e3, dead_time_s: 30 }));
    s.submit(readSubmit({ set: "stop", site: "PDL10", start_time: new Date(T0).toISOString() }), T0);
    assert.equal(pactive(s, T0 + 3e4), PMAX);
    assert.equal(pactive(s, T0 + 3e4 + MIN), PMAX - 4e3);
    assert.equal(pactive(s, T0 + 3e4 + 3 * MIN), 0);
    const f = mk6(site({ ramp_kw_per_min: 1e3, dead_time_s: 30 }));
    f.setFault("PDL10", true, T0);
    assert.equal(pactive(f, T0), 0);
    assert.equal(pactive(f, T0 + 5 * MIN), 0);
    f.setFault("PDL10", false, T0 + 10 * MIN);
    assert.equal(pactive(f, T0 + 10 * MIN + 29e3), 0, "held at 0 for the dead time");
    assert.equal(pactive(f, T0 + 10 * MIN + 3e4 + 2 * MIN), 2e3);
  });
  it("without dynamics nothing changes: pactive = min(pavailable, setpoint, constraint) at once", () => {
    const plain = mk6(site(void 0));
    setpoint(plain, 2e3, T0);
    assert.equal(pactive(plain, T0), 2e3);
  });
  it("the wind still limits at once, and the ramp starts from what the plant really gives", () => {
    const windy = mk6(site({ ramp_kw_per_min: 1e3, dead_time_s: 0 }, { kind: "recorded", points: [["00:00", 5e3]] }));
    setpoint(windy, 2e3, T0);
    assert.equal(pactive(windy, T0), 5e3);
    assert.equal(pactive(windy, T0 + MIN), 4e3, "down from 5000 (the wind), not from pmax");
  });
});
const dt = fc.integer({ min: 0, max: 15 * MIN });
const opArb = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("setpoint"), dt, kw: fc.integer({ min: 0, max: PMAX }), len: fc.option(fc.integer({ min: 1e3, max: 30 * MIN })) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("stop"), dt, len: fc.option(fc.integer({ min: 1e3, max: 30 * MIN })) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("delete"), dt }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("constraint"), dt, kw: fc.option(fc.integer({ min: 0, max: PMAX })) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("fault"), dt, on: fc.boolean() }) }
);
const dynArb = fc.record({
  ramp_kw_per_min: fc.integer({ min: 100, max: 2e4 }),
  ramp_down_kw_per_min: fc.option(fc.integer({ min: 100, max: 2e4 }), { nil: void 0 }),
  dead_time_s: fc.option(fc.integer({ min: 0, max: 120 }), { nil: void 0 })
});
function play(dynamics, ops) {
  const m = mk6(site(dynamics));
  let t = T0;
  const changes = [];
  let faulted = false;
  for (const op of ops) {
    t += op.dt;
    const iso = (x) => new Date(x).toISOString();
    if (op.kind === "setpoint" || op.kind === "stop") {
      if (faulted) continue;
      const body = { set: op.kind === "stop" ? "stop" : "Psetpoint", site: "PDL10", start_time: iso(t) };
      if (op.kind === "setpoint") body.psetpoint = op.kw;
      if (op.len !== null) {
        body.end_time = iso(t + op.len);
        changes.push(t + op.len);
      }
      m.submit(readSubmit(body), t);
    } else if (op.kind === "delete") {
      const live = m.planning(t).filter((r) => r.state === "active");
      if (live.length === 0) continue;
      m.deleteRequest(live[live.length - 1].id, t);
    } else if (op.kind === "constraint") {
      if (op.kw === null) m.clearConstraint("PDL10", t);
      else m.injectConstraint("PDL10", readConstraint({ source: "DEIE", value_kw: op.kw }), t);
    } else {
      m.setFault("PDL10", op.on, t);
      faulted = op.on;
    }
    changes.push(t);
  }
  return { m, changes: changes.sort((a, b) => a - b), end: t };
}
function probes(changes, end, dead) {
  const out = /* @__PURE__ */ new Set();
  for (const c of changes) for (const d of [-1, 0, 1, 500, dead - 1, dead, dead + 1, dead + 7e3, dead + 6e4]) out.add(c + d);
  for (let t = T0 - MIN; t <= end + 40 * MIN; t += 20011) out.add(t);
  return [...out].filter((t) => t >= T0 - MIN).sort((a, b) => a - b);
}
describe("dynamics: properties over random histories (setpoints, stops, deletes, constraints, faults)", () => {
  it("never faster than the ramp (up and down), outside trips", () => {
    fc.assert(
      fc.property(dynArb, fc.array(opArb, { maxLength: 12 }), (dyn, ops) => {
        const { m, changes, end } = play(dyn, ops);
        const up = dyn.ramp_kw_per_min / MIN;
        const down = (dyn.ramp_down_kw_per_min ?? dyn.ramp_kw_per_min) / MIN;
        const ts = probes(changes, end, (dyn.dead_time_s ?? 0) * 1e3);
        for (let i = 1; i < ts.length; i++) {
          const [a, b] = [m.siteView("PDL10", ts[i - 1]), m.siteView("PDL10", ts[i])];
          if (a.state === 0 || b.state === 0 || b.pactive === 0) continue;
          const span = ts[i] - ts[i - 1];
          const d = b.pactive - a.pactive;
          assert.ok(d <= up * span + 0.01, `rose ${d} kW in ${span} ms (max ${up * span})`);
          assert.ok(-d <= down * span + 0.01, `fell ${-d} kW in ${span} ms (max ${down * span})`);
        }
      }),
      { numRuns: RUNS }
    );
  });
  it("dead time respected: a change at \u03C4 leaves every value before \u03C4 + dead time as it was", () => {
    fc.assert(
      fc.property(dynArb, fc.array(opArb, { maxLength: 10 }), opArb, (dyn, ops, last) => {
        const before = play(dyn, ops);
        const after = play(dyn, [...ops, last]);
        const tau = before.end + last.dt;
        const dead = (dyn.dead_time_s ?? 0) * 1e3;
        for (const t of probes(before.changes, tau, dead).filter((x) => x < tau + dead)) {
          if (last.kind === "fault") continue;
          assert.equal(after.m.siteView("PDL10", t).pactive, before.m.siteView("PDL10", t).pactive, `at ${new Date(t).toISOString()} (\u03C4 ${new Date(tau).toISOString()})`);
        }
      }),
      { numRuns: RUNS }
    );
  });
  it("settles at its target, never past it, and is monotone while the target holds", () => {
    fc.assert(
      fc.property(dynArb, fc.array(opArb, { minLength: 1, maxLength: 10 }), fc.integer({ min: 0, max: PMAX }), (dyn, ops, kw) => {
        const { m, end } = play(dyn, ops);
        m.setFault("PDL10", false, end);
        m.clearConstraint("PDL10", end);
        const t1 = end + 1e3;
        setpoint(m, kw, t1);
        const dead = (dyn.dead_time_s ?? 0) * 1e3;
        const start = m.siteView("PDL10", t1 + dead).pactive;
        const rate = Math.min(dyn.ramp_kw_per_min, dyn.ramp_down_kw_per_min ?? dyn.ramp_kw_per_min) / MIN;
        const settle = t1 + dead + PMAX / rate;
        let prev = start;
        for (let t = t1 + dead; t <= settle + MIN; t += Math.max(1e3, Math.floor((settle - t1) / 40))) {
          const p = m.siteView("PDL10", t).pactive;
          assert.ok(p >= Math.min(start, kw) - 1e-3 && p <= Math.max(start, kw) + 1e-3, `between its start ${start} and its target ${kw}: ${p}`);
          assert.ok(kw >= start ? p >= prev - 1e-3 : p <= prev + 1e-3, `monotone toward ${kw}: ${prev} then ${p}`);
          prev = p;
        }
        assert.equal(m.siteView("PDL10", settle + 1).pactive, kw, "settled at the target");
      }),
      { numRuns: RUNS }
    );
  });
  it("identical on replay, after a warm restart, and whatever was asked before (no hidden state)", () => {
    fc.assert(
      fc.property(dynArb, fc.array(opArb, { maxLength: 12 }), (dyn, ops) => {
        const a = play(dyn, ops);
        const b = play(dyn, ops);
        const warm = new Mk6(JSON.parse(JSON.stringify(a.m.toData())), 20260301);
        const ts = probes(a.changes, a.end, (dyn.dead_time_s ?? 0) * 1e3);
        const forward = ts.map((t) => a.m.siteView("PDL10", t).pactive);
        const backward = [...ts].reverse().map((t) => b.m.siteView("PDL10", t).pactive).reverse();
        assert.deepEqual(backward, forward);
        assert.deepEqual(ts.map((t) => warm.siteView("PDL10", t).pactive), forward);
      }),
      { numRuns: RUNS }
    );
  });
});
