import { after, before, describe, it, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { stringify } from "yaml";
import { call, eventually, ROUVAI, SUPERVISOR, untilAnswers } from "../helpers/fleet.js";
import { WORKER_SCRIPT } from "../helpers/worker-process.js";
import { assertError, iso, ok } from "../helpers/fleet-util.js";
import net from "node:net";
import { SeedClient } from "../helpers/seed-client.js";
import * as seed from "../helpers/seed-scenarios.js";
import { createNetnsLab, netnsUnavailable } from "../helpers/netns.js";
import { checkAgainstContract } from "../helpers/contract.js";
const PORT = 8080;
const unavailable = netnsUnavailable();
if (unavailable) {
  test("engine external across network namespaces", (t) => t.skip(`skipped: ${unavailable}`));
} else {
  let lab;
  let dir;
  let front = "";
  let supervisor = null;
  let supervisorLog = "";
  const workers = /* @__PURE__ */ new Map();
  const logs = /* @__PURE__ */ new Map();
  let fleetFile = "";
  let workerEnv = {};
  const address = (id) => lab.hosts[ROUVAI.findIndex((m) => m.id === id)].address;
  const workerUrl = (id) => `http://${address(id)}:${PORT}`;
  const fleet = {
    get url() {
      return front;
    },
    ports: Object.fromEntries(ROUVAI.map((m) => [m.id, PORT])),
    worker: workerUrl,
    host: address
  };
  const startWorker = (id) => {
    const i = ROUVAI.findIndex((m) => m.id === id);
    const child = lab.spawnIn(i, [WORKER_SCRIPT, "--fleet", fleetFile, "--mk6", id], { ...workerEnv, MK6_STATE_DIR: join(dir, `host-${i}`) });
    logs.set(id, "");
    child.stdout.on("data", (c) => logs.set(id, logs.get(id) + c.toString()));
    child.stderr.on("data", (c) => logs.set(id, logs.get(id) + c.toString()));
    workers.set(id, child);
    return child;
  };
  const exited = (child) => new Promise((r) => child.exitCode !== null || child.signalCode !== null ? r() : child.once("exit", () => r()));
  const allLogs = () => `supervisor:
${supervisorLog}
${[...logs].map(([id, l]) => `${id}:
${l}`).join("\n")}`;
  const assertPortRefuses = (id) => new Promise((ok_, fail) => {
    const socket = net.connect({ host: address(id), port: PORT });
    socket.once("connect", () => {
      socket.destroy();
      fail(new Error(`${id}: its port still accepts connections`));
    });
    socket.once("error", (err) => err.code === "ECONNREFUSED" ? ok_() : fail(err));
  });
  const ready = (timeoutMs = 3e4) => untilAnswers(`${front}/readyz`, timeoutMs, allLogs);
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "mk6-netns-"));
    lab = createNetnsLab(ROUVAI.length);
    const frontPort = await lab.freeGatewayPort();
    front = `http://${lab.gateway}:${frontPort}`;
    const secretFile = join(dir, "internal.secret");
    writeFileSync(secretFile, randomBytes(32).toString("hex") + "\n");
    chmodSync(secretFile, 384);
    fleetFile = join(dir, "fleet.yaml");
    const mk6 = ROUVAI.map((m, i) => ({ ...m, host: lab.hosts[i].address, port: PORT }));
    writeFileSync(fleetFile, stringify({ name: "netns", seed: 42, engine: "external", proxy: { host: lab.gateway, port: frontPort }, mk6 }));
    const base = { PATH: process.env.PATH ?? "/usr/bin:/bin", LOG_LEVEL: "warn", MK6_INTERNAL_SECRET_FILE: secretFile };
    workerEnv = { ...base, MK6_SUPERVISOR_URL: front };
    supervisor = spawn(process.execPath, [SUPERVISOR, "--fleet", fleetFile, "--state-dir", join(dir, "supervisor")], {
      env: { ...base, MK6_EXTERNAL_WAIT_MS: "30000" },
      stdio: ["ignore", "pipe", "pipe"]
    });
    supervisor.stdout.on("data", (c) => supervisorLog += c.toString());
    supervisor.stderr.on("data", (c) => supervisorLog += c.toString());
    for (const m of ROUVAI) startWorker(m.id);
    await ready(6e4);
  });
  after(async () => {
    for (const child of [...workers.values(), ...supervisor ? [supervisor] : []]) {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    }
    const all = [...workers.values(), ...supervisor ? [supervisor] : []];
    let timer;
    await Promise.race([Promise.all(all.map(exited)), new Promise((r) => timer = setTimeout(r, 5e3))]);
    clearTimeout(timer);
    for (const child of all) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    lab?.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  describe("engine external: five MK6 on five hosts", () => {
    it("the supervisor adopted every worker at its own address; /readyz and the inventory say the engine", async () => {
      const readiness = await ok(front, "GET", "/readyz");
      checkAgainstContract("GET", "/readyz", 200, readiness);
      assert.equal(readiness.engine, "external");
      assert.deepEqual(Object.values(readiness.mk6), ROUVAI.map(() => "ready"));
      const inv = await ok(front, "GET", "/mock/mk6");
      checkAgainstContract("GET", "/mock/mk6", 200, inv);
      assert.equal(inv.engine, "external");
      for (const m of inv.mk6) {
        assert.deepEqual(m.network, { host: address(m.mk6_id), port: PORT, url: workerUrl(m.mk6_id) });
        assert.equal(m.process.pid, workers.get(m.mk6_id).pid, `${m.mk6_id}: the pid of the process the test started`);
        assert.equal(m.online, true);
      }
    });
    describe("seed scenarios through the front", () => {
      for (const [n, run] of [[0, seed.scenario0], [1, seed.scenario1], [2, seed.scenario2], [3, seed.scenario3], [5, seed.scenario5], [6, seed.scenario6], [7, seed.scenario7], [8, seed.scenario8], [9, seed.scenario9], [10, seed.scenario10], [17, seed.scenario17]]) {
        it(`scenario ${n}`, () => run(new SeedClient(fleet, false)));
      }
      it("a new MK6 cannot be provisioned: nothing is spawned", async () => {
        assertError(await call(front, "POST", "/mock/mk6/mk6-A/provision", { sites: [{ sycode: "S", name: "S", role: "thissite", pmax_kw: 10 }] }), 404, "MK6_NOT_FOUND");
      });
    });
    describe("seed scenarios on each MK6's own address", () => {
      it("scenario 0 on every host", async () => {
        await ok(front, "POST", "/mock/reset");
        for (const m of ROUVAI) await seed.scenario0(new SeedClient(fleet, true, workerUrl(m.id)));
      });
      for (const [n, run] of [[2, seed.scenario2], [3, seed.scenario3], [5, seed.scenario5], [7, seed.scenario7], [9, seed.scenario9], [17, seed.scenario17]]) {
        it(`scenario ${n}`, () => run(new SeedClient(fleet, true)));
      }
      it("the calls made on the hosts reached the fleet journal (intake across namespaces)", async () => {
        await ok(front, "POST", "/mock/reset");
        await ok(workerUrl("VAI"), "GET", "/api/v1/mk6/VAI/monitoring");
        const journal = await ok(front, "GET", "/api/v1/debug/requests");
        assert.ok(journal.some((e) => e.mk6_id === "VAI" && e.path === "/api/v1/mk6/VAI/monitoring" && e.source === "GW"), JSON.stringify(journal.slice(-3)));
      });
    });
    it("a clock broadcast reaches every host", async () => {
      const answer = await ok(front, "POST", "/mock/time", { now: iso("02", "09:00"), speed: 0 });
      assert.deepEqual([...answer.workers.ok].sort(), ROUVAI.map((m) => m.id).sort());
      for (const m of ROUVAI) assert.equal((await ok(workerUrl(m.id), "GET", "/supervision/api/time")).now, iso("02", "09:00"));
    });
    it("kill refused closes the port; restart warm reopens it with the planning; cold drops the planning", async () => {
      await ok(front, "POST", "/mock/reset");
      await ok(front, "POST", "/mock/time", { now: iso("02", "10:00") });
      const site = ROUVAI.find((m) => m.id === "ROU2").sites[0].sycode;
      await ok(front, "POST", "/api/v1/mk6/ROU2/requests", { set: "Psetpoint", site, psetpoint: 5e3, start_time: iso("02", "11:00"), end_time: iso("02", "12:00") }, 201);
      const pid = workers.get("ROU2").pid;
      assert.equal((await ok(front, "POST", "/mock/mk6/ROU2/kill", { kind: "refused" })).status, "stopped");
      await assertPortRefuses("ROU2");
      assertError(await call(front, "GET", "/api/v1/mk6/ROU2/monitoring"), 502, "MK6_UNREACHABLE");
      const down = await call(front, "GET", "/readyz");
      assert.equal(down.status, 200, "a kill is not waited for");
      assert.equal(down.body.mk6.ROU2, "stopped (kill)");
      const warm = await ok(front, "POST", "/mock/mk6/ROU2/restart", { kind: "warm" });
      checkAgainstContract("POST", "/mock/mk6/ROU2/restart", 200, warm);
      assert.equal(warm.status, "online");
      assert.equal(warm.pid, pid, "the same process: its listener reopened");
      assert.equal((await ok(workerUrl("ROU2"), "GET", "/api/v1/mk6/ROU2/planning")).planning.length, 1, "warm: the planning kept");
      await ok(front, "POST", "/mock/mk6/ROU2/kill", { kind: "refused" });
      await assertPortRefuses("ROU2");
      await ok(front, "POST", "/mock/mk6/ROU2/restart", { kind: "cold" });
      assert.deepEqual((await ok(workerUrl("ROU2"), "GET", "/api/v1/mk6/ROU2/planning")).planning, [], "cold: the planning lost");
      assert.equal((await ok(front, "GET", "/readyz")).mk6.ROU2, "ready");
      await ok(front, "POST", "/mock/mk6/ROU2/kill", { kind: "blackhole" });
      assert.equal((await ok(front, "POST", "/mock/mk6/ROU2/restart")).status, "online");
      assert.equal((await ok(front, "GET", "/api/v1/mk6/ROU2/monitoring")).mk6_id ?? "ROU2", "ROU2");
      await new Promise((r) => setTimeout(r, 2500));
      const events = await ok(front, "GET", "/mock/events");
      assert.deepEqual((events.events ?? events).filter((e) => e.kind === "worker_respawned" && e.mk6_id === "ROU2"), []);
    });
    it("a worker SIGKILLed and started again by its engine gets the fleet clock back", async () => {
      const old = workers.get("VAI");
      old.kill("SIGKILL");
      await exited(old);
      await eventually(async () => (await call(front, "GET", "/readyz")).status === 503 ? true : void 0, 1e4, "/readyz to see VAI down");
      const moved = await ok(front, "POST", "/mock/time", { now: iso("03", "08:00"), speed: 0 });
      assert.ok(!moved.workers.ok.includes("VAI"));
      const fresh = startWorker("VAI");
      await ready();
      assert.equal((await ok(workerUrl("VAI"), "GET", "/supervision/api/time")).now, iso("03", "08:00"), "the restarted worker is on the fleet clock");
      const inv = await ok(front, "GET", "/mock/mk6");
      assert.equal(inv.mk6.find((m) => m.mk6_id === "VAI").process.pid, fresh.pid);
      const events = await ok(front, "GET", "/mock/events");
      const respawn = (events.events ?? events).find?.((e) => e.kind === "worker_respawned" && e.mk6_id === "VAI");
      assert.ok(respawn, "the supervisor noticed the new process");
    });
    it("a verdict on the session", async () => {
      const verdict = await ok(front, "POST", "/mock/verdicts", { name: "netns", checks: [{ id: "errors", kind: "no_errors" }, { id: "auth", kind: "authenticated" }] });
      checkAgainstContract("POST", "/mock/verdicts", 200, verdict);
      assert.deepEqual(verdict.checks.map((c) => c.id), ["errors", "auth"]);
      for (const c of verdict.checks) assert.ok(["pass", "fail", "not_applicable"].includes(c.status));
    });
  });
}
