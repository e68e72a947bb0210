import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { call, eventually, startFleet } from "../../helpers/fleet.js";
import { assertError, assertRefused, gone, inventory as inventoryAt, iso, ok, pm2, pm2Apps, scheduleTwo as scheduleTwoAt } from "../../helpers/fleet-util.js";
let fleet;
before(async () => {
  fleet = await startFleet();
});
after(async () => {
  await fleet?.stop();
});
const at = (hhmm) => iso("01", hhmm);
const front = (method, path, body, status) => ok(fleet.url, method, path, body, status);
const inventory = () => inventoryAt(fleet.url);
const scheduleTwo = (id, sycode) => scheduleTwoAt(fleet.url, id, sycode);
describe("kill and restart", () => {
  it("a killed MK6 refuses connections, the proxy answers 502 at once, the others answer", async () => {
    await front("POST", "/mock/reset");
    await front("POST", "/mock/time", { now: at("10:00") });
    const planning = await scheduleTwo("ROU2", "8FV8CCX2w7X0");
    const before2 = (await inventory()).ROU2;
    assert.deepEqual(await front("POST", "/mock/mk6/ROU2/kill"), { mk6_id: "ROU2", status: "stopped", pid: null });
    await assertRefused(`${fleet.worker("ROU2")}/api/v1/mk6/ROU2/monitoring`);
    const started = Date.now();
    assertError(await call(fleet.url, "GET", "/api/v1/mk6/ROU2/monitoring"), 502, "MK6_UNREACHABLE", { mk6_id: "ROU2" });
    assertError(await call(fleet.url, "POST", "/mock/mk6/ROU2/fault/8FV8C9MWwHJ0"), 502, "MK6_UNREACHABLE");
    assertError(await call(fleet.url, "GET", "/api/v1/mk6/MK6_ROU2/planning"), 502, "MK6_UNREACHABLE");
    assert.ok(Date.now() - started < 1e3, "no hang on a dead MK6");
    for (const id of ["ROU1.1", "ROU1.2", "ROU1.3", "VAI"]) await ok(fleet.worker(id), "GET", `/api/v1/mk6/${id}/monitoring`);
    assert.equal((await front("GET", "/api/v1/mk6/VAI/monitoring")).thissite["8FV897G6wGQ0"], "VAI PDL4");
    const down = (await inventory()).ROU2;
    assert.deepEqual([down.process.status, down.process.pid, down.online], ["stopped", null, false]);
    for (const key of ["thissite", "sycodes", "sites", "network", "aliases"]) assert.deepEqual(down[key], before2[key], key);
    const time = await front("POST", "/mock/time", { now: at("11:00") });
    assert.deepEqual(time.workers.failed, [{ mk6_id: "ROU2", error: "stopped" }]);
    assert.equal(time.workers.ok.length, 4);
    const back = await front("POST", "/mock/mk6/ROU2/restart");
    assert.equal(back.status, "online");
    assert.equal(typeof back.pid, "number");
    assert.notEqual(back.pid, before2.process.pid);
    assert.deepEqual(await ok(fleet.worker("ROU2"), "GET", "/supervision/api/time"), { now: at("11:00"), source: "mock", frozen: true });
    assert.deepEqual((await front("GET", "/api/v1/mk6/ROU2/planning")).planning, planning, "same requests, same ids");
    const next = await front("POST", "/api/v1/mk6/ROU2/requests", { set: "Psetpoint", site: "8FV8C9MWwHH0", psetpoint: 100 }, 201);
    assert.deepEqual([next.id, next.start_time, next.state], ["REQ-003", at("11:00"), "active"]);
    const up = (await inventory()).ROU2;
    assert.deepEqual([up.process.status, up.process.pid, up.online], ["online", back.pid, true]);
  });
  it("/mock/reset brings a killed MK6 back online, blank, on its own port", async () => {
    await front("POST", "/mock/reset");
    await scheduleTwo("ROU1.2", "8FV899VJw7Q0");
    await front("POST", "/mock/mk6/ROU1.2/kill");
    const reset = await front("POST", "/mock/reset");
    assert.deepEqual(reset.restarted, ["ROU1.2"]);
    assert.equal(reset.workers.ok.length, 5);
    assert.deepEqual((await ok(fleet.worker("ROU1.2"), "GET", "/api/v1/mk6/ROU1.2/planning")).planning, []);
    assert.deepEqual((await ok(fleet.worker("ROU1.2"), "GET", "/api/v1/mk6/ROU1.2/monitoring")).thissite, { "8FV899VJw7Q0": "ROU1 PDL3" });
    assert.equal((await inventory())["ROU1.2"].process.status, "online");
  });
  it("`pm2 stop` from outside: shown stopped within 5 s and stays down; `pm2 restart` brings it back", async () => {
    await front("POST", "/mock/reset");
    await front("POST", "/mock/time", { now: at("10:00") });
    const planning = await scheduleTwo("ROU1.3", "8FV8C98VwC40");
    const app = (await inventory())["ROU1.3"].process.app;
    pm2(fleet.home, "stop", app);
    await eventually(async () => {
      const p = (await inventory())["ROU1.3"].process;
      return p.status === "stopped" && p.pid === null ? true : void 0;
    }, 5e3, "ROU1.3 shown stopped");
    await assertRefused(`${fleet.worker("ROU1.3")}/api/v1/mk6/ROU1.3/monitoring`);
    assertError(await call(fleet.url, "GET", "/api/v1/mk6/ROU1.3/monitoring"), 502, "MK6_UNREACHABLE");
    assert.equal(pm2Apps(fleet.home).find((a) => a.name === app)?.status, "stopped", "pm2 leaves it down");
    pm2(fleet.home, "restart", app);
    await eventually(async () => (await inventory())["ROU1.3"].process.status === "online" ? true : void 0, 5e3, "ROU1.3 shown online");
    assert.deepEqual((await front("GET", "/api/v1/mk6/ROU1.3/planning")).planning, planning);
    assert.deepEqual(await ok(fleet.worker("ROU1.3"), "GET", "/supervision/api/time"), { now: at("10:00"), source: "mock", frozen: true });
  });
  it("restart of a running MK6 reboots it (new pid) with its state", async () => {
    await front("POST", "/mock/reset");
    await front("POST", "/mock/time", { now: at("10:00") });
    const planning = await scheduleTwo("VAI", "8FV897G6wGQ0");
    const before2 = (await inventory()).VAI.process;
    const back = await front("POST", "/mock/mk6/VAI/restart");
    assert.equal(back.status, "online");
    assert.notEqual(back.pid, before2.pid);
    assert.ok(await eventually(async () => gone(before2.pid) || void 0, 5e3, "the old process gone"));
    assert.deepEqual((await ok(fleet.worker("VAI"), "GET", "/api/v1/mk6/VAI/planning")).planning, planning);
  });
  it("kill and restart of an unknown id are 404 MK6_NOT_FOUND", async () => {
    assertError(await call(fleet.url, "POST", "/mock/mk6/NOPE/kill"), 404, "MK6_NOT_FOUND");
    assertError(await call(fleet.url, "POST", "/mock/mk6/NOPE/restart"), 404, "MK6_NOT_FOUND");
  });
});
describe("a worker SIGKILLed from outside", () => {
  it("is back within 5 s with a new pid, one more restart and all its state, on fleet time", async () => {
    await front("POST", "/mock/reset");
    await front("POST", "/mock/time", { now: at("10:00") });
    const planning = await scheduleTwo("ROU1.1", "8FV898VMwWX0");
    await front("POST", "/mock/mk6/ROU1.1/fault/8FV898VPwW20");
    await front("POST", "/mock/mk6/ROU1.1/sites/8FV898VMwWX0/inject_external", { source: "SCADA", value_kw: 4e3 });
    await ok(fleet.worker("ROU1.1"), "POST", "/mock/time", { now: "2030-01-01T00:00:00Z" });
    const before2 = (await inventory())["ROU1.1"].process;
    assert.equal(before2.status, "online");
    process.kill(before2.pid, "SIGKILL");
    const after2 = await eventually(async () => {
      const p = (await inventory())["ROU1.1"].process;
      return p.status === "online" && typeof p.pid === "number" && p.pid !== before2.pid ? p : void 0;
    }, 5e3, "ROU1.1 back with a new pid");
    assert.equal(after2.restarts, before2.restarts + 1);
    assert.ok(gone(before2.pid));
    assert.deepEqual(await ok(fleet.worker("ROU1.1"), "GET", "/supervision/api/time"), { now: at("10:00"), source: "mock", frozen: true });
    const state = await front("GET", "/mock/mk6/ROU1.1/state");
    assert.deepEqual(state.planning.map((r) => r.id), ["REQ-001", "REQ-002"]);
    assert.deepEqual((await front("GET", "/api/v1/mk6/ROU1.1/planning")).planning, planning);
    assert.equal(state.next_request_id, "REQ-003");
    assert.deepEqual([state.sites["8FV898VPwW20"].fault, state.sites["8FV898VPwW20"].state], [true, 0]);
    const pdl1 = await front("GET", "/api/v1/mk6/ROU1.1/monitoring/sites/8FV898VMwWX0");
    assert.deepEqual([pdl1.external_constraint.source, pdl1.external_constraint.value_kw], ["SCADA", 4e3]);
    assertError(await call(fleet.url, "POST", "/api/v1/mk6/ROU1.1/requests", { set: "stop", site: "8FV898VPwW20" }), 503, "SITE_NOT_ACCESSIBLE");
  });
});
describe("provisioning a new id", () => {
  it("spawns a worker on a new port, and /mock/reset removes it", async () => {
    await front("POST", "/mock/reset");
    const sites = [{ sycode: "NEW_A", name: "New A", role: "thissite", pmax_kw: 5e3 }, { sycode: "NEW_B", name: "New B", role: "nearsite", pmax_kw: 3e3 }];
    const born = await front("POST", "/mock/mk6/NEW-1/provision", { sites });
    assert.deepEqual([born.mk6_id, born.sites, born.thissite, born.nearsite], ["NEW-1", 2, "NEW_A", ["NEW_B"]]);
    assert.ok(!Object.values(fleet.ports).includes(born.port) && born.port !== Number(new URL(fleet.url).port), "a port of its own");
    assert.equal(born.url, `http://127.0.0.1:${born.port}`);
    const direct = await ok(born.url, "GET", "/api/v1/mk6/NEW-1/monitoring");
    assert.deepEqual(direct, { thissite: { NEW_A: "New A" }, nearsite: [{ NEW_B: "New B" }], state: { NEW_A: 2, NEW_B: 2 } });
    assert.deepEqual(await front("GET", "/api/v1/mk6/NEW-1/monitoring"), direct);
    const entry = (await inventory())["NEW-1"];
    assert.deepEqual([entry.network.port, entry.process.status, entry.sycodes], [born.port, "online", ["NEW_A", "NEW_B"]]);
    assert.equal(Object.keys(await inventory()).length, 6);
    const pid = entry.process.pid;
    const reset = await front("POST", "/mock/reset");
    assert.deepEqual(reset.removed, ["NEW-1"]);
    await assertRefused(`${born.url}/api/v1/mk6/NEW-1/monitoring`);
    assert.ok(await eventually(async () => gone(pid) || void 0, 5e3, "its process gone"));
    const inv = await inventory();
    assert.deepEqual(Object.keys(inv).sort(), ["ROU1.1", "ROU1.2", "ROU1.3", "ROU2", "VAI"]);
    assertError(await call(fleet.url, "GET", "/api/v1/mk6/NEW-1/monitoring"), 404, "MK6_NOT_FOUND", { mk6_id: "NEW-1" });
  });
  it("two provisions of the same new id at once spawn one worker", async () => {
    await front("POST", "/mock/reset");
    const sites = [{ sycode: "T1", name: "Twin", role: "thissite", pmax_kw: 100 }];
    const [a, b] = await Promise.all([1, 2].map(() => front("POST", "/mock/mk6/TWIN/provision", { sites })));
    assert.equal(a.port, b.port);
    assert.equal(Object.keys(await inventory()).filter((id) => id === "TWIN").length, 1);
    assert.equal(pm2Apps(fleet.home).filter((app) => app.name.endsWith("-TWIN")).length, 1);
    await front("POST", "/mock/reset");
    assert.equal(pm2Apps(fleet.home).length, 5);
  });
  it("refuses a bad topology with the contract error and spawns nothing", async () => {
    const res = await call(fleet.url, "POST", "/mock/mk6/NEW-2/provision", { sites: [{ sycode: "X", name: "X", role: "nearsite", pmax_kw: 10 }] });
    assert.ok(res.status >= 400 && res.status < 500, `refused: ${res.status}`);
    assert.equal(typeof res.body.error, "string");
    assert.equal(res.body.code, res.status);
    assert.ok(!("NEW-2" in await inventory()));
  });
});
