import { after, before, it } from "node:test";
import assert from "node:assert/strict";
import { call } from "../../helpers/fleet-app.js";
import { chaosFleetInProcess, Gateway, judge, LOW, loadChaos, lowDay, RECETTE } from "../../helpers/chaos-day.js";
import { chaosOptions, generateChaos } from "../../../src/chaos/generate.js";
const SPEED = 180;
let fleet;
let generate;
before(async () => {
  ({ fleet, generate } = await chaosFleetInProcess());
});
after(() => fleet?.stop());
it("at speed (the fleet clock at 180\xD7, the timeline firing on its timers): the well-behaved gateway passes the same low day", async () => {
  const { seed } = lowDay(generate);
  await loadChaos(fleet, { seed, ...LOW });
  assert.equal((await call(fleet.url, "POST", "/mock/reset")).status, 200);
  assert.equal((await call(fleet.url, "POST", "/mock/time", { now: "2026-03-01T08:00:00Z", speed: SPEED })).status, 200);
  const gw = new Gateway(fleet.url);
  const end = Date.parse(`2026-03-01T${LOW.to}:00Z`);
  let next = 0;
  for (; ; ) {
    const now = Date.parse((await call(fleet.url, "GET", "/supervision/api/time")).body.now);
    if (now >= end) break;
    if (now >= next) {
      await gw.tick(new Date(now).toISOString());
      next = now + 45e3;
    } else await new Promise((ok) => setTimeout(ok, 50));
  }
  const tl = (await call(fleet.url, "GET", "/mock/timeline")).body;
  assert.equal(tl.pending, 0);
  const v = await judge(fleet, RECETTE.replace("max_gap: 2m", "max_gap: 3m"));
  assert.deepEqual(v.checks.filter((c) => c.status === "fail").map((c) => `${c.id}: ${c.message}`), [], `seed ${seed} at speed`);
  assert.equal(v.checks.find((c) => c.id === "replan")?.status, "pass", "the cold restart was judged");
  assert.equal((await call(fleet.url, "POST", "/mock/time/release")).status, 200);
});
