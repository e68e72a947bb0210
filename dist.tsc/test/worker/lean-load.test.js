import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { call, startFleet } from "../helpers/fleet.js";
import { WORKER_NODE_ARGS } from "../../supervisor/fleet/launcher.js";
const PROBE = join(dirname(fileURLToPath(import.meta.url)), "../helpers/load-probe.js");
const NEVER = /undici|http2|_tls_wrap|internal\/tls/;
let fleet;
let probeDir;
before(async () => {
  probeDir = mkdtempSync(join(tmpdir(), "mk6-load-probe-"));
  fleet = await startFleet(void 0, {
    env: { MK6_LOAD_PROBE_DIR: probeDir, MK6_WORKER_NODE_ARGS: [...WORKER_NODE_ARGS, `--import=${PROBE}`].join(" ") }
  });
});
after(async () => {
  await fleet?.stop();
  rmSync(probeDir, { recursive: true, force: true });
});
describe("a worker loads only what it needs", () => {
  it("after every kind of call through Koa and the lane, no worker has loaded undici, tls or http2", async () => {
    const own = fleet.worker("ROU2");
    const answers = [
      await call(own, "GET", "/api/v1/mk6/ROU2/monitoring"),
      // the fast lane
      await call(own, "GET", "/api/v1/mk6/ROU2/monitoring?detail=1"),
      // a query string: Koa
      await call(own, "POST", "/api/v1/mk6/ROU2/requests", { set: "Psetpoint", site: "8FV8CCX2w7X0", psetpoint: 1e3 }),
      await call(own, "POST", "/api/v1/mk6/ROU2/requests", { set: "Psetpoint" }, { "content-type": "application/vnd.api+json" }),
      await call(own, "GET", "/api/v1/mk6/ROU2/nowhere"),
      await call(own, "GET", "/mock/mk6"),
      await call(own, "GET", "/api/v1/debug/requests"),
      await call(own, "GET", "/api/v1/debug/requests?format=har"),
      await call(own, "GET", "/mock/mk6/ROU2/history"),
      await call(own, "GET", "/openapi.json"),
      await call(own, "GET", "/healthz"),
      await call(fleet.url, "POST", "/mock/time", { now: "2026-01-01T10:00:00Z" }),
      // a broadcast to every worker
      await call(fleet.url, "GET", "/mock/mk6"),
      // the supervisor asks every worker
      await call(fleet.url, "POST", "/mock/mk6/ROU2/fault/8FV8C9MWwHJ0"),
      await call(fleet.url, "GET", "/api/v1/mk6/ROU2/planning")
    ];
    for (const a of answers) assert.ok(a.status >= 200 && a.status < 500, `${a.status} ${JSON.stringify(a.body)}`);
    const ids = Object.keys(fleet.ports);
    await fleet.stop();
    const files = readdirSync(probeDir);
    assert.equal(files.length, ids.length, `one module list per worker that exited: ${files.join(", ")}`);
    for (const file of files) {
      const loaded = JSON.parse(readFileSync(join(probeDir, file), "utf8")).filter((m) => NEVER.test(m));
      assert.deepEqual(loaded, [], `worker ${file}`);
    }
  });
});
