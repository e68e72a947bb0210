import { spawn } from "node:child_process";
import net from "node:net";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { call, jsonOrText, send } from "./http.js";
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const SUPERVISOR = join(ROOT, "dist/supervisor/main.js");
function scaleFleet(n) {
  return Array.from({ length: n }, (_, i) => ({ id: `M${i + 1}`, sites: [{ sycode: `S${i + 1}`, name: `Site ${i + 1}`, role: "thissite", pmax_kw: 1e4 }] }));
}
const ROUVAI = [
  { id: "ROU1.1", aliases: ["MK6_ROU1.1"], sites: [
    { sycode: "8FV898VMwWX0", name: "ROU1 PDL1", role: "thissite", pmax_kw: 8340, prm_id: "50048589698480" },
    { sycode: "8FV898VPwW20", name: "ROU1 PDL2", role: "nearsite", pmax_kw: 8340, prm_id: "50035999249967" }
  ] },
  { id: "ROU1.2", aliases: ["MK6_ROU1.2"], sites: [
    { sycode: "8FV899VJw7Q0", name: "ROU1 PDL3", role: "thissite", pmax_kw: 8340, prm_id: "50028763359904" }
  ] },
  { id: "ROU1.3", aliases: ["MK6_ROU1.3"], sites: [
    { sycode: "8FV8C98VwC40", name: "ROU1 PDL6bis", role: "thissite", pmax_kw: 11120, prm_id: "50055536152901" }
  ] },
  { id: "ROU2", aliases: ["MK6_ROU2"], sites: [
    { sycode: "8FV8CCX2w7X0", name: "ROU2 PDL10", role: "thissite", pmax_kw: 11120, prm_id: "50048300262939" },
    { sycode: "8FV8C9MWwHJ0", name: "ROU2 PDL8", role: "nearsite", pmax_kw: 11120, prm_id: "50015159886785" },
    { sycode: "8FV8C9MWwHH0", name: "ROU2 PDL5", role: "nearsite", pmax_kw: 11120, prm_id: "50049023851893" },
    { sycode: "8FV8CCX2w7W0", name: "ROU2 PDL9", role: "nearsite", pmax_kw: 11120, prm_id: "50048155545173" }
  ] },
  { id: "VAI", aliases: ["MK6_VAI"], sites: [
    { sycode: "8FV897G6wGQ0", name: "VAI PDL4", role: "thissite", pmax_kw: 8340, prm_id: "50048444980651" },
    { sycode: "8FV897G6wGQ1", name: "VAI PDL3", role: "nearsite", pmax_kw: 11120, prm_id: "50014581015503" },
    { sycode: "8FV89688wQW0", name: "VAI PDL2", role: "nearsite", pmax_kw: 11120, prm_id: "50048155545061" },
    { sycode: "8FV89688wQV0", name: "VAI PDL1", role: "nearsite", pmax_kw: 8340, prm_id: "50055391435158" }
  ] }
];
async function startFleet(def = { mk6: ROUVAI }, options = {}) {
  const base = mkdtempSync(join(tmpdir(), "mk6-fleet-"));
  const home = join(base, "pm2");
  const stateDir = join(base, "state");
  const fleetFile = join(base, "fleet.yaml");
  const doc = { name: def.name ?? "test", seed: def.seed ?? 42, proxy: { host: "127.0.0.1", port: 0 }, workers: { host: "127.0.0.1", base_port: 0 }, ...def };
  writeFileSync(fleetFile, stringify(doc));
  const env = { ...process.env, PM2_HOME: home, ...options.env };
  let child;
  let log = "";
  let url = "";
  let pid = 0;
  let ports = {};
  const launch = async (extra) => {
    const workerPorts = new Set(def.mk6.map((m) => m.port).filter((p) => typeof p === "number"));
    let port = portArg([...extra, ...options.args ?? []]) ?? await freePort();
    while (workerPorts.has(port)) port = await freePort();
    const portFlag = portArg(options.args ?? []) === null && portArg(extra) === null ? ["--port", String(port)] : [];
    child = spawn(process.execPath, [SUPERVISOR, "--fleet", fleetFile, "--state-dir", stateDir, ...portFlag, ...extra, ...options.args ?? []], {
      env,
      stdio: ["ignore", "pipe", "pipe"]
    });
    pid = child.pid ?? 0;
    url = `http://127.0.0.1:${port}`;
    child.stdout.on("data", (c) => log += c.toString());
    child.stderr.on("data", (c) => log += c.toString());
    const waitFor = options.waitFor ?? "ready";
    const probe = waitFor === "front" ? "/healthz" : "/readyz";
    const done = waitFor === "started" ? (status, body) => status === 200 || body?.phase === "running" : void 0;
    const gone = new Promise((_, fail) => child.once("exit", (code) => fail(new Error(`supervisor exited with ${code}:
${log}`))));
    gone.catch(() => {
    });
    await Promise.race([gone, untilAnswers(url + probe, options.timeoutMs ?? 6e4, () => log, done)]);
    const inventory = (await call(url, "GET", "/supervision/api/inventory")).body;
    ports = Object.fromEntries(inventory.mk6.map((m) => [m.mk6_id, m.network.port]));
  };
  const exited = () => new Promise((ok) => child.exitCode !== null || child.signalCode !== null ? ok() : child.once("exit", () => ok()));
  try {
    await launch([]);
  } catch (err) {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      let timer;
      await Promise.race([exited(), new Promise((r) => timer = setTimeout(r, 3e4))]);
      clearTimeout(timer);
    }
    killDaemon(home);
    rmSync(base, { recursive: true, force: true });
    throw err;
  }
  const fleet = {
    get url() {
      return url;
    },
    get pid() {
      return pid;
    },
    home,
    stateDir,
    fleetFile,
    get ports() {
      return ports;
    },
    output: () => log,
    worker: (id) => `http://127.0.0.1:${ports[id]}`,
    respawn: async () => {
      log = "";
      await launch(["--port", new URL(url).port]);
    },
    terminate: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await exited();
      }
      return child.exitCode;
    },
    killSupervisor: async () => {
      child.kill("SIGKILL");
      await exited();
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        let timer;
        await Promise.race([exited(), new Promise((r) => timer = setTimeout(r, options.stopTimeoutMs ?? 15e3))]);
        clearTimeout(timer);
      }
      killDaemon(home);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGKILL");
        await exited();
      }
      rmSync(base, { recursive: true, force: true });
    }
  };
  return fleet;
}
function portArg(args) {
  const i = args.indexOf("--port");
  return i >= 0 && args[i + 1] !== void 0 && Number(args[i + 1]) > 0 ? Number(args[i + 1]) : null;
}
function freePort() {
  return new Promise((ok, fail) => {
    const server = net.createServer();
    server.once("error", fail);
    server.listen({ host: "127.0.0.1", port: 0, exclusive: true }, () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}
const NOBODY_URL = "http://127.0.0.1:1";
async function freePorts(n) {
  const ports = /* @__PURE__ */ new Set();
  while (ports.size < n) ports.add(await freePort());
  return [...ports];
}
async function untilAnswers(url, timeoutMs, log = () => "", done = (status) => status === 200) {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    try {
      const res = await send(url, "GET", "", { timeoutMs: 2e3 });
      if (done(res.status, jsonOrText(res.text))) return;
      last = `${res.status} ${res.text.slice(0, 500)}`;
    } catch (err) {
      last = err.cause?.code ?? err.message;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} not 200 in ${timeoutMs} ms (${last}):
${log()}`);
}
function killDaemon(home) {
  const pidFile = join(home, "pm2.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8"));
  try {
    if (pid > 0) process.kill(pid, "SIGKILL");
  } catch {
  }
}
async function eventually(check, timeoutMs = 5e3, what = "condition") {
  const deadline = Date.now() + timeoutMs;
  let delay = 20;
  for (; ; ) {
    const value = await check().catch(() => void 0);
    if (value !== void 0) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(50, delay * 2);
  }
}
function lostSetpoints(planned, held, now) {
  return planned.filter((req) => Date.parse(String(req.end_time)) > Date.parse(now) && !held.some((r) => r.psetpoint === req.psetpoint && r.end_time === req.end_time));
}
export {
  NOBODY_URL,
  ROUVAI,
  SUPERVISOR,
  call,
  eventually,
  freePort,
  freePorts,
  lostSetpoints,
  scaleFleet,
  startFleet,
  untilAnswers
};
