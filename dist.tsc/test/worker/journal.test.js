import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { api, assertError, mock, provision, setTime, startFor } from "../helpers/worker-app.js";
const JOURNAL = "/api/v1/debug/requests";
async function mk6A(t) {
  const w = await startFor(t, { id: "mk6-A" });
  await setTime(w, "2026-03-01T10:00:00Z");
  await provision(w, [{ sycode: "SYC1", name: "Site1", role: "thissite", pmax_kw: 1e4 }]);
  assert.deepEqual((await w.http("DELETE", JOURNAL)).body, { message: "Log vid\xE9", count: 0 });
  return w;
}
const journal = async (w, query = "") => {
  const res = await w.http("GET", JOURNAL + query);
  assert.equal(res.status, 200);
  assert.ok(Array.isArray(res.body));
  return res.body;
};
describe("seed scenario 15 \u2013 request journal", () => {
  it("captures GW calls with method, path, source, endpoint, mk6_id, bodies and status", async (t) => {
    const w = await mk6A(t);
    const monitoring = await api(w, "GET", "monitoring");
    assert.equal(monitoring.status, 200);
    const body = {
      set: "Psetpoint",
      site: "SYC1",
      psetpoint: 5e3,
      start_time: "2026-03-01T12:00:00Z",
      end_time: "2026-03-01T18:00:00Z",
      preset: "none"
    };
    const created = await api(w, "POST", "requests", body);
    assert.equal(created.status, 201);
    assert.equal(created.body.preset, "none", "unknown extra fields are echoed back");
    const entries = await journal(w);
    assert.equal(entries.length, 2);
    const [get, post] = entries;
    assert.ok(post.id > get.id);
    assert.equal(get.method, "GET");
    assert.equal(get.path, "/api/v1/mk6/mk6-A/monitoring");
    assert.equal(get.source, "GW");
    assert.equal(get.endpoint, "monitoring");
    assert.equal(get.mk6_id, "mk6-A");
    assert.equal(get.status, 200);
    assert.deepEqual(get.query, {});
    assert.ok(!Number.isNaN(Date.parse(get.ts)));
    assert.equal(typeof get.duration_ms, "number");
    assert.equal(typeof get.remote, "string");
    assert.deepEqual(get.resp_body, monitoring.body);
    assert.equal(post.method, "POST");
    assert.equal(post.path, "/api/v1/mk6/mk6-A/requests");
    assert.equal(post.endpoint, "requests");
    assert.deepEqual(post.req_body, body);
    assert.equal(post.status, 201);
    assert.equal(post.resp_body.id, "REQ-001");
    const since = await journal(w, `?since_id=${get.id}`);
    assert.deepEqual(since.map((e) => e.id), [post.id]);
    assert.deepEqual(await journal(w, `?since_id=${post.id + 1e3}`), []);
    assertError(await w.http("GET", `${JOURNAL}?since_id=abc`), 400, "BAD_REQUEST");
    assert.deepEqual((await w.http("DELETE", JOURNAL)).body, { message: "Log vid\xE9", count: 0 });
    assert.deepEqual(await journal(w), []);
    await api(w, "GET", "planning?x=1");
    const [next] = await journal(w);
    assert.ok(next.id > post.id, "ids keep increasing across a clear");
    assert.equal(next.endpoint, "planning");
    assert.deepEqual(next.query, { x: "1" });
  });
  it("journals mock calls as MOCK, error answers with their status, and cuts bodies at 4 KiB", async (t) => {
    const w = await mk6A(t);
    await mock(w, "POST", "fault/SYC1");
    await api(w, "POST", "requests", { set: "stop", site: "SYC1" });
    const [fault, refused] = await journal(w);
    assert.equal(fault.source, "MOCK");
    assert.equal(fault.mk6_id, "mk6-A");
    assert.equal(fault.method, "POST");
    assert.equal(refused.status, 503);
    assert.equal(refused.resp_body.error, "SITE_NOT_ACCESSIBLE");
    await mock(w, "DELETE", "fault/SYC1");
    const pad = "p".repeat(3e3);
    await Promise.all(Array.from({ length: 4 }, (_, i) => api(w, "POST", "requests", { set: "stop", site: "SYC1", note: `${i}${pad}` })));
    await api(w, "GET", "planning");
    const last = (await journal(w)).at(-1);
    assert.equal(last.endpoint, "planning");
    assert.equal(typeof last.resp_body, "string", "a big body is kept as cut text");
    assert.ok(last.resp_body.length <= 4096 + 32, `cut length ${last.resp_body.length}`);
  });
  it("keeps only the newest 1000 entries", async (t) => {
    const w = await mk6A(t);
    const total = 1100;
    for (let i = 0; i < total; i += 100) {
      await Promise.all(Array.from({ length: 100 }, () => api(w, "GET", "monitoring")));
    }
    const entries = await journal(w);
    assert.equal(entries.length, 1e3);
    const ids = entries.map((e) => e.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => a - b), "oldest first");
    assert.equal(ids.at(-1) - ids[0], 999, "the newest, without holes");
    const tail = await journal(w, `?since_id=${ids.at(-11)}`);
    assert.deepEqual(tail.map((e) => e.id), ids.slice(-10));
  });
  it("never stores an Authorization header value (nor the configured token)", async (t) => {
    const w = await mk6A(t);
    await mock(w, "POST", "auth", { enabled: true, token: "secret123" });
    await api(w, "GET", "monitoring", void 0, { Authorization: "Bearer secret123" });
    await api(w, "GET", "monitoring", void 0, { Authorization: "Bearer wrong-token-xyz" });
    await api(w, "POST", "requests", { set: "stop", site: "SYC1" }, { Authorization: "Bearer secret123" });
    const entries = await journal(w);
    assert.deepEqual(entries.map((e) => [e.endpoint, e.status]), [["auth", 200], ["monitoring", 200], ["monitoring", 401], ["requests", 201]]);
    for (const entry of entries) {
      const text = JSON.stringify(entry);
      for (const secret of ["secret123", "wrong-token-xyz", "Bearer "]) {
        assert.ok(!text.includes(secret), `entry ${entry.id} (${entry.endpoint}) holds ${secret}: ${text}`);
      }
    }
    assert.equal(entries[0].req_body.enabled, true, "the auth call itself is still journaled");
  });
});
