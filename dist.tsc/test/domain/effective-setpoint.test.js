import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Mk6, emptyMk6Data } from "../../src/domain/mk6.js";
import { submitAnswer } from "../../src/worker/http/gateway-api.js";
import { readSubmit } from "../../src/contract/commands.js";
import { effectiveRequest, windowHolds } from "../../src/domain/requests.js";
const at = (hhmm) => Date.parse(`2026-03-01T${hhmm}:00Z`);
const NOW = at("10:00");
function newMk6() {
  return new Mk6(emptyMk6Data("mk6-A", [{ sycode: "SYC1", name: "PDL1", role: "thissite", pmax_kw: 8340, prm_id: null }]), 1);
}
function post(m, set, value, start, end) {
  const body = { set, site: "SYC1", start_time: `2026-03-01T${start}:00Z` };
  if (value !== null) body.psetpoint = value;
  if (end !== null) body.end_time = `2026-03-01T${end}:00Z`;
  return submitAnswer(m.submit(readSubmit(body), NOW)).body.id;
}
const setpoint = (m, hhmm) => m.siteView("SYC1", at(hhmm)).psetpoint_recu;
describe("windowHolds", () => {
  it("holds on start <= t < end, with null bounds open", () => {
    assert.equal(windowHolds(10, 20, 10), true);
    assert.equal(windowHolds(10, 20, 19), true);
    assert.equal(windowHolds(10, 20, 20), false);
    assert.equal(windowHolds(10, 20, 9), false);
    assert.equal(windowHolds(null, null, 0), true);
    assert.equal(windowHolds(10, null, 1e15), true);
    assert.equal(windowHolds(null, 20, -1e15), true);
  });
});
describe("effectiveRequest", () => {
  const req = (seq, start, end, deleted = false) => ({
    id: `REQ-${seq}`,
    seq,
    set: "Psetpoint",
    sycode: "S",
    psetpoint: seq,
    start,
    end,
    created_at: 0,
    deleted_at: deleted ? 0 : null,
    extras: {}
  });
  it("picks the highest seq whose window holds t and skips deleted ones", () => {
    const list = [req(1, 0, 100), req(2, 50, 80), req(3, 60, 70, true)];
    assert.equal(effectiveRequest(list, 10)?.seq, 1);
    assert.equal(effectiveRequest(list, 65)?.seq, 2);
    assert.equal(effectiveRequest(list, 90)?.seq, 1);
    assert.equal(effectiveRequest(list, 100), null);
    assert.equal(effectiveRequest([], 0), null);
  });
});
describe("effective setpoint of a site", () => {
  it("is Pmax with no request, and active_request null", () => {
    const v = newMk6().siteView("SYC1", NOW);
    assert.equal(v.psetpoint_recu, 8340);
    assert.equal(v.active_request, null);
    assert.equal(v.stop_wf_active, false);
  });
  it("follows a Psetpoint inside its window only", () => {
    const m = newMk6();
    post(m, "Psetpoint", 5e3, "14:00", "16:00");
    assert.equal(setpoint(m, "13:59"), 8340);
    assert.equal(setpoint(m, "14:00"), 5e3);
    assert.equal(m.siteView("SYC1", at("15:00")).active_request?.id, "REQ-001");
    assert.equal(m.siteView("SYC1", at("15:00")).active_request?.state, "active");
    assert.equal(setpoint(m, "16:00"), 8340, "end is exclusive");
  });
  it("reads 0 with stop_wf_active during a stop", () => {
    const m = newMk6();
    post(m, "stop", null, "12:00", "13:00");
    const v = m.siteView("SYC1", at("12:30"));
    assert.equal(v.psetpoint_recu, 0);
    assert.equal(v.stop_wf_active, true);
    assert.equal(v.pactive, 0);
    assert.equal(m.siteView("SYC1", at("13:00")).stop_wf_active, false);
  });
  it("lets the last series prevail where windows overlap, earlier ones apply elsewhere", () => {
    const m = newMk6();
    post(m, "Psetpoint", 3e3, "12:00", "18:00");
    post(m, "Psetpoint", 7e3, "14:00", "16:00");
    post(m, "Psetpoint", 1e3, "11:00", "15:00");
    assert.equal(setpoint(m, "11:30"), 1e3);
    assert.equal(setpoint(m, "14:30"), 1e3);
    assert.equal(setpoint(m, "15:30"), 7e3);
    assert.equal(setpoint(m, "17:00"), 3e3);
    assert.equal(setpoint(m, "18:00"), 8340);
  });
  it("treats an older request starting later as still in force where the newer one is not", () => {
    const m = newMk6();
    post(m, "Psetpoint", 2e3, "15:00", "17:00");
    post(m, "Psetpoint", 6e3, "14:00", "16:00");
    assert.equal(setpoint(m, "15:30"), 6e3);
    assert.equal(setpoint(m, "16:30"), 2e3);
  });
  it("goes back to Pmax in a gap between segments (a gap is a clear)", () => {
    const m = newMk6();
    post(m, "Psetpoint", 5e3, "14:00", "15:00");
    post(m, "Psetpoint", 5e3, "16:00", "18:00");
    assert.deepEqual(["14:30", "15:30", "16:30"].map((t) => setpoint(m, t)), [5e3, 8340, 5e3]);
  });
  it("falls back to the older request once the newer one is deleted", () => {
    const m = newMk6();
    post(m, "Psetpoint", 3e3, "09:00", "18:00");
    const newer = post(m, "stop", null, "09:00", "18:00");
    assert.equal(setpoint(m, "10:00"), 0);
    m.deleteRequest(newer, NOW);
    assert.equal(setpoint(m, "10:00"), 3e3);
  });
  it("keeps an open-ended request in force until deleted", () => {
    const m = newMk6();
    const id = post(m, "Psetpoint", 4e3, "10:00", null);
    assert.equal(m.siteView("SYC1", Date.parse("2030-01-01T00:00:00Z")).psetpoint_recu, 4e3);
    m.deleteRequest(id, at("11:00"));
    assert.equal(setpoint(m, "12:00"), 8340);
  });
});
