import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { powerCutMarker } from "../../src/worker/runtime.js";
import { MAX_HISTORY_ROWS } from "../../src/contract/schema/plant.js";
import { startWorker } from "../helpers/worker-app.js";
import { checkAgainstContract } from "../helpers/contract.js";
const PDL10 = "8FV8CCX2w7X0";
const PDL5 = "8FV8C9MWwHH0";
const T0 = Date.parse("2026-03-01T10:00:00Z");
const MIN = 6e4;
const iso = (t) => new Date(t).toISOString().replace(".000Z", "Z");
let w;
before(async () => {
  w = await startWorker({
    id: "ROU2",
    sites: [
      { sycode: PDL10, name: "ROU2 PDL10", role: "thissite", pmax_kw: 11120, dynamics: { ramp_kw_per_min: 1e3, dead_time_s: 30 }, profile: { kind: "recorded", points: [["00:00", 11120]] } },
      { sycode: PDL5, name: "ROU2 PDL5", role: "nearsite", pmax_kw: 11120 }
    ]
  });
});
after(() => w?.stop());
const clock = async (t) => assert.equal((await w.http("POST", "/mock/time", { now: iso(t) })).status, 200);
const ok = async (method, path, body) => {
  const res = await w.http(method, path, body);
  assert.ok(res.status < 300, `${method} ${path} \u2192 ${res.status} ${res.text}`);
  checkAgainstContract(method, path, res.status, res.body, "worker");
  return res.body;
};
const send = (site, psetpoint) => ok("POST", "/api/v1/mk6/ROU2/requests", { set: "Psetpoint", site, psetpoint });
describe("the plant on a worker, the history export", () => {
  it("follows the acceptance scenario: 8340 \u2192 2000 kW, 30 s held, then 1000 kW/min", async () => {
    await clock(T0 - 60 * MIN);
    await send(PDL10, 8340);
    await clock(T0);
    await send(PDL10, 2e3);
    const at = async (t) => {
      await clock(t);
      return (await ok("GET", `/api/v1/mk6/ROU2/monitoring/sites/${PDL10}`)).pactive;
    };
    assert.equal(await at(T0 + 29e3), 8340);
    assert.equal(await at(T0 + 3e4 + MIN), 7340);
    assert.equal(await at(T0 + 3e4 + 2 * MIN), 6340);
    assert.equal(await at(T0 + 3e4 + 10 * MIN), 2e3);
  });
  it("sets and shows a plant at run time (POST/GET \u2026/sites/{sycode}/plant), in the state too", async () => {
    await clock(T0 + 20 * MIN);
    await ok("POST", `/mock/mk6/ROU2/inject_external_placeholder`.replace("inject_external_placeholder", `sites/${PDL5}/inject_external`), { source: "DEIE", value_kw: 4e3 });
    const set = await ok("POST", `/mock/mk6/ROU2/sites/${PDL5}/plant`, { dynamics: { ramp_kw_per_min: 500, dead_time_s: 10 }, profile: { kind: "walk", min_kw: 3e3, max_kw: 9e3, step_kw: 400, interval_s: 20, seed: 5 } });
    assert.deepEqual(set.dynamics, { ramp_kw_per_min: 500, dead_time_s: 10 });
    assert.equal(set.profile.kind, "walk");
    const got = await ok("GET", `/mock/mk6/ROU2/sites/${PDL5}/plant`);
    assert.deepEqual(got, set);
    const state = await ok("GET", "/mock/mk6/ROU2/state");
    assert.equal(state.sites[PDL5].profile.kind, "walk");
    assert.equal(state.sites[PDL10].dynamics.ramp_kw_per_min, 1e3);
    const inv = await ok("GET", "/mock/mk6");
    assert.equal(inv.mk6[0].sites.find((s) => s.sycode === PDL5).profile.kind, "walk");
    const bad = await w.http("POST", `/mock/mk6/ROU2/sites/${PDL5}/plant`, { profile: { kind: "walk", min_kw: 0, max_kw: 2e4, step_kw: 1, interval_s: 10 } });
    assert.equal(bad.status, 441);
    assert.equal(bad.body.details.field, "profile.max_kw");
    assert.equal((await w.http("POST", `/mock/mk6/ROU2/sites/${PDL5}/plant`, {})).status, 400);
    const kind = await w.http("POST", `/mock/mk6/ROU2/sites/${PDL5}/plant`, { profile: { kind: "wind" } });
    assert.deepEqual([kind.status, kind.body.details.field], [441, "profile.kind"]);
    const ramp = await w.http("POST", `/mock/mk6/ROU2/sites/${PDL5}/plant`, { dynamics: { ramp_kw_per_min: "fast" } });
    assert.deepEqual([ramp.status, ramp.body.details.field], [400, "dynamics.ramp_kw_per_min"]);
    await send(PDL5, 6e3);
    await clock(T0 + 30 * MIN);
    await send(PDL5, 1e3);
    await ok("POST", `/mock/mk6/ROU2/fault/${PDL10}`);
    await clock(T0 + 33 * MIN);
    await ok("DELETE", `/mock/mk6/ROU2/fault/${PDL10}`);
  });
  it("the history equals the monitoring at those instants, value for value (JSON and CSV)", async () => {
    const from = T0 - 5 * MIN;
    const to = T0 + 40 * MIN;
    const q = `from=${iso(from)}&to=${iso(to)}&step=15s`;
    const json = await ok("GET", `/mock/mk6/ROU2/history?${q}`);
    assert.equal(json.count, (Math.floor((to - from) / 15e3) + 1) * 2);
    assert.equal(json.rows.length, json.count);
    const csv = await w.http("GET", `/mock/mk6/ROU2/history?${q}&format=csv`);
    assert.equal(csv.status, 200);
    assert.match(csv.headers["content-type"], /^text\/csv/);
    const lines = csv.text.trimEnd().split("\n");
    assert.equal(lines[0], "time,sycode,state,pavailable_kw,pactive_kw,psetpoint_recu_kw,external_constraint_kw");
    assert.equal(lines.length, json.count + 1, "one header line, one line per row");
    const parsed = lines.slice(1).map((l) => {
      const [time, sycode, state, pav, pact, sp, c] = l.split(",");
      return { time, sycode, state: Number(state), pavailable: Number(pav), pactive: Number(pact), psetpoint_recu: Number(sp), external_constraint_kw: c === "" ? null : Number(c) };
    });
    assert.deepEqual(parsed, json.rows, "the CSV parsed back is the JSON");
    const picks = /* @__PURE__ */ new Set();
    let seed = 12345;
    while (picks.size < 12) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      picks.add(seed % json.rows.length);
    }
    for (const i of [...picks, json.rows.length - 1]) {
      const row = json.rows[i];
      await clock(Date.parse(row.time));
      const view = await ok("GET", `/api/v1/mk6/ROU2/monitoring/sites/${row.sycode}`);
      assert.deepEqual(
        { state: view.state, pavailable: view.pavailable, pactive: view.pactive, psetpoint_recu: view.psetpoint_recu, external_constraint_kw: view.external_constraint?.value_kw ?? null },
        { state: row.state, pavailable: row.pavailable, pactive: row.pactive, psetpoint_recu: row.psetpoint_recu, external_constraint_kw: row.external_constraint_kw },
        `at ${row.time} ${row.sycode}`
      );
    }
    const one = await ok("GET", `/mock/mk6/ROU2/history?${q}&sycode=${PDL5}`);
    assert.deepEqual(one.rows, json.rows.filter((r) => r.sycode === PDL5));
  });
  it("bounds the export: at most MAX_HISTORY_ROWS rows, else 441; checks its query", async () => {
    const tooMany = await w.http("GET", `/mock/mk6/ROU2/history?from=${iso(T0)}&to=${iso(T0 + 864e5)}&step=1s`);
    assert.equal(tooMany.status, 441);
    assert.equal(tooMany.body.details.max, MAX_HISTORY_ROWS);
    assert.equal((await w.http("GET", `/mock/mk6/ROU2/history?to=${iso(T0)}`)).status, 442);
    assert.equal((await w.http("GET", `/mock/mk6/ROU2/history?from=${iso(T0)}&to=${iso(T0 - 1e3)}`)).status, 422);
    assert.equal((await w.http("GET", `/mock/mk6/ROU2/history?from=hier&to=${iso(T0)}`)).status, 400);
    assert.equal((await w.http("GET", `/mock/mk6/ROU2/history?from=${iso(T0)}&to=${iso(T0)}&format=xml`)).status, 441);
    assert.equal((await w.http("GET", `/mock/mk6/ROU2/history?from=${iso(T0)}&to=${iso(T0)}&sycode=NOPE`)).status, 404);
  });
  it("a cold restart loses the planning, not the plant: same output at the cut, then held for the dead time", async () => {
    const cut = T0 + 60 * MIN;
    await clock(cut - 2 * MIN);
    await send(PDL10, 8e3);
    await clock(cut);
    const before2 = (await ok("GET", `/api/v1/mk6/ROU2/monitoring/sites/${PDL10}`)).pactive;
    assert.equal(before2, 3500, "on its way up from 2000, 90 s after its dead time");
    writeFileSync(powerCutMarker(w.stateDir, "ROU2"), "");
    await w.restart();
    const after2 = await ok("GET", `/api/v1/mk6/ROU2/monitoring/sites/${PDL10}`);
    assert.equal(after2.active_request, null, "the planning is lost");
    assert.equal(after2.psetpoint_recu, 11120);
    assert.equal(after2.pactive, before2, "the plant is where it was");
    await clock(cut + 2e4);
    assert.equal((await ok("GET", `/api/v1/mk6/ROU2/monitoring/sites/${PDL10}`)).pactive, before2, "held through the dead time");
    await clock(cut + 3e4 + MIN);
    assert.equal((await ok("GET", `/api/v1/mk6/ROU2/monitoring/sites/${PDL10}`)).pactive, Math.min(11120, before2 + 1e3), "then up at the ramp rate");
  });
});
describe("the history equals the monitoring with and without setpoints and constraints", () => {
  it("at instants with a setpoint or none, a windowed constraint or none, each case met", async () => {
    await clock(T0 + 65 * MIN);
    const planning = await ok("GET", "/api/v1/mk6/ROU2/planning");
    for (const r of planning.planning.filter((p) => PDL5 in p.site)) await ok("DELETE", `/api/v1/mk6/ROU2/planning/${r.id}`);
    await ok("DELETE", `/mock/mk6/ROU2/sites/${PDL5}/inject_external`);
    await ok("POST", `/mock/mk6/ROU2/sites/${PDL5}/inject_external`, { source: "SCADA", value_kw: 2500, start_time: iso(T0 + 70 * MIN), end_time: iso(T0 + 80 * MIN) });
    await ok("POST", "/api/v1/mk6/ROU2/requests", { set: "Psetpoint", site: PDL5, psetpoint: 1800, start_time: iso(T0 + 75 * MIN), end_time: iso(T0 + 78 * MIN) });
    await ok("POST", "/api/v1/mk6/ROU2/requests", { set: "Psetpoint", site: PDL5, psetpoint: 3e3, start_time: iso(T0 + 84 * MIN), end_time: iso(T0 + 88 * MIN) });
    const from = T0 + 65 * MIN;
    const json = await ok("GET", `/mock/mk6/ROU2/history?from=${iso(from)}&to=${iso(T0 + 90 * MIN)}&step=30s&sycode=${PDL5}`);
    const fixed = [66, 71, 74.5, 75, 76, 77.5, 78, 79.5, 80, 85].map((m) => (m - 65) * 2);
    let seed = 99;
    const random = [];
    while (random.length < 6) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      random.push(seed % json.rows.length);
    }
    const cases = /* @__PURE__ */ new Set();
    for (const i of [...fixed, ...random]) {
      const row = json.rows[i];
      await clock(Date.parse(row.time));
      const view = await ok("GET", `/api/v1/mk6/ROU2/monitoring/sites/${PDL5}`);
      cases.add(`${view.active_request ? "setpoint" : "no setpoint"} + ${view.external_constraint ? "constraint" : "no constraint"}`);
      assert.deepEqual(
        { state: row.state, pavailable: row.pavailable, pactive: row.pactive, psetpoint_recu: row.psetpoint_recu, external_constraint_kw: row.external_constraint_kw },
        { state: view.state, pavailable: view.pavailable, pactive: view.pactive, psetpoint_recu: view.psetpoint_recu, external_constraint_kw: view.external_constraint?.value_kw ?? null },
        `at ${row.time}`
      );
    }
    assert.deepEqual([...cases].sort(), ["no setpoint + constraint", "no setpoint + no constraint", "setpoint + constraint", "setpoint + no constraint"]);
  });
});
