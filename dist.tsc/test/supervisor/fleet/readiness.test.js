import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { call, eventually, freePort, NOBODY_URL, ROUVAI, startFleet } from "../../helpers/fleet.js";
import { assertError, iso } from "../../helpers/fleet-util.js";
const CLI = resolve(dirname(fileURLToPath(import.meta.url)), "../../../supervisor/cli/main.js");
const TWO = ROUVAI.filter((m) => m.id === "ROU1.2" || m.id === "ROU2");
const ready = (url) => eventually(async () => (await call(url, "GET", "/readyz")).status === 200 ? true : void 0, 3e4, "/readyz 200");
const readyz = async (url) => (await call(url, "GET", "/readyz")).body;
function cli(args) {
  return new Promise((ok) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, MK6_LANG: "en" } });
    let out = "";
    let err = "";
    child.stdout.on("data", (c) => out += c);
    child.stderr.on("data", (c) => err += c);
    child.on("exit", (code) => ok({ code, out, err }));
  });
}
describe("while the fleet starts", () => {
  it("/healthz answers at once, /readyz says starting (503) per MK6, then ready once every port answers", { timeout: 12e4 }, async () => {
    const fleet = await startFleet({ mk6: ROUVAI }, { waitFor: "front" });
    try {
      assert.deepEqual((await call(fleet.url, "GET", "/healthz")).body, { status: "ok" });
      const early = await call(fleet.url, "GET", "/readyz");
      assert.equal(early.status, 503);
      assert.equal(early.body.ready, false);
      assert.equal(early.body.phase, "starting");
      assert.deepEqual(Object.keys(early.body.mk6).sort(), ROUVAI.map((m) => m.id).sort(), "every MK6 of the fleet file is named");
      assert.ok(Number(early.headers.get("retry-after")) >= 1);
      await ready(fleet.url);
      const inv = (await call(fleet.url, "GET", "/mock/mk6")).body;
      for (const m of inv.mk6) {
        const health = await call(m.network.url, "GET", "/healthz");
        assert.equal(health.status, 200, m.mk6_id);
        assert.deepEqual([health.body.status, health.body.mk6_id, health.body.pid], ["ok", m.mk6_id, m.process.pid]);
      }
      assert.deepEqual(await readyz(fleet.url), { ready: true, engine: "pm2", phase: "running", mk6: Object.fromEntries(ROUVAI.map((m) => [m.id, "ready"])) });
    } finally {
      await fleet.stop();
    }
  });
  it("a control call that waits longer than the bound gets 503 FLEET_STARTING with Retry-After, and changes nothing", { timeout: 12e4 }, async () => {
    const fleet = await startFleet({ mk6: ROUVAI }, { waitFor: "front", env: { MK6_STARTUP_WAIT_MS: "1" } });
    try {
      assert.equal((await readyz(fleet.url)).phase, "starting");
      const res = await call(fleet.url, "POST", "/mock/time", { now: iso("01", "10:00") });
      assertError(res, 503, "FLEET_STARTING");
      assert.ok(Number(res.headers.get("retry-after")) >= 1, "Retry-After in seconds");
      const proxied = await call(fleet.url, "POST", "/mock/mk6/ROU2/offline");
      assertError(proxied, 503, "FLEET_STARTING");
      await ready(fleet.url);
      assert.equal((await call(fleet.url, "GET", "/supervision/api/time")).body.source, "system", "the refused call did not move the clock");
      assert.equal((await call(fleet.url, "GET", "/api/v1/mk6/ROU2/monitoring")).status, 200, "the refused offline did not reach ROU2");
    } finally {
      await fleet.stop();
    }
  });
  it("mk6-fleet wait, run before the front answers, exits 0 once /readyz is 200; a script that polls the front sees the same answers", { timeout: 18e4 }, async () => {
    const drive = async (url) => {
      const answers = [];
      const keep = async (method, path, body) => {
        const res = await call(url, method, path, body);
        answers.push([method, path, res.status, JSON.parse(JSON.stringify(res.body, (k, v) => k === "created_at" ? "<wall>" : v))]);
      };
      await keep("POST", "/mock/reset");
      await keep("POST", "/mock/time", { now: iso("01", "10:00") });
      await keep("POST", "/api/v1/mk6/ROU2/requests", { set: "Psetpoint", site: "8FV8CCX2w7X0", psetpoint: 4e3, end_time: iso("01", "12:00") });
      await keep("GET", "/api/v1/mk6/ROU2/planning");
      await keep("GET", "/api/v1/mk6/ROU1.2/monitoring/sites");
      return answers;
    };
    const port = await freePort();
    const waiting = cli(["--url", `http://127.0.0.1:${port}`, "wait", "--timeout", "90"]);
    const a = await startFleet({ mk6: TWO }, { waitFor: "front", args: ["--port", String(port)] });
    const b = await startFleet({ mk6: TWO }, { waitFor: "front" });
    try {
      const waited = await waiting;
      assert.equal(waited.code, 0, waited.err);
      assert.match(waited.out, /ready: 2 MK6/);
      assert.equal((await call(a.url, "GET", "/readyz")).status, 200);
      const [viaWait, viaPolling] = await Promise.all([drive(a.url), drive(b.url)]);
      assert.deepEqual(viaPolling, viaWait);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
  it("mk6-fleet wait exits 3 when nothing answers in time", { timeout: 3e4 }, async () => {
    const res = await cli(["--url", NOBODY_URL, "wait", "--timeout", "1"]);
    assert.equal(res.code, 3, res.err);
  });
});
describe("a running fleet", () => {
  let fleet;
  before(async () => {
    fleet = await startFleet({ mk6: TWO });
  });
  after(async () => {
    await fleet?.stop();
  });
  it("/readyz names an MK6 off the fleet clock or mode, and mk6-fleet wait exits 1 saying which; the fleet clock brings it back", { timeout: 6e4 }, async () => {
    await call(fleet.url, "POST", "/mock/reset");
    await ready(fleet.url);
    assert.equal((await call(fleet.worker("ROU1.2"), "POST", "/supervision/mode", { mode: "production" })).status, 200);
    assert.equal((await readyz(fleet.url)).mk6["ROU1.2"], "mode production, fleet mock");
    assert.equal((await call(fleet.url, "POST", "/supervision/mode", { mode: "mock" })).status, 200);
    await ready(fleet.url);
    assert.equal((await call(fleet.worker("ROU2"), "POST", "/mock/time", { now: iso("02", "08:00") })).status, 200);
    const off = await call(fleet.url, "GET", "/readyz");
    assert.equal(off.status, 503);
    assert.equal(off.body.mk6.ROU2, "clock differs from the fleet");
    assert.equal(off.body.mk6["ROU1.2"], "ready");
    const waited = await cli(["--url", fleet.url, "wait", "--timeout", "1"]);
    assert.equal(waited.code, 1);
    assert.match(waited.err, /ROU2: clock differs from the fleet/);
    assert.equal((await call(fleet.url, "POST", "/mock/time", { now: iso("01", "10:00") })).status, 200);
    await ready(fleet.url);
  });
  it("an MK6 killed on purpose is not waited for; a frozen process is not ready nor online; a SIGKILLed worker comes back on fleet time", { timeout: 9e4 }, async () => {
    await call(fleet.url, "POST", "/mock/reset");
    await ready(fleet.url);
    assert.equal((await call(fleet.url, "POST", "/mock/mk6/ROU2/kill")).status, 200);
    assert.deepEqual(await readyz(fleet.url), { ready: true, engine: "pm2", phase: "running", mk6: { "ROU1.2": "ready", ROU2: "stopped (kill)" } });
    assert.equal((await call(fleet.url, "POST", "/mock/mk6/ROU2/kill", { kind: "blackhole" })).status, 502, "a stopped process cannot be blackholed");
    assert.equal((await call(fleet.url, "POST", "/mock/mk6/ROU2/restart")).status, 200);
    await ready(fleet.url);
    const inv = (await call(fleet.url, "GET", "/mock/mk6")).body.mk6;
    const rou12 = inv.find((m) => m.mk6_id === "ROU1.2");
    process.kill(rou12.process.pid, "SIGSTOP");
    try {
      const stuck = await call(fleet.url, "GET", "/readyz");
      assert.equal(stuck.status, 503);
      assert.equal(stuck.body.mk6["ROU1.2"], `not answering on port ${rou12.network.port}`);
      const entry = (await call(fleet.url, "GET", "/mock/mk6")).body.mk6.find((m) => m.mk6_id === "ROU1.2");
      assert.equal(entry.online, false, "the inventory says online only for a worker that answers");
    } finally {
      process.kill(rou12.process.pid, "SIGCONT");
    }
    await ready(fleet.url);
    const rou2 = (await call(fleet.url, "GET", "/mock/mk6")).body.mk6.find((m) => m.mk6_id === "ROU2");
    process.kill(rou2.process.pid, "SIGKILL");
    assert.equal((await call(fleet.url, "POST", "/mock/time", { now: iso("03", "09:30") })).status, 200);
    await ready(fleet.url);
    assert.deepEqual((await call(fleet.worker("ROU2"), "GET", "/supervision/api/time")).body, { now: iso("03", "09:30"), source: "mock", frozen: true });
  });
  it("internal routes answer 404 to anyone without the secret, and change nothing", { timeout: 6e4 }, async () => {
    await call(fleet.url, "POST", "/mock/reset");
    await ready(fleet.url);
    const secret = readFileSync(join(fleet.stateDir, "internal.secret"), "utf8").trim();
    assert.match(secret, /^[0-9a-f]{64}$/);
    const worker = fleet.worker("ROU2");
    const fake = { entries: [{ ts: "2026-03-01T00:00:00Z", method: "POST", path: "/api/v1/mk6/ROU2/requests", status: 201, mk6_id: "ROU2", source: "GW" }] };
    const journalBefore = (await call(fleet.url, "GET", "/api/v1/debug/requests")).body.length;
    const attempts = [{}, { "x-mk6-secret": "not-it" }, { "x-mk6-internal": "supervisor" }];
    for (const headers of attempts) {
      assertError(await call(fleet.url, "POST", "/_fleet/journal", fake, headers), 404, "NOT_FOUND");
      assertError(await call(fleet.url, "GET", "/_fleet/clock", void 0, headers), 404, "NOT_FOUND");
      assertError(await call(worker, "POST", "/_worker/outage", { kind: "blackhole" }, headers), 404, "NOT_FOUND");
      assertError(await call(worker, "POST", "/_worker/fleet", { clock: { source: "system" }, mode: "production", gen: 1e9 }, headers), 404, "NOT_FOUND");
      assertError(await call(worker, "GET", "/_worker/health", void 0, headers), 404, "NOT_FOUND");
      assertError(await call(worker, "POST", "/_worker/journal/flush", void 0, headers), 404, "NOT_FOUND");
    }
    assert.equal((await call(fleet.url, "GET", "/api/v1/debug/requests")).body.length, journalBefore, "nothing was journaled");
    assert.equal((await call(worker, "GET", "/api/v1/mk6/ROU2/monitoring")).status, 200, "no outage was imposed");
    assert.equal((await call(worker, "GET", "/supervision/api/mode")).body.mode, "mock", "no mode was imposed");
    const health = await call(worker, "GET", "/_worker/health", void 0, { "x-mk6-secret": secret });
    assert.equal(health.status, 200);
    assert.equal(health.body.mk6_id, "ROU2");
    assert.equal((await call(fleet.url, "GET", "/_fleet/clock", void 0, { "x-mk6-secret": secret })).status, 200);
  });
});
