import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Mk6, emptyMk6Data } from "../../src/domain/mk6.js";
import { readConstraint, readSiteState, readSubmit } from "../../src/contract/commands.js";
import { Mk6Error } from "../../src/contract/errors.js";
import { availablePower } from "../../src/domain/production.js";
import { checkSites } from "../../src/domain/sites.js";
import { readSites } from "../../src/contract/sites-body.js";
const validateSites = (value) => checkSites(readSites(value));
const at = (hhmm) => Date.parse(`2026-03-01T${hhmm}:00Z`);
const NOW = at("10:00");
const SITES = [
  { sycode: "P10", name: "ROU2 PDL10", role: "thissite", pmax_kw: 11120, prm_id: "50048300262939" },
  { sycode: "P8", name: "ROU2 PDL8", role: "nearsite", pmax_kw: 11120, prm_id: null },
  { sycode: "P5", name: "ROU2 PDL5", role: "nearsite", pmax_kw: 8340, prm_id: null }
];
const newMk6 = (seed = 1) => new Mk6(emptyMk6Data("ROU2", SITES), seed);
function throwsCode(fn, status, code) {
  assert.throws(fn, (err) => err instanceof Mk6Error && err.status === status && err.code === code);
}
describe("monitoring and site views", () => {
  it("gives thissite, nearsite list and states, all 2 at first", () => {
    assert.deepEqual(newMk6().monitoring(), {
      thissite: { P10: "ROU2 PDL10" },
      nearsite: [{ P8: "ROU2 PDL8" }, { P5: "ROU2 PDL5" }],
      state: { P10: 2, P8: 2, P5: 2 }
    });
  });
  it("gives a SiteView with every contract field, per-site pmax; unknown site \u2192 404", () => {
    const m = newMk6();
    const v = m.siteView("P5", NOW);
    assert.deepEqual(Object.keys(v).sort(), [
      "active_request",
      "external_constraint",
      "fault",
      "pactive",
      "pavailable",
      "pmax_wf",
      "prm_id",
      "psetpoint_recu",
      "role",
      "site_name",
      "state",
      "stop_wf_active",
      "sycode"
    ]);
    assert.equal(v.pmax_wf, 8340);
    assert.equal(m.siteViews(NOW).P10.pmax_wf, 11120);
    assert.equal(m.siteViews(NOW).P10.prm_id, "50048300262939");
    throwsCode(() => m.siteView("FAKE", NOW), 404, "SITE_NOT_FOUND");
  });
});
describe("site state and faults", () => {
  it("sets a state 0|1|2 and refuses anything else with 441", () => {
    const m = newMk6();
    m.setSiteState("P5", readSiteState({ state: 1 }));
    assert.equal(m.monitoring().state.P5, 1);
    throwsCode(() => m.setSiteState("P5", readSiteState({ state: 3 })), 441, "INVALID_VALUE");
    throwsCode(() => m.setSiteState("P5", readSiteState({})), 442, "MISSING_FIELD");
    throwsCode(() => m.setSiteState("NOPE", readSiteState({ state: 1 })), 404, "SITE_NOT_FOUND");
  });
  it("forces state 0 on a fault and restores the previous state when it clears", () => {
    const m = newMk6();
    m.setSiteState("P8", readSiteState({ state: 1 }));
    m.setFault("P8", true);
    assert.equal(m.monitoring().state.P8, 0);
    assert.equal(m.siteView("P8", NOW).fault, true);
    m.setFault("P8", false);
    assert.equal(m.monitoring().state.P8, 1);
    assert.equal(m.siteView("P8", NOW).fault, false);
  });
  it("reads pactive 0 when the site is in state 0", () => {
    const m = newMk6();
    m.setFault("P10", true);
    assert.equal(m.siteView("P10", NOW).pactive, 0);
    m.setFault("P10", false);
    m.setSiteState("P10", readSiteState({ state: 0 }));
    assert.equal(m.siteView("P10", NOW).pactive, 0);
  });
});
describe("external constraint", () => {
  it("shows a constraint without window all the time, with source, value and since", () => {
    const m = newMk6();
    m.injectConstraint("P10", readConstraint({ source: "DEIE", value_kw: 3e3 }), NOW);
    assert.deepEqual(m.siteView("P10", at("23:00")).external_constraint, {
      source: "DEIE",
      value_kw: 3e3,
      since: "2026-03-01T10:00:00Z",
      start_time: null,
      end_time: null
    });
    m.clearConstraint("P10");
    assert.equal(m.siteView("P10", NOW).external_constraint, null);
  });
  it("reads null outside its window and the constraint inside it", () => {
    const m = newMk6();
    m.injectConstraint("P8", readConstraint({ source: "SCADA", value_kw: 2e3, start_time: "2026-03-01T12:00:00Z", end_time: "2026-03-01T14:00:00Z" }), NOW);
    assert.equal(m.siteView("P8", at("11:59")).external_constraint, null);
    assert.equal(m.siteView("P8", at("12:00")).external_constraint?.value_kw, 2e3);
    assert.equal(m.siteView("P8", at("14:00")).external_constraint, null);
    assert.equal(m.viewConstraint(m.siteList()[1], at("15:00"), true)?.source, "SCADA", "configured even outside");
  });
  it("refuses a bad source, a negative value and an inverted window", () => {
    const m = newMk6();
    throwsCode(() => m.injectConstraint("P8", readConstraint({ source: "EDF", value_kw: 1 }), NOW), 400, "BAD_REQUEST");
    throwsCode(() => m.injectConstraint("P8", readConstraint({ source: "DEIE", value_kw: -1 }), NOW), 441, "INVALID_VALUE");
    throwsCode(() => m.injectConstraint("P8", readConstraint({ source: "DEIE" }), NOW), 442, "MISSING_FIELD");
    throwsCode(
      () => m.injectConstraint("P8", readConstraint({ source: "DEIE", value_kw: 1, start_time: "2026-03-01T14:00:00Z", end_time: "2026-03-01T12:00:00Z" }), NOW),
      422,
      "INVALID_TIME_RANGE"
    );
    assert.equal(m.siteView("P8", NOW).external_constraint, null);
  });
});
describe("pavailable and pactive", () => {
  it("pactive = min(pavailable, psetpoint_recu, active constraint)", () => {
    const m = newMk6();
    let t = NOW;
    while (m.siteView("P10", t).pavailable < 6e3) t += 10 * 6e4;
    const free = m.siteView("P10", t);
    assert.equal(free.pactive, free.pavailable);
    m.submit(readSubmit({ set: "Psetpoint", site: "P10", psetpoint: 4e3, start_time: new Date(t).toISOString() }), t);
    assert.equal(m.siteView("P10", t).pactive, 4e3);
    m.injectConstraint("P10", readConstraint({ source: "DEIE", value_kw: 2500 }), t);
    assert.equal(m.siteView("P10", t).pactive, 2500);
    m.injectConstraint("P10", readConstraint({ source: "DEIE", value_kw: 2500, end_time: new Date(t).toISOString() }), t - 1);
    assert.equal(m.siteView("P10", t).pactive, 4e3, "an expired constraint no longer limits");
  });
  it("is deterministic in (seed, sycode, time) and within 0..pmax", () => {
    for (let i = 0; i < 2e3; i++) {
      const t = NOW + i * 7 * 6e4 + i * 13337;
      const p = availablePower(42, "P10", t, 11120);
      assert.ok(Number.isInteger(p) && p >= 0 && p <= 11120, `pavailable ${p} at ${t}`);
      assert.equal(availablePower(42, "P10", t, 11120), p);
    }
    assert.deepEqual(newMk6(7).siteViews(NOW), newMk6(7).siteViews(NOW), "two MK6 with the same seed agree");
  });
  it("differs between sites and seeds, and spans calm and windy hours over a week", () => {
    const week = Array.from({ length: 7 * 24 * 6 }, (_, i) => NOW + i * 10 * 6e4);
    const series = (seed, sycode) => week.map((t) => availablePower(seed, sycode, t, 1e4));
    const a = series(1, "A");
    assert.notDeepEqual(a, series(1, "B"));
    assert.notDeepEqual(a, series(2, "A"));
    assert.ok(Math.min(...a) < 3e3 && Math.max(...a) > 7e3, `range ${Math.min(...a)}..${Math.max(...a)}`);
  });
  it("is smooth: one simulated second never moves it by more than 0.5 % of pmax", () => {
    let prev = availablePower(1, "P10", NOW, 1e4);
    for (let t = NOW + 1e3; t < NOW + 6 * 36e5; t += 1e3) {
      const p = availablePower(1, "P10", t, 1e4);
      assert.ok(Math.abs(p - prev) <= 50, `jump ${prev} \u2192 ${p} at ${t}`);
      prev = p;
    }
  });
  it("gives the same numbers on a frozen clock", () => {
    const m = newMk6();
    m.submit(readSubmit({ set: "Psetpoint", site: "P5", psetpoint: 4e3 }), NOW);
    m.injectConstraint("P8", readConstraint({ source: "DEIE", value_kw: 1500 }), NOW);
    assert.deepEqual(m.siteViews(NOW), m.siteViews(NOW));
    assert.notDeepEqual(
      Object.values(m.siteViews(NOW)).map((v) => v.pavailable),
      Object.values(m.siteViews(NOW + 36e5)).map((v) => v.pavailable)
    );
  });
});
describe("provisioning", () => {
  const site = (sycode, role, extra = {}) => ({ sycode, name: `n-${sycode}`, role, pmax_kw: 1e3, ...extra });
  it("needs exactly one thissite and unique sycodes and names", () => {
    assert.equal(validateSites([site("A", "thissite"), site("B", "nearsite")]).length, 2);
    throwsCode(() => validateSites([site("A", "nearsite")]), 400, "BAD_REQUEST");
    throwsCode(() => validateSites([site("A", "thissite"), site("B", "thissite")]), 400, "BAD_REQUEST");
    throwsCode(() => validateSites([site("A", "thissite"), site("A", "nearsite", { name: "other" })]), 400, "BAD_REQUEST");
    throwsCode(() => validateSites([site("A", "thissite"), site("B", "nearsite", { name: "n-A" })]), 400, "BAD_REQUEST");
    throwsCode(() => validateSites([]), 400, "BAD_REQUEST");
    throwsCode(() => validateSites(void 0), 442, "MISSING_FIELD");
    throwsCode(() => validateSites([site("A", "thissite", { pmax_kw: 0 })]), 441, "INVALID_VALUE");
    throwsCode(() => validateSites([site("../x", "thissite")]), 400, "BAD_REQUEST");
  });
  it("replaces the sites and clears the planning, but the request counter goes on", () => {
    const m = newMk6();
    m.submit(readSubmit({ set: "stop", site: "P10" }), NOW);
    m.provision(validateSites([site("S1", "thissite")]));
    assert.deepEqual(m.monitoring().state, { S1: 2 });
    assert.deepEqual(m.planning(NOW), []);
    assert.equal(m.nextRequestId, "REQ-002");
  });
});
