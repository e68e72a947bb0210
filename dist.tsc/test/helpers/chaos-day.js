import assert from "node:assert/strict";
import { call, lostSetpoints, ROUVAI, startFleet } from "./fleet-app.js";
import { checkAgainstContract } from "./contract.js";
import { loadFleetFile } from "../../src/config/fleet-file.js";
import { chaosOptions, generateChaos } from "../../src/chaos/generate.js";
import { chaosFleet } from "../../supervisor/recette/chaos-routes.js";
const THISSITE = new Map(ROUVAI.map((m) => [m.id, m.sites.find((s) => s.role === "thissite")]));
const MK6 = ROUVAI.map((m) => m.id);
const DOWN = /* @__PURE__ */ new Set([502, 503, 504]);
const RECETTE = `name: chaos day
checks:
  - { id: writes-accepted, kind: no_errors, methods: [POST, PATCH, DELETE] }
  - { id: cadence, kind: polls, max_gap: 2m }
  - { id: replan, kind: resends_after_restart, within: 5m }
  - { id: backoff, kind: max_rate_while_down, per_minute: 6 }
  - { id: limits, kind: setpoints_within_limits }
  - { id: no-dupes, kind: no_duplicate_setpoints }
`;
const LOW = { from: "08:00", to: "09:00", faults: ["kill", "restart", "offline", "site", "constraint", "network.error"], targets: "all", intensity: "low" };
class Gateway {
  constructor(url, broken = false) {
    this.url = url;
    this.broken = broken;
  }
  url;
  broken;
  plan = /* @__PURE__ */ new Map();
  async tick(now) {
    await Promise.all(MK6.map((id) => this.mk6(id, now)));
  }
  async mk6(id, now) {
    const polled = await call(this.url, "GET", `/api/v1/mk6/${id}/monitoring`);
    if (DOWN.has(polled.status) && this.broken) for (let i = 0; i < 7; i++) await call(this.url, "GET", `/api/v1/mk6/${id}/monitoring`);
    if (!this.plan.has(id)) {
      const site = THISSITE.get(id);
      const req = { set: "Psetpoint", site: site.sycode, psetpoint: Math.round(site.pmax_kw / 10), start_time: "2026-03-01T08:01:00Z", end_time: "2026-03-01T12:00:00Z" };
      this.plan.set(id, [req]);
      assert.equal((await call(this.url, "POST", `/api/v1/mk6/${id}/requests`, req)).status, 201);
      return;
    }
    if (this.broken) return;
    const planning = await call(this.url, "GET", `/api/v1/mk6/${id}/planning`);
    if (planning.status !== 200) return;
    const held = planning.body.planning;
    for (const req of lostSetpoints(this.plan.get(id), held, now)) await call(this.url, "POST", `/api/v1/mk6/${id}/requests`, req);
  }
}
async function chaosFleetInProcess() {
  const fleet = await startFleet({ mk6: ROUVAI }, { env: { MK6_BLACKHOLE_TIMEOUT_MS: "30" } });
  const file = chaosFleet(loadFleetFile(fleet.fleetFile));
  return { fleet, generate: (raw) => generateChaos(file, chaosOptions(raw)) };
}
async function judge(fleet, text) {
  const res = await call(fleet.url, "POST", "/mock/verdicts", text, { "content-type": "text/yaml" });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  checkAgainstContract("POST", "/mock/verdicts", 200, res.body);
  return res.body;
}
async function loadChaos(fleet, options) {
  const res = await call(fleet.url, "POST", "/mock/chaos", options);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  checkAgainstContract("POST", "/mock/chaos", 200, res.body);
  return res.body;
}
function lowDay(generate) {
  const late = (f) => Date.parse(f.from) >= Date.parse("2026-03-01T08:30:00Z");
  const judged = /^(kill\.|offline|restart\.cold)/;
  for (let seed = 1; seed < 5e3; seed++) {
    const d = generate({ seed, ...LOW });
    const cold = d.faults.find((f) => f.kind === "restart.cold" && late(f) && Date.parse(f.from) <= Date.parse("2026-03-01T08:54:00Z"));
    const down = d.faults.find((f) => /^(kill\.|offline)/.test(f.kind));
    const early = d.faults.find((f) => !judged.test(f.kind) && Date.parse(f.to) < Date.parse("2026-03-01T08:20:00Z"));
    if (cold && down && early && d.faults.every((f) => !judged.test(f.kind) || late(f))) return { seed, day: d, cold, down };
  }
  throw new Error("no seed");
}
export {
  Gateway,
  LOW,
  RECETTE,
  chaosFleetInProcess,
  judge,
  loadChaos,
  lowDay
};
