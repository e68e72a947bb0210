import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import net from "node:net";
import { stringify } from "yaml";
import { freePorts, ROUVAI, SUPERVISOR, untilAnswers } from "../helpers/fleet.js";
import { WORKER_SCRIPT } from "../helpers/worker-process.js";
import { ok } from "../helpers/fleet-util.js";
const dir = mkdtempSync(join(tmpdir(), "mk6-alone-"));
const fleetFile = join(dir, "fleet.yaml");
const children = [];
let ports = [];
let front = "";
const MK6 = ROUVAI.slice(0, 2);
const base = { PATH: process.env.PATH ?? "/usr/bin:/bin", LOG_LEVEL: "warn", MK6_LANG: "en", MK6_INTERNAL_SECRET_FILE: join(dir, "internal.secret") };
function runWorker(args, env = {}) {
  return spawnSync(process.execPath, [WORKER_SCRIPT, ...args], { env: { ...base, ...env }, encoding: "utf8", timeout: 2e4 });
}
function startWorker(env) {
  const child = spawn(process.execPath, [WORKER_SCRIPT, "--fleet", fleetFile], { env: { ...base, MK6_STATE_DIR: join(dir, "workers"), MK6_SUPERVISOR_URL: front, ...env }, stdio: "ignore" });
  children.push(child);
  return child;
}
const refuses = (port) => new Promise((r) => {
  const s = net.connect({ host: "127.0.0.1", port });
  s.once("connect", () => (s.destroy(), r(false)));
  s.once("error", () => r(true));
});
const alive = (c) => c.exitCode === null && c.signalCode === null;
before(async () => {
  ports = await freePorts(3);
  front = `http://127.0.0.1:${ports[2]}`;
  writeFileSync(fleetFile, stringify({ name: "alone", seed: 7, engine: "external", proxy: { host: "127.0.0.1", port: ports[2] }, mk6: MK6.map((m, i) => ({ ...m, port: ports[i] })) }));
  writeFileSync(base.MK6_INTERNAL_SECRET_FILE, "a-secret-both-sides-mount-0123456789\n");
});
after(async () => {
  for (const c of children) if (alive(c)) c.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});
describe("the worker alone", () => {
  it("bad flags, an unknown MK6, a bad ordinal, no MK6 named: a message and exit 2", () => {
    const cases = [
      [["--nope"], {}, /worker: Unknown option '--nope' \(flags: .*--fleet --mk6/],
      [["--fleet", fleetFile, "--mk6", "NOPE"], {}, /--mk6 NOPE: no such MK6 in .*fleet\.yaml \(ROU1\.1, ROU1\.2\)/],
      [["--fleet", fleetFile], { MK6_INDEX: "2" }, /MK6_INDEX=2: 0\.\.1 expected/],
      [["--fleet", fleetFile], {}, /which MK6\? \(--mk6 ID, MK6_ID or MK6_INDEX\)/],
      [["--fleet", join(dir, "missing.yaml"), "--mk6", "ROU2"], {}, /missing\.yaml/],
      [["--mk6", "ROU2"], {}, /--mk6 goes with --fleet FILE/],
      [["--fleet", fleetFile, "--mk6", "ROU1.1"], { MK6_INTERNAL_SECRET_FILE: join(dir, "none.secret") }, /MK6_INTERNAL_SECRET_FILE=.*none\.secret: no such file/]
    ];
    for (const [args, env, message] of cases) {
      const r = runWorker(args, env);
      assert.equal(r.status, 2, `${args.join(" ")}: ${r.stderr}${r.stdout}`);
      assert.match(r.stderr + r.stdout, message);
    }
    assert.match(runWorker(["--fleet", fleetFile, "--mk6", "NOPE"], { MK6_LANG: "fr" }).stderr + "", /aucun MK6 de ce nom/);
  });
});
describe("engine external on loopback", () => {
  let supervisor;
  let workers;
  before(async () => {
    supervisor = spawn(process.execPath, [SUPERVISOR, "--fleet", fleetFile, "--state-dir", join(dir, "supervisor")], { env: { ...base, PM2_HOME: join(dir, "no-pm2") }, stdio: "ignore" });
    children.push(supervisor);
    workers = [startWorker({ MK6_INDEX: "0" }), startWorker({ MK6_ID: "ROU1.2" })];
    await untilAnswers(`${front}/readyz`, 6e4);
  });
  it("adopts the workers it did not start: pids, ports, engine", async () => {
    const inv = await ok(front, "GET", "/mock/mk6");
    assert.equal(inv.engine, "external");
    assert.deepEqual(inv.mk6.map((m) => [m.mk6_id, m.network.port, m.process.pid]), MK6.map((m, i) => [m.id, ports[i], workers[i].pid]));
    assert.equal((await ok(front, "GET", "/readyz")).engine, "external");
  });
  it("kill refused closes the port, the process lives; restart cold reopens it without the planning", async () => {
    await ok(front, "POST", "/mock/time", { now: "2026-03-05T10:00:00Z" });
    const site = MK6[1].sites[0].sycode;
    await ok(front, "POST", "/api/v1/mk6/ROU1.2/requests", { set: "Psetpoint", site, psetpoint: 1e3, start_time: "2026-03-05T11:00:00Z", end_time: "2026-03-05T12:00:00Z" }, 201);
    await ok(front, "POST", "/mock/mk6/ROU1.2/kill");
    assert.ok(await refuses(ports[1]));
    assert.ok(alive(workers[1]), "the worker process lives on");
    const restarted = await ok(front, "POST", "/mock/mk6/ROU1.2/restart", { kind: "cold" });
    assert.deepEqual([restarted.status, restarted.pid], ["online", workers[1].pid]);
    assert.deepEqual((await ok(front, "GET", "/api/v1/mk6/ROU1.2/planning")).planning, []);
  });
  it("a stop of the supervisor leaves the workers to their engine", async () => {
    supervisor.kill("SIGTERM");
    await new Promise((r) => alive(supervisor) ? supervisor.once("exit", r) : r(null));
    assert.equal(supervisor.exitCode, 0);
    for (const w of workers) assert.ok(alive(w));
    assert.equal((await ok(`http://127.0.0.1:${ports[0]}`, "GET", "/healthz")).mk6_id, "ROU1.1");
  });
});
