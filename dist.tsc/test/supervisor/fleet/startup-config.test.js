import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { call, SUPERVISOR } from "../../helpers/fleet.js";
import { assertError } from "../../helpers/fleet-util.js";
const dirs = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function workspace() {
  const dir = mkdtempSync(join(tmpdir(), "mk6-startup-"));
  dirs.push(dir);
  const file = (name, json = false) => {
    const doc = {
      name,
      proxy: { host: "127.0.0.1", port: 0 },
      workers: { host: "127.0.0.1", base_port: 0 },
      mk6: [{ id: "M1", sites: [{ sycode: "SYC1", name: "Site1", role: "thissite", pmax_kw: 1e4 }] }]
    };
    const path = join(dir, json ? `${name}.json` : name === "cwd" ? "fleet.yaml" : `${name}.yaml`);
    writeFileSync(path, json ? JSON.stringify(doc, null, 2) : stringify(doc));
    return path;
  };
  return { dir, file };
}
function childEnv(dir, extra) {
  const env = { ...process.env, PM2_HOME: join(dir, "pm2"), ...extra };
  for (const k of ["MK6_FLEET", "MOCK_MK6_CONFIG_PATH", "MOCK_MK6_MODE", "MK6_STATE_DIR"]) if (!(k in extra)) delete env[k];
  return env;
}
async function withSupervisor(dir, args, env, check) {
  const child = spawn(process.execPath, [SUPERVISOR, ...args], { cwd: dir, env: childEnv(dir, env), stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  const exited = new Promise((ok) => child.once("exit", () => ok()));
  try {
    const ready = await new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`not ready:
${log}`)), 3e4);
      child.stdout.on("data", (c) => {
        log += c;
        const line = log.split("\n").find((l) => l.startsWith('{"event":"ready"'));
        if (line) {
          clearTimeout(timer);
          ok(JSON.parse(line));
        }
      });
      child.stderr.on("data", (c) => log += c);
      child.once("exit", (code) => {
        clearTimeout(timer);
        fail(new Error(`supervisor exited with ${code}:
${log}`));
      });
    });
    const inv = await call(ready.proxy, "GET", "/mock/mk6");
    await check({ url: ready.proxy, worker: `http://127.0.0.1:${ready.mk6[0].port}`, fleetName: inv.body.fleet });
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
    const pidFile = join(dir, "pm2", "pm2.pid");
    assert.ok(!existsSync(pidFile), "the supervisor stopped the pm2 daemon it started");
  }
}
function failedStart(dir, args, env = {}) {
  const res = spawnSync(process.execPath, [SUPERVISOR, ...args], { cwd: dir, env: childEnv(dir, env), encoding: "utf8", timeout: 2e4 });
  assert.equal(res.status, 2, `exit code 2 expected, got ${res.status}: ${res.stderr}${res.stdout}`);
  return res.stderr;
}
describe("scenario 16 \u2013 configuration cascade", () => {
  it("1. no option: loads ./fleet.yaml of the working directory", async () => {
    const w = workspace();
    w.file("cwd");
    await withSupervisor(w.dir, [], {}, async (f) => assert.equal(f.fleetName, "cwd"));
  });
  it("2. MOCK_MK6_CONFIG_PATH (a JSON file) wins over ./fleet.yaml", async () => {
    const w = workspace();
    w.file("cwd");
    await withSupervisor(w.dir, [], { MOCK_MK6_CONFIG_PATH: w.file("custom_mk6", true) }, async (f) => {
      assert.equal(f.fleetName, "custom_mk6");
      assert.equal((await call(f.worker, "GET", "/api/v1/mk6/M1/monitoring")).status, 200);
    });
  });
  it("3. --config wins over MOCK_MK6_CONFIG_PATH", async () => {
    const w = workspace();
    w.file("cwd");
    await withSupervisor(
      w.dir,
      ["--config", w.file("custom_mk6", true)],
      { MOCK_MK6_CONFIG_PATH: join(w.dir, "wrong.json") },
      async (f) => assert.equal(f.fleetName, "custom_mk6")
    );
  });
  it("MK6_FLEET wins over MOCK_MK6_CONFIG_PATH and ./fleet.yaml; --fleet over both", () => {
    const w = workspace();
    w.file("cwd");
    const missing = (name) => join(w.dir, `${name}.yaml`);
    let err = failedStart(w.dir, [], { MK6_FLEET: missing("from-mk6-fleet"), MOCK_MK6_CONFIG_PATH: missing("from-mock-path") });
    assert.match(err, /from-mk6-fleet\.yaml/);
    assert.doesNotMatch(err, /from-mock-path/);
    err = failedStart(w.dir, ["--fleet", missing("from-cli")], { MK6_FLEET: missing("from-mk6-fleet") });
    assert.match(err, /from-cli\.yaml/);
    assert.doesNotMatch(err, /from-mk6-fleet/);
    err = failedStart(w.dir, ["--config", missing("from-config")], { MOCK_MK6_CONFIG_PATH: missing("from-mock-path") });
    assert.match(err, /from-config\.yaml.*ENOENT/);
  });
  it("a bad --mode or --port is refused at start", () => {
    const w = workspace();
    w.file("cwd");
    assert.match(failedStart(w.dir, ["--mode", "chaos"]), /mode/);
    assert.match(failedStart(w.dir, [], { MOCK_MK6_MODE: "chaos" }), /mode/);
    assert.match(failedStart(w.dir, ["--port", "abc"]), /port/);
  });
});
async function assertProduction(f) {
  assert.equal((await call(f.url, "GET", "/supervision/api/mode")).body.mode, "production");
  assert.equal((await call(f.worker, "GET", "/supervision/api/mode")).body.mode, "production");
  for (const base of [f.url, f.worker]) {
    for (const [method, path, body] of [
      ["POST", "/api/v1/mk6/M1/requests", { set: "stop", site: "SYC1" }],
      ["POST", "/mock/time", { now: "2026-03-01T13:00:00Z" }],
      ["POST", "/mock/reset", void 0],
      ["POST", "/mock/mk6/M1/offline", void 0]
    ]) {
      const res = await call(base, method, path, body);
      assertError(res, 403, "FORBIDDEN");
      assert.equal(res.body.message, "\xC9criture bloqu\xE9e en mode production");
    }
    assert.equal((await call(base, "GET", "/api/v1/mk6/M1/monitoring")).status, 200);
    const time = await call(base, "GET", "/supervision/api/time");
    assert.deepEqual([time.status, time.body.source], [200, "system"]);
  }
  assert.equal((await call(f.url, "POST", "/supervision/mode", { mode: "mock" })).status, 200);
  assert.equal((await call(f.worker, "POST", "/api/v1/mk6/M1/requests", { set: "stop", site: "SYC1" })).status, 201);
}
describe("scenario 16 \u2013 production mode at start", () => {
  it("4. --mode production", async () => {
    const w = workspace();
    await withSupervisor(w.dir, ["--fleet", w.file("prod-cli"), "--mode", "production"], {}, assertProduction);
  });
  it("5. MOCK_MK6_MODE=production", async () => {
    const w = workspace();
    w.file("cwd");
    await withSupervisor(w.dir, [], { MOCK_MK6_MODE: "production" }, assertProduction);
  });
});
