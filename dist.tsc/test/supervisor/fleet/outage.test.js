import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { call, startFleet } from "../../helpers/fleet.js";
import { rawGet } from "../../helpers/network-client.js";
const site = (sycode) => [{ sycode, name: `Site ${sycode}`, role: "thissite", pmax_kw: 1e4 }];
describe("network conditions and outages on the fleet", () => {
  let fleet;
  before(async () => {
    fleet = await startFleet(
      { mk6: [
        { id: "A", sites: site("SYCA"), network: [{ name: "boot", type: "error", status: 503, first_n: 1 }] },
        { id: "B", sites: site("SYCB") }
      ] },
      { env: { MK6_BLACKHOLE_TIMEOUT_MS: "700" } }
    );
  });
  after(() => fleet?.stop());
  const via = (id) => [`${fleet.url}/api/v1/mk6/${id}/monitoring`, `${fleet.worker(id)}/api/v1/mk6/${id}/monitoring`];
  it("a fleet-file condition applies from the start, shows in the inventory, and only on its MK6", async () => {
    const inv = await call(fleet.url, "GET", "/mock/mk6");
    const a = inv.body.mk6.find((m) => m.mk6_id === "A");
    assert.deepEqual(a.network_conditions.map((c) => c.name), ["boot"]);
    assert.equal(a.outage, null);
    assert.equal((await call(fleet.url, "GET", "/api/v1/mk6/A/monitoring")).status, 503);
    assert.equal((await call(fleet.url, "GET", "/api/v1/mk6/A/monitoring")).status, 200, "first_n: 1");
  });
  it("a condition posted through the proxy acts on the proxy and on the worker port, not on the other MK6", async () => {
    const res = await call(fleet.url, "POST", "/mock/mk6/A/network", { name: "lag", type: "latency", latency_ms: 250 });
    assert.equal(res.status, 201);
    for (const url of via("A")) assert.ok((await rawGet(url)).ms >= 240, url);
    for (const url of via("B")) assert.ok((await rawGet(url)).ms < 150, url);
    await call(fleet.url, "POST", "/mock/mk6/A/network", { name: "rst", type: "reset", path: "monitoring" });
    for (const url of via("A")) await assert.rejects(rawGet(url), { code: "ECONNRESET" }, url);
    await call(fleet.url, "POST", "/mock/mk6/A/network", { name: "rst", type: "timeout" });
    for (const url of via("A")) await assert.rejects(rawGet(url, 1e3), { code: "ETIMEDOUT" }, url);
    await call(fleet.url, "POST", "/mock/mk6/A/network", { name: "rst", type: "reset", when: "during" });
    for (const url of via("A")) await assert.rejects(rawGet(url), (err) => /ECONNRESET|aborted/.test(`${err.code} ${err.message}`), url);
    assert.equal((await call(fleet.url, "DELETE", "/mock/mk6/A/network")).status, 200);
    for (const url of via("A")) assert.equal((await rawGet(url)).status, 200);
  });
  it("kill blackhole: connections accepted, never answered; the proxy gives 504 MK6_UNREACHABLE; a warm restart ends it", async () => {
    const res = await call(fleet.url, "POST", "/mock/mk6/A/kill", { kind: "blackhole" });
    assert.equal(res.status, 200);
    assert.equal(res.body.kind, "blackhole");
    await assert.rejects(rawGet(`${fleet.worker("A")}/mock/mk6/A/state`, 1e3), { code: "ETIMEDOUT" });
    const proxied = await call(fleet.url, "GET", "/api/v1/mk6/A/monitoring");
    assert.equal(proxied.status, 504);
    assert.equal(proxied.body.error, "MK6_UNREACHABLE");
    assert.equal((await rawGet(via("B")[1])).status, 200, "B untouched");
    const a = (await call(fleet.url, "GET", "/mock/mk6")).body.mk6.find((m) => m.mk6_id === "A");
    assert.equal(a.outage, "blackhole");
    assert.equal(a.process.status, "online");
    assert.equal(a.online, false);
    assertBadKind(await call(fleet.url, "POST", "/mock/mk6/A/kill", { kind: "nuke" }));
    assert.equal((await call(fleet.url, "POST", "/mock/mk6/A/restart", {})).body.kind, "warm");
    for (const url of via("A")) assert.equal((await rawGet(url, 2e3)).status, 200);
  });
  it("kill reset: every connection reset on the port, 502 on the proxy; kill with no body refuses connections", async () => {
    assert.equal((await call(fleet.url, "POST", "/mock/mk6/A/kill", { kind: "reset" })).status, 200);
    await assert.rejects(rawGet(`${fleet.worker("A")}/mock/mk6/A/state`), { code: "ECONNRESET" });
    const proxied = await call(fleet.url, "GET", "/api/v1/mk6/A/monitoring");
    assert.equal(proxied.status, 502);
    assert.equal(proxied.body.error, "MK6_UNREACHABLE");
    await call(fleet.url, "POST", "/mock/mk6/A/restart");
    const killed = await call(fleet.url, "POST", "/mock/mk6/A/kill");
    assert.equal(killed.body.status, "stopped");
    await assert.rejects(rawGet(via("A")[1]), { code: "ECONNREFUSED" });
    assert.equal((await call(fleet.url, "GET", "/api/v1/mk6/A/monitoring")).status, 502);
    await call(fleet.url, "POST", "/mock/mk6/A/restart");
  });
  it("a cold restart loses the planning and nothing else (sites, states, faults, counter, conditions)", async () => {
    await call(fleet.url, "POST", "/mock/time", { now: "2026-03-01T10:00:00Z" });
    const req = { set: "Psetpoint", site: "SYCA", psetpoint: 5e3, start_time: "2026-03-01T12:00:00Z", end_time: "2026-03-01T13:00:00Z" };
    assert.equal((await call(fleet.url, "POST", "/api/v1/mk6/A/requests", req)).body.id, "REQ-001");
    await call(fleet.url, "POST", "/mock/mk6/A/site-state/SYCA", { state: 1 });
    await call(fleet.url, "POST", "/mock/mk6/A/sites/SYCA/inject_external", { source: "DEIE", value_kw: 3e3 });
    await call(fleet.url, "POST", "/mock/mk6/A/network", { name: "keep", type: "latency", latency_ms: 1 });
    const before2 = (await call(fleet.url, "GET", "/mock/mk6/A/state")).body;
    const res = await call(fleet.url, "POST", "/mock/mk6/A/restart", { kind: "cold" });
    assert.equal(res.status, 200);
    assert.equal(res.body.kind, "cold");
    const after2 = (await call(fleet.url, "GET", "/mock/mk6/A/state")).body;
    assert.equal(before2.planning.length, 1);
    assert.deepEqual(after2.planning, []);
    assert.deepEqual({ ...after2, planning: [], clock: null }, { ...before2, planning: [], clock: null });
    assert.equal((await call(fleet.url, "POST", "/api/v1/mk6/A/requests", req)).body.id, "REQ-002", "the counter goes on");
    await call(fleet.url, "POST", "/mock/mk6/A/restart", { kind: "warm" });
    assert.equal((await call(fleet.url, "GET", "/api/v1/mk6/A/planning")).body.planning.length, 1, "a warm restart keeps it");
  });
  it("a blackhole outlives a restart of the supervisor: adopted, shown, and the proxy still gives up (504)", async () => {
    await call(fleet.url, "POST", "/mock/mk6/B/kill", { kind: "blackhole" });
    await fleet.killSupervisor();
    await fleet.respawn();
    const b = (await call(fleet.url, "GET", "/mock/mk6")).body.mk6.find((m) => m.mk6_id === "B");
    assert.equal(b.outage, "blackhole");
    const proxied = await rawGet(`${fleet.url}/api/v1/mk6/B/monitoring`, 5e3);
    assert.equal(proxied.status, 504);
    await call(fleet.url, "POST", "/mock/mk6/B/restart");
    assert.equal((await rawGet(`${fleet.url}/api/v1/mk6/B/monitoring`, 2e3)).status, 200);
  });
  it("/mock/reset returns every MK6 to its fleet-file conditions, and ends an outage", async () => {
    await call(fleet.url, "POST", "/mock/mk6/B/network", { name: "x", type: "timeout" });
    await call(fleet.url, "POST", "/mock/mk6/A/kill", { kind: "blackhole" });
    await call(fleet.url, "POST", "/mock/reset");
    assert.deepEqual([(await rawGet(via("A")[1], 2e3)).status, (await rawGet(via("A")[0], 2e3)).status], [503, 200], "answered again: the fleet-file boot error, once");
    const inv = (await call(fleet.url, "GET", "/mock/mk6")).body.mk6;
    assert.deepEqual(Object.fromEntries(inv.map((m) => [m.mk6_id, m.network_conditions.map((c) => c.name)])), { A: ["boot"], B: [] });
  });
});
function assertBadKind(res) {
  assert.equal(res.status, 441);
  assert.equal(res.body.error, "INVALID_VALUE");
}
