import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Mk6, emptyMk6Data } from "../../src/domain/mk6.js";
import { submitAnswer } from "../../src/worker/http/gateway-api.js";
import { readSubmit } from "../../src/contract/commands.js";
import { Mk6Error } from "../../src/contract/errors.js";
const at = (hhmm) => Date.parse(`2026-03-01T${hhmm}:00Z`);
const iso = (hhmm) => `2026-03-01T${hhmm}:00Z`;
const site = (sycode, name, role, pmax_kw) => ({ sycode, name, role, pmax_kw, prm_id: null });
const mk6 = (id, sites) => new Mk6(emptyMk6Data(id, sites), 1);
function post(m, now, body) {
  return submitAnswer(m.submit(readSubmit(body), at(now))).body;
}
function rejects(fn, status, code) {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof Mk6Error);
    assert.equal(err.status, status);
    assert.equal(err.code, code);
    return err;
  }
  assert.fail(`expected ${status} ${code}`);
}
describe("seed scenario 3 \u2013 Psetpoint targeted per site", () => {
  it("limits PDL2 only, and a stop can name its site", () => {
    const m = mk6("ROU1.1", [site("8FV898VMwWX0", "ROU1 PDL1", "thissite", 8340), site("8FV898VPwW20", "ROU1 PDL2", "nearsite", 8340)]);
    const r = post(m, "10:00", { set: "Psetpoint", site: "8FV898VPwW20", psetpoint: 5e3, start_time: iso("12:00"), end_time: iso("18:00") });
    assert.equal(r.id, "REQ-001");
    assert.deepEqual(r.site, { "8FV898VPwW20": "ROU1 PDL2" });
    assert.equal(r.state, "scheduled");
    const pdl2 = m.siteView("8FV898VPwW20", at("14:00"));
    assert.equal(pdl2.psetpoint_recu, 5e3);
    assert.equal(pdl2.active_request?.id, "REQ-001");
    const pdl1 = m.siteView("8FV898VMwWX0", at("14:00"));
    assert.equal(pdl1.psetpoint_recu, 8340);
    assert.equal(pdl1.active_request, null);
    const stop = post(m, "14:00", { set: "stop", site: "ROU1 PDL1", start_time: iso("14:00"), end_time: iso("16:00") });
    assert.deepEqual(stop.site, { "8FV898VMwWX0": "ROU1 PDL1" });
    assert.equal(stop.state, "active");
  });
});
describe("seed scenario 6 \u2013 explicit clear (DEC-065)", () => {
  const one = () => mk6("ROU1.1", [site("SYC1", "PDL1", "thissite", 8340)]);
  const recu = (m, now) => m.siteView("SYC1", at(now)).psetpoint_recu;
  it("case 1: end of series \u2192 Pmax, no active request", () => {
    const m = one();
    post(m, "10:00", { set: "Psetpoint", site: "SYC1", psetpoint: 5e3, start_time: iso("14:00"), end_time: iso("16:00") });
    assert.equal(recu(m, "15:00"), 5e3);
    assert.equal(recu(m, "16:30"), 8340);
    assert.equal(m.siteView("SYC1", at("16:30")).active_request, null);
    assert.equal(m.getRequest("REQ-001", at("16:30")).state, "expired");
  });
  it("case 2: a gap between segments is a clear; case 3: a Pmax request frees production", () => {
    const m = one();
    post(m, "10:00", { set: "Psetpoint", site: "SYC1", psetpoint: 5e3, start_time: iso("14:00"), end_time: iso("15:00") });
    post(m, "10:00", { set: "Psetpoint", site: "SYC1", psetpoint: 5e3, start_time: iso("16:00"), end_time: iso("18:00") });
    assert.equal(recu(m, "14:30"), 5e3);
    assert.equal(recu(m, "15:30"), 8340);
    assert.equal(recu(m, "16:30"), 5e3);
    const free = post(m, "16:30", { set: "Psetpoint", site: "SYC1", psetpoint: 8340, start_time: iso("16:00"), end_time: iso("18:00") });
    assert.equal(free.state, "active");
    assert.equal(recu(m, "16:30"), 8340);
    assert.equal(m.siteView("SYC1", at("16:30")).active_request?.id, free.id);
  });
});
describe("seed scenario 7 \u2013 annule-et-remplace", () => {
  it("the last series prevails on the same window", () => {
    const m = mk6("ROU1.1", [site("SYC1", "PDL1", "thissite", 8340)]);
    post(m, "10:00", { set: "Psetpoint", site: "SYC1", psetpoint: 3e3, start_time: iso("14:00"), end_time: iso("18:00") });
    post(m, "10:00", { set: "Psetpoint", site: "SYC1", psetpoint: 7e3, start_time: iso("14:00"), end_time: iso("18:00") });
    const v = m.siteView("SYC1", at("15:00"));
    assert.equal(v.psetpoint_recu, 7e3);
    assert.equal(v.active_request?.id, "REQ-002");
  });
});
describe("seed scenario 8 \u2013 main_reset", () => {
  it("443 without confirm, then purges the 2 scheduled and keeps the active one", () => {
    const m = mk6("ROU1.1", [site("SYC_A", "Site A", "thissite", 1e4), site("SYC_B", "Site B", "nearsite", 1e4)]);
    post(m, "10:00", { set: "Psetpoint", site: "SYC_A", psetpoint: 5e3, start_time: iso("09:00"), end_time: iso("18:00") });
    post(m, "10:00", { set: "stop", site: "SYC_B", start_time: iso("14:00"), end_time: iso("16:00") });
    post(m, "10:00", { set: "Psetpoint", site: "SYC_B", psetpoint: 3e3, start_time: iso("16:00"), end_time: iso("18:00") });
    rejects(() => post(m, "10:00", { set: "main_reset" }), 443, "CONFIRMATION_REQUIRED");
    const out = submitAnswer(m.submit(readSubmit({ set: "main_reset", confirm: true, reason: "nettoyage test" }), at("10:00")));
    assert.equal(out.status, 200);
    assert.equal(out.body.deleted_count, 2);
    assert.equal(out.body.kept_count, 1);
    assert.equal(out.body.reason, "nettoyage test");
    const planning = m.planning(at("10:00"));
    assert.deepEqual(planning.map((r) => [r.id, r.state]), [["REQ-001", "active"]]);
    assert.equal(m.siteView("SYC_B", at("15:00")).psetpoint_recu, 1e4, "the purged stop never applies");
  });
});
describe("seed scenario 9 \u2013 Pmax per site (R-IT-06)", () => {
  it("9000 kW fits PDL2 (11120) but not PDL4 (8340) \u2192 441 {max, site}", () => {
    const m = mk6("VAI", [site("8FV897G6wGQ0", "VAI PDL4", "thissite", 8340), site("8FV89688wQW0", "VAI PDL2", "nearsite", 11120)]);
    const views = m.siteViews(at("10:00"));
    assert.equal(views["8FV897G6wGQ0"].pmax_wf, 8340);
    assert.equal(views["8FV89688wQW0"].pmax_wf, 11120);
    const ok = post(m, "10:00", { set: "Psetpoint", site: "8FV89688wQW0", psetpoint: 9e3, start_time: iso("12:00"), end_time: iso("14:00") });
    assert.equal(ok.id, "REQ-001");
    const err = rejects(() => post(m, "10:00", { set: "Psetpoint", site: "8FV897G6wGQ0", psetpoint: 9e3 }), 441, "INVALID_VALUE");
    assert.deepEqual(err.details, { max: 8340, site: "8FV897G6wGQ0" });
  });
});
describe("seed scenario 13 \u2013 time transitions", () => {
  it("Pmax \u2192 3 MW \u2192 stop \u2192 7 MW \u2192 Pmax as the clock moves", () => {
    const m = mk6("mk6-A", [site("SYC1", "Site1", "thissite", 1e4)]);
    post(m, "10:00", { set: "Psetpoint", site: "SYC1", psetpoint: 3e3, start_time: iso("11:00"), end_time: iso("12:00") });
    post(m, "10:00", { set: "stop", site: "SYC1", start_time: iso("12:00"), end_time: iso("13:00") });
    post(m, "10:00", { set: "Psetpoint", site: "SYC1", psetpoint: 7e3, start_time: iso("13:00"), end_time: iso("14:00") });
    const steps = [
      ["10:00", 1e4, false, null],
      ["11:30", 3e3, false, "REQ-001"],
      ["12:30", 0, true, "REQ-002"],
      ["13:30", 7e3, false, "REQ-003"],
      ["14:30", 1e4, false, null]
    ];
    for (const [now, recu, stop, active] of steps) {
      const v = m.siteView("SYC1", at(now));
      assert.equal(v.psetpoint_recu, recu, `psetpoint_recu at ${now}`);
      assert.equal(v.stop_wf_active, stop, `stop_wf_active at ${now}`);
      assert.equal(v.active_request?.id ?? null, active, `active_request at ${now}`);
      assert.ok(v.pactive <= Math.min(v.pavailable, recu), `pactive at ${now}`);
    }
    assert.deepEqual(m.planning(at("14:30")), [], "everything expired");
  });
});
