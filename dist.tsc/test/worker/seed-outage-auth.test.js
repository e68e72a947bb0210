import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { api, assertError, mock, provision, setTime, startFor } from "../helpers/worker-app.js";
const SYC1 = [{ sycode: "SYC1", name: "Site1", role: "thissite", pmax_kw: 1e4 }];
async function mk6A(t) {
  const w = await startFor(t, { id: "mk6-A" });
  await setTime(w, "2026-03-01T12:00:00Z");
  await provision(w, SYC1);
  return w;
}
describe("seed scenario 11 \u2013 MK6 offline / back online", () => {
  it("answers 503 MK6_OFFLINE to every API call while offline, the mock API stays up", async (t) => {
    const w = await mk6A(t);
    assert.deepEqual((await mock(w, "POST", "offline")).body, { mk6_id: "mk6-A", online: false });
    assertError(await api(w, "GET", "monitoring"), 503, "MK6_OFFLINE");
    assertError(await api(w, "POST", "requests", { set: "stop", site: "SYC1" }), 503, "MK6_OFFLINE");
    assertError(await api(w, "GET", "planning/REQ-001"), 503, "MK6_OFFLINE");
    const state = await mock(w, "GET", "state");
    assert.equal(state.status, 200);
    assert.equal(state.body.offline, true);
    assert.equal((await w.http("GET", "/mock/mk6")).body.mk6[0].online, false);
    await mock(w, "POST", "online");
    assert.equal((await api(w, "GET", "monitoring")).status, 200);
    const res = await api(w, "POST", "requests", { set: "stop", site: "SYC1" });
    assert.equal(res.status, 201);
    assert.equal(res.body.id, "REQ-001", "the request refused while offline took no number");
  });
});
describe("seed scenario 12 \u2013 bearer auth", () => {
  it("401 without or with a wrong token (with WWW-Authenticate), 200 with it; mock API stays open", async (t) => {
    const w = await mk6A(t);
    const res = await mock(w, "POST", "auth", { enabled: true, token: "secret123" });
    assert.equal(res.status, 200);
    assert.ok(!res.text.includes("secret123"), "the answer does not echo the token");
    let r = await api(w, "GET", "monitoring");
    assertError(r, 401, "UNAUTHORIZED");
    assert.match(r.headers["www-authenticate"] ?? "", /^Bearer\b/);
    assert.equal((await api(w, "GET", "monitoring", void 0, { Authorization: "Bearer secret123" })).status, 200);
    assert.equal((await api(w, "GET", "monitoring", void 0, { Authorization: "bearer secret123" })).status, 200, "scheme is case-insensitive");
    r = await api(w, "GET", "monitoring", void 0, { Authorization: "Bearer wrong" });
    assertError(r, 401, "UNAUTHORIZED");
    assert.match(r.headers["www-authenticate"] ?? "", /^Bearer\b/);
    assertError(await api(w, "GET", "monitoring", void 0, { Authorization: "Basic c2VjcmV0MTIz" }), 401, "UNAUTHORIZED");
    assertError(await api(w, "GET", "monitoring", void 0, { Authorization: "Bearer secret1234" }), 401, "UNAUTHORIZED");
    const state = await mock(w, "GET", "state");
    assert.equal(state.status, 200);
    assert.deepEqual(state.body.auth, { enabled: true });
    assert.ok(!state.text.includes("secret123"), "the state never shows the token");
    await mock(w, "POST", "auth", { enabled: false });
    assert.equal((await api(w, "GET", "monitoring")).status, 200);
    assertError(await mock(w, "POST", "auth", { enabled: true }), 442, "MISSING_FIELD", { field: "token" });
  });
});
describe("seed scenario 14 \u2013 production mode", () => {
  it("blocks every write with 403, keeps reads open, releases the clock; mock mode unblocks", async (t) => {
    const w = await mk6A(t);
    assert.equal((await w.http("POST", "/supervision/mode", { mode: "production" })).status, 200);
    let res = await api(w, "POST", "requests", { set: "stop", site: "SYC1" });
    assertError(res, 403, "FORBIDDEN");
    assert.equal(res.body.message, "\xC9criture bloqu\xE9e en mode production");
    assertError(await w.http("POST", "/mock/time", { now: "2026-03-01T13:00:00Z" }), 403, "FORBIDDEN");
    assertError(await w.http("POST", "/mock/reset"), 403, "FORBIDDEN");
    assertError(await mock(w, "POST", "fault/SYC1"), 403, "FORBIDDEN");
    assertError(await mock(w, "DELETE", "sites/SYC1/inject_external"), 403, "FORBIDDEN");
    assertError(await api(w, "PATCH", "planning/REQ-001", { psetpoint: 1 }), 403, "FORBIDDEN");
    assertError(await w.http("POST", "/mock/time/release"), 403, "FORBIDDEN");
    assert.equal((await w.http("GET", "/supervision/api/inventory")).status, 200);
    res = await w.http("GET", "/supervision/api/time");
    assert.equal(res.status, 200);
    assert.equal(res.body.source, "system");
    assert.equal((await api(w, "GET", "monitoring")).status, 200);
    assert.equal((await mock(w, "GET", "state")).status, 200);
    assert.equal((await w.http("POST", "/supervision/mode", { mode: "mock" })).status, 200);
    res = await api(w, "POST", "requests", { set: "stop", site: "SYC1" });
    assert.equal(res.status, 201);
    assert.equal(res.body.id, "REQ-001");
    assertError(await w.http("POST", "/supervision/mode", { mode: "test" }), 400, "BAD_REQUEST");
  });
});
describe("check order: production \u2192 offline \u2192 auth", () => {
  it("production beats offline and auth on a write; offline beats auth; auth comes last", async (t) => {
    const w = await mk6A(t);
    await mock(w, "POST", "auth", { enabled: true, token: "tok" });
    assertError(await api(w, "GET", "monitoring"), 401, "UNAUTHORIZED");
    await mock(w, "POST", "offline");
    assertError(await api(w, "GET", "monitoring"), 503, "MK6_OFFLINE");
    assertError(await api(w, "POST", "requests", { set: "stop", site: "SYC1" }), 503, "MK6_OFFLINE");
    await w.http("POST", "/supervision/mode", { mode: "production" });
    assertError(await api(w, "POST", "requests", { set: "stop", site: "SYC1" }), 403, "FORBIDDEN");
    assertError(await api(w, "DELETE", "planning/REQ-001"), 403, "FORBIDDEN");
    assertError(await api(w, "GET", "monitoring"), 503, "MK6_OFFLINE", { mk6_id: "mk6-A" });
    await w.http("POST", "/supervision/mode", { mode: "mock" });
    await mock(w, "POST", "online");
    assertError(await api(w, "POST", "requests", { set: "stop", site: "SYC1" }), 401, "UNAUTHORIZED");
    assertError(await api(w, "POST", "requests", '{"set":', { "content-type": "application/json" }), 401, "UNAUTHORIZED");
    assertError(await api(w, "POST", "requests", { set: "bogus" }, { Authorization: "Bearer tok" }), 400, "BAD_REQUEST");
  });
});
describe("seed scenario 17 \u2013 external constraint DEIE/SCADA, through the alias MK6_ROU1.1", () => {
  it("injects, shows in monitoring and state, clears, and honours a time window", async (t) => {
    const w = await startFor(t, { id: "ROU1.1", aliases: ["MK6_ROU1.1"] });
    await setTime(w, "2026-03-01T10:00:00Z");
    await provision(w, [
      { sycode: "8FV898VMwWX0", name: "ROU1 PDL1", role: "thissite", pmax_kw: 8340, prm_id: "50048589698480" },
      { sycode: "8FV898VPwW20", name: "ROU1 PDL2", role: "nearsite", pmax_kw: 8340, prm_id: "50035999249967" }
    ]);
    const ALIAS = "MK6_ROU1.1";
    const inject = (sycode, body) => mock(w, "POST", `sites/${sycode}/inject_external`, body, ALIAS);
    const site = async (sycode) => (await api(w, "GET", `monitoring/sites/${sycode}`, void 0, void 0, ALIAS)).body;
    let res = await inject("8FV898VMwWX0", { source: "DEIE", value_kw: 3e3 });
    assert.equal(res.status, 200);
    assert.equal(res.body.sycode, "8FV898VMwWX0");
    assert.deepEqual(res.body.external_constraint, {
      source: "DEIE",
      value_kw: 3e3,
      since: "2026-03-01T10:00:00Z",
      start_time: null,
      end_time: null
    });
    let v = await site("8FV898VMwWX0");
    assert.deepEqual(v.external_constraint, res.body.external_constraint);
    assert.ok(v.pactive <= 3e3, `pactive ${v.pactive} honours the constraint`);
    assert.equal(v.pactive, Math.min(v.pavailable, v.psetpoint_recu, 3e3));
    const state = (await mock(w, "GET", "state", void 0, ALIAS)).body;
    assert.equal(state.mk6_id, "ROU1.1");
    assert.equal(state.sites["8FV898VMwWX0"].external_constraint.source, "DEIE");
    res = await inject("8FV898VPwW20", { source: "SCADA", value_kw: 5e3 });
    assert.equal(res.body.external_constraint.source, "SCADA");
    assert.equal((await site("8FV898VPwW20")).external_constraint.value_kw, 5e3);
    res = await mock(w, "DELETE", "sites/8FV898VMwWX0/inject_external", void 0, ALIAS);
    assert.deepEqual(res.body, { sycode: "8FV898VMwWX0", external_constraint: null });
    assert.equal((await site("8FV898VMwWX0")).external_constraint, null);
    res = await inject("8FV898VMwWX0", {
      source: "DEIE",
      value_kw: 2e3,
      start_time: "2026-03-14T10:00:00Z",
      end_time: "2026-03-14T14:00:00Z"
    });
    assert.equal(res.status, 200);
    assert.equal(res.body.external_constraint.start_time, "2026-03-14T10:00:00Z");
    assert.equal(res.body.external_constraint.end_time, "2026-03-14T14:00:00Z");
    assert.equal((await site("8FV898VMwWX0")).external_constraint, null, "before its window");
    await setTime(w, "2026-03-14T12:00:00Z");
    v = await site("8FV898VMwWX0");
    assert.equal(v.external_constraint?.source, "DEIE");
    assert.equal(v.external_constraint?.value_kw, 2e3);
    await setTime(w, "2026-03-14T15:00:00Z");
    assert.equal((await site("8FV898VMwWX0")).external_constraint, null, "after its window");
    assertError(await inject("8FV898VMwWX0", { source: "EDF", value_kw: 1 }), 400, "BAD_REQUEST");
    assertError(await inject("NOPE", { source: "DEIE", value_kw: 1 }), 404, "SITE_NOT_FOUND");
    assertError(await api(w, "GET", "monitoring", void 0, void 0, "MK6_OTHER"), 404, "MK6_NOT_FOUND");
  });
});
