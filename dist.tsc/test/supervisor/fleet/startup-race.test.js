import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { call, freePorts, ROUVAI, startFleet } from "../../helpers/fleet.js";
import { leftoversAfterStop, settledViolations } from "../../helpers/invariants.js";
const ROUNDS = Number(process.env.MK6_RACE_ROUNDS) > 0 ? Number(process.env.MK6_RACE_ROUNDS) : 3;
const RACE_SITES = [{ sycode: "RACE1SITE", name: "RACE1 PDL", role: "thissite", pmax_kw: 5e3 }];
function acceptable(what, res) {
  const fine = res.status === 200 || res.status === 201 || res.status === 503 && res.body?.error === "FLEET_STARTING";
  assert.ok(fine, `${what}: ${res.status} ${JSON.stringify(res.body)}`);
  if (res.status === 503) assert.ok(Number(res.headers.get("retry-after")) > 0, `${what}: 503 without Retry-After`);
}
describe("control calls fired the moment the front first answers", () => {
  for (let round = 1; round <= ROUNDS; round++) {
    it(`fresh start ${round} of ${ROUNDS}: settles with every invariant holding`, { timeout: 18e4 }, async () => {
      const free = await freePorts(ROUVAI.length);
      const ports = Object.fromEntries(ROUVAI.map((m, i) => [m.id, free[i]]));
      let fleet;
      try {
        fleet = await startFleet({ name: "race", mk6: ROUVAI.map((m) => ({ ...m, port: ports[m.id] })) }, { waitFor: "front", timeoutMs: 6e4 });
        const url = fleet.url;
        const probe = await call(url, "GET", "/readyz");
        assert.equal(probe.status, 503, "the calls must land while the fleet starts");
        assert.equal(probe.body.phase, "starting");
        assert.equal(probe.body.ready, false);
        const post = (path, body) => call(url, "POST", path, body ?? {});
        const calls = [
          ["reset", post("/mock/reset")],
          ["time", post("/mock/time", { now: "2026-03-01T10:00:00Z" })],
          ["restart ROU1.1", post("/mock/mk6/ROU1.1/restart")],
          ["kill+restart ROU2", (async () => [await post("/mock/mk6/ROU2/kill"), await post("/mock/mk6/ROU2/restart", { kind: "cold" })])()],
          ["provision RACE1", post("/mock/mk6/RACE1/provision", { sites: RACE_SITES })],
          ["reset again", post("/mock/reset")],
          ["mode mock", post("/supervision/mode", { mode: "mock" })],
          ["time again", post("/mock/time", { now: "2026-03-01T11:00:00Z" })]
        ];
        const answers = await Promise.all(calls.map(async ([what, p]) => [what, await p]));
        for (const [what, res] of answers) for (const r of [res].flat()) acceptable(what, r);
        const { problems, settled } = await settledViolations(fleet, "race", ports);
        assert.deepEqual(problems, [], `round ${round}: ${problems.join("; ")}`);
        const provisioned = answers.find(([what]) => what === "provision RACE1")[1];
        if (provisioned.status === 200) assert.ok(!Object.values(ports).includes(provisioned.body.port), `RACE1 got a port of the fleet file: ${provisioned.body.port}`);
        assert.equal((await post("/supervision/mode", { mode: "production" })).status, 200);
        for (const [id, m] of Object.entries(settled.inventory)) {
          const site = m.thissite;
          const res = await call(m.network.url, "POST", `/api/v1/mk6/${encodeURIComponent(id)}/requests`, { set: "Psetpoint", site, psetpoint: 100 });
          assert.equal(res.status, 403, `${id} on its own port in production: ${res.status} ${JSON.stringify(res.body)}`);
        }
        assert.equal((await post("/supervision/mode", { mode: "mock" })).status, 200);
        assert.equal(await fleet.terminate(), 0, "the supervisor exits 0 on SIGTERM");
        assert.deepEqual(leftoversAfterStop(fleet.home, settled.pids), [], "nothing of the fleet left behind");
      } finally {
        await fleet?.stop();
      }
    });
  }
});
