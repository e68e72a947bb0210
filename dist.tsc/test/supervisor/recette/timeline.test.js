import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { call, eventually, startFleet } from "../../helpers/fleet.js";
const site = (sycode) => [{ sycode, name: `Site ${sycode}`, role: "thissite", pmax_kw: 1e4 }];
const at = (hhmm) => `2026-03-01T${hhmm}:00Z`;
const DAY = [
  { at: at("14:00"), action: "restart", mk6: "A", kind: "cold" },
  { at: at("10:00"), action: "constraint_on", mk6: "A", sycode: "SYCA", source: "DEIE", value_kw: 3e3 },
  { at: at("11:00"), action: "offline", mk6: "B" },
  { at: at("11:00"), action: "network_add", mk6: "A", condition: { name: "lag", type: "latency", latency_ms: 5 } },
  { at: at("11:20"), action: "online", mk6: "B" },
  { at: at("12:00"), action: "fault_on", mk6: "A", sycode: "SYCA" },
  { at: at("12:00"), action: "site_state", mk6: "B", sycode: "SYCB", state: 1 }
];
describe("timeline on the fleet clock", () => {
  let fleet;
  let dir;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "mk6-timeline-"));
    writeFileSync(join(dir, "start.yaml"), `timeline:
  - {at: "${at("10:00")}", action: offline, mk6: B}
`);
    fleet = await startFleet({ mk6: [{ id: "A", sites: site("SYCA") }, { id: "B", sites: site("SYCB") }] }, { args: ["--timeline", join(dir, "start.yaml")] });
  });
  after(async () => {
    await fleet?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const time = (now, speed) => call(fleet.url, "POST", "/mock/time", { now, ...speed ? { speed } : {} });
  const timeline = async () => (await call(fleet.url, "GET", "/mock/timeline")).body;
  const siteA = async () => (await call(fleet.url, "GET", "/api/v1/mk6/A/monitoring/sites/SYCA")).body;
  it("a --timeline file given at start is loaded and fires when the clock reaches it", async () => {
    const t = await timeline();
    assert.equal(t.count, 1);
    assert.equal(t.pending, 1);
    await time(at("10:00"));
    assert.equal((await call(fleet.url, "GET", "/api/v1/mk6/B/monitoring")).status, 503);
    assert.equal((await timeline()).events[0].status, "fired");
    await call(fleet.url, "POST", "/mock/reset");
  });
  it("stepped by /mock/time: every event between the old and the new time fires, in order, exactly once", async () => {
    const loaded = await call(fleet.url, "POST", "/mock/timeline", { timeline: DAY });
    assert.equal(loaded.status, 200);
    assert.equal(loaded.body.pending, 7);
    await time(at("09:00"));
    assert.equal((await timeline()).fired, 0);
    await time(at("10:30"));
    assert.equal((await siteA()).external_constraint?.value_kw, 3e3);
    assert.equal((await call(fleet.url, "GET", "/api/v1/mk6/B/monitoring")).status, 200);
    await time(at("11:10"));
    assert.equal((await call(fleet.url, "GET", "/api/v1/mk6/B/monitoring")).status, 503, "B offline at 11:00");
    assert.deepEqual((await call(fleet.url, "GET", "/mock/mk6/A/network")).body.conditions.map((c) => c.name), ["lag"]);
    await time(at("11:10"));
    await time(at("10:45"));
    assert.equal((await timeline()).fired, 3);
    await time(at("13:00"));
    assert.equal((await call(fleet.url, "GET", "/api/v1/mk6/B/monitoring")).status, 200, "B online at 11:20");
    assert.equal((await siteA()).fault, true);
    const t = await timeline();
    assert.equal(t.fired, 6);
    assert.equal(t.pending, 1);
    assert.equal(t.next_at, at("14:00"));
    const fired = t.events.filter((e) => e.status === "fired");
    assert.deepEqual(fired.map((e) => e.action), ["constraint_on", "offline", "network_add", "online", "fault_on", "site_state"]);
    const real = fired.map((e) => Date.parse(e.fired_real_at));
    assert.deepEqual(real, [...real].sort((a, b) => a - b), "fired in timeline order");
    assert.ok(fired.every((e) => e.result_status >= 200 && e.result_status < 300));
    await call(fleet.url, "DELETE", "/mock/mk6/A/fault/SYCA");
    const req = await call(fleet.url, "POST", "/api/v1/mk6/A/requests", { set: "Psetpoint", site: "SYCA", psetpoint: 100, start_time: at("15:00") });
    assert.equal(req.status, 201);
    await time(at("14:30"));
    assert.deepEqual((await call(fleet.url, "GET", "/api/v1/mk6/A/planning")).body.planning, [], "cold restart at 14:00 lost the planning");
    assert.equal((await timeline()).pending, 0);
  });
  it("after /mock/reset the same timeline replays with the same clock moves", async () => {
    await call(fleet.url, "POST", "/mock/reset");
    assert.equal((await timeline()).pending, 7);
    assert.equal((await siteA()).external_constraint, null);
    await time(at("10:30"));
    assert.equal((await siteA()).external_constraint?.value_kw, 3e3);
    assert.equal((await timeline()).fired, 1);
  });
  it("with the clock running at a speed, a timer fires the events as the simulated time reaches them", async () => {
    await call(fleet.url, "POST", "/mock/reset");
    const yaml = `timeline:
  - at: "${at("10:01")}"
    action: offline
    mk6: A
`;
    const loaded = await fetch(`${fleet.url}/mock/timeline`, { method: "POST", headers: { "content-type": "text/yaml" }, body: yaml });
    assert.equal(loaded.status, 200);
    await time(at("10:00"), 120);
    assert.equal((await timeline()).fired, 0);
    const started = Date.now();
    await eventually(async () => (await timeline()).fired === 1 ? true : void 0, 5e3, "the timed event");
    const took = Date.now() - started;
    assert.ok(took < 2e3, `fired after ${took} ms`);
    assert.equal((await call(fleet.url, "GET", "/api/v1/mk6/A/monitoring")).status, 503);
  });
  it("a bad timeline is refused whole with every fault (400), the loaded one stays", async () => {
    const bad = await call(fleet.url, "POST", "/mock/timeline", { timeline: [{ at: "x", action: "offline", mk6: "A" }, { at: at("10:00"), action: "nope" }] });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error, "BAD_REQUEST");
    assert.equal(bad.body.details.problems.length, 2);
    assert.equal((await timeline()).count, 1);
    assert.equal((await call(fleet.url, "DELETE", "/mock/timeline")).body.count, 0);
  });
});
describe("timeline across a restart of the supervisor", () => {
  let fleet;
  let dir;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "mk6-timeline-"));
    const file = join(dir, "day.yaml");
    writeFileSync(file, `timeline:
  - {at: "${at("10:00")}", action: offline, mk6: A}
  - {at: "${at("11:00")}", action: online, mk6: A}
`);
    fleet = await startFleet({ mk6: [{ id: "A", sites: site("SYCA") }] }, { args: ["--timeline", file] });
  });
  after(async () => {
    await fleet?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  it("keeps what had fired: nothing fires twice, what is pending still fires", async () => {
    await call(fleet.url, "POST", "/mock/time", { now: at("10:30") });
    const before2 = (await call(fleet.url, "GET", "/mock/timeline")).body;
    assert.equal(before2.fired, 1);
    await call(fleet.url, "POST", "/mock/mk6/A/online");
    await fleet.killSupervisor();
    await fleet.respawn();
    const after2 = (await call(fleet.url, "GET", "/mock/timeline")).body;
    assert.equal(after2.fired, 1);
    assert.equal(after2.events[0].fired_real_at, before2.events[0].fired_real_at);
    assert.equal((await call(fleet.url, "GET", "/api/v1/mk6/A/monitoring")).status, 200, "the 10:00 event did not fire again");
    await call(fleet.url, "POST", "/mock/mk6/A/offline");
    await call(fleet.url, "POST", "/mock/time", { now: at("11:30") });
    assert.equal((await call(fleet.url, "GET", "/api/v1/mk6/A/monitoring")).status, 200, "the 11:00 event fired");
    assert.equal((await call(fleet.url, "GET", "/mock/timeline")).body.pending, 0);
  });
});
