import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { startFleet } from "../helpers/fleet-app.js";
import { checkAgainstContract } from "../helpers/contract.js";
import * as seed from "../helpers/seed-scenarios.js";
import { SeedClient } from "../helpers/seed-client.js";
class CheckedSeedClient extends SeedClient {
  checked = 0;
  async call(method, path, body, headers) {
    const res = await super.call(method, path, body, headers);
    const onPort = this.base(path) !== this.fleet.url;
    checkAgainstContract(method, path, res.status, res.body, onPort ? "worker" : "front");
    this.checked++;
    return res;
  }
}
let fleet;
before(async () => {
  fleet = await startFleet();
});
after(() => fleet?.stop());
const numbered = [
  [0, seed.scenario0],
  [1, seed.scenario1],
  [2, seed.scenario2],
  [3, seed.scenario3],
  [4, seed.scenario4],
  [5, seed.scenario5],
  [6, seed.scenario6],
  [7, seed.scenario7],
  [8, seed.scenario8],
  [9, seed.scenario9],
  [10, seed.scenario10],
  [11, seed.scenario11],
  [12, seed.scenario12],
  [13, seed.scenario13],
  [17, seed.scenario17]
];
for (const direct of [false, true]) {
  describe(direct ? "seed scenarios on each MK6's own port match the worker's document" : "seed scenarios through the front match the document", () => {
    for (const [n, run] of numbered.filter(([n2]) => !direct || ![0, 1, 10].includes(n2))) {
      it(`scenario ${n}`, async () => {
        const s = new CheckedSeedClient(fleet, direct);
        await run(s);
        assert.ok(s.checked > 0);
      });
    }
    if (direct) {
      it("scenario 0 pinned on each worker", async () => {
        await new CheckedSeedClient(fleet, false).reset();
        for (const id of Object.keys(fleet.ports)) await seed.scenario0(new CheckedSeedClient(fleet, true, fleet.worker(id)));
      });
    }
  });
}
