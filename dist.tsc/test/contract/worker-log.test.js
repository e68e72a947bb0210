import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { eventually } from "../helpers/fleet.js";
import { request, WORKER_SCRIPT } from "../helpers/worker-process.js";
const TOKEN = "tok-W0rker-SECRET-99";
const SITES = [{ sycode: "SYC1", name: "Site1", role: "thissite", pmax_kw: 8340 }];
async function spawnWorker(level) {
  const dir = mkdtempSync(join(tmpdir(), "mk6-log-"));
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("MK6_") && k !== "LOG_LEVEL") env[k] = v;
  env.MK6_SITES_JSON = JSON.stringify(SITES);
  const child = spawn(process.execPath, [WORKER_SCRIPT, "--id", "mk6-A", "--port", "0", "--state-dir", dir, "--log-level", level], { env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (c) => out += c.toString());
  child.stderr.on("data", (c) => out += c.toString());
  const port = await eventually(async () => {
    const line = out.split("\n").find((l) => l.includes('"msg":"listening"'));
    return line ? JSON.parse(line).port : void 0;
  }, 15e3, "the worker listening");
  return {
    url: `http://127.0.0.1:${port}`,
    out: () => out,
    stop: async () => {
      const exited = new Promise((r) => child.once("exit", r));
      if (child.exitCode === null) process.kill(child.pid, "SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
const lines = (text) => text.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l));
test("one JSON line per request, with the request id; a bearer token never appears", async (t) => {
  const w = await spawnWorker("debug");
  t.after(() => w.stop());
  assert.equal((await request(w.url, "POST", "/mock/mk6/mk6-A/auth", { enabled: true, token: TOKEN })).status, 200);
  const auth = { authorization: `Bearer ${TOKEN}` };
  const mon = await request(w.url, "GET", "/api/v1/mk6/mk6-A/monitoring", void 0, { ...auth, "x-request-id": "gw-call-7" });
  assert.equal(mon.status, 200);
  assert.equal(mon.headers["x-request-id"], "gw-call-7");
  assert.equal((await request(w.url, "POST", "/api/v1/mk6/mk6-A/requests", { set: "stop", site: "SYC1" }, auth)).status, 201);
  assert.equal((await request(w.url, "GET", "/api/v1/mk6/mk6-A/planning", void 0, { authorization: "Bearer wrong" })).status, 401);
  const odd = await request(w.url, "GET", "/api/v1/mk6/mk6-A/planning", void 0, { ...auth, "x-request-id": "bad id with spaces" });
  assert.match(odd.headers["x-request-id"], /^[0-9a-f-]{36}$/, "an unsafe request id is replaced");
  await request(w.url, "GET", "/_worker/health");
  const logged = await eventually(async () => {
    const found = lines(w.out()).filter((l) => l.msg === "request");
    return found.length >= 6 ? found : void 0;
  }, 5e3, "six request lines");
  const gw = logged.find((l) => l.req_id === "gw-call-7");
  assert.ok(gw, "the caller's request id is logged");
  assert.deepEqual({ mk6_id: gw.mk6_id, method: gw.method, path: gw.path, status: gw.status, level: gw.level }, { mk6_id: "mk6-A", method: "GET", path: "/api/v1/mk6/mk6-A/monitoring", status: 200, level: 30 });
  assert.equal(typeof gw.duration_ms, "number");
  assert.ok(logged.some((l) => l.path === "/api/v1/mk6/mk6-A/planning" && l.status === 401));
  assert.ok(logged.some((l) => l.path === "/_worker/health" && l.level === 20), "internal calls at debug");
  for (const l of logged) assert.equal(typeof l.req_id, "string");
  assert.ok(!w.out().includes(TOKEN), "no token in the log");
  assert.ok(!w.out().toLowerCase().includes("authorization"), "no header in the log");
});
test("--log-level warn keeps request lines out", async (t) => {
  const w = await spawnWorker("warn");
  t.after(() => w.stop());
  for (let i = 0; i < 3; i++) assert.equal((await request(w.url, "GET", "/api/v1/mk6/mk6-A/monitoring")).status, 200);
  await request(w.url, "GET", "/api/v1/mk6/NOPE/monitoring");
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(lines(w.out()).filter((l) => l.msg === "request").length, 0);
});
