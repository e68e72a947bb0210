import { describe, it } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { api, assertError, mock, provision, startFor } from "../../helpers/worker-app.js";
import { rawGet } from "../../helpers/network-client.js";
const SYC1 = [{ sycode: "SYC1", name: "Site1", role: "thissite", pmax_kw: 1e4 }];
async function mk6(t, env = {}) {
  const w = await startFor(t, { id: "NET", env });
  await provision(w, SYC1);
  return w;
}
describe("network conditions on a worker", () => {
  it("validates, lists, replaces and removes conditions; they survive a restart and /mock/reset clears them", async (t) => {
    const w = await mk6(t);
    assertError(await mock(w, "POST", "network", { type: "latency", latency_ms: 5 }), 442, "MISSING_FIELD", { field: "name" });
    assertError(await mock(w, "POST", "network", { name: "x", type: "latency", latency_ms: -5 }), 441, "INVALID_VALUE");
    assertError(await mock(w, "POST", "network", { name: "x", type: "latency", latency_ms: "a" }), 400, "BAD_REQUEST");
    const added = await mock(w, "POST", "network", { name: "lag", type: "latency", latency_ms: 5 });
    assert.equal(added.status, 201);
    assert.deepEqual(added.body.condition, { name: "lag", type: "latency", latency_ms: 5, jitter_ms: 0, probability: 1 });
    await mock(w, "POST", "network", { name: "dead", type: "timeout", methods: ["DELETE"] });
    assert.equal((await api(w, "GET", "monitoring")).headers["x-mk6-network"], "lag");
    const list = await mock(w, "GET", "network");
    assert.deepEqual(list.body.conditions.map((c) => [c.name, c.matched]), [["lag", 1], ["dead", 0]]);
    assert.deepEqual((await w.http("GET", "/mock/mk6")).body.mk6[0].network_conditions.map((c) => c.name), ["lag", "dead"]);
    await w.restart();
    assert.deepEqual((await mock(w, "GET", "network")).body.conditions.map((c) => c.name), ["lag", "dead"], "persisted");
    assert.equal((await mock(w, "DELETE", "network/dead")).status, 200);
    assertError(await mock(w, "DELETE", "network/dead"), 404, "NOT_FOUND");
    await w.http("POST", "/mock/reset", {});
    assert.deepEqual((await mock(w, "GET", "network")).body.conditions, []);
  });
  it("latency: measured at the client within \xB120 % of the setting", async (t) => {
    const w = await mk6(t);
    const url = `${w.url}/api/v1/mk6/NET/monitoring`;
    const base = (await Promise.all([1, 2, 3].map(() => rawGet(url)))).map((r) => r.ms);
    await mock(w, "POST", "network", { name: "lag", type: "latency", latency_ms: 300, jitter_ms: 30 });
    const times = [];
    for (let i = 0; i < 10; i++) times.push((await rawGet(url)).ms);
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    t.diagnostic(`latency 300\xB130 ms: client mean ${mean.toFixed(1)} ms, min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}; without ${Math.max(...base).toFixed(1)} ms`);
    const median = [...times].sort((x, y) => x - y)[times.length >> 1];
    for (const ms of times) assert.ok(ms >= 269, `${ms} ms: never sooner than latency - jitter`);
    assert.ok(Math.abs(mean - 300) <= 60, `mean ${mean} ms within \xB120 % of 300`);
    assert.ok(Math.abs(median - 300) <= 60, `median ${median} ms within \xB120 % of 300`);
  });
  it("timeout: a client with a 1 s timeout times out; only POST is affected; the mock API is not", async (t) => {
    const w = await mk6(t);
    await mock(w, "POST", "network", { name: "dead", type: "timeout", methods: ["POST"] });
    const started = performance.now();
    await assert.rejects(rawGet(`${w.url}/api/v1/mk6/NET/requests`, 1e3, "POST"), { code: "ETIMEDOUT" });
    assert.ok(performance.now() - started >= 990);
    assert.equal((await rawGet(`${w.url}/api/v1/mk6/NET/monitoring`, 1e3)).status, 200);
    assert.equal((await mock(w, "GET", "state")).status, 200);
    const journal = await w.http("GET", "/api/v1/debug/requests");
    assert.ok(journal.body.some((e) => e.endpoint === "requests" && e.status === 444), "journaled as 444 (no answer)");
  });
  it("reset: ECONNRESET before any byte, and in the middle of the body", async (t) => {
    const w = await mk6(t);
    await mock(w, "POST", "network", { name: "rst", type: "reset", path: "monitoring/sites" });
    await assert.rejects(rawGet(`${w.url}/api/v1/mk6/NET/monitoring/sites`), { code: "ECONNRESET" });
    assert.equal((await rawGet(`${w.url}/api/v1/mk6/NET/monitoring`)).status, 200, "other paths untouched");
    await mock(w, "POST", "network", { name: "rst", type: "reset", when: "during" });
    let status = 0;
    await assert.rejects(
      new Promise((resolve, reject) => {
        const req = http.get(`${w.url}/api/v1/mk6/NET/monitoring/sites`, { agent: false }, (res) => {
          status = res.statusCode ?? 0;
          res.on("data", () => {
          });
          res.on("end", resolve);
          res.on("error", reject);
        });
        req.on("error", reject);
      }),
      (err) => /ECONNRESET|aborted/.test(`${err.code} ${err.message}`)
    );
    assert.equal(status, 200, "headers came before the reset");
  });
  it("error: the status for the share asked, over 1000 requests (binomial, \xB14 sigma)", async (t) => {
    const w = await mk6(t);
    const p = 0.3;
    await mock(w, "POST", "network", { name: "flaky", type: "error", status: 503, code: "INJECTED_ERROR", probability: p });
    const n = 1e3;
    let errors = 0;
    let body = null;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    t.after(() => agent.destroy());
    const one = () => new Promise((resolve, reject) => {
      http.get(`${w.url}/api/v1/mk6/NET/monitoring`, { agent }, (res) => {
        let text = "";
        res.on("data", (c) => text += c);
        res.on("end", () => {
          if (res.statusCode === 503) {
            errors++;
            body = JSON.parse(text);
          } else assert.equal(res.statusCode, 200);
          resolve();
        });
      }).on("error", reject);
    });
    for (let i = 0; i < n; i += 50) await Promise.all(Array.from({ length: 50 }, one));
    const sigma = Math.sqrt(n * p * (1 - p));
    t.diagnostic(`error p=${p}: ${errors}/${n} (expected ${n * p} \xB1 ${(4 * sigma).toFixed(1)})`);
    assert.ok(Math.abs(errors - n * p) <= 4 * sigma, `${errors} of ${n}`);
    assert.deepEqual(body, { error: "INJECTED_ERROR", code: 503, message: "Erreur inject\xE9e", details: { injected: true } });
  });
  it("slow: the body dribbles at the rate asked", async (t) => {
    const w = await mk6(t);
    const full = await rawGet(`${w.url}/api/v1/mk6/NET/monitoring`);
    const rate = Math.max(20, Math.round(full.body.length / 0.6));
    await mock(w, "POST", "network", { name: "drip", type: "slow", rate_bytes_per_s: rate });
    const slow = await rawGet(`${w.url}/api/v1/mk6/NET/monitoring`);
    assert.equal(slow.body, full.body);
    const expected = full.body.length / rate * 1e3;
    t.diagnostic(`slow ${rate} B/s, ${full.body.length} B: ${slow.ms.toFixed(0)} ms (expected ~${expected.toFixed(0)})`);
    assert.ok(slow.ms >= expected * 0.8 && slow.ms <= expected * 1.5 + 100);
  });
  it("first_n and the fleet file env: conditions given at start apply to a fresh MK6", async (t) => {
    const w = await mk6(t, { MK6_NETWORK_JSON: JSON.stringify([{ name: "boot", type: "error", status: 500, first_n: 2 }]) });
    assert.equal((await api(w, "GET", "monitoring")).status, 500);
    assert.equal((await api(w, "GET", "monitoring")).status, 500);
    assert.equal((await api(w, "GET", "monitoring")).status, 200);
  });
});
