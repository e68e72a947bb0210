import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { call, eventually, ROUVAI, startFleet } from "../helpers/fleet-app.js";
import { assertError, inventory, ok } from "../helpers/fleet-util.js";
import { checkAgainstContract } from "../helpers/contract.js";
import { replay } from "../helpers/fuzz.js";
const ms = (iso2) => Date.parse(iso2);
const iso = (t) => new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z");
const at = (hhmm) => `2026-03-01T${hhmm}Z`;
const mk6Time = (fleet2, offsetMs, ppm, since) => fleet2 + offsetMs + ppm * 1e-6 * (fleet2 - since);
const VAI_PDL4 = "8FV897G6wGQ0";
const ROU2_PDL10 = "8FV8CCX2w7X0";
let fleet;
before(async () => {
  fleet = await startFleet({ mk6: ROUVAI.map((m) => m.id === "VAI" ? { ...m, clock: { offset: "+90s" } } : m) });
});
after(() => fleet?.stop());
const setTime = (now, speed) => ok(fleet.url, "POST", "/mock/time", { now, ...speed ? { speed } : {} });
const clockOf = async (id) => {
  const res = await call(fleet.url, "GET", `/mock/mk6/${id}/clock`);
  checkAgainstContract("GET", `/mock/mk6/${id}/clock`, res.status, res.body);
  assert.equal(res.status, 200);
  return res.body;
};
describe('an MK6 90 s ahead (clock: {offset: "+90s"} in the fleet file)', () => {
  it("answers created_at 90 s after the fleet clock, and a request without start_time starts on its time", async () => {
    await setTime(at("13:58:00"));
    const body = await ok(fleet.url, "POST", "/api/v1/mk6/VAI/requests", { set: "Psetpoint", site: VAI_PDL4, psetpoint: 4e3 }, 201);
    assert.equal(body.created_at, at("13:59:30"));
    assert.equal(body.start_time, at("13:59:30"));
    const rou2 = await ok(fleet.url, "POST", "/api/v1/mk6/ROU2/requests", { set: "Psetpoint", site: ROU2_PDL10, psetpoint: 4e3 }, 201);
    assert.equal(rou2.created_at, at("13:58:00"), "an MK6 on the fleet clock answers the fleet time");
    await ok(fleet.url, "POST", "/mock/reset");
  });
  it("activates a 14:00 setpoint at fleet 13:58:30 (and ends it at fleet 14:58:30), in its planning and its monitoring", async () => {
    await setTime(at("13:58:00"));
    const window = { start_time: at("14:00:00"), end_time: at("15:00:00") };
    const vai = await ok(fleet.url, "POST", "/api/v1/mk6/VAI/requests", { set: "Psetpoint", site: VAI_PDL4, psetpoint: 3e3, ...window }, 201);
    const rou2 = await ok(fleet.url, "POST", "/api/v1/mk6/ROU2/requests", { set: "Psetpoint", site: ROU2_PDL10, psetpoint: 3e3, ...window }, 201);
    const state = async (id, req) => (await ok(fleet.url, "GET", `/api/v1/mk6/${id}/planning/${req}`)).state;
    const setpoint = async (id, sycode) => (await ok(fleet.url, "GET", `/api/v1/mk6/${id}/monitoring/sites/${sycode}`)).psetpoint_recu;
    await setTime(at("13:58:29"));
    assert.equal(await state("VAI", vai.id), "scheduled");
    await setTime(at("13:58:30"));
    assert.equal(await state("VAI", vai.id), "active", "VAI reads 14:00:00");
    assert.equal(await setpoint("VAI", VAI_PDL4), 3e3);
    assert.equal(await state("ROU2", rou2.id), "scheduled", "ROU2 reads 13:58:30");
    assert.equal(await setpoint("ROU2", ROU2_PDL10), 11120);
    await setTime(at("14:00:00"));
    assert.equal(await state("ROU2", rou2.id), "active");
    await setTime(at("14:58:30"));
    assert.equal(await state("VAI", vai.id), "expired");
    assert.equal(await state("ROU2", rou2.id), "active");
    const h = await ok(fleet.url, "GET", `/mock/mk6/VAI/history?from=${at("13:59:00")}&to=${at("14:00:00")}&step=60s&sycode=${VAI_PDL4}`);
    assert.deepEqual(h.rows.map((r) => r.psetpoint_recu), [8340, 3e3]);
  });
  it("says its clock (GET \u2026/clock, the state, the inventory) and /readyz shows the offset without calling it a fault", async () => {
    await setTime(at("12:00:00"));
    const c = await clockOf("VAI");
    assert.deepEqual({ own: c.own, offset: c.offset, offset_ms: c.offset_ms, drift_ppm: c.drift_ppm, ahead_ms: c.ahead_ms, now: c.now, fleet_now: c.fleet_now }, { own: true, offset: "+1m30s", offset_ms: 9e4, drift_ppm: 0, ahead_ms: 9e4, now: at("12:01:30"), fleet_now: at("12:00:00") });
    assert.equal((await clockOf("ROU2")).own, false);
    assert.equal((await ok(fleet.url, "GET", "/mock/mk6/VAI/state")).mk6_clock.offset, "+1m30s");
    const inv = await inventory(fleet.url);
    assert.equal(inv.VAI.clock.offset_ms, 9e4);
    assert.equal(inv.ROU2.clock.own, false);
    const ready = await call(fleet.url, "GET", "/readyz");
    checkAgainstContract("GET", "/readyz", ready.status, ready.body);
    assert.equal(ready.status, 200, JSON.stringify(ready.body));
    assert.equal(ready.body.mk6.VAI, "ready");
    assert.deepEqual(ready.body.clocks, { VAI: { offset: "+1m30s", offset_ms: 9e4, drift_ppm: 0 } });
  });
  it("keeps both times in the journal: sim_time on the fleet clock, mk6_time on its own (only for an MK6 running one)", async () => {
    await setTime(at("12:00:00"));
    await ok(fleet.url, "DELETE", "/api/v1/debug/requests");
    await ok(fleet.url, "GET", "/api/v1/mk6/VAI/monitoring");
    await ok(fleet.url, "GET", "/api/v1/mk6/ROU2/monitoring");
    await ok(fleet.worker("VAI"), "GET", "/api/v1/mk6/VAI/monitoring/sites");
    const journal = await ok(fleet.url, "GET", "/api/v1/debug/requests");
    const of = (id) => journal.filter((e) => e.mk6_id === id && e.source === "GW");
    assert.equal(of("VAI").length, 2);
    for (const e of of("VAI")) assert.deepEqual([e.sim_time, e.mk6_time], [at("12:00:00"), at("12:01:30")]);
    assert.deepEqual(of("ROU2").map((e) => [e.sim_time, e.mk6_time]), [[at("12:00:00"), void 0]]);
  });
});
describe("POST|DELETE /mock/mk6/{id}/clock", () => {
  it("an offset and a drift: frozen it holds, steps and speed carry the drift, as the formula says", async () => {
    const t0 = at("10:00:00");
    await setTime(t0);
    const set = await ok(fleet.url, "POST", "/mock/mk6/ROU2/clock", { offset: "-2m", drift_ppm: 1e3 });
    checkAgainstContract("POST", "/mock/mk6/ROU2/clock", 200, set);
    assert.deepEqual([set.offset_ms, set.drift_ppm, set.since, set.now, set.ahead_ms], [-12e4, 1e3, t0, at("09:58:00"), -12e4]);
    assert.deepEqual(await clockOf("ROU2"), set, "frozen: the same time, call after call");
    for (const step of ["11:00:00", "15:00:00", "15:30:00"]) {
      await setTime(at(step));
      const c = await clockOf("ROU2");
      const want = mk6Time(ms(at(step)), -12e4, 1e3, ms(t0));
      assert.equal(c.ahead_ms, Math.round(want - ms(at(step))), step);
      assert.equal(c.now, iso(Math.floor(want / 1e3) * 1e3), step);
      const req = await ok(fleet.url, "POST", "/api/v1/mk6/ROU2/requests", { set: "stop", site: ROU2_PDL10 }, 201);
      assert.equal(req.created_at, c.now, "created_at on its own time");
    }
    await setTime(at("16:00:00"), 600);
    const first = await clockOf("ROU2");
    const later = await eventually(async () => {
      const c = await clockOf("ROU2");
      return ms(c.fleet_now) >= ms(first.fleet_now) + 6e4 ? c : void 0;
    }, 5e3, "a simulated minute");
    for (const c of [first, later]) {
      const ahead = (fleetNow) => mk6Time(fleetNow, -12e4, 1e3, ms(t0)) - fleetNow;
      const [low, high] = [ahead(ms(c.fleet_now)), ahead(ms(c.fleet_now) + 1e3)];
      assert.ok(c.ahead_ms >= Math.floor(low) && c.ahead_ms <= Math.ceil(high), `${c.ahead_ms} in [${low}, ${high}]`);
    }
    assert.ok(later.ahead_ms > first.ahead_ms, "the drift grew while the fleet ran");
  });
  it("a fleet clock set back before the drift was set: the offset alone, and the drift counts afresh", async () => {
    await setTime(at("10:00:00"));
    await ok(fleet.url, "POST", "/mock/mk6/ROU2/clock", { offset: "+10s", drift_ppm: 500 });
    await setTime(at("08:00:00"));
    const c = await clockOf("ROU2");
    assert.deepEqual([c.ahead_ms, c.since], [1e4, at("08:00:00")]);
    await setTime(at("10:00:00"));
    assert.equal((await clockOf("ROU2")).ahead_ms, Math.round(mk6Time(ms(at("10:00:00")), 1e4, 500, ms(at("08:00:00"))) - ms(at("10:00:00"))));
  });
  it("is in the event log as clock_skew {offset_ms, drift_ppm} and clock_reset, with both times; DELETE returns to the fleet clock", async () => {
    await setTime(at("11:00:00"));
    await ok(fleet.url, "DELETE", "/mock/mk6/ROU2/clock");
    const since = (await ok(fleet.url, "GET", "/mock/events")).at(-1)?.id ?? 0;
    await ok(fleet.url, "POST", "/mock/mk6/ROU2/clock", { offset: "+5m", drift_ppm: -20 });
    await ok(fleet.url, "POST", "/mock/mk6/ROU2/offline");
    const back = await ok(fleet.url, "DELETE", "/mock/mk6/ROU2/clock");
    checkAgainstContract("DELETE", "/mock/mk6/ROU2/clock", 200, back);
    assert.deepEqual([back.own, back.offset_ms, back.drift_ppm, back.now], [false, 0, 0, at("11:00:00")]);
    await ok(fleet.url, "POST", "/mock/mk6/ROU2/online");
    const events = await eventually(async () => {
      const all = (await ok(fleet.url, "GET", `/mock/events?since_id=${since}`)).filter((e) => e.mk6_id === "ROU2");
      return all.length >= 4 ? all : void 0;
    });
    assert.deepEqual(events.map((e) => e.kind), ["clock_skew", "offline", "clock_reset", "online"]);
    assert.deepEqual(events[0].details, { offset_ms: 3e5, drift_ppm: -20 });
    assert.deepEqual(events.map((e) => [e.sim_time, e.mk6_time]), [
      [at("11:00:00"), void 0],
      // the call came in while ROU2 read the fleet clock
      [at("11:00:00"), at("11:05:00")],
      [at("11:00:00"), at("11:05:00")],
      [at("11:00:00"), void 0]
    ]);
    const vaiSince = (await ok(fleet.url, "GET", "/mock/events")).at(-1).id;
    await ok(fleet.url, "POST", "/mock/mk6/VAI/kill", { kind: "blackhole" });
    await ok(fleet.url, "POST", "/mock/mk6/VAI/restart");
    const vai = (await ok(fleet.url, "GET", `/mock/events?since_id=${vaiSince}`)).filter((e) => e.mk6_id === "VAI");
    assert.deepEqual(vai.map((e) => [e.kind, e.mk6_time]), [["kill", at("11:01:30")], ["restart", at("11:01:30")]]);
  });
  it("a warm or a cold restart keeps the MK6 clock; /mock/reset returns every MK6 to the fleet file clock", async () => {
    await setTime(at("09:00:00"));
    await ok(fleet.url, "POST", "/mock/mk6/ROU2/clock", { offset: "+1h", drift_ppm: 100 });
    await ok(fleet.url, "POST", "/mock/mk6/VAI/clock", { offset: "-30s" });
    for (const kind of ["warm", "cold"]) {
      await ok(fleet.url, "POST", "/mock/mk6/ROU2/restart", { kind });
      const c = await clockOf("ROU2");
      assert.deepEqual([kind, c.offset_ms, c.drift_ppm, c.since, c.ahead_ms], [kind, 36e5, 100, at("09:00:00"), 36e5]);
    }
    await ok(fleet.url, "POST", "/mock/reset");
    assert.equal((await clockOf("ROU2")).own, false);
    const vai = await clockOf("VAI");
    assert.deepEqual([vai.offset_ms, vai.drift_ppm], [9e4, 0], "VAI: back to the fleet file's +90s");
  });
  it("a timeline plays clock_skew and clock_reset on the fleet clock", async () => {
    await setTime(at("07:00:00"));
    const timeline = {
      timeline: [
        { at: at("07:10:00"), action: "clock_skew", mk6: "ROU1.1", offset: "+45s", drift_ppm: 50 },
        { at: at("07:20:00"), action: "clock_reset", mk6: "ROU1.1" }
      ]
    };
    await ok(fleet.url, "POST", "/mock/timeline", timeline);
    await setTime(at("07:10:00"));
    const skewed = await clockOf("ROU1.1");
    assert.deepEqual([skewed.offset_ms, skewed.drift_ppm, skewed.since], [45e3, 50, at("07:10:00")]);
    await setTime(at("07:15:00"));
    assert.equal((await clockOf("ROU1.1")).ahead_ms, Math.round(mk6Time(ms(at("07:15:00")), 45e3, 50, ms(at("07:10:00"))) - ms(at("07:15:00"))));
    await setTime(at("07:20:00"));
    assert.equal((await clockOf("ROU1.1")).own, false);
    const fired = (await ok(fleet.url, "GET", "/mock/timeline")).events.map((e) => [e.action, e.status]);
    assert.deepEqual(fired, [["clock_skew", "fired"], ["clock_reset", "fired"]]);
    await ok(fleet.url, "DELETE", "/mock/timeline");
  });
  it("refuses bad input with the contract errors: offset not a duration, drift not a number or out of range, nothing to set, unknown MK6", async () => {
    const clock = (id, body) => call(fleet.url, "POST", `/mock/mk6/${id}/clock`, body);
    assertError(await clock("ROU2", { offset: "90 seconds" }), 400, "BAD_REQUEST", { field: "offset" });
    assertError(await clock("ROU2", { offset: 90 }), 400, "BAD_REQUEST", { field: "offset" });
    assertError(await clock("ROU2", { drift_ppm: "fast" }), 400, "BAD_REQUEST", { field: "drift_ppm" });
    assertError(await clock("ROU2", { drift_ppm: 1e6 }), 441, "INVALID_VALUE", { field: "drift_ppm" });
    assertError(await clock("ROU2", { offset: "+40000d" }), 441, "INVALID_VALUE", { field: "offset" });
    assertError(await clock("ROU2", {}), 400, "BAD_REQUEST");
    assertError(await clock("ROU2", [1]), 400, "BAD_REQUEST");
    assertError(await clock("NOPE", { offset: "+90s" }), 404, "MK6_NOT_FOUND");
    assertError(await call(fleet.url, "DELETE", "/mock/mk6/NOPE/clock"), 404, "MK6_NOT_FOUND");
    assertError(await call(fleet.worker("ROU2"), "POST", "/mock/mk6/VAI/clock", { offset: "+1s" }), 404, "MK6_NOT_FOUND");
    assert.equal((await clockOf("ROU2")).own, false, "nothing refused changed the clock");
  });
  it("any body (fast-check): a clock or a contract error, never a 5xx", async () => {
    const value = fc.oneof(fc.string({ maxLength: 12 }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom("+90s", "-2m", "1h30m", "+0s", "-0s", "36500d", "+-1s"));
    const body = fc.oneof(fc.record({ offset: value, drift_ppm: value }, { requiredKeys: [] }), fc.dictionary(fc.string({ maxLength: 8 }), value, { maxKeys: 3 }), value);
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await call(fleet.url, "POST", "/mock/mk6/ROU1.2/clock", b);
        checkAgainstContract("POST", "/mock/mk6/ROU1.2/clock", res.status, res.body);
        assert.ok([200, 400, 441].includes(res.status), `${JSON.stringify(b)} \u2192 ${res.status} ${JSON.stringify(res.body)}`);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150), ...replay }
    );
    await ok(fleet.url, "DELETE", "/mock/mk6/ROU1.2/clock");
  });
});
