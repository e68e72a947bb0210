import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { call, startFleet, ROUVAI } from "../../helpers/fleet-app.js";
import { assertError, iso, ok, pick } from "../../helpers/fleet-util.js";
let fleet;
before(async () => {
  fleet = await startFleet();
});
after(async () => {
  await fleet?.stop();
});
function assertForbidden(res, what) {
  assert.equal(res.status, 403, `${what}: ${res.status} ${JSON.stringify(res.body)}`);
  assertError(res, 403, "FORBIDDEN");
  assert.equal(res.body.message, "\xC9criture bloqu\xE9e en mode production");
}
describe("production mode", () => {
  it("refuses every write on the proxy and on each worker port; reads stay open; back to mock", async () => {
    await ok(fleet.url, "POST", "/mock/reset");
    await ok(fleet.url, "POST", "/mock/time", { now: iso("01", "10:00") });
    const switched = await ok(fleet.url, "POST", "/supervision/mode", { mode: "production" });
    assert.equal(switched.mode, "production");
    assert.equal(switched.workers.ok.length, 5);
    try {
      assert.equal((await ok(fleet.url, "GET", "/supervision/api/time")).source, "system", "the clock is released");
      assert.equal((await ok(fleet.url, "GET", "/supervision/api/mode")).mode, "production");
      const writes = [
        ["POST", "/mock/time", { now: iso("01", "13:00") }],
        ["POST", "/mock/time/release"],
        ["POST", "/mock/reset"],
        ["DELETE", "/api/v1/debug/requests"],
        ["POST", "/mock/mk6/ROU2/kill"],
        ["POST", "/mock/mk6/ROU2/restart"],
        ["POST", "/mock/mk6/NEW-P/provision", { sites: [{ sycode: "P", name: "P", role: "thissite", pmax_kw: 10 }] }]
      ];
      for (const m of ROUVAI) {
        const sycode = m.sites[0].sycode;
        const own = [
          ["POST", `/api/v1/mk6/${m.id}/requests`, { set: "stop", site: sycode }],
          ["PATCH", `/api/v1/mk6/${m.id}/planning/REQ-001`, { psetpoint: 1 }],
          ["DELETE", `/api/v1/mk6/${m.id}/planning/REQ-001`],
          ["POST", `/mock/mk6/${m.id}/provision`, { sites: m.sites }],
          ["POST", `/mock/mk6/${m.id}/fault/${sycode}`],
          ["POST", `/mock/mk6/${m.id}/offline`],
          ["POST", `/mock/mk6/${m.id}/auth`, { enabled: true, token: "t" }],
          ["POST", `/mock/mk6/${m.id}/sites/${sycode}/inject_external`, { source: "DEIE", value_kw: 1 }]
        ];
        for (const [method, path, body] of [...own, ...writes.slice(0, 4)]) {
          assertForbidden(await call(fleet.worker(m.id), method, path, body), `${m.id} port: ${method} ${path}`);
        }
        for (const [method, path, body] of own) assertForbidden(await call(fleet.url, method, path, body), `proxy: ${method} ${path}`);
        for (const base of [fleet.url, fleet.worker(m.id)]) {
          await ok(base, "GET", `/api/v1/mk6/${m.id}/monitoring`);
          await ok(base, "GET", `/api/v1/mk6/${m.id}/monitoring/sites/${sycode}`);
          await ok(base, "GET", `/api/v1/mk6/${m.id}/planning`);
          await ok(base, "GET", `/mock/mk6/${m.id}/state`);
        }
        assert.equal((await ok(fleet.worker(m.id), "GET", "/supervision/api/time")).source, "system");
        assert.equal((await ok(fleet.worker(m.id), "GET", "/supervision/api/mode")).mode, "production");
      }
      for (const [method, path, body] of writes) assertForbidden(await call(fleet.url, method, path, body), `proxy: ${method} ${path}`);
      await ok(fleet.url, "GET", "/supervision/api/inventory");
      await ok(fleet.url, "GET", "/mock/mk6");
      await ok(fleet.url, "GET", "/api/v1/debug/requests");
      const inv = await ok(fleet.url, "GET", "/mock/mk6");
      assert.equal(inv.count, 5, "nothing was spawned");
      assert.ok(inv.mk6.every((m) => m.process.status === "online"), "nothing was killed");
    } finally {
      const back = await ok(fleet.url, "POST", "/supervision/mode", { mode: "mock" });
      assert.equal(back.mode, "mock");
    }
    for (const m of ROUVAI) {
      assert.equal((await ok(fleet.worker(m.id), "GET", "/supervision/api/mode")).mode, "mock");
      const req = await ok(fleet.worker(m.id), "POST", `/api/v1/mk6/${m.id}/requests`, { set: "stop", site: m.sites[0].sycode }, 201);
      assert.equal(req.id, "REQ-001", "the refused writes left nothing behind");
    }
    await ok(fleet.url, "POST", "/mock/time", { now: iso("01", "13:00") });
  });
});
describe("the fleet journal", () => {
  it("holds direct and proxied traffic in one increasing sequence, with since_id and DELETE", async () => {
    await ok(fleet.url, "POST", "/mock/reset");
    assert.deepEqual(await ok(fleet.url, "DELETE", "/api/v1/debug/requests"), { message: "Log vid\xE9", count: 0 });
    assert.deepEqual(await ok(fleet.url, "GET", "/api/v1/debug/requests"), []);
    const sent = [
      [fleet.worker("ROU1.2"), "GET", "/api/v1/mk6/ROU1.2/monitoring"],
      [fleet.url, "GET", "/api/v1/mk6/ROU2/monitoring/sites/8FV8C9MWwHH0"],
      [fleet.worker("VAI"), "POST", "/mock/mk6/VAI/offline"],
      [fleet.url, "POST", "/mock/mk6/VAI/online"],
      [fleet.url, "GET", "/api/v1/mk6/MK6_ROU1.1/planning"],
      [fleet.worker("ROU1.3"), "POST", "/api/v1/mk6/ROU1.3/requests", { set: "Psetpoint", site: "8FV8C98VwC40", psetpoint: 100, preset: "none" }],
      [fleet.url, "POST", "/mock/mk6/ROU1.3/auth", { enabled: true, token: "tres-secret" }],
      [fleet.worker("ROU1.3"), "GET", "/api/v1/mk6/ROU1.3/planning", void 0, { Authorization: "Bearer tres-secret" }],
      [fleet.url, "GET", "/api/v1/mk6/ROU1.3/planning", void 0, { Authorization: "Bearer faux" }]
    ];
    const statuses = [];
    for (const [base, method, path, body, headers] of sent) statuses.push((await call(base, method, path, body, headers)).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 201, 200, 200, 401]);
    const journal = await ok(fleet.url, "GET", "/api/v1/debug/requests");
    const mine = journal.filter((e) => e.source === "GW" || e.path.startsWith("/mock/mk6/"));
    assert.deepEqual(mine.map((e) => `${e.method} ${e.path}`), sent.map(([, method, path]) => `${method} ${path}`), "in the order sent");
    for (let i = 1; i < journal.length; i++) assert.ok(journal[i].id > journal[i - 1].id, "one increasing sequence");
    assert.deepEqual(mine.map((e) => e.mk6_id), ["ROU1.2", "ROU2", "VAI", "VAI", "ROU1.1", "ROU1.3", "ROU1.3", "ROU1.3", "ROU1.3"]);
    assert.deepEqual(mine.map((e) => e.source), ["GW", "GW", "MOCK", "MOCK", "GW", "GW", "MOCK", "GW", "GW"]);
    assert.deepEqual(mine.map((e) => e.status), statuses);
    assert.deepEqual(pick(mine[1], "endpoint", "status"), { endpoint: "monitoring/sites/{sycode}", status: 200 });
    assert.deepEqual(pick(mine[5], "endpoint", "req_body"), { endpoint: "requests", req_body: sent[5][3] });
    assert.equal(mine[5].resp_body.id, "REQ-001");
    assert.equal(mine[2].endpoint, "offline");
    assert.ok(!JSON.stringify(journal).includes("Bearer tres-secret") && !JSON.stringify(journal).includes("Bearer faux"), "no Authorization in clear");
    const since = await ok(fleet.url, "GET", `/api/v1/debug/requests?since_id=${mine[6].id}`);
    assert.deepEqual(since.map((e) => e.id), [mine[7].id, mine[8].id]);
    assert.deepEqual(await ok(fleet.url, "GET", `/api/v1/debug/requests?since_id=${mine[8].id}`), []);
    assert.deepEqual(await ok(fleet.url, "DELETE", "/api/v1/debug/requests"), { message: "Log vid\xE9", count: 0 });
    assert.deepEqual(await ok(fleet.url, "GET", "/api/v1/debug/requests"), []);
    await ok(fleet.worker("ROU2"), "GET", "/api/v1/mk6/ROU2/monitoring");
    const after2 = await ok(fleet.url, "GET", "/api/v1/debug/requests");
    assert.equal(after2.length, 1);
    assert.ok(after2[0].id > mine[8].id, "ids keep increasing across a clear");
  });
  it("keeps only the newest 1000 entries, fleet-wide", async () => {
    await ok(fleet.url, "DELETE", "/api/v1/debug/requests");
    const ids = ROUVAI.map((m) => m.id);
    for (let round = 0; round < 21; round++) {
      await Promise.all(
        ids.flatMap(
          (id, i) => Array.from({ length: 10 }, (_, k) => call((round + i + k) % 2 ? fleet.url : fleet.worker(id), "GET", `/api/v1/mk6/${id}/monitoring`))
        )
      );
    }
    const journal = await ok(fleet.url, "GET", "/api/v1/debug/requests");
    assert.equal(journal.length, 1e3);
    for (let i = 1; i < journal.length; i++) assert.ok(journal[i].id > journal[i - 1].id);
    assert.equal(new Set(journal.map((e) => e.mk6_id)).size, 5);
  });
});
