import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { api, assertError, mock, provision, setTime, startWorker } from "../helpers/worker-app.js";
let w;
before(async () => {
  w = await startWorker({ id: "mk6-A", aliases: ["MK6_mk6-A"], sites: [{ sycode: "SYC1", name: "Site1", role: "thissite", pmax_kw: 1e4 }] });
  await setTime(w, "2026-03-01T10:00:00Z");
});
after(() => w?.stop());
describe("request bodies", () => {
  it("answers 413 PAYLOAD_TOO_LARGE to a JSON body over 64 KiB, on the API and the mock API", async () => {
    const big = { set: "stop", site: "SYC1", pad: "x".repeat(64 * 1024) };
    assertError(await api(w, "POST", "requests", big), 413, "PAYLOAD_TOO_LARGE");
    assertError(await mock(w, "POST", "provision", { sites: [], pad: "y".repeat(7e4) }), 413, "PAYLOAD_TOO_LARGE");
    const fits = await api(w, "POST", "requests", { set: "stop", site: "SYC1", start_time: "2026-03-01T20:00:00Z", pad: "x".repeat(60 * 1024) });
    assert.equal(fits.status, 201, "a body just under the limit is accepted");
    await api(w, "DELETE", `planning/${fits.body.id}`);
  });
  it("answers 400 BAD_REQUEST to malformed JSON and to a JSON body that is not an object", async () => {
    assertError(await api(w, "POST", "requests", '{"set": "stop", '), 400, "BAD_REQUEST");
    assertError(await api(w, "POST", "requests", '{"set": "stop"} trailing'), 400, "BAD_REQUEST");
    assertError(await mock(w, "POST", "auth", "{enabled: true}"), 400, "BAD_REQUEST");
    assertError(await w.http("POST", "/mock/time", "null"), 400, "BAD_REQUEST");
    assertError(await api(w, "POST", "requests", "[1, 2]"), 400, "BAD_REQUEST");
    assertError(await api(w, "POST", "requests", '"stop"'), 400, "BAD_REQUEST");
  });
  it("accepts unknown extra fields and echoes them back", async () => {
    const res = await api(w, "POST", "requests", {
      set: "Psetpoint",
      site: "SYC1",
      psetpoint: 1234,
      start_time: "2026-03-01T21:00:00Z",
      preset: "none",
      reason: "recette",
      tags: ["a"]
    });
    assert.equal(res.status, 201);
    assert.equal(res.body.preset, "none");
    assert.equal(res.body.reason, "recette");
    assert.deepEqual(res.body.tags, ["a"]);
    assert.equal((await api(w, "GET", `planning/${res.body.id}`)).body.preset, "none");
    await api(w, "DELETE", `planning/${res.body.id}`);
  });
});
describe("addressing", () => {
  it("answers 404 MK6_NOT_FOUND for another MK6 id, on the API and the mock API", async () => {
    assertError(await w.http("GET", "/api/v1/mk6/mk6-B/monitoring"), 404, "MK6_NOT_FOUND", { mk6_id: "mk6-B" });
    assertError(await w.http("POST", "/api/v1/mk6/mk6-B/requests", { set: "stop", site: "SYC1" }), 404, "MK6_NOT_FOUND");
    assertError(await w.http("GET", "/mock/mk6/mk6-B/state"), 404, "MK6_NOT_FOUND");
    assertError(await w.http("POST", "/mock/mk6/mk6-B/provision", { sites: [] }), 404, "MK6_NOT_FOUND");
  });
  it("answers to its id and to its aliases alike", async () => {
    const byId = await api(w, "GET", "monitoring");
    const byAlias = await api(w, "GET", "monitoring", void 0, void 0, "MK6_mk6-A");
    assert.equal(byAlias.status, 200);
    assert.deepEqual(byAlias.body, byId.body);
    const state = (await mock(w, "GET", "state", void 0, "MK6_mk6-A")).body;
    assert.equal(state.mk6_id, "mk6-A");
    assert.deepEqual(state.aliases, ["MK6_mk6-A"]);
  });
  it("answers a contract error body to an unknown route and to a wrong method", async () => {
    const res = await w.http("GET", "/api/v1/mk6/mk6-A/nothing-here");
    assert.equal(res.status, 404);
    assert.equal(res.body.code, 404);
    assert.equal(typeof res.body.error, "string");
    const wrong = await w.http("PUT", "/api/v1/mk6/mk6-A/monitoring");
    assert.equal(wrong.status, 405);
    assert.equal(wrong.body.error, "METHOD_NOT_ALLOWED");
    assert.match(wrong.headers.allow ?? "", /GET/);
  });
});
describe("inventory and state", () => {
  it("lists this MK6 with its sites, network and process", async () => {
    const res = await w.http("GET", "/mock/mk6");
    assert.equal(res.status, 200);
    assert.equal(res.body.count, 1);
    const [entry] = res.body.mk6;
    assert.equal(entry.mk6_id, "mk6-A");
    assert.deepEqual(entry.aliases, ["MK6_mk6-A"]);
    assert.equal(entry.thissite, "SYC1");
    assert.deepEqual(entry.sycodes, ["SYC1"]);
    assert.deepEqual(entry.network, { host: "127.0.0.1", port: w.port, url: w.url });
    assert.equal(entry.process.pid, w.pid);
    assert.equal(entry.process.status, "online");
    assert.equal(entry.online, true);
    assert.deepEqual((await w.http("GET", "/supervision/api/inventory")).body.mk6[0].mk6_id, "mk6-A");
  });
  it("returns to its initial sites on /mock/reset, with the clock released", async () => {
    await provision(w, [{ sycode: "OTHER", name: "Other", role: "thissite", pmax_kw: 500 }]);
    await mock(w, "POST", "offline");
    const res = await w.http("POST", "/mock/reset");
    assert.equal(res.status, 200);
    assert.deepEqual((await api(w, "GET", "monitoring")).body.state, { SYC1: 2 });
    assert.equal((await w.http("GET", "/supervision/api/time")).body.source, "system");
    await setTime(w, "2026-03-01T10:00:00Z");
    assert.equal((await api(w, "POST", "requests", { set: "stop", site: "SYC1" })).body.id, "REQ-001", "the counter restarts");
  });
});
