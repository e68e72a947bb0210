import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Mk6, emptyMk6Data } from "../../src/domain/mk6.js";
import { submitAnswer } from "../../src/worker/http/gateway-api.js";
import { readPatch, readSiteState, readSubmit } from "../../src/contract/commands.js";
import { Mk6Error } from "../../src/contract/errors.js";
const at = (hhmm) => Date.parse(`2026-03-01T${hhmm}:00Z`);
const NOW = at("10:00");
const SITES = [
  { sycode: "SYC_A", name: "Site A", role: "thissite", pmax_kw: 1e4, prm_id: "500" },
  { sycode: "SYC_B", name: "Site B", role: "nearsite", pmax_kw: 8340, prm_id: null }
];
function newMk6() {
  return new Mk6(emptyMk6Data("mk6-A", SITES), 1);
}
function post(m, body, now = NOW) {
  return submitAnswer(m.submit(readSubmit(body), now)).body;
}
function throwsMk6(fn, status, code, details) {
  let caught;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof Mk6Error, `expected an Mk6Error, got ${String(caught)}`);
  assert.equal(caught.status, status);
  assert.equal(caught.code, code);
  assert.deepEqual(caught.toBody().code, status);
  for (const [k, v] of Object.entries(details ?? {})) assert.deepEqual(caught.details[k], v, `details.${k}`);
  return caught;
}
const psetpoint = (site, value, start, end) => ({
  set: "Psetpoint",
  site,
  psetpoint: value,
  ...start ? { start_time: `2026-03-01T${start}:00Z` } : {},
  ...end ? { end_time: `2026-03-01T${end}:00Z` } : {}
});
describe("request ids and seq", () => {
  it("numbers accepted requests REQ-001, REQ-002\u2026 with a matching seq", () => {
    const m = newMk6();
    const a = post(m, psetpoint("SYC_A", 5e3, "12:00", "13:00"));
    const b = post(m, { set: "stop", site: "SYC_B" });
    assert.equal(a.id, "REQ-001");
    assert.equal(a.seq, 1);
    assert.equal(b.id, "REQ-002");
    assert.equal(b.seq, 2);
    assert.equal(m.nextRequestId, "REQ-003");
  });
  it("does not give a number to a refused request nor to main_reset", () => {
    const m = newMk6();
    assert.throws(() => post(m, psetpoint("SYC_A", 99999)));
    assert.throws(() => post(m, { set: "stop", site: "NOPE" }));
    assert.throws(() => post(m, { set: "main_reset" }));
    post(m, { set: "main_reset", confirm: true });
    assert.equal(post(m, { set: "stop", site: "SYC_A" }).id, "REQ-001");
  });
  it("answers the full Request shape, echoes extras, and resolves a site by name", () => {
    const m = newMk6();
    const r = post(m, { ...psetpoint("Site B", 5e3, "12:00", "18:00"), preset: "none", reason: "x" });
    assert.deepEqual(r, {
      id: "REQ-001",
      seq: 1,
      set: "Psetpoint",
      site: { SYC_B: "Site B" },
      psetpoint: 5e3,
      start_time: "2026-03-01T12:00:00Z",
      end_time: "2026-03-01T18:00:00Z",
      state: "scheduled",
      created_at: "2026-03-01T10:00:00Z",
      preset: "none",
      reason: "x"
    });
    const stop = post(m, { set: "stop", site: "SYC_A" });
    assert.equal(stop.psetpoint, null);
    assert.equal(stop.start_time, "2026-03-01T10:00:00Z", "start_time absent = now");
    assert.equal(stop.end_time, null, "end_time absent = open-ended");
  });
});
describe("request state from the clock", () => {
  it("is scheduled before start, active in [start, end), expired from end, deleted once deleted", () => {
    const m = newMk6();
    post(m, psetpoint("SYC_A", 5e3, "12:00", "14:00"));
    assert.equal(m.getRequest("REQ-001", at("11:59")).state, "scheduled");
    assert.equal(m.getRequest("REQ-001", at("12:00")).state, "active");
    assert.equal(m.getRequest("REQ-001", at("13:59")).state, "active");
    assert.equal(m.getRequest("REQ-001", at("14:00")).state, "expired");
    post(m, psetpoint("SYC_A", 5e3, "15:00", "16:00"));
    m.deleteRequest("REQ-002", at("11:00"));
    assert.equal(m.getRequest("REQ-002", at("15:30")).state, "deleted");
  });
  it("keeps an open-ended request active forever; the same request reads differently at other times", () => {
    const m = newMk6();
    post(m, { set: "stop", site: "SYC_A" });
    assert.equal(m.getRequest("REQ-001", Date.parse("2099-01-01T00:00:00Z")).state, "active");
    assert.equal(m.getRequest("REQ-001", at("09:00")).state, "scheduled");
  });
  it("lists only scheduled and active requests in the planning, by start time", () => {
    const m = newMk6();
    post(m, psetpoint("SYC_A", 1e3, "16:00", "17:00"));
    post(m, psetpoint("SYC_B", 2e3, "09:00", "09:30"));
    post(m, psetpoint("SYC_A", 3e3, "09:00", "12:00"));
    post(m, psetpoint("SYC_B", 4e3, "11:00", "12:00"));
    m.deleteRequest("REQ-004", NOW);
    assert.deepEqual(m.planning(NOW).map((r) => [r.id, r.state]), [["REQ-003", "active"], ["REQ-001", "scheduled"]]);
    const bySite = m.planningBySite(NOW);
    assert.deepEqual(Object.keys(bySite), ["SYC_A", "SYC_B"]);
    assert.equal(bySite.SYC_A.site_name, "Site A");
    assert.deepEqual(bySite.SYC_A.planning.map((r) => r.id), ["REQ-003", "REQ-001"]);
    assert.deepEqual(bySite.SYC_B.planning, []);
    assert.equal(m.getRequest("REQ-002", NOW).state, "expired", "GET planning/{req} answers whatever the state");
  });
});
describe("main_reset", () => {
  function withThree() {
    const m = newMk6();
    post(m, psetpoint("SYC_A", 5e3, "09:00", "18:00"));
    post(m, { set: "stop", site: "SYC_B", start_time: "2026-03-01T14:00:00Z", end_time: "2026-03-01T16:00:00Z" });
    post(m, psetpoint("SYC_A", 3e3, "16:00", "18:00"));
    return m;
  }
  it('without "confirm": true answers 443 CONFIRMATION_REQUIRED and deletes nothing', () => {
    const m = withThree();
    throwsMk6(() => post(m, { set: "main_reset" }), 443, "CONFIRMATION_REQUIRED");
    throwsMk6(() => post(m, { set: "main_reset", confirm: "true" }), 443, "CONFIRMATION_REQUIRED");
    assert.equal(m.planning(NOW).length, 3);
  });
  it("deletes every scheduled request, keeps the active one", () => {
    const m = withThree();
    const out = submitAnswer(m.submit(readSubmit({ set: "main_reset", confirm: true, reason: "nettoyage test" }), NOW));
    assert.equal(out.status, 200);
    assert.deepEqual(out.body, { deleted_count: 2, kept_count: 1, reason: "nettoyage test", deleted: ["REQ-002", "REQ-003"] });
    assert.deepEqual(m.planning(NOW).map((r) => r.id), ["REQ-001"]);
    assert.equal(m.getRequest("REQ-002", NOW).state, "deleted");
  });
  it("with a site, only touches that site (by sycode or name); unknown site \u2192 404", () => {
    const m = withThree();
    const out = submitAnswer(m.submit(readSubmit({ set: "main_reset", confirm: true, site: "Site B" }), NOW)).body;
    assert.equal(out.deleted_count, 1);
    assert.equal(out.kept_count, 0);
    assert.deepEqual(m.planning(NOW).map((r) => r.id), ["REQ-001", "REQ-003"]);
    throwsMk6(() => post(m, { set: "main_reset", confirm: true, site: "NOPE" }), 404, "SITE_NOT_FOUND");
  });
});
describe("PATCH planning/{req}", () => {
  it("changes psetpoint, start and end of a scheduled request with the same checks", () => {
    const m = newMk6();
    post(m, psetpoint("SYC_A", 5e3, "12:00", "14:00"));
    const r = m.patchRequest("REQ-001", readPatch({ psetpoint: 6e3, end_time: "2026-03-01T15:00:00Z" }), NOW);
    assert.equal(r.psetpoint, 6e3);
    assert.equal(r.end_time, "2026-03-01T15:00:00Z");
    assert.equal(r.start_time, "2026-03-01T12:00:00Z");
    throwsMk6(() => m.patchRequest("REQ-001", readPatch({ psetpoint: 10001 }), NOW), 441, "INVALID_VALUE", { max: 1e4, site: "SYC_A" });
    throwsMk6(() => m.patchRequest("REQ-001", readPatch({ end_time: "2026-03-01T11:00:00Z" }), NOW), 422, "INVALID_TIME_RANGE");
    throwsMk6(() => m.patchRequest("REQ-001", readPatch({ start_time: "demain" }), NOW), 400, "BAD_REQUEST");
    assert.equal(m.getRequest("REQ-001", NOW).psetpoint, 6e3, "a refused PATCH changes nothing");
  });
  it("refuses active, expired and deleted requests with 409 REQUEST_LOCKED", () => {
    const m = newMk6();
    post(m, psetpoint("SYC_A", 5e3));
    throwsMk6(() => m.patchRequest("REQ-001", readPatch({ psetpoint: 6e3 }), NOW), 409, "REQUEST_LOCKED", { state: "active" });
    post(m, psetpoint("SYC_A", 5e3, "08:00", "09:00"));
    throwsMk6(() => m.patchRequest("REQ-002", readPatch({ psetpoint: 6e3 }), NOW), 409, "REQUEST_LOCKED", { state: "expired" });
    post(m, psetpoint("SYC_A", 5e3, "12:00", "13:00"));
    m.deleteRequest("REQ-003", NOW);
    throwsMk6(() => m.patchRequest("REQ-003", readPatch({ psetpoint: 6e3 }), NOW), 409, "REQUEST_LOCKED", { state: "deleted" });
  });
  it("answers 405 REQUEST_NOT_FOUND for an unknown id", () => {
    throwsMk6(() => newMk6().patchRequest("REQ-999", readPatch({ psetpoint: 1 }), NOW), 405, "REQUEST_NOT_FOUND");
  });
});
describe("DELETE planning/{req}", () => {
  it("deletes a scheduled request and an active one (the site goes back to Pmax)", () => {
    const m = newMk6();
    post(m, psetpoint("SYC_A", 5e3, "12:00", "14:00"));
    post(m, psetpoint("SYC_B", 2e3));
    assert.equal(m.deleteRequest("REQ-001", NOW).state, "deleted");
    assert.equal(m.siteView("SYC_B", NOW).psetpoint_recu, 2e3);
    assert.equal(m.deleteRequest("REQ-002", NOW).state, "deleted");
    assert.equal(m.siteView("SYC_B", NOW).psetpoint_recu, 8340);
    assert.equal(m.siteView("SYC_B", NOW).active_request, null);
  });
  it("refuses expired and deleted requests with 409, unknown ids with 405", () => {
    const m = newMk6();
    post(m, psetpoint("SYC_A", 5e3, "08:00", "09:00"));
    throwsMk6(() => m.deleteRequest("REQ-001", NOW), 409, "REQUEST_LOCKED", { state: "expired" });
    post(m, psetpoint("SYC_A", 5e3, "12:00", "13:00"));
    m.deleteRequest("REQ-002", NOW);
    throwsMk6(() => m.deleteRequest("REQ-002", NOW), 409, "REQUEST_LOCKED", { state: "deleted" });
    throwsMk6(() => m.deleteRequest("REQ-999", NOW), 405, "REQUEST_NOT_FOUND");
    throwsMk6(() => m.getRequest("REQ-999", NOW), 405, "REQUEST_NOT_FOUND");
  });
});
describe("POST requests validation", () => {
  it("answers 400 on an unknown set, 442 on a missing set", () => {
    const m = newMk6();
    const e = throwsMk6(() => post(m, { set: "invalid" }), 400, "BAD_REQUEST");
    assert.equal(e.message, "set invalide: 'invalid'");
    throwsMk6(() => post(m, { site: "SYC_A" }), 442, "MISSING_FIELD", { field: "set" });
    throwsMk6(() => m.submit(readSubmit("not an object"), NOW), 400, "BAD_REQUEST");
  });
  it("answers 442 {field} for a missing site or psetpoint, 404 for an unknown site", () => {
    const m = newMk6();
    throwsMk6(() => post(m, { set: "stop" }), 442, "MISSING_FIELD", { field: "site" });
    throwsMk6(() => post(m, { set: "Psetpoint", site: "SYC_A" }), 442, "MISSING_FIELD", { field: "psetpoint" });
    throwsMk6(() => post(m, { set: "stop", site: "NONEXISTENT" }), 404, "SITE_NOT_FOUND");
  });
  it("answers 400 for a non-numeric psetpoint, 441 {max, site} outside 0..pmax of that site", () => {
    const m = newMk6();
    throwsMk6(() => post(m, { set: "Psetpoint", site: "SYC_A", psetpoint: "5000" }), 400, "BAD_REQUEST");
    throwsMk6(() => post(m, psetpoint("SYC_B", 8341)), 441, "INVALID_VALUE", { max: 8340, site: "SYC_B" });
    throwsMk6(() => post(m, psetpoint("SYC_A", -1)), 441, "INVALID_VALUE", { max: 1e4, site: "SYC_A" });
    assert.equal(post(m, psetpoint("SYC_B", 8340)).psetpoint, 8340, "pmax itself is allowed");
    assert.equal(post(m, psetpoint("SYC_B", 0)).psetpoint, 0);
  });
  it("answers 422 when end <= start and 400 on an unparseable time", () => {
    const m = newMk6();
    throwsMk6(() => post(m, psetpoint("SYC_A", 5e3, "18:00", "14:00")), 422, "INVALID_TIME_RANGE");
    throwsMk6(() => post(m, psetpoint("SYC_A", 5e3, "14:00", "14:00")), 422, "INVALID_TIME_RANGE");
    throwsMk6(() => post(m, { set: "stop", site: "SYC_A", end_time: "2026-03-01T09:00:00Z" }), 422, "INVALID_TIME_RANGE");
    throwsMk6(() => post(m, { set: "stop", site: "SYC_A", start_time: "pas une date" }), 400, "BAD_REQUEST", { field: "start_time" });
  });
  it("answers 503 SITE_NOT_ACCESSIBLE on a site in state 0 (set or by fault), accepts state 1", () => {
    const m = newMk6();
    m.setSiteState("SYC_A", readSiteState({ state: 0 }));
    throwsMk6(() => post(m, { set: "stop", site: "SYC_A" }), 503, "SITE_NOT_ACCESSIBLE", { sycode: "SYC_A" });
    m.setFault("SYC_B", true);
    throwsMk6(() => post(m, { set: "stop", site: "Site B" }), 503, "SITE_NOT_ACCESSIBLE", { sycode: "SYC_B" });
    m.setFault("SYC_B", false);
    m.setSiteState("SYC_A", readSiteState({ state: 1 }));
    assert.equal(post(m, { set: "stop", site: "SYC_A" }).id, "REQ-001");
  });
});
