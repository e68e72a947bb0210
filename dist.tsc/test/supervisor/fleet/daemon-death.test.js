import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { eventually, ROUVAI, startFleet } from "../../helpers/fleet.js";
import { gone, inventory } from "../../helpers/fleet-util.js";
let fleet;
before(async () => {
  fleet = await startFleet({ mk6: ROUVAI });
});
after(async () => {
  await fleet?.stop();
});
describe("the pm2 daemon dies", () => {
  it("a SIGTERM still stops the fleet: the supervisor ends its workers by pid and exits", { timeout: 9e4 }, async () => {
    const workers = Object.values(await inventory(fleet.url)).map((m) => m.process.pid);
    assert.equal(workers.length, ROUVAI.length);
    assert.ok(workers.every((pid) => pid > 0 && !gone(pid)));
    const daemon = Number(readFileSync(join(fleet.home, "pm2.pid"), "utf8"));
    process.kill(daemon, "SIGKILL");
    await eventually(async () => gone(daemon) ? true : void 0, 5e3, "the daemon to die");
    const started = Date.now();
    const code = await fleet.terminate();
    const tookMs = Date.now() - started;
    assert.equal(code, 0, fleet.output().slice(-2e3));
    assert.ok(tookMs < 15e3, `stopped in ${tookMs} ms:
${fleet.output().slice(-3e3)}`);
    await eventually(async () => workers.every(gone) ? true : void 0, 5e3, `workers ${workers.filter((p) => !gone(p))} to be ended`);
  });
});
