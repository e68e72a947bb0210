import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { call, eventually, scaleFleet, startFleet } from "../../helpers/fleet.js";
import { StateFile } from "../../../src/persist/state-file.js";
function persistedFrozenAt(stateDir, id) {
  const clock = StateFile.load(join(stateDir, `mk6-${id}.jsonl`))?.meta.clock;
  return clock?.source === "mock" && clock.speed === 0 ? clock.anchorSim : null;
}
describe("a broadcast clock is persisted behind", () => {
  it("reaches every worker state file within seconds of the answer", async () => {
    const fleet = await startFleet({ name: "behind", mk6: scaleFleet(3) });
    try {
      const now = "2026-03-01T10:07:00Z";
      const answer = await call(fleet.url, "POST", "/mock/time", { now });
      assert.equal(answer.status, 200);
      for (const id of ["M1", "M2", "M3"]) {
        await eventually(async () => persistedFrozenAt(fleet.stateDir, id) === Date.parse(now) ? true : void 0, 5e3, `${id}'s state file holds the clock`);
      }
    } finally {
      await fleet.stop();
    }
  });
  it("a worker that stops right after the broadcast writes it as it stops", async () => {
    const fleet = await startFleet({ name: "behind-stop", mk6: scaleFleet(2) });
    try {
      const now = "2026-03-01T11:42:00Z";
      assert.equal((await call(fleet.url, "POST", "/mock/time", { now })).status, 200);
      assert.equal(await fleet.terminate(), 0, "the supervisor stops its workers and exits 0");
      for (const id of ["M1", "M2"]) assert.equal(persistedFrozenAt(fleet.stateDir, id), Date.parse(now), id);
    } finally {
      await fleet.stop();
    }
  });
});
