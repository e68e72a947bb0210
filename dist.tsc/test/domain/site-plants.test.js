import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { readConstraint, readPatch, readPlant, readSiteState, readSubmit } from "../../src/contract/commands.js";
import { Mk6, emptyMk6Data } from "../../src/domain/mk6.js";
import { Planning } from "../../src/domain/planning.js";
import { SitePlants } from "../../src/domain/site-plants.js";
import { newSiteRecord } from "../../src/domain/site-records.js";
const T0 = Date.parse("2026-03-01T10:00:00Z");
const MIN = 6e4;
const iso = (t) => new Date(t).toISOString();
const DYN = { ramp_kw_per_min: 1e3, dead_time_s: 30 };
const SITES = [
  { sycode: "A", name: "Site A", role: "thissite", pmax_kw: 9e3, prm_id: null, dynamics: DYN },
  { sycode: "B", name: "Site B", role: "nearsite", pmax_kw: 6e3, prm_id: null, dynamics: DYN },
  { sycode: "C", name: "Site C", role: "nearsite", pmax_kw: 3e3, prm_id: null }
];
function wired() {
  const asked = /* @__PURE__ */ new Map();
  let plan;
  const plants = new SitePlants(SITES.map(newSiteRecord), 7, (sycode) => {
    asked.set(sycode, (asked.get(sycode) ?? 0) + 1);
    return plan.ofSite(sycode);
  });
  plan = new Planning(plants, [], 0);
  const cost = (sycode, t) => {
    const before = asked.get(sycode) ?? 0;
    plants.view(plants.find(sycode), t);
    return (asked.get(sycode) ?? 0) - before;
  };
  return { plants, plan, cost };
}
describe("plant caches are per site", () => {
  const changesToA = [
    ["a setpoint", (w, t) => w.plan.submit(readSubmit({ set: "Psetpoint", site: "A", psetpoint: 2e3 }), t)],
    ["a fault and its end", (w, t) => (w.plants.setFault("A", true, t), w.plants.setFault("A", false, t + 1))],
    ["a state", (w, t) => w.plants.setState("A", readSiteState({ state: 1 }), t)],
    ["a constraint", (w, t) => w.plants.injectConstraint("A", readConstraint({ source: "DEIE", value_kw: 1e3 }), t)],
    ["new dynamics", (w, t) => w.plants.setPlant("A", readPlant({ dynamics: { ramp_kw_per_min: 50, dead_time_s: 5 } }), t)]
  ];
  for (const [what, change] of changesToA) {
    it(`${what} on site A tells A's plant anew and leaves B's cached plant and values untouched`, () => {
      const w = wired();
      w.plan.submit(readSubmit({ set: "Psetpoint", site: "B", psetpoint: 1500, start_time: iso(T0 - 10 * MIN) }), T0 - 10 * MIN);
      const probes = [T0, T0 + 2e4, T0 + 2 * MIN, T0 + 30 * MIN];
      const before = probes.map((t) => w.plants.view(w.plants.find("B"), t));
      w.cost("A", T0);
      const warmA = w.cost("A", T0);
      const warmB = w.cost("B", T0);
      change(w, T0 + 1e3);
      assert.equal(w.cost("B", T0), warmB, "B's plant is not told anew");
      assert.ok(w.cost("A", T0) > warmA, "A's plant is told anew");
      assert.deepEqual(probes.map((t) => w.plants.view(w.plants.find("B"), t)), before, "B's values are the same");
    });
  }
});
const site = fc.constantFrom("A", "B", "C");
const cmd = fc.oneof(
  fc.record({ kind: fc.constant("setpoint"), site, kw: fc.integer({ min: -100, max: 1e4 }), startMin: fc.integer({ min: -30, max: 30 }), lenMin: fc.option(fc.integer({ min: -5, max: 60 })) }),
  fc.record({ kind: fc.constant("stop"), site, startMin: fc.integer({ min: -30, max: 30 }), lenMin: fc.option(fc.integer({ min: -5, max: 60 })) }),
  fc.record({ kind: fc.constant("patch"), pick: fc.nat(), kw: fc.option(fc.integer({ min: 0, max: 1e4 })), lenMin: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant("delete"), pick: fc.nat() }),
  fc.record({ kind: fc.constant("mainReset"), site: fc.option(site) }),
  fc.record({ kind: fc.constant("fault"), site, on: fc.boolean() }),
  fc.record({ kind: fc.constant("constraint"), site, kw: fc.option(fc.integer({ min: 0, max: 9e3 })) }),
  fc.record({ kind: fc.constant("clock"), sec: fc.integer({ min: 0, max: 1800 }) })
);
function apply(m, c, now) {
  const ids = m.allRequests(now).map((r) => r.id);
  const pick = (n) => ids[n % Math.max(1, ids.length)] ?? "REQ-001";
  const window = (startMin, lenMin) => ({ start_time: iso(now + startMin * MIN), ...lenMin === null ? {} : { end_time: iso(now + (startMin + lenMin) * MIN) } });
  try {
    if (c.kind === "setpoint") m.submit(readSubmit({ set: "Psetpoint", site: c.site, psetpoint: c.kw, ...window(c.startMin, c.lenMin) }), now);
    else if (c.kind === "stop") m.submit(readSubmit({ set: "stop", site: c.site, ...window(c.startMin, c.lenMin) }), now);
    else if (c.kind === "patch") m.patchRequest(pick(c.pick), readPatch({ ...c.kw === null ? {} : { psetpoint: c.kw }, end_time: iso(now + c.lenMin * MIN) }), now);
    else if (c.kind === "delete") m.deleteRequest(pick(c.pick), now);
    else if (c.kind === "mainReset") m.submit(readSubmit({ set: "main_reset", confirm: true, ...c.site === null ? {} : { site: c.site } }), now);
    else if (c.kind === "fault") m.setFault(c.site, c.on, now);
    else if (c.kind === "constraint") {
      if (c.kw === null) m.clearConstraint(c.site, now);
      else m.injectConstraint(c.site, readConstraint({ source: "SCADA", value_kw: c.kw }), now);
    }
  } catch (err) {
    if (!(err instanceof Error) || err.name !== "Mk6Error") throw err;
  }
}
describe("no plant cache is ever stale", () => {
  it("after any command sequence, every site view equals the one of the same MK6 loaded afresh", () => {
    fc.assert(
      fc.property(fc.array(cmd, { maxLength: 25 }), (cmds) => {
        const m = new Mk6(emptyMk6Data("P", SITES), 11);
        let now = T0;
        for (const c of cmds) {
          if (c.kind === "clock") now += c.sec * 1e3;
          else apply(m, c, now);
          const probes = [now, now + 15e3, now + 5 * MIN];
          const fresh = new Mk6(JSON.parse(JSON.stringify(m.toData())), 11);
          for (const t of probes) assert.deepEqual(m.siteViews(t), fresh.siteViews(t), `views at +${(t - now) / 1e3} s after ${JSON.stringify(c)}`);
        }
      }),
      { numRuns: Number(process.env.FC_RUNS) > 0 ? Number(process.env.FC_RUNS) : 60 }
    );
  });
});
