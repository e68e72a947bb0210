import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { call, startFleet } from "../helpers/fleet.js";
import { assertError } from "../helpers/fleet-util.js";
const site = (sycode) => [{ sycode, name: `Site ${sycode}`, role: "thissite", pmax_kw: 1e4 }];
const MARKS = [{ "x-mk6-internal": "x" }, { "x-mk6-internal": "supervisor" }, { "x-mk6-internal": "supervision-page" }, { "x-mk6-secret": "not-it" }];
let fleet;
before(async () => {
  fleet = await startFleet({ mk6: [{ id: "A", sites: site("SYCA") }, { id: "B", sites: site("SYCB") }] }, { env: { MK6_BLACKHOLE_TIMEOUT_MS: "700" } });
});
after(() => fleet?.stop());
async function journaledById() {
  const res = await call(fleet.url, "GET", "/api/v1/debug/requests");
  assert.equal(res.status, 200);
  const out = /* @__PURE__ */ new Map();
  for (const e of res.body) {
    const id = e.req_headers?.["x-request-id"];
    if (id) out.set(id, [...out.get(id) ?? [], e]);
  }
  return out;
}
describe("no header hides a call from the journal", () => {
  it("a gateway call carrying x-mk6-internal is journaled, on the worker port and through the front, by the fast lane and the Koa app alike", async () => {
    await call(fleet.url, "POST", "/mock/reset");
    const sent = [];
    for (const marks of MARKS) {
      for (const [where, base] of [["port", fleet.worker("A")], ["front", fleet.url]]) {
        const calls = [
          ["GET", "/api/v1/mk6/A/monitoring"],
          // the fast lane
          ["GET", "/api/v1/mk6/A/monitoring/sites?x=1"],
          // a query: the Koa app
          ["POST", "/api/v1/mk6/A/requests", { set: "stop", site: "SYCA" }],
          // a write
          ["GET", "/mock/mk6/A/state"]
          // the mock API
        ];
        for (const [method, path, body] of calls) {
          const id = randomUUID();
          const res = await call(base, method, path, body, { ...marks, "x-request-id": id });
          assert.ok(res.status < 300, `${method} ${path} via ${where} with ${JSON.stringify(marks)}: ${res.status} ${JSON.stringify(res.body)}`);
          sent.push({ id, method, path: path.split("?")[0], status: res.status, where: `${where} ${JSON.stringify(marks)}` });
        }
      }
    }
    const journal = await journaledById();
    for (const s of sent) {
      const entries = journal.get(s.id) ?? [];
      assert.equal(entries.length, 1, `${s.method} ${s.path} via ${s.where}: journaled once, found ${entries.length}`);
      const [e] = entries;
      assert.deepEqual([e.method, e.path, e.status, e.mk6_id, e.source], [s.method, s.path, s.status, "A", s.path.startsWith("/api/") ? "GW" : "MOCK"], s.where);
    }
    const own = new Set((await call(fleet.worker("A"), "GET", "/api/v1/debug/requests")).body.map((e) => e.req_headers?.["x-request-id"]));
    for (const s of sent) assert.ok(own.has(s.id), `${s.method} ${s.path} via ${s.where} in A's own journal`);
  });
  it("such a call meets a kill outage like any other, and is journaled with what it met", async () => {
    await call(fleet.url, "POST", "/mock/reset");
    assert.equal((await call(fleet.url, "POST", "/mock/mk6/A/kill", { kind: "reset" })).status, 200);
    try {
      const ids = [];
      for (const marks of MARKS) {
        const direct = randomUUID();
        await assert.rejects(call(fleet.worker("A"), "GET", "/api/v1/mk6/A/monitoring", void 0, { ...marks, "x-request-id": direct }), `the port resets a call with ${JSON.stringify(marks)}`);
        const proxied = randomUUID();
        assertError(await call(fleet.url, "GET", "/api/v1/mk6/A/monitoring", void 0, { ...marks, "x-request-id": proxied }), 502, "MK6_UNREACHABLE");
        ids.push(direct, proxied);
      }
      const journal = await journaledById();
      for (const [i, id] of ids.entries()) {
        const statuses = (journal.get(id) ?? []).map((e) => `${e.source} ${e.status}`).sort();
        assert.deepEqual(statuses, i % 2 === 0 ? ["GW 444"] : ["GW 444", "front 502"], `call ${i} (${i % 2 === 0 ? "port" : "front"}) with ${JSON.stringify(MARKS[i >> 1])}`);
      }
    } finally {
      await call(fleet.url, "POST", "/mock/mk6/A/restart");
    }
  });
  it("the page's reads of an MK6 are the supervisor's own: same answers as the MK6's, not journaled, read through an outage", async () => {
    await call(fleet.url, "POST", "/mock/reset");
    await call(fleet.url, "POST", "/mock/time", { now: "2026-03-01T12:00:00Z" });
    const views = ["state", "network", "history?from=2026-03-01T11:00:00Z&to=2026-03-01T12:00:00Z&step=600s"];
    const own = await Promise.all(views.map((view) => call(fleet.worker("B"), "GET", `/mock/mk6/B/${view}`)));
    const before2 = (await call(fleet.url, "GET", "/api/v1/debug/requests")).body;
    const lastId = before2.length ? before2[before2.length - 1].id : 0;
    for (const [i, view] of views.entries()) {
      const page = await call(fleet.url, "GET", `/supervision/api/mk6/B/${view}`);
      assert.equal(page.status, 200, `${view}: ${JSON.stringify(page.body)}`);
      assert.deepEqual(page.body, own[i].body, view);
    }
    assertError(await call(fleet.url, "GET", "/supervision/api/mk6/NOPE/state"), 404, "MK6_NOT_FOUND");
    assert.equal((await call(fleet.url, "GET", "/supervision/api/mk6/B/planning")).status, 404, "only the page's reads");
    assert.equal((await call(fleet.url, "POST", "/supervision/api/mk6/B/state", {})).status, 404, "reads only");
    await call(fleet.url, "POST", "/mock/mk6/B/kill", { kind: "blackhole" });
    try {
      const state = await call(fleet.url, "GET", "/supervision/api/mk6/B/state");
      assert.equal(state.status, 200);
      assert.equal(state.body.mk6_id, "B");
      assertError(await call(fleet.url, "GET", "/api/v1/mk6/B/monitoring", void 0, { "x-mk6-internal": "supervision-page" }), 504, "MK6_UNREACHABLE");
    } finally {
      await call(fleet.url, "POST", "/mock/mk6/B/restart");
    }
    const since = (await call(fleet.url, "GET", `/api/v1/debug/requests?since_id=${lastId}`)).body;
    const mine = since.filter((e) => e.mk6_id === "B").map((e) => `${e.source} ${e.method} ${e.path} ${e.status}`);
    assert.deepEqual(mine.sort(), ["GW GET /api/v1/mk6/B/monitoring 444", "MOCK POST /mock/mk6/B/kill 200", "MOCK POST /mock/mk6/B/restart 200", "front GET /api/v1/mk6/B/monitoring 504"].sort());
  });
});
