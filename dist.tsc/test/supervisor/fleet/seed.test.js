import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { call, startFleet, ROUVAI } from "../../helpers/fleet-app.js";
import * as seed from "../../helpers/seed-scenarios.js";
import { SeedClient } from "../../helpers/seed-client.js";
import { assertError, iso, pick } from "../../helpers/fleet-util.js";
let fleet;
before(async () => {
  fleet = await startFleet();
});
after(async () => {
  await fleet?.stop();
});
const numbered = [
  [0, seed.scenario0],
  [1, seed.scenario1],
  [2, seed.scenario2],
  [3, seed.scenario3],
  [4, seed.scenario4],
  [5, seed.scenario5],
  [6, seed.scenario6],
  [7, seed.scenario7],
  [8, seed.scenario8],
  [9, seed.scenario9],
  [10, seed.scenario10],
  [11, seed.scenario11],
  [12, seed.scenario12],
  [13, seed.scenario13]
];
describe("seed scenarios through the proxy", () => {
  for (const [n, run] of numbered) it(`scenario ${n}`, () => run(new SeedClient(fleet, false)));
  it("scenario 14 \u2013 production mode blocks every write, reads stay open", async () => {
    const s = new SeedClient(fleet, false);
    await s.reset();
    await s.time(iso("01", "12:00"));
    await s.provision("mk6-A", [{ sycode: "SYC1", name: "Site1", role: "thissite", pmax_kw: 1e4 }]);
    const mode = await s.ok("POST", "/supervision/mode", { mode: "production" });
    assert.equal(mode.mode, "production");
    try {
      for (const [path, body] of [
        ["/api/v1/mk6/mk6-A/requests", { set: "stop", site: "SYC1" }],
        ["/mock/time", { now: iso("01", "13:00") }],
        ["/mock/reset", void 0]
      ]) {
        const res = await s.post(path, body);
        assertError(res, 403, "FORBIDDEN");
        assert.equal(res.body.message, "\xC9criture bloqu\xE9e en mode production");
      }
      const inv = await s.ok("GET", "/supervision/api/inventory");
      assert.equal(inv.count, 6, "the five of the fleet file and mk6-A");
      assert.equal((await s.ok("GET", "/supervision/api/time")).source, "system");
      assert.deepEqual((await s.ok("GET", "/api/v1/mk6/mk6-A/planning")).planning, [], "the refused stop left nothing");
    } finally {
      assert.equal((await s.ok("POST", "/supervision/mode", { mode: "mock" })).mode, "mock");
    }
    await s.time(iso("01", "13:00"));
    await s.request("mk6-A", { set: "stop", site: "SYC1" });
  });
  it("scenario 15 \u2013 the technical console (/api/v1/debug/requests) on the front", async () => {
    const s = new SeedClient(fleet, false);
    await s.reset();
    await s.time(iso("01", "12:00"));
    await s.provision("mk6-A", [{ sycode: "SYC1", name: "Site1", role: "thissite", pmax_kw: 1e4 }]);
    await s.ok("GET", "/api/v1/mk6/mk6-A/monitoring");
    const sent = { set: "Psetpoint", site: "SYC1", psetpoint: 5e3, start_time: iso("01", "12:00"), end_time: iso("01", "18:00"), preset: "none" };
    const created = await s.request("mk6-A", sent);
    assert.equal(created.preset, "none", "unknown extra fields are echoed");
    const all = await s.ok("GET", "/api/v1/debug/requests");
    assert.ok(Array.isArray(all));
    const [get, post] = all.slice(-2);
    assert.deepEqual(pick(get, "method", "path", "source", "endpoint", "mk6_id", "status"), {
      method: "GET",
      path: "/api/v1/mk6/mk6-A/monitoring",
      source: "GW",
      endpoint: "monitoring",
      mk6_id: "mk6-A",
      status: 200
    });
    assert.deepEqual(pick(post, "method", "path", "source", "endpoint", "mk6_id", "status", "req_body"), {
      method: "POST",
      path: "/api/v1/mk6/mk6-A/requests",
      source: "GW",
      endpoint: "requests",
      mk6_id: "mk6-A",
      status: 201,
      req_body: sent
    });
    assert.equal(post.resp_body.id, "REQ-001");
    assert.equal(post.id, get.id + 1, "one sequence, in the order received");
    for (const e of [get, post]) {
      for (const k of ["id", "ts", "method", "path", "query", "source", "endpoint", "mk6_id", "req_body", "status", "resp_body", "duration_ms", "remote"]) assert.ok(k in e, k);
      assert.ok(!Number.isNaN(Date.parse(e.ts)));
    }
    for (let i = 1; i < all.length; i++) assert.ok(all[i].id > all[i - 1].id, "ids increase");
    const since = await s.ok("GET", `/api/v1/debug/requests?since_id=${get.id}`);
    assert.deepEqual(since.map((e) => e.id), [post.id]);
    assert.deepEqual(await s.ok("DELETE", "/api/v1/debug/requests"), { message: "Log vid\xE9", count: 0 });
    assert.deepEqual(await s.ok("GET", "/api/v1/debug/requests"), []);
    assertError(await s.get("/api/v1/debug/requests?since_id=abc"), 400, "BAD_REQUEST");
  });
  it("scenario 17 \u2013 external constraint through the alias MK6_ROU1.1", () => seed.scenario17(new SeedClient(fleet, false)));
  it("an unknown MK6 id is 404 MK6_NOT_FOUND on the proxy", async () => {
    assertError(await call(fleet.url, "GET", "/api/v1/mk6/NOPE/monitoring"), 404, "MK6_NOT_FOUND", { mk6_id: "NOPE" });
    assertError(await call(fleet.url, "POST", "/mock/mk6/NOPE/offline"), 404, "MK6_NOT_FOUND");
  });
});
describe("the same scenarios on each MK6's own port", () => {
  it("scenario 0 \u2013 every worker answers the clock controls on its own port", async () => {
    await call(fleet.url, "POST", "/mock/reset");
    for (const m of ROUVAI) await seed.scenario0(new SeedClient(fleet, true, fleet.worker(m.id)));
  });
  for (const [n, run] of numbered.filter(([n2]) => ![0, 1, 10].includes(n2))) {
    it(`scenario ${n}`, () => run(new SeedClient(fleet, true)));
  }
  it("scenario 17 \u2013 through the alias on ROU1.1\u2019s own port", () => seed.scenario17(new SeedClient(fleet, true)));
  it("an MK6 asked for another id answers 404 MK6_NOT_FOUND", async () => {
    assertError(await call(fleet.worker("ROU2"), "GET", "/api/v1/mk6/VAI/monitoring"), 404, "MK6_NOT_FOUND");
    assertError(await call(fleet.worker("ROU2"), "POST", "/mock/mk6/VAI/offline"), 404, "MK6_NOT_FOUND");
  });
  it("proxy and worker port give the same answers on a frozen clock", async () => {
    const s = new SeedClient(fleet, false);
    await s.reset();
    await s.time(iso("01", "10:00"));
    await s.request("VAI", { set: "Psetpoint", site: "8FV89688wQW0", psetpoint: 9e3, start_time: iso("01", "09:00"), end_time: iso("01", "14:00") });
    for (const m of ROUVAI) {
      for (const path of ["monitoring", "monitoring/sites", `monitoring/sites/${m.sites[0].sycode}`, "monitoring/planning", "planning"]) {
        const viaProxy = await call(fleet.url, "GET", `/api/v1/mk6/${m.id}/${path}`);
        const direct = await call(fleet.worker(m.id), "GET", `/api/v1/mk6/${m.id}/${path}`);
        assert.equal(viaProxy.status, 200);
        assert.deepEqual(direct, { ...viaProxy, headers: direct.headers }, `${m.id} ${path}`);
      }
    }
  });
});
