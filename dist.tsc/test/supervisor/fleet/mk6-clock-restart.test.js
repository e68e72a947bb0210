import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { call, eventually, startFleet } from "../../helpers/fleet.js";
import { gone, inventory, ok } from "../../helpers/fleet-util.js";
const at = (hhmm) => `2026-03-01T${hhmm}Z`;
const ms = (iso) => Date.parse(iso);
const ahead = (fleet2, offsetMs, ppm, since) => Math.round(offsetMs + ppm * 1e-6 * (ms(fleet2) - ms(since)));
const site = (sycode) => [{ sycode, name: `Site ${sycode}`, role: "thissite", pmax_kw: 1e4 }];
let fleet;
before(async () => {
  fleet = await startFleet({ mk6: [{ id: "A", sites: site("SYCA"), clock: { offset: "+90s" } }, { id: "B", sites: site("SYCB") }] });
});
after(() => fleet?.stop());
const clockOf = (id) => ok(fleet.url, "GET", `/mock/mk6/${id}/clock`);
async function assertClocks(now, why) {
  const [a, b] = [await clockOf("A"), await clockOf("B")];
  assert.deepEqual([a.offset_ms, a.drift_ppm, a.ahead_ms, a.fleet_now], [9e4, 0, 9e4, now], `A ${why}`);
  assert.deepEqual([b.offset_ms, b.drift_ppm, b.since, b.ahead_ms], [-3e4, 1e3, at("12:00:00"), ahead(now, -3e4, 1e3, at("12:00:00"))], `B ${why}`);
}
describe("the MK6 clock across restarts (real pm2 fleet)", () => {
  it("a fleet-file offset answers created_at 90 s after the fleet clock", async () => {
    await ok(fleet.url, "POST", "/mock/time", { now: at("12:00:00") });
    await ok(fleet.url, "POST", "/mock/mk6/B/clock", { offset: "-30s", drift_ppm: 1e3 });
    const req = await ok(fleet.url, "POST", "/api/v1/mk6/A/requests", { set: "Psetpoint", site: "SYCA", psetpoint: 100 }, 201);
    assert.equal(req.created_at, at("12:01:30"));
    await ok(fleet.url, "POST", "/mock/time", { now: at("13:00:00") });
    await assertClocks(at("13:00:00"), "set");
  });
  it("a worker SIGKILLed and respawned by pm2 keeps its clock", async () => {
    for (const id of ["A", "B"]) {
      const before2 = (await inventory(fleet.url))[id].process;
      process.kill(before2.pid, "SIGKILL");
      await eventually(async () => {
        const p = (await inventory(fleet.url))[id].process;
        return p.status === "online" && p.pid !== before2.pid ? p : void 0;
      }, 8e3, `${id} respawned`);
      assert.ok(gone(before2.pid));
    }
    await eventually(async () => (await call(fleet.url, "GET", "/readyz")).status === 200 ? true : void 0, 8e3, "the fleet ready");
    await assertClocks(at("13:00:00"), "after a pm2 respawn");
  });
  it("a warm and a cold restart keep it; /readyz shows it and stays ready", async () => {
    for (const kind of ["warm", "cold"]) {
      await ok(fleet.url, "POST", "/mock/mk6/B/restart", { kind });
      await ok(fleet.url, "POST", "/mock/mk6/A/restart", { kind });
      await assertClocks(at("13:00:00"), `after a ${kind} restart`);
    }
    const ready = await call(fleet.url, "GET", "/readyz");
    assert.equal(ready.status, 200, JSON.stringify(ready.body));
    assert.deepEqual(ready.body.clocks, { A: { offset: "+1m30s", offset_ms: 9e4, drift_ppm: 0 }, B: { offset: "-30s", offset_ms: -3e4, drift_ppm: 1e3 } });
  });
  it("the whole fleet stopped (SIGTERM) and started again keeps it; /mock/reset returns to the fleet file clock", async () => {
    assert.equal(await fleet.terminate(), 0);
    await fleet.respawn();
    await assertClocks(at("13:00:00"), "after the fleet restarted");
    await ok(fleet.url, "POST", "/mock/reset");
    const [a, b] = [await clockOf("A"), await clockOf("B")];
    assert.deepEqual([a.own, a.offset_ms, a.drift_ppm], [true, 9e4, 0]);
    assert.deepEqual([b.own, b.offset_ms, b.drift_ppm], [false, 0, 0]);
  });
});
