import assert from "node:assert/strict";
import { ROUVAI } from "./fleet.js";
import { SeedClient } from "./seed-client.js";
import { assertError, ISO_Z, iso, pick } from "./fleet-util.js";
const at = (hhmm) => iso("01", hhmm);
const SITE_VIEW_KEYS = ["sycode", "site_name", "role", "prm_id", "state", "fault", "pmax_wf", "pavailable", "pactive", "psetpoint_recu", "stop_wf_active", "active_request", "external_constraint"];
function assertSiteView(view, sycode, pmax) {
  for (const key of SITE_VIEW_KEYS) assert.ok(key in view, `SiteView.${key}`);
  assert.equal(view.sycode, sycode);
  assert.equal(view.pmax_wf, pmax);
  assert.ok(view.pavailable >= 0 && view.pavailable <= pmax, `pavailable ${view.pavailable} in 0..${pmax}`);
  const ceiling = Math.min(view.pavailable, view.psetpoint_recu, view.external_constraint?.value_kw ?? Infinity);
  assert.equal(view.pactive, view.state === 0 ? 0 : ceiling, "pactive = min(pavailable, psetpoint_recu, constraint)");
}
async function prelude(s, hhmm = "10:00") {
  await s.reset();
  await s.time(at(hhmm));
}
const ROU = Object.fromEntries(ROUVAI.map((m) => [m.id, m]));
async function provisionRouvai(s) {
  const answers = [];
  for (const m of ROUVAI) {
    const body = await s.provision(m.id, m.sites);
    assert.equal(body.thissite, m.sites[0].sycode);
    assert.deepEqual(body.nearsite, m.sites.slice(1).map((x) => x.sycode));
    answers.push(body);
  }
  return answers;
}
async function scenario0(s) {
  let now = await s.ok("GET", "/supervision/api/time");
  assert.equal(now.source, "system");
  assert.match(now.now, ISO_Z);
  await s.time(at("10:00"));
  assert.deepEqual(pick(await s.ok("GET", "/supervision/api/time"), "now", "source"), { now: at("10:00"), source: "mock" });
  await s.time(at("10:30"));
  assert.deepEqual(pick(await s.ok("GET", "/supervision/api/time"), "now", "source"), { now: at("10:30"), source: "mock" });
  assert.deepEqual(pick(await s.ok("POST", "/mock/time/release"), "message", "now"), { message: "Horloge liberee \u2014 temps reel actif", now: null });
  now = await s.ok("GET", "/supervision/api/time");
  assert.equal(now.source, "system");
  assert.ok(Math.abs(Date.parse(now.now) - Date.now()) < 5e3, "back on real time");
}
async function scenario1(s) {
  await prelude(s);
  const answers = await provisionRouvai(s);
  const inv = await s.ok("GET", "/mock/mk6");
  assert.equal(inv.count, 5);
  assert.deepEqual(inv.mk6.map((m) => m.mk6_id).sort(), ROUVAI.map((m) => m.id).sort());
  for (const m of inv.mk6) {
    const def = ROU[m.mk6_id];
    assert.equal(m.thissite, def.sites[0].sycode);
    assert.deepEqual(m.sycodes, def.sites.map((x) => x.sycode));
    assert.deepEqual(m.aliases, def.aliases);
    const answer = answers.find((a) => a.mk6_id === m.mk6_id);
    assert.deepEqual(m.network, { host: s.hostOf(m.mk6_id), port: answer.port, url: answer.url });
    assert.equal(m.process.status, "online");
    assert.equal(typeof m.process.pid, "number");
  }
}
async function scenario2(s) {
  await prelude(s);
  await provisionRouvai(s);
  const rou2 = ROU.ROU2.sites;
  const mon = await s.ok("GET", "/api/v1/mk6/ROU2/monitoring");
  assert.deepEqual(mon, {
    thissite: { [rou2[0].sycode]: "ROU2 PDL10" },
    nearsite: rou2.slice(1).map((x) => ({ [x.sycode]: x.name })),
    state: Object.fromEntries(rou2.map((x) => [x.sycode, 2]))
  });
  const sites = (await s.ok("GET", "/api/v1/mk6/ROU2/monitoring/sites")).sites;
  assert.deepEqual(Object.keys(sites).sort(), rou2.map((x) => x.sycode).sort());
  for (const x of rou2) assertSiteView(sites[x.sycode], x.sycode, 11120);
  const pdl5 = await s.site("ROU2", "8FV8C9MWwHH0");
  assertSiteView(pdl5, "8FV8C9MWwHH0", 11120);
  assert.deepEqual(pick(pdl5, "site_name", "state", "active_request", "role", "prm_id"), {
    site_name: "ROU2 PDL5",
    state: 2,
    active_request: null,
    role: "nearsite",
    prm_id: "50049023851893"
  });
  const planning = (await s.ok("GET", "/api/v1/mk6/ROU2/monitoring/planning")).sites;
  assert.deepEqual(planning["8FV8CCX2w7X0"], { sycode: "8FV8CCX2w7X0", site_name: "ROU2 PDL10", planning: [] });
  assert.equal(Object.keys(planning).length, 4);
  assertError(await s.get("/api/v1/mk6/ROU2/monitoring/sites/FAKE"), 404, "SITE_NOT_FOUND");
  assert.deepEqual(await s.ok("GET", "/api/v1/mk6/ROU1.2/monitoring"), {
    thissite: { "8FV899VJw7Q0": "ROU1 PDL3" },
    nearsite: [],
    state: { "8FV899VJw7Q0": 2 }
  });
  const rou11 = await s.ok("GET", "/api/v1/mk6/ROU1.1/monitoring");
  assert.deepEqual(pick(rou11, "thissite", "nearsite"), { thissite: { "8FV898VMwWX0": "ROU1 PDL1" }, nearsite: [{ "8FV898VPwW20": "ROU1 PDL2" }] });
}
async function scenario3(s) {
  await prelude(s);
  await s.provision("ROU1.1", ROU["ROU1.1"].sites);
  let req = await s.request("ROU1.1", { set: "Psetpoint", site: "8FV898VPwW20", psetpoint: 5e3, start_time: at("12:00"), end_time: at("18:00") });
  assert.deepEqual(pick(req, "id", "site", "state", "set", "psetpoint", "start_time", "end_time"), {
    id: "REQ-001",
    site: { "8FV898VPwW20": "ROU1 PDL2" },
    state: "scheduled",
    set: "Psetpoint",
    psetpoint: 5e3,
    start_time: at("12:00"),
    end_time: at("18:00")
  });
  await s.time(at("14:00"));
  const pdl2 = await s.site("ROU1.1", "8FV898VPwW20");
  assertSiteView(pdl2, "8FV898VPwW20", 8340);
  assert.equal(pdl2.psetpoint_recu, 5e3);
  assert.equal(pdl2.active_request.id, "REQ-001");
  const pdl1 = await s.site("ROU1.1", "8FV898VMwWX0");
  assert.equal(pdl1.psetpoint_recu, 8340);
  assert.equal(pdl1.active_request, null);
  req = await s.request("ROU1.1", { set: "stop", site: "ROU1 PDL1", start_time: at("14:00"), end_time: at("16:00") });
  assert.deepEqual(pick(req, "id", "site", "psetpoint", "state"), { id: "REQ-002", site: { "8FV898VMwWX0": "ROU1 PDL1" }, psetpoint: null, state: "active" });
}
async function scenario4(s) {
  await prelude(s);
  await s.provision("mk6-A", [{ sycode: "SYC1", name: "Site1", role: "thissite", pmax_kw: 8340 }]);
  const post = (body) => s.post("/api/v1/mk6/mk6-A/requests", body);
  const bad = await post({ set: "invalid" });
  assertError(bad, 400, "BAD_REQUEST");
  assert.equal(bad.body.message, "set invalide: 'invalid'");
  assertError(await post({ set: "Psetpoint", site: "SYC1", psetpoint: 99999 }), 441, "INVALID_VALUE", { max: 8340, site: "SYC1" });
  assertError(await post({ set: "Psetpoint", site: "SYC1" }), 442, "MISSING_FIELD", { field: "psetpoint" });
  assertError(await post({ set: "stop", site: "NONEXISTENT" }), 404, "SITE_NOT_FOUND");
  assertError(await post({ set: "Psetpoint", site: "SYC1", psetpoint: 5e3, start_time: at("18:00"), end_time: at("14:00") }), 422, "INVALID_TIME_RANGE");
  await s.ok("POST", "/mock/mk6/mk6-A/site-state/SYC1", { state: 0 });
  assertError(await post({ set: "stop", site: "SYC1" }), 503, "SITE_NOT_ACCESSIBLE");
  assertError(await post({ set: "main_reset" }), 443, "CONFIRMATION_REQUIRED");
  await s.ok("POST", "/mock/mk6/mk6-A/site-state/SYC1", { state: 2 });
  const req = await s.request("mk6-A", { set: "Psetpoint", site: "SYC1", psetpoint: 5e3 });
  assert.deepEqual(pick(req, "id", "state", "start_time"), { id: "REQ-001", state: "active", start_time: at("10:00") });
  assertError(await s.call("PATCH", "/api/v1/mk6/mk6-A/planning/REQ-001", { psetpoint: 6e3 }), 409, "REQUEST_LOCKED");
  assertError(await s.get("/api/v1/mk6/mk6-A/planning/REQ-999"), 405, "REQUEST_NOT_FOUND");
}
async function scenario5(s) {
  await prelude(s);
  await s.provision("ROU2", ROU.ROU2.sites.map(({ prm_id: _, ...x }) => x));
  const state = async () => (await s.ok("GET", "/api/v1/mk6/ROU2/monitoring")).state;
  assert.deepEqual(await state(), { "8FV8CCX2w7X0": 2, "8FV8C9MWwHJ0": 2, "8FV8C9MWwHH0": 2, "8FV8CCX2w7W0": 2 });
  await s.ok("POST", "/mock/mk6/ROU2/site-state/8FV8C9MWwHH0", { state: 1 });
  await s.ok("POST", "/mock/mk6/ROU2/fault/8FV8C9MWwHJ0");
  assert.deepEqual(await state(), { "8FV8CCX2w7X0": 2, "8FV8C9MWwHJ0": 0, "8FV8C9MWwHH0": 1, "8FV8CCX2w7W0": 2 });
  assertError(await s.post("/api/v1/mk6/ROU2/requests", { set: "stop", site: "8FV8C9MWwHJ0" }), 503, "SITE_NOT_ACCESSIBLE");
  await s.request("ROU2", { set: "Psetpoint", site: "8FV8CCX2w7X0", psetpoint: 5e3, start_time: at("12:00"), end_time: at("14:00") });
  await s.ok("DELETE", "/mock/mk6/ROU2/fault/8FV8C9MWwHJ0");
  assert.deepEqual(await state(), { "8FV8CCX2w7X0": 2, "8FV8C9MWwHJ0": 2, "8FV8C9MWwHH0": 1, "8FV8CCX2w7W0": 2 });
}
const SYC1 = (pmax_kw, name = "PDL1") => [{ sycode: "SYC1", name, role: "thissite", pmax_kw }];
async function recuAt(s, id, hhmm) {
  await s.time(at(hhmm));
  return s.site(id, "SYC1");
}
async function scenario6(s) {
  await prelude(s);
  await s.provision("ROU1.1", SYC1(8340));
  await s.request("ROU1.1", { set: "Psetpoint", site: "SYC1", psetpoint: 5e3, start_time: at("14:00"), end_time: at("16:00") });
  assert.equal((await recuAt(s, "ROU1.1", "15:00")).psetpoint_recu, 5e3);
  assert.deepEqual(pick(await recuAt(s, "ROU1.1", "16:30"), "psetpoint_recu", "active_request"), { psetpoint_recu: 8340, active_request: null });
  await prelude(s);
  await s.provision("ROU1.1", SYC1(8340));
  await s.request("ROU1.1", { set: "Psetpoint", site: "SYC1", psetpoint: 5e3, start_time: at("14:00"), end_time: at("15:00") });
  await s.request("ROU1.1", { set: "Psetpoint", site: "SYC1", psetpoint: 5e3, start_time: at("16:00"), end_time: at("18:00") });
  assert.equal((await recuAt(s, "ROU1.1", "14:30")).psetpoint_recu, 5e3);
  assert.equal((await recuAt(s, "ROU1.1", "15:30")).psetpoint_recu, 8340);
  assert.equal((await recuAt(s, "ROU1.1", "16:30")).psetpoint_recu, 5e3);
  await s.request("ROU1.1", { set: "Psetpoint", site: "SYC1", psetpoint: 8340, start_time: at("16:00"), end_time: at("18:00") });
  assert.equal((await s.site("ROU1.1", "SYC1")).psetpoint_recu, 8340);
}
async function scenario7(s) {
  await prelude(s);
  await s.provision("ROU1.1", SYC1(8340));
  await s.request("ROU1.1", { set: "Psetpoint", site: "SYC1", psetpoint: 3e3, start_time: at("14:00"), end_time: at("18:00") });
  await s.request("ROU1.1", { set: "Psetpoint", site: "SYC1", psetpoint: 7e3, start_time: at("14:00"), end_time: at("18:00") });
  const view = await recuAt(s, "ROU1.1", "15:00");
  assert.equal(view.psetpoint_recu, 7e3);
  assert.equal(view.active_request.id, "REQ-002");
}
async function scenario8(s) {
  await prelude(s);
  await s.provision("ROU1.1", [
    { sycode: "SYC_A", name: "Site A", role: "thissite", pmax_kw: 1e4 },
    { sycode: "SYC_B", name: "Site B", role: "nearsite", pmax_kw: 1e4 }
  ]);
  await s.request("ROU1.1", { set: "Psetpoint", site: "SYC_A", psetpoint: 5e3, start_time: at("09:00"), end_time: at("18:00") });
  await s.request("ROU1.1", { set: "stop", site: "SYC_B", start_time: at("14:00"), end_time: at("16:00") });
  await s.request("ROU1.1", { set: "Psetpoint", site: "SYC_B", psetpoint: 3e3, start_time: at("16:00"), end_time: at("18:00") });
  assertError(await s.post("/api/v1/mk6/ROU1.1/requests", { set: "main_reset" }), 443, "CONFIRMATION_REQUIRED");
  const done = await s.request("ROU1.1", { set: "main_reset", confirm: true, reason: "nettoyage test" }, 200);
  assert.deepEqual(pick(done, "deleted_count", "kept_count", "reason"), { deleted_count: 2, kept_count: 1, reason: "nettoyage test" });
  const planning = await s.ok("GET", "/api/v1/mk6/ROU1.1/planning");
  assert.equal(planning.mk6_id, "ROU1.1");
  assert.deepEqual(planning.planning.map((r) => [r.id, r.state]), [["REQ-001", "active"]]);
}
async function scenario9(s) {
  await prelude(s);
  await s.provision("VAI", [
    { sycode: "8FV897G6wGQ0", name: "VAI PDL4", role: "thissite", pmax_kw: 8340 },
    { sycode: "8FV89688wQW0", name: "VAI PDL2", role: "nearsite", pmax_kw: 11120 }
  ]);
  const sites = (await s.ok("GET", "/api/v1/mk6/VAI/monitoring/sites")).sites;
  assert.equal(sites["8FV897G6wGQ0"].pmax_wf, 8340);
  assert.equal(sites["8FV89688wQW0"].pmax_wf, 11120);
  assert.equal(Object.keys(sites).length, 2);
  await s.request("VAI", { set: "Psetpoint", site: "8FV89688wQW0", psetpoint: 9e3, start_time: at("12:00"), end_time: at("14:00") });
  assertError(await s.post("/api/v1/mk6/VAI/requests", { set: "Psetpoint", site: "8FV897G6wGQ0", psetpoint: 9e3 }), 441, "INVALID_VALUE", { max: 8340, site: "8FV897G6wGQ0" });
}
async function scenario10(s) {
  await prelude(s);
  await provisionRouvai(s);
  await s.request("ROU1.1", { set: "Psetpoint", site: "8FV898VMwWX0", psetpoint: 5e3, start_time: at("10:00"), end_time: at("18:00") });
  await s.request("VAI", { set: "stop", site: "8FV897G6wGQ0", start_time: at("10:00"), end_time: at("18:00") });
  assert.equal((await s.site("ROU1.1", "8FV898VMwWX0")).psetpoint_recu, 5e3);
  const vai = await s.site("VAI", "8FV897G6wGQ0");
  assert.deepEqual(pick(vai, "psetpoint_recu", "stop_wf_active", "pactive"), { psetpoint_recu: 0, stop_wf_active: true, pactive: 0 });
  assert.deepEqual(pick(await s.site("ROU2", "8FV8CCX2w7X0"), "psetpoint_recu", "active_request"), { psetpoint_recu: 11120, active_request: null });
  assert.deepEqual(pick(await s.site("ROU1.2", "8FV899VJw7Q0"), "psetpoint_recu", "active_request"), { psetpoint_recu: 8340, active_request: null });
  assert.deepEqual((await s.ok("GET", "/api/v1/mk6/VAI/planning")).planning.map((r) => r.id), ["REQ-001"]);
  assert.deepEqual((await s.ok("GET", "/api/v1/mk6/ROU2/planning")).planning, []);
}
async function scenario11(s) {
  await prelude(s, "12:00");
  await s.provision("mk6-A", SYC1(1e4, "Site1"));
  await s.ok("POST", "/mock/mk6/mk6-A/offline");
  assertError(await s.get("/api/v1/mk6/mk6-A/monitoring"), 503, "MK6_OFFLINE");
  assertError(await s.post("/api/v1/mk6/mk6-A/requests", { set: "stop", site: "SYC1" }), 503, "MK6_OFFLINE");
  await s.ok("POST", "/mock/mk6/mk6-A/online");
  await s.ok("GET", "/api/v1/mk6/mk6-A/monitoring");
}
async function scenario12(s) {
  await prelude(s, "12:00");
  await s.provision("mk6-A", SYC1(1e4, "Site1"));
  await s.ok("POST", "/mock/mk6/mk6-A/auth", { enabled: true, token: "secret123" });
  let res = await s.get("/api/v1/mk6/mk6-A/monitoring");
  assertError(res, 401, "UNAUTHORIZED");
  assert.match(res.headers.get("www-authenticate") ?? "", /^Bearer/);
  res = await s.get("/api/v1/mk6/mk6-A/monitoring", { Authorization: "Bearer secret123" });
  assert.equal(res.status, 200);
  assert.deepEqual(res.body.thissite, { SYC1: "Site1" });
  res = await s.get("/api/v1/mk6/mk6-A/monitoring", { Authorization: "Bearer wrong" });
  assertError(res, 401, "UNAUTHORIZED");
  assert.match(res.headers.get("www-authenticate") ?? "", /^Bearer/);
}
async function scenario13(s) {
  await prelude(s);
  await s.provision("mk6-A", SYC1(1e4, "Site1"));
  await s.request("mk6-A", { set: "Psetpoint", site: "SYC1", psetpoint: 3e3, start_time: at("11:00"), end_time: at("12:00") });
  await s.request("mk6-A", { set: "stop", site: "SYC1", start_time: at("12:00"), end_time: at("13:00") });
  await s.request("mk6-A", { set: "Psetpoint", site: "SYC1", psetpoint: 7e3, start_time: at("13:00"), end_time: at("14:00") });
  const v10 = await s.site("mk6-A", "SYC1");
  assert.deepEqual(pick(v10, "psetpoint_recu", "active_request"), { psetpoint_recu: 1e4, active_request: null });
  const v11 = await recuAt(s, "mk6-A", "11:30");
  assertSiteView(v11, "SYC1", 1e4);
  assert.equal(v11.psetpoint_recu, 3e3);
  assert.deepEqual(pick(await recuAt(s, "mk6-A", "12:30"), "psetpoint_recu", "stop_wf_active"), { psetpoint_recu: 0, stop_wf_active: true });
  assert.equal((await recuAt(s, "mk6-A", "13:30")).psetpoint_recu, 7e3);
  assert.deepEqual(pick(await recuAt(s, "mk6-A", "14:30"), "psetpoint_recu", "active_request", "stop_wf_active"), { psetpoint_recu: 1e4, active_request: null, stop_wf_active: false });
}
async function scenario17(s) {
  const PDL1 = "8FV898VMwWX0";
  const site = () => s.ok("GET", `/api/v1/mk6/MK6_ROU1.1/monitoring/sites/${PDL1}`);
  await s.reset();
  let res = await s.ok("POST", `/mock/mk6/MK6_ROU1.1/sites/${PDL1}/inject_external`, { source: "DEIE", value_kw: 3e3 });
  assert.equal(res.sycode, PDL1);
  assert.deepEqual(pick(res.external_constraint, "source", "value_kw"), { source: "DEIE", value_kw: 3e3 });
  assert.match(res.external_constraint.since, ISO_Z);
  let view = await site();
  assertSiteView(view, PDL1, 8340);
  assert.deepEqual(pick(view.external_constraint, "source", "value_kw", "since"), { source: "DEIE", value_kw: 3e3, since: res.external_constraint.since });
  const state = await s.ok("GET", "/mock/mk6/MK6_ROU1.1/state");
  assert.equal(state.mk6_id, "ROU1.1");
  assert.equal(state.sites[PDL1].external_constraint.source, "DEIE");
  res = await s.ok("POST", "/mock/mk6/MK6_ROU1.1/sites/8FV898VPwW20/inject_external", { source: "SCADA", value_kw: 5e3 });
  assert.deepEqual(pick(res.external_constraint, "source", "value_kw"), { source: "SCADA", value_kw: 5e3 });
  assert.deepEqual(await s.ok("DELETE", `/mock/mk6/MK6_ROU1.1/sites/${PDL1}/inject_external`), { sycode: PDL1, external_constraint: null });
  assert.equal((await site()).external_constraint, null);
  res = await s.ok("POST", `/mock/mk6/MK6_ROU1.1/sites/${PDL1}/inject_external`, {
    source: "DEIE",
    value_kw: 2e3,
    start_time: iso("14", "10:00"),
    end_time: iso("14", "14:00")
  });
  assert.deepEqual(pick(res.external_constraint, "source", "value_kw", "start_time", "end_time"), {
    source: "DEIE",
    value_kw: 2e3,
    start_time: iso("14", "10:00"),
    end_time: iso("14", "14:00")
  });
  await s.time(iso("14", "12:00"));
  view = await site();
  assertSiteView(view, PDL1, 8340);
  assert.deepEqual(pick(view.external_constraint, "source", "value_kw"), { source: "DEIE", value_kw: 2e3 });
  assert.ok(view.pactive <= 2e3);
  await s.time(iso("14", "15:00"));
  assert.equal((await site()).external_constraint, null);
  assert.equal((await s.site("MK6_ROU1.1", "8FV898VPwW20")).external_constraint.value_kw, 5e3, "the SCADA one stays");
}
export {
  provisionRouvai,
  scenario0,
  scenario1,
  scenario10,
  scenario11,
  scenario12,
  scenario13,
  scenario17,
  scenario2,
  scenario3,
  scenario4,
  scenario5,
  scenario6,
  scenario7,
  scenario8,
  scenario9
};
