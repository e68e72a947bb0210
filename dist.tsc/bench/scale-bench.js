import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { freePorts, scaleFleet, startFleet } from "../test/helpers/fleet.js";
import { WORKER_NODE_ARGS } from "../supervisor/fleet/launcher.js";
import { fmt, median, pinnedNode, rssMiB, stopProcess, untilQuiet, wrk } from "./tools.js";
const DIST = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const BARE = join(DIST, "bench/bare-koa.js");
async function benchScale(sizes, seconds) {
  const rows = [];
  for (const n of sizes) {
    const fleet = await fleetFigures(n, seconds);
    const bare = await bareFigures(n, seconds);
    rows.push({
      n,
      ready_s: { fleet: fmt(fleet.readyMs / 1e3, 1), bare_koa: fmt(bare.readyMs / 1e3, 1) },
      rss_mib_per_process: { fleet: fmt(fleet.rss, 1), bare_koa: fmt(bare.rss, 1), ratio: fmt(fleet.rss / bare.rss) },
      pss_mib_per_process: { fleet: fmt(fleet.pss, 1), bare_koa: fmt(bare.pss, 1), ratio: fmt(fleet.pss / bare.pss) },
      pss_mib_total: { fleet: Math.round(fleet.pss * n), bare_koa: Math.round(bare.pss * n) },
      broadcast_ms: fleet.broadcast,
      get_one_mk6: { proxy_rps: Math.round(fleet.rps), bare_rps: Math.round(bare.rps), proxy_p99_ms: fmt(fleet.p99), bare_p99_ms: fmt(bare.p99) }
    });
  }
  return rows;
}
async function fleetFigures(n, seconds) {
  const t0 = performance.now();
  const fleet = await startFleet({ name: `scale${n}`, mk6: scaleFleet(n) }, { timeoutMs: 6e5 });
  const readyMs = performance.now() - t0;
  try {
    const inv = await (await fetch(`${fleet.url}/mock/mk6`)).json();
    const pids = inv.mk6.map((m) => m.process.pid);
    const rss = median(pids.map(rssMiB));
    const pss = median(pids.map(pssMiB));
    const times = [];
    for (let i = 0; i < 21; i++) {
      const t = performance.now();
      const res = await fetch(`${fleet.url}/mock/time`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ now: `2026-03-01T10:${String(i).padStart(2, "0")}:00Z` }) });
      const body = await res.json();
      if (body.workers.failed.length) throw new Error(`broadcast to ${n}: ${JSON.stringify(body.workers.failed).slice(0, 300)}`);
      times.push(performance.now() - t);
    }
    const sorted = times.slice(1).sort((a, b) => a - b);
    const broadcast = { p50: fmt(median(sorted), 1), p99: fmt(sorted[sorted.length - 1], 1) };
    await untilQuiet([fleet.pid, ...pids], 3e4, 3 + pids.length / 10);
    const path = `${fleet.url}/api/v1/mk6/M1/monitoring/sites/S1`;
    wrk(path, 8, 1);
    const load = wrk(path, 8, seconds);
    return { readyMs, rss, pss, broadcast, rps: load.rps, p99: load.p99ms };
  } finally {
    await fleet.stop();
  }
}
async function bareFigures(n, seconds) {
  const dir = mkdtempSync(join(tmpdir(), "mk6-bare-"));
  writeFileSync(join(dir, "get.json"), JSON.stringify({ sycode: "S1", pavailable: 1234.5 }));
  writeFileSync(join(dir, "post.json"), JSON.stringify({ id: "REQ-001" }));
  const children = [];
  const ports = [];
  try {
    ports.push(...await freePorts(n));
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const port = ports[i];
      children.push(pinnedNode(BARE, [], { PORT: String(port), BARE_GET_BODY: join(dir, "get.json"), BARE_POST_BODY: join(dir, "post.json"), NODE_OPTIONS: WORKER_NODE_ARGS.join(" ") }, "0-1"));
    }
    await Promise.all(ports.map((p) => answering(`http://127.0.0.1:${p}/api/v1/mk6/M1/monitoring/sites/S1`)));
    const readyMs = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 1e3));
    const pids = children.map((c) => c.pid);
    const rss = median(pids.map(rssMiB));
    const pss = median(pids.map(pssMiB));
    const path = `http://127.0.0.1:${ports[0]}/api/v1/mk6/M1/monitoring/sites/S1`;
    wrk(path, 8, 1);
    const load = wrk(path, 8, seconds);
    return { readyMs, rss, pss, rps: load.rps, p99: load.p99ms };
  } finally {
    await Promise.all(children.map(stopProcess));
    rmSync(dir, { recursive: true, force: true });
  }
}
async function answering(url) {
  for (; ; ) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
function pssMiB(pid) {
  try {
    return Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))?.[1] ?? NaN) / 1024;
  } catch {
    return NaN;
  }
}
export {
  benchScale,
  pssMiB
};
