import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { api, assertError, mock, provision, setTime, startFor } from "../helpers/worker-app.js";
const ROU1_1 = [
  { sycode: "8FV898VMwWX0", name: "ROU1 PDL1", role: "thissite", pmax_kw: 8340, prm_id: "50048589698480" },
  { sycode: "8FV898VPwW20", name: "ROU1 PDL2", role: "nearsite", pmax_kw: 8340, prm_id: "50035999249967" }
];
const ROU1_2 = [{ sycode: "8FV899VJw7Q0", name: "ROU1 PDL3", role: "thissite", pmax_kw: 8340, prm_id: "50028763359904" }];
const ROU2 = [
  { sycode: "8FV8CCX2w7X0", name: "ROU2 PDL10", role: "thissite", pmax_kw: 11120, prm_id: "50048300262939" },
  { sycode: "8FV8C9MWwHJ0", name: "ROU2 PDL8", role: "nearsite", pmax_kw: 11120, prm_id: "50015159886785" },
  { sycode: "8FV8C9MWwHH0", name: "ROU2 PDL5", role: "nearsite", pmax_kw: 11120, prm_id: "50049023851893" },
  { sycode: "8FV8CCX2w7W0", name: "ROU2 PDL9", role: "nearsite", pmax_kw: 11120, prm_id: "50048155545173" }
];
const ISO_SECOND_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
describe("seed scenario 0 \u2013 simulated clock", () => {
  it("reads system time, freezes, advances and releases", async (t) => {
    const w = await startFor(t, { id: "mk6-A" });
    let res = await w.http("GET", "/supervision/api/time");
    assert.equal(res.status, 200);
    assert.equal(res.body.source, "system");
    assert.match(res.body.now, ISO_SECOND_Z);
    assert.ok(Math.abs(Date.parse(res.body.now) - Date.now()) < 5e3, "system time is real time");
    res = await w.http("POST", "/mock/time", { now: "2026-03-01T10:00:00Z" });
    assert.equal(res.status, 200);
    assert.equal(res.body.now, "2026-03-01T10:00:00+00:00");
    res = await w.http("GET", "/supervision/api/time");
    assert.equal(res.body.now, "2026-03-01T10:00:00Z");
    assert.equal(res.body.source, "mock");
    await setTime(w, "2026-03-01T10:30:00Z");
    assert.equal((await w.http("GET", "/supervision/api/time")).body.now, "2026-03-01T10:30:00Z");
    await setTime(w, "2026-03-01T12:30:00+02:00");
    assert.equal((await w.http("GET", "/supervision/api/time")).body.now, "2026-03-01T10:30:00Z");
    res = await w.http("POST", "/mock/time/release");
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { message: "Horloge liberee \u2014 temps reel actif", now: null });
    res = await w.http("GET", "/supervision/api/time");
    assert.equal(res.body.source, "system");
    assert.ok(Math.abs(Date.parse(res.body.now) - Date.now()) < 5e3);
  });
  it("refuses an unparseable time with 400", async (t) => {
    const w = await startFor(t, { id: "mk6-A" });
    assertError(await w.http("POST", "/mock/time", { now: "hier" }), 400, "BAD_REQUEST");
    assertError(await w.http("POST", "/mock/time", {}), 442, "MISSING_FIELD", { field: "now" });
  });
});
describe("seed scenario 2 \u2013 monitoring, 5 endpoints", () => {
  it("serves topology, sites, one site, planning by site and 404 on an unknown site", async (t) => {
    const [rou2, rou12, rou11] = await Promise.all([
      startFor(t, { id: "ROU2" }),
      startFor(t, { id: "ROU1.2" }),
      startFor(t, { id: "ROU1.1" })
    ]);
    await Promise.all([provision(rou2, ROU2), provision(rou12, ROU1_2), provision(rou11, ROU1_1)]);
    await Promise.all([rou2, rou12, rou11].map((w) => setTime(w, "2026-03-01T10:00:00Z")));
    let res = await api(rou2, "GET", "monitoring");
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, {
      thissite: { "8FV8CCX2w7X0": "ROU2 PDL10" },
      nearsite: [{ "8FV8C9MWwHJ0": "ROU2 PDL8" }, { "8FV8C9MWwHH0": "ROU2 PDL5" }, { "8FV8CCX2w7W0": "ROU2 PDL9" }],
      state: { "8FV8CCX2w7X0": 2, "8FV8C9MWwHJ0": 2, "8FV8C9MWwHH0": 2, "8FV8CCX2w7W0": 2 }
    });
    res = await api(rou2, "GET", "monitoring/sites");
    assert.equal(res.status, 200);
    assert.deepEqual(Object.keys(res.body.sites), ROU2.map((s) => s.sycode));
    for (const s of ROU2) {
      const v = res.body.sites[s.sycode];
      assert.equal(v.sycode, s.sycode);
      assert.equal(v.site_name, s.name);
      assert.equal(v.pmax_wf, 11120);
      assert.equal(v.prm_id, s.prm_id);
      assert.ok(v.pavailable >= 0 && v.pavailable <= 11120);
    }
    assert.deepEqual((await api(rou2, "GET", "monitoring/sites")).body, res.body, "a frozen clock gives frozen numbers");
    res = await api(rou2, "GET", "monitoring/sites/8FV8C9MWwHH0");
    assert.equal(res.status, 200);
    assert.equal(res.body.sycode, "8FV8C9MWwHH0");
    assert.equal(res.body.site_name, "ROU2 PDL5");
    assert.equal(res.body.role, "nearsite");
    assert.equal(res.body.state, 2);
    assert.equal(res.body.pmax_wf, 11120);
    assert.equal(res.body.psetpoint_recu, 11120);
    assert.equal(res.body.stop_wf_active, false);
    assert.equal(res.body.active_request, null);
    assert.equal(res.body.external_constraint, null);
    assert.equal(res.body.pactive, res.body.pavailable);
    res = await api(rou2, "GET", "monitoring/planning");
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.sites["8FV8CCX2w7X0"], { sycode: "8FV8CCX2w7X0", site_name: "ROU2 PDL10", planning: [] });
    assert.equal(Object.keys(res.body.sites).length, 4);
    assertError(await api(rou2, "GET", "monitoring/sites/FAKE"), 404, "SITE_NOT_FOUND");
    assert.deepEqual((await api(rou12, "GET", "monitoring")).body, {
      thissite: { "8FV899VJw7Q0": "ROU1 PDL3" },
      nearsite: [],
      state: { "8FV899VJw7Q0": 2 }
    });
    res = await api(rou11, "GET", "monitoring");
    assert.deepEqual(res.body.thissite, { "8FV898VMwWX0": "ROU1 PDL1" });
    assert.deepEqual(res.body.nearsite, [{ "8FV898VPwW20": "ROU1 PDL2" }]);
  });
  it("answers provision with the contract fields", async (t) => {
    const w = await startFor(t, { id: "ROU1.1" });
    const res = await provision(w, ROU1_1);
    assert.equal(res.body.mk6_id, "ROU1.1");
    assert.equal(res.body.sites, 2);
    assert.equal(res.body.thissite, "8FV898VMwWX0");
    assert.deepEqual(res.body.nearsite, ["8FV898VPwW20"]);
    assert.equal(res.body.port, w.port);
    assert.equal(res.body.url, w.url);
    const bad = await mock(w, "POST", "provision", { sites: [{ ...ROU1_1[0] }, { ...ROU1_1[1], role: "thissite" }] });
    assertError(bad, 400, "BAD_REQUEST");
  });
});
describe("seed scenario 3 \u2013 Psetpoint targeted per site", () => {
  it("limits PDL2 at 14h, leaves PDL1 at Pmax, accepts a site name", async (t) => {
    const w = await startFor(t, { id: "ROU1.1" });
    await setTime(w, "2026-03-01T10:00:00Z");
    await provision(w, ROU1_1);
    let res = await api(w, "POST", "requests", {
      set: "Psetpoint",
      site: "8FV898VPwW20",
      psetpoint: 5e3,
      start_time: "2026-03-01T12:00:00Z",
      end_time: "2026-03-01T18:00:00Z"
    });
    assert.equal(res.status, 201);
    assert.equal(res.body.id, "REQ-001");
    assert.deepEqual(res.body.site, { "8FV898VPwW20": "ROU1 PDL2" });
    assert.equal(res.body.state, "scheduled");
    assert.equal(res.body.created_at, "2026-03-01T10:00:00Z");
    await setTime(w, "2026-03-01T14:00:00Z");
    res = await api(w, "GET", "monitoring/sites/8FV898VPwW20");
    assert.equal(res.body.psetpoint_recu, 5e3);
    assert.equal(res.body.active_request.id, "REQ-001");
    assert.equal(res.body.active_request.state, "active");
    res = await api(w, "GET", "monitoring/sites/8FV898VMwWX0");
    assert.equal(res.body.psetpoint_recu, 8340);
    assert.equal(res.body.active_request, null);
    res = await api(w, "POST", "requests", {
      set: "stop",
      site: "ROU1 PDL1",
      start_time: "2026-03-01T14:00:00Z",
      end_time: "2026-03-01T16:00:00Z"
    });
    assert.equal(res.status, 201);
    assert.deepEqual(res.body.site, { "8FV898VMwWX0": "ROU1 PDL1" });
    assert.equal(res.body.psetpoint, null);
    assert.equal((await api(w, "GET", "monitoring/sites/8FV898VMwWX0")).body.stop_wf_active, true);
  });
});
describe("seed scenario 5 \u2013 state per site (0/1/2)", () => {
  it("sets state 1, faults to 0, refuses requests on state 0, restores after the fault", async (t) => {
    const w = await startFor(t, { id: "ROU2" });
    await setTime(w, "2026-03-01T10:00:00Z");
    await provision(w, ROU2.map(({ prm_id: _, ...s }) => s));
    const states = async () => (await api(w, "GET", "monitoring")).body.state;
    assert.deepEqual(await states(), { "8FV8CCX2w7X0": 2, "8FV8C9MWwHJ0": 2, "8FV8C9MWwHH0": 2, "8FV8CCX2w7W0": 2 });
    assert.equal((await mock(w, "POST", "site-state/8FV8C9MWwHH0", { state: 1 })).status, 200);
    assert.equal((await mock(w, "POST", "fault/8FV8C9MWwHJ0")).status, 200);
    assert.deepEqual(await states(), { "8FV8CCX2w7X0": 2, "8FV8C9MWwHJ0": 0, "8FV8C9MWwHH0": 1, "8FV8CCX2w7W0": 2 });
    assertError(await api(w, "POST", "requests", { set: "stop", site: "8FV8C9MWwHJ0" }), 503, "SITE_NOT_ACCESSIBLE");
    const ok = await api(w, "POST", "requests", {
      set: "Psetpoint",
      site: "8FV8CCX2w7X0",
      psetpoint: 5e3,
      start_time: "2026-03-01T12:00:00Z",
      end_time: "2026-03-01T14:00:00Z"
    });
    assert.equal(ok.status, 201);
    assert.equal(ok.body.id, "REQ-001", "the refused request took no number");
    assert.equal((await mock(w, "DELETE", "fault/8FV8C9MWwHJ0")).status, 200);
    assert.deepEqual(await states(), { "8FV8CCX2w7X0": 2, "8FV8C9MWwHJ0": 2, "8FV8C9MWwHH0": 1, "8FV8CCX2w7W0": 2 });
    assertError(await mock(w, "POST", "site-state/8FV8C9MWwHH0", { state: 7 }), 441, "INVALID_VALUE");
    assertError(await mock(w, "POST", "fault/NOPE"), 404, "SITE_NOT_FOUND");
  });
});
