import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { request } from "./http.js";
const WORKER_SCRIPT = resolve(dirname(fileURLToPath(import.meta.url)), "../../worker.cjs");
const START_TIMEOUT_MS = 15e3;
class WorkerExitError extends Error {
  constructor(exitCode, signal, stderr) {
    super(`worker exited before listening (code ${exitCode}, signal ${signal}): ${stderr.trim()}`);
    this.exitCode = exitCode;
    this.signal = signal;
    this.stderr = stderr;
    this.name = "WorkerExitError";
  }
  exitCode;
  signal;
  stderr;
}
const live = /* @__PURE__ */ new Set();
process.on("exit", () => {
  for (const child of live) if (child.pid !== void 0 && child.exitCode === null) process.kill(child.pid, "SIGKILL");
});
function spawnWorker(opts, stateDir) {
  const args = [WORKER_SCRIPT, "--id", opts.id, "--port", "0", "--state-dir", stateDir];
  if (opts.aliases?.length) args.push("--aliases", opts.aliases.join(","));
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("MK6_")) env[k] = v;
  if (opts.sites) env.MK6_SITES_JSON = JSON.stringify(opts.sites);
  Object.assign(env, opts.env);
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  live.add(child);
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk) => stderr += chunk);
  const exited = new Promise((done) => child.once("exit", () => (live.delete(child), done())));
  return new Promise((resolveStart, rejectStart) => {
    const timer = setTimeout(() => {
      if (child.pid !== void 0 && child.exitCode === null) process.kill(child.pid, "SIGKILL");
      rejectStart(new Error(`worker ${opts.id} did not listen within ${START_TIMEOUT_MS} ms: ${stderr}`));
    }, START_TIMEOUT_MS);
    const lines = createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      let msg;
      try {
        msg = JSON.parse(line);
      } catch {
        return;
      }
      if (msg.msg === "listening" && typeof msg.port === "number") {
        clearTimeout(timer);
        resolveStart({ child, port: msg.port, exited, stderr: () => stderr });
      }
    });
    child.once("close", (code, sig) => {
      clearTimeout(timer);
      rejectStart(new WorkerExitError(code, sig, stderr));
    });
  });
}
async function startWorker(opts) {
  const ownsDir = opts.stateDir === void 0;
  const stateDir = opts.stateDir ?? mkdtempSync(join(tmpdir(), `mk6-test-${opts.id}-`));
  let running;
  try {
    running = await spawnWorker(opts, stateDir);
  } catch (err) {
    if (ownsDir) rmSync(stateDir, { recursive: true, force: true });
    throw err;
  }
  const signal = async (sig) => {
    const r = running;
    if (!r) return;
    running = null;
    if (r.child.exitCode === null && r.child.signalCode === null) process.kill(r.child.pid, sig);
    await r.exited;
  };
  const handle = {
    id: opts.id,
    stateDir,
    get port() {
      if (!running) throw new Error(`worker ${opts.id} is not running`);
      return running.port;
    },
    get url() {
      return `http://127.0.0.1:${handle.port}`;
    },
    get pid() {
      if (!running) throw new Error(`worker ${opts.id} is not running`);
      return running.child.pid;
    },
    get stderr() {
      return running?.stderr() ?? "";
    },
    http: (method, path, body, headers) => request(handle.url, method, path, body, headers),
    async stop() {
      await signal("SIGTERM");
      if (ownsDir) rmSync(stateDir, { recursive: true, force: true });
    },
    kill9: () => signal("SIGKILL"),
    async restart() {
      await signal("SIGTERM");
      running = await spawnWorker(opts, stateDir);
    }
  };
  return handle;
}
async function provision(worker, sites) {
  const res = await worker.http("POST", `/mock/mk6/${worker.id}/provision`, { sites });
  if (res.status !== 200) throw new Error(`provision ${worker.id} \u2192 ${res.status} ${res.text}`);
  return res;
}
async function setTime(worker, now) {
  const res = await worker.http("POST", "/mock/time", { now });
  if (res.status !== 200) throw new Error(`/mock/time ${now} \u2192 ${res.status} ${res.text}`);
  return res;
}
async function startFor(t, opts) {
  const worker = await startWorker(opts);
  t.after(() => worker.stop());
  return worker;
}
function api(worker, method, sub, body, headers, id = worker.id) {
  return worker.http(method, `/api/v1/mk6/${id}/${sub}`, body, headers);
}
function mock(worker, method, sub, body, id = worker.id) {
  return worker.http(method, `/mock/mk6/${id}/${sub}`, body);
}
function assertError(res, status, code, details) {
  assert.equal(res.status, status, `status: ${res.text}`);
  assert.equal(res.body?.error, code, `error: ${res.text}`);
  assert.equal(res.body.code, status);
  assert.equal(typeof res.body.message, "string");
  assert.ok(res.body.details && typeof res.body.details === "object", `details: ${res.text}`);
  for (const [k, v] of Object.entries(details ?? {})) assert.deepEqual(res.body.details[k], v, `details.${k}`);
}
export {
  WORKER_SCRIPT,
  WorkerExitError,
  api,
  assertError,
  mock,
  provision,
  request,
  setTime,
  startFor,
  startWorker
};
