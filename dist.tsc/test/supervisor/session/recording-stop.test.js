import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { call, startFleet } from "../../helpers/fleet.js";
const ROUNDS = 5;
let fleet;
before(async () => {
  fleet = await startFleet({ mk6: [{ id: "M1", sites: [{ sycode: "S1", name: "S1", role: "thissite", pmax_kw: 1e4 }] }] });
});
after(async () => {
  await fleet?.stop();
});
describe("a stop right after a call", () => {
  it("keeps the call in the recording, round after round", async () => {
    assert.equal((await call(fleet.url, "POST", "/mock/recording", { on: true, name: "stops" })).status, 200);
    for (let round = 0; round < ROUNDS; round++) {
      assert.equal((await call(fleet.worker("M1"), "GET", `/api/v1/mk6/M1/monitoring?round=${round}`)).status, 200);
      assert.equal(await fleet.terminate(), 0);
      await fleet.respawn();
    }
    assert.equal((await call(fleet.url, "POST", "/mock/recording", { on: false })).status, 200);
    const har = (await call(fleet.url, "GET", "/mock/recordings/stops")).body;
    const rounds = har.log.entries.map((e) => new URL(e.request.url).searchParams.get("round"));
    assert.deepEqual(rounds, Array.from({ length: ROUNDS }, (_, i) => String(i)));
  });
});
