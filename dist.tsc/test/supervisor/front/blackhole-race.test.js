import { after, before, it } from "node:test";
import assert from "node:assert/strict";
import { call, ROUVAI, startFleet } from "../../helpers/fleet-app.js";
import { checkAgainstContract } from "../../helpers/contract.js";
const BLACKHOLE_MS = 300;
let fleet;
before(async () => {
  fleet = await startFleet({ mk6: ROUVAI }, { env: { MK6_BLACKHOLE_TIMEOUT_MS: String(BLACKHOLE_MS) } });
});
after(() => fleet?.stop());
it("every call racing a kill blackhole is answered: 200 before it, 504 MK6_UNREACHABLE after the blackhole timeout, none hangs", async () => {
  const answers = [];
  for (let round = 0; round < 5; round++) {
    let killed = false;
    const gateway = async () => {
      while (!killed) {
        const res = await fetch(`${fleet.url}/api/v1/mk6/ROU2/monitoring`, { signal: AbortSignal.timeout(BLACKHOLE_MS + 3e3) }).catch(() => null);
        if (res === null) answers.push("no answer");
        else {
          const body = await res.json();
          answers.push(res.status);
          if (res.status !== 200) {
            assert.equal(res.status, 504, JSON.stringify(body));
            assert.equal(body.error, "MK6_UNREACHABLE");
            checkAgainstContract("GET", "/api/v1/mk6/{mk6_id}/monitoring", 504, body);
          }
        }
      }
    };
    const callers = Array.from({ length: 8 }, gateway);
    await new Promise((ok) => setTimeout(ok, 20));
    const kill = await call(fleet.url, "POST", "/mock/mk6/ROU2/kill", { kind: "blackhole" });
    assert.equal(kill.status, 200, JSON.stringify(kill.body));
    killed = true;
    await Promise.all(callers);
    assert.equal((await call(fleet.url, "POST", "/mock/mk6/ROU2/restart", { kind: "warm" })).status, 200);
  }
  assert.equal(answers.filter((a) => a === "no answer").length, 0, `of ${answers.length} calls`);
  assert.ok(answers.includes(200) && answers.includes(504), JSON.stringify(answers));
});
