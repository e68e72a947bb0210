import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { call, eventually, startFleet } from "../../helpers/fleet-app.js";
const site = (id) => [{ sycode: `S${id}`, name: `${id} PDL`, role: "thissite", pmax_kw: 5e3 }];
let fleet;
before(async () => {
  fleet = await startFleet({ name: "queued", mk6: [{ id: "A", sites: site("A") }, { id: "B", sites: site("B") }] });
});
after(() => fleet.stop());
it("a clock set queued behind a switch to production is refused, and the fleet stays ready", async () => {
  let release;
  const gate = new Promise((r) => release = r);
  const pm = fleet.processes;
  const restart = pm.restart.bind(pm);
  pm.restart = async (name) => {
    await gate;
    return restart(name);
  };
  const queued = [];
  const sup = fleet.supervisor;
  for (const method of ["setMode", "setClock"]) {
    const original = sup[method].bind(sup);
    sup[method] = (...args) => {
      queued.push(method);
      return original(...args);
    };
  }
  try {
    const restarting = call(fleet.url, "POST", "/mock/mk6/A/restart", { kind: "warm" });
    await eventually(async () => sup.busy(sup.members.get("A")) || void 0, 5e3, "A busy");
    const production = call(fleet.url, "POST", "/supervision/mode", { mode: "production" });
    await eventually(async () => queued.includes("setMode") || void 0, 5e3, "the mode switch queued");
    const clock = call(fleet.url, "POST", "/mock/time", { now: "2026-03-01T10:00:00Z" });
    await eventually(async () => queued.includes("setClock") || void 0, 5e3, "the clock set queued");
    release();
    const [r, p, c] = await Promise.all([restarting, production, clock]);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(p.status, 200, JSON.stringify(p.body));
    assert.equal(c.status, 403, `the clock set ran after the switch: ${JSON.stringify(c.body)}`);
    assert.equal(c.body.error, "FORBIDDEN");
  } finally {
    release();
    pm.restart = restart;
    delete sup.setMode;
    delete sup.setClock;
  }
  assert.equal((await call(fleet.url, "GET", "/supervision/api/time")).body.source, "system");
  assert.equal((await call(fleet.url, "POST", "/supervision/mode", { mode: "mock" })).status, 200);
  const ready = await eventually(async () => {
    const res = await call(fleet.url, "GET", "/readyz");
    return res.status === 200 ? res : void 0;
  }, 1e4, "/readyz 200");
  assert.deepEqual(ready.body.mk6, { A: "ready", B: "ready" });
});
