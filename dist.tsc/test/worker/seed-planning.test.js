import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { api, assertError, mock, provision, setTime, startFor } from "../helpers/worker-app.js";
const iso = (hhmm) => `2026-03-01T${hhmm}:00Z`;
async function oneSite(t, id, pmax_kw, sycode = "SYC1", name = "Site1") {
  const w = await startFor(t, { id });
  await w.http("POST", "/mock/reset");
  await setTime(w, iso("10:00"));
  await provision(w, [{ sycode, name, role: "thissite", pmax_kw }]);
  return w;
}
async function recuAt(w, hhmm, sycode = "SYC1") {
  await setTime(w, iso(hhmm));
  const res = await api(w, "GET", `monitoring/sites/${sycode}`);
  assert.equal(res.status, 200);
  return res.body;
}
describe("seed scenario 4 \u2013 error codes", () => {
  it("answers 400, 441, 442, 404, 422, 503, 443, 409 and 405 with the contract body", async (t) => {
    const w = await oneSite(t, "mk6-A", 8340);
    const post = (body) => api(w, "POST", "requests", body);
    let res = await post({ set: "invalid" });
    assertError(res, 400, "BAD_REQUEST");
    assert.equal(res.body.message, "set invalide: 'invalid'");
    assertError(await post({ set: "Psetpoint", site: "SYC1", psetpoint: 99999 }), 441, "INVALID_VALUE", { max: 8340, site: "SYC1" });
    assertError(await post({ set: "Psetpoint", site: "SYC1" }), 442, "MISSING_FIELD", { field: "psetpoint" });
    assertError(await post({ site: "SYC1" }), 442, "MISSING_FIELD", { field: "set" });
    assertError(await post({ set: "stop" }), 442, "MISSING_FIELD", { field: "site" });
    assertError(await post({ set: "stop", site: "NONEXISTENT" }), 404, "SITE_NOT_FOUND");
    assertError(
      await post({ set: "Psetpoint", site: "SYC1", psetpoint: 5e3, start_time: iso("18:00"), end_time: iso("14:00") }),
      422,
      "INVALID_TIME_RANGE"
    );
    assertError(await post({ set: "stop", site: "SYC1", start_time: "01/03/2026" }), 400, "BAD_REQUEST");
    assertError(await post({ set: "Psetpoint", site: "SYC1", psetpoint: "beaucoup" }), 400, "BAD_REQUEST");
    assert.equal((await mock(w, "POST", "site-state/SYC1", { state: 0 })).status, 200);
    assertError(await post({ set: "stop", site: "SYC1" }), 503, "SITE_NOT_ACCESSIBLE");
    assertError(await post({ set: "main_reset" }), 443, "CONFIRMATION_REQUIRED");
    await mock(w, "POST", "site-state/SYC1", { state: 2 });
    res = await post({ set: "Psetpoint", site: "SYC1", psetpoint: 5e3 });
    assert.equal(res.status, 201);
    assert.equal(res.body.id, "REQ-001", "none of the refused requests took a number");
    assert.equal(res.body.state, "active");
    assertError(await api(w, "PATCH", "planning/REQ-001", { psetpoint: 6e3 }), 409, "REQUEST_LOCKED");
    assertError(await api(w, "GET", "planning/REQ-999"), 405, "REQUEST_NOT_FOUND");
    assertError(await api(w, "PATCH", "planning/REQ-999", { psetpoint: 1 }), 405, "REQUEST_NOT_FOUND");
    assertError(await api(w, "DELETE", "planning/REQ-999"), 405, "REQUEST_NOT_FOUND");
  });
  it("PATCHes a scheduled request, DELETEs scheduled and active ones, locks the rest", async (t) => {
    const w = await oneSite(t, "mk6-A", 8340);
    await api(w, "POST", "requests", { set: "Psetpoint", site: "SYC1", psetpoint: 5e3, start_time: iso("12:00"), end_time: iso("14:00") });
    let res = await api(w, "PATCH", "planning/REQ-001", { psetpoint: 6e3, start_time: iso("11:00") });
    assert.equal(res.status, 200);
    assert.equal(res.body.psetpoint, 6e3);
    assert.equal(res.body.start_time, iso("11:00"));
    assertError(await api(w, "PATCH", "planning/REQ-001", { psetpoint: 9e3 }), 441, "INVALID_VALUE", { max: 8340, site: "SYC1" });
    assertError(await api(w, "PATCH", "planning/REQ-001", { end_time: iso("10:30") }), 422, "INVALID_TIME_RANGE");
    assert.equal((await api(w, "GET", "planning/REQ-001")).body.psetpoint, 6e3);
    await api(w, "POST", "requests", { set: "stop", site: "SYC1" });
    res = await api(w, "DELETE", "planning/REQ-002");
    assert.equal(res.status, 200);
    assert.equal(res.body.state, "deleted");
    assertError(await api(w, "DELETE", "planning/REQ-002"), 409, "REQUEST_LOCKED");
    assertError(await api(w, "PATCH", "planning/REQ-002", { end_time: iso("19:00") }), 409, "REQUEST_LOCKED");
    assert.equal((await api(w, "DELETE", "planning/REQ-001")).body.state, "deleted");
    assert.deepEqual((await api(w, "GET", "planning")).body, { mk6_id: "mk6-A", planning: [] });
    await api(w, "POST", "requests", { set: "stop", site: "SYC1", start_time: iso("10:00"), end_time: iso("10:30") });
    await setTime(w, iso("11:00"));
    assert.equal((await api(w, "GET", "planning/REQ-003")).body.state, "expired");
    assertError(await api(w, "DELETE", "planning/REQ-003"), 409, "REQUEST_LOCKED");
  });
});
describe("seed scenario 6 \u2013 explicit clear (DEC-065)", () => {
  it("case 1: after the series, back to Pmax with no active request", async (t) => {
    const w = await oneSite(t, "ROU1.1", 8340, "SYC1", "PDL1");
    await api(w, "POST", "requests", { set: "Psetpoint", site: "SYC1", psetpoint: 5e3, start_time: iso("14:00"), end_time: iso("16:00") });
    assert.equal((await recuAt(w, "15:00")).psetpoint_recu, 5e3);
    const after = await recuAt(w, "16:30");
    assert.equal(after.psetpoint_recu, 8340);
    assert.equal(after.active_request, null);
  });
  it("case 2: a gap is a clear; case 3: a Pmax request frees production", async (t) => {
    const w = await oneSite(t, "ROU1.1", 8340, "SYC1", "PDL1");
    await api(w, "POST", "requests", { set: "Psetpoint", site: "SYC1", psetpoint: 5e3, start_time: iso("14:00"), end_time: iso("15:00") });
    await api(w, "POST", "requests", { set: "Psetpoint", site: "SYC1", psetpoint: 5e3, start_time: iso("16:00"), end_time: iso("18:00") });
    assert.equal((await recuAt(w, "14:30")).psetpoint_recu, 5e3);
    assert.equal((await recuAt(w, "15:30")).psetpoint_recu, 8340);
    assert.equal((await recuAt(w, "16:30")).psetpoint_recu, 5e3);
    const res = await api(w, "POST", "requests", { set: "Psetpoint", site: "SYC1", psetpoint: 8340, start_time: iso("16:00"), end_time: iso("18:00") });
    assert.equal(res.status, 201);
    const v = (await api(w, "GET", "monitoring/sites/SYC1")).body;
    assert.equal(v.psetpoint_recu, 8340);
    assert.equal(v.active_request.id, "REQ-003");
  });
});
describe("seed scenario 7 \u2013 annule-et-remplace", () => {
  it("the last series prevails: 7000 at 15h", async (t) => {
    const w = await oneSite(t, "ROU1.1", 8340, "SYC1", "PDL1");
    for (const psetpoint of [3e3, 7e3]) {
      const res = await api(w, "POST", "requests", { set: "Psetpoint", site: "SYC1", psetpoint, start_time: iso("14:00"), end_time: iso("18:00") });
      assert.equal(res.status, 201);
    }
    const v = await recuAt(w, "15:00");
    assert.equal(v.psetpoint_recu, 7e3);
    assert.equal(v.active_request.id, "REQ-002");
  });
});
describe("seed scenario 8 \u2013 main_reset", () => {
  it("443 without confirm; with confirm purges the 2 scheduled and keeps the active one", async (t) => {
    const w = await startFor(t, { id: "ROU1.1" });
    await setTime(w, iso("10:00"));
    await provision(w, [
      { sycode: "SYC_A", name: "Site A", role: "thissite", pmax_kw: 1e4 },
      { sycode: "SYC_B", name: "Site B", role: "nearsite", pmax_kw: 1e4 }
    ]);
    for (const body of [
      { set: "Psetpoint", site: "SYC_A", psetpoint: 5e3, start_time: iso("09:00"), end_time: iso("18:00") },
      { set: "stop", site: "SYC_B", start_time: iso("14:00"), end_time: iso("16:00") },
      { set: "Psetpoint", site: "SYC_B", psetpoint: 3e3, start_time: iso("16:00"), end_time: iso("18:00") }
    ]) {
      assert.equal((await api(w, "POST", "requests", body)).status, 201);
    }
    assertError(await api(w, "POST", "requests", { set: "main_reset" }), 443, "CONFIRMATION_REQUIRED");
    assert.equal((await api(w, "GET", "planning")).body.planning.length, 3);
    const res = await api(w, "POST", "requests", { set: "main_reset", confirm: true, reason: "nettoyage test" });
    assert.equal(res.status, 200);
    assert.equal(res.body.deleted_count, 2);
    assert.equal(res.body.kept_count, 1);
    assert.equal(res.body.reason, "nettoyage test");
    const planning = (await api(w, "GET", "planning")).body;
    assert.equal(planning.mk6_id, "ROU1.1");
    assert.deepEqual(planning.planning.map((r) => [r.id, r.state]), [["REQ-001", "active"]]);
    assert.equal((await api(w, "POST", "requests", { set: "stop", site: "SYC_B" })).body.id, "REQ-004");
  });
});
describe("seed scenario 9 \u2013 Pmax per site (R-IT-06)", () => {
  it("shows pmax_wf per site; 9000 kW fits PDL2 but not PDL4", async (t) => {
    const w = await startFor(t, { id: "VAI" });
    await setTime(w, iso("10:00"));
    await provision(w, [
      { sycode: "8FV897G6wGQ0", name: "VAI PDL4", role: "thissite", pmax_kw: 8340 },
      { sycode: "8FV89688wQW0", name: "VAI PDL2", role: "nearsite", pmax_kw: 11120 }
    ]);
    const sites = (await api(w, "GET", "monitoring/sites")).body.sites;
    assert.equal(sites["8FV897G6wGQ0"].pmax_wf, 8340);
    assert.equal(sites["8FV89688wQW0"].pmax_wf, 11120);
    const ok = await api(w, "POST", "requests", { set: "Psetpoint", site: "8FV89688wQW0", psetpoint: 9e3, start_time: iso("12:00"), end_time: iso("14:00") });
    assert.equal(ok.status, 201);
    const ko = await api(w, "POST", "requests", { set: "Psetpoint", site: "8FV897G6wGQ0", psetpoint: 9e3 });
    assertError(ko, 441, "INVALID_VALUE");
    assert.deepEqual(ko.body.details, { max: 8340, site: "8FV897G6wGQ0" });
  });
});
describe("seed scenario 13 \u2013 time transitions", () => {
  it("Pmax \u2192 3 MW \u2192 stop \u2192 7 MW \u2192 Pmax", async (t) => {
    const w = await oneSite(t, "mk6-A", 1e4);
    await api(w, "POST", "requests", { set: "Psetpoint", site: "SYC1", psetpoint: 3e3, start_time: iso("11:00"), end_time: iso("12:00") });
    await api(w, "POST", "requests", { set: "stop", site: "SYC1", start_time: iso("12:00"), end_time: iso("13:00") });
    await api(w, "POST", "requests", { set: "Psetpoint", site: "SYC1", psetpoint: 7e3, start_time: iso("13:00"), end_time: iso("14:00") });
    const steps = [
      ["10:00", 1e4, false, null],
      ["11:30", 3e3, false, "REQ-001"],
      ["12:30", 0, true, "REQ-002"],
      ["13:30", 7e3, false, "REQ-003"],
      ["14:30", 1e4, false, null]
    ];
    for (const [now, recu, stop, active] of steps) {
      const v = await recuAt(w, now);
      assert.equal(v.psetpoint_recu, recu, `psetpoint_recu at ${now}`);
      assert.equal(v.stop_wf_active, stop, `stop_wf_active at ${now}`);
      assert.equal(v.active_request?.id ?? null, active, `active_request at ${now}`);
    }
    assert.deepEqual((await api(w, "GET", "planning")).body.planning, []);
  });
});
