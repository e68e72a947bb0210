import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, chmodSync } from "node:fs";
import http from "node:http";
import { randomBytes } from "node:crypto";
import { tmpdir, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { createNetnsLab, netnsUnavailable } from "../test/helpers/netns.js";
import { freePorts, scaleFleet } from "../test/helpers/fleet.js";
import { cpuMs, fmt, median, stopProcess, untilQuiet } from "./tools.js";
import { pssMiB } from "./scale-bench.js";
const DIST = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SUPERVISOR = join(DIST, "supervisor/main.js");
const WORKER = join(DIST, "worker.cjs");
const CALLS_PER_WORKER = 20;
async function benchEngine(sizes, where) {
  if (where === "netns") {
    const why = netnsUnavailable();
    if (why) throw new Error(`--where netns: ${why} (try --where loopback)`);
  }
  const rows = [];
  for (const n of sizes) {
    const row = await oneSize(n, where).catch((err) => ({ n, where, error: err.message.slice(0, 300) }));
    console.error(JSON.stringify(row));
    rows.push(row);
  }
  return rows;
}
async function oneSize(n, where) {
  const dir = mkdtempSync(join(tmpdir(), "mk6-engine-bench-"));
  const children = [];
  let lab = null;
  try {
    const load = loadavg()[0];
    let hosts;
    let frontHost = "127.0.0.1";
    let frontPort;
    if (where === "netns") {
      lab = createNetnsLab(n);
      frontHost = lab.gateway;
      frontPort = await lab.freeGatewayPort();
      hosts = lab.hosts.map((h) => ({ host: h.address, port: 8080 }));
    } else {
      const ports = await freePorts(n + 1);
      frontPort = ports[n];
      hosts = ports.slice(0, n).map((port) => ({ host: "127.0.0.1", port }));
    }
    const front = `http://${frontHost}:${frontPort}`;
    const secretFile = join(dir, "internal.secret");
    writeFileSync(secretFile, randomBytes(32).toString("hex"));
    chmodSync(secretFile, 384);
    const fleetFile = join(dir, "fleet.yaml");
    const mk6 = scaleFleet(n).map((m, i) => ({ ...m, ...hosts[i] }));
    writeFileSync(fleetFile, stringify({ name: `engine${n}`, seed: 1, engine: "external", proxy: { host: frontHost, port: frontPort }, mk6 }));
    const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", LOG_LEVEL: "warn", MK6_INTERNAL_SECRET_FILE: secretFile };
    const t0 = performance.now();
    const sup = spawn(process.execPath, [SUPERVISOR, "--fleet", fleetFile, "--state-dir", join(dir, "supervisor")], { env: { ...env, MK6_EXTERNAL_WAIT_MS: "600000" }, stdio: "ignore" });
    children.push(sup);
    mk6.forEach((m, i) => {
      const args = ["--max-semi-space-size=2", WORKER, "--fleet", fleetFile, "--mk6", m.id];
      const wenv = { ...env, MK6_SUPERVISOR_URL: front, MK6_STATE_DIR: join(dir, `host-${i}`) };
      children.push(lab ? lab.spawnIn(i, args, wenv) : spawn(process.execPath, args, { env: wenv, stdio: "ignore" }));
    });
    for (const c of children.slice(1)) c.stdout?.resume(), c.stderr?.resume();
    await until200(`${front}/readyz`, 9e5);
    const readyMs = performance.now() - t0;
    const pids = children.slice(1).map((c) => c.pid);
    await untilQuiet([sup.pid, ...pids], 3e5, 3 + n / 10);
    const loadAtBroadcast = loadavg()[0];
    const times = [];
    let missed = 0;
    for (let i = 0; i < 21; i++) {
      const t = performance.now();
      const body = await post(`${front}/mock/time`, { now: `2026-03-01T10:${String(i).padStart(2, "0")}:00Z` });
      if (i > 0) missed += body.workers.failed.length;
      times.push(performance.now() - t);
    }
    const sorted = times.slice(1).sort((a, b) => a - b);
    await untilQuiet([sup.pid, ...pids], 6e4, 3 + n / 10);
    const before = await metricsJournal(front);
    const cpu0 = cpuMs(sup.pid);
    const t1 = performance.now();
    await gatewayCalls(mk6.map((m, i) => `http://${hosts[i].host}:${hosts[i].port}/api/v1/mk6/${m.id}/monitoring`), CALLS_PER_WORKER, 32);
    const sentMs = performance.now() - t1;
    const expected = n * CALLS_PER_WORKER;
    let arrived = 0;
    for (const deadline = Date.now() + 12e4; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      arrived = await metricsJournal(front) - before;
      if (arrived >= expected) break;
    }
    const intakeMs = performance.now() - t1;
    const frontCpuMs = cpuMs(sup.pid) - cpu0;
    await untilQuiet([sup.pid, ...pids], 6e4, 3 + n / 10);
    return {
      n,
      where,
      load_1min: { at_start: fmt(load, 1), at_broadcast: fmt(loadAtBroadcast, 1) },
      ready_s: fmt(readyMs / 1e3, 1),
      broadcast_ms: { p50: fmt(median(sorted), 1), p99: fmt(sorted[sorted.length - 1], 1), missed_of: `${missed}/${20 * n}` },
      journal: {
        calls: expected,
        arrived,
        calls_sent_s: fmt(sentMs / 1e3, 2),
        all_in_front_s: fmt(intakeMs / 1e3, 2),
        front_cpu_us_per_entry: fmt(frontCpuMs * 1e3 / Math.max(1, arrived), 0)
      },
      pss_mib: { supervisor: fmt(pssMiB(sup.pid), 1), worker_median: fmt(median(pids.map(pssMiB)), 1) }
    };
  } finally {
    await Promise.all(children.map(stopProcess));
    lab?.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
async function until200(url, timeoutMs) {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
    const res = await fetch(url, { signal: AbortSignal.timeout(5e3) }).catch(() => null);
    if (res?.status === 200) return;
    await res?.text();
  }
  throw new Error(`${url}: not ready in ${timeoutMs} ms`);
}
async function post(url, body) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return res.json();
}
async function metricsJournal(front) {
  const text = await (await fetch(`${front}/metrics`)).text();
  const m = /^mk6_journal_last_id\s+(\d+)/m.exec(text);
  if (!m) throw new Error("no mk6_journal_last_id in /metrics");
  return Number(m[1]);
}
async function gatewayCalls(urls, perUrl, concurrency) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const all = urls.flatMap((u) => Array.from({ length: perUrl }, () => u));
  let next = 0;
  const lane = async () => {
    while (next < all.length) {
      const url = all[next++];
      await new Promise((ok, fail) => {
        http.get(url, { agent }, (res) => {
          res.resume();
          res.on("end", () => res.statusCode === 200 ? ok() : fail(new Error(`${url}: ${res.statusCode}`)));
        }).on("error", fail);
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  agent.destroy();
}
export {
  benchEngine
};
