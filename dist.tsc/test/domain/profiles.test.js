import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { Mk6, emptyMk6Data } from "../../src/domain/mk6.js";
import { availablePower } from "../../src/domain/production.js";
import { compileProfile, profilePower, recordedPower, timeOfDay, walkDay } from "../../src/domain/profiles.js";
import { checkSites } from "../../src/domain/sites.js";
import { readSites } from "../../src/contract/sites-body.js";
const validateSites = (value) => checkSites(readSites(value));
import { Mk6Error } from "../../src/contract/errors.js";
const DAY = 864e5;
const T0 = Date.parse("2026-03-01T00:00:00Z");
const PMAX = 8340;
const tArb = fc.integer({ min: T0 - 400 * DAY, max: T0 + 400 * DAY });
describe("model profile", () => {
  it("with no parameter it is the built-in model, value for value", () => {
    const p = compileProfile({ kind: "model" }, PMAX);
    fc.assert(fc.property(tArb, (t) => profilePower(p, 7, "SYC", t, PMAX) === availablePower(7, "SYC", t, PMAX)));
  });
  it("stays in [low, high] \xD7 pmax; its own seed gives another curve", () => {
    const p = compileProfile({ kind: "model", low: 0.2, high: 0.6, variability: 0.5 }, PMAX);
    fc.assert(fc.property(tArb, (t) => {
      const v = profilePower(p, 7, "SYC", t, PMAX);
      return v >= Math.floor(0.2 * PMAX) && v <= Math.ceil(0.6 * PMAX);
    }));
    const a = compileProfile({ kind: "model", seed: 1 }, PMAX);
    const b = compileProfile({ kind: "model", seed: 2 }, PMAX);
    const ts = Array.from({ length: 50 }, (_, i) => T0 + i * 6e5);
    assert.notDeepEqual(ts.map((t) => profilePower(a, 7, "S", t, PMAX)), ts.map((t) => profilePower(b, 7, "S", t, PMAX)));
  });
});
describe("walk profile (seed 001)", () => {
  const def = { kind: "walk", min_kw: 1e3, max_kw: 5e3, step_kw: 300, interval_s: 10 };
  const p = compileProfile(def, PMAX);
  it("stays in [min, max], holds for each interval, moves at most step per interval, same numbers every time", () => {
    fc.assert(fc.property(tArb, fc.integer({ min: 0, max: 9999 }), (t0, within) => {
      const t = Math.floor(t0 / 1e4) * 1e4;
      const v = profilePower(p, 3, "SYC", t, PMAX);
      assert.ok(v >= 1e3 && v <= 5e3);
      assert.equal(profilePower(p, 3, "SYC", t + within, PMAX), v, "held over the interval");
      if (t % DAY + 1e4 < DAY) assert.ok(Math.abs(profilePower(p, 3, "SYC", t + 1e4, PMAX) - v) <= 300.001, "one step at most");
      assert.equal(profilePower(compileProfile(def, PMAX), 3, "SYC", t, PMAX), v, "deterministic");
    }));
  });
  it("is a function of the seed and sycode (the cache only saves work)", () => {
    const day = walkDay(p, 3, "SYC", 2e4);
    assert.equal(day.length, 8640);
    assert.deepEqual(walkDay(p, 3, "SYC", 2e4), day);
    assert.notDeepEqual(walkDay(p, 4, "SYC", 2e4), day);
  });
});
describe("recorded day", () => {
  const points = [["06:00", 1e3], ["12:00", 7e3], ["2026-01-05T18:00:00Z", 3e3]];
  const p = compileProfile({ kind: "recorded", points }, PMAX);
  it("answers each point at its time, linear between, wraps over midnight, repeats every day", () => {
    const at = (hhmm, day = 0) => T0 + day * DAY + timeOfDay(hhmm);
    assert.equal(profilePower(p, 1, "S", at("06:00"), PMAX), 1e3);
    assert.equal(profilePower(p, 1, "S", at("12:00", 17), PMAX), 7e3);
    assert.equal(profilePower(p, 1, "S", at("09:00"), PMAX), 4e3);
    assert.equal(profilePower(p, 1, "S", at("18:00", -3), PMAX), 3e3);
    assert.equal(profilePower(p, 1, "S", at("00:00", 5), PMAX), 2e3);
    fc.assert(fc.property(tArb, (t) => profilePower(p, 1, "S", t, PMAX) === profilePower(p, 1, "S", t + DAY, PMAX)));
    assert.equal(recordedPower([[0, 42]], T0 + 12345), 42);
  });
  it("a site given a recorded day answers that day in its monitoring", () => {
    const m = new Mk6(emptyMk6Data("X", [{ sycode: "S", name: "S", role: "thissite", pmax_kw: PMAX, prm_id: null, profile: { kind: "recorded", points } }]), 1);
    assert.equal(m.siteView("S", Date.parse("2026-03-04T09:00:00Z")).pavailable, 4e3);
    assert.equal(m.siteView("S", Date.parse("2026-03-04T09:00:00Z")).pactive, 4e3);
  });
});
describe("profile and dynamics checks (provision, fleet file)", () => {
  const base = { sycode: "S", name: "S", role: "thissite", pmax_kw: PMAX };
  const refused = (extra, status, field) => {
    assert.throws(() => validateSites([{ ...base, ...extra }]), (e) => {
      assert.ok(e instanceof Mk6Error, String(e));
      assert.equal(e.status, status, e.message);
      assert.equal(e.details.field, field, e.message);
      return true;
    });
  };
  it("names the field at fault", () => {
    refused({ profile: { kind: "walk", min_kw: 0, max_kw: 9e3, step_kw: 1, interval_s: 10 } }, 441, "sites[0].profile.max_kw");
    refused({ profile: { kind: "walk", min_kw: 0, max_kw: 100, step_kw: 1 } }, 442, "sites[0].profile.interval_s");
    refused({ profile: { kind: "wind" } }, 441, "sites[0].profile.kind");
    refused({ profile: { kind: "model", low: 2 } }, 441, "sites[0].profile.low");
    refused({ profile: { kind: "recorded", points: [["25:00", 1]] } }, 400, "sites[0].profile.points[0]");
    refused({ profile: { kind: "recorded", points: [["01:00", 1], ["02:00", 9e3]] } }, 441, "sites[0].profile.points[1]");
    refused({ profile: { kind: "recorded", file: "day.csv" } }, 400, "sites[0].profile.file");
    refused({ dynamics: { ramp_kw_per_min: 0 } }, 441, "sites[0].dynamics.ramp_kw_per_min");
    refused({ dynamics: { ramp_kw_per_min: 10, dead: 3 } }, 400, "sites[0].dynamics.dead");
    refused({ dynamics: {} }, 442, "sites[0].dynamics.ramp_kw_per_min");
  });
  it("keeps what it accepted", () => {
    const [s] = validateSites([{ ...base, dynamics: { ramp_kw_per_min: 1e3, dead_time_s: 30 }, profile: { kind: "model", high: 0.5 } }]);
    assert.deepEqual(s.dynamics, { ramp_kw_per_min: 1e3, dead_time_s: 30 });
    assert.deepEqual(s.profile, { kind: "model", high: 0.5 });
  });
});
