import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fmt, freePort, median, pinnedNode as pinnedBare, rssMiB, sendExactly, stopProcess, untilQuiet, waitFor200, wrk, wrkWithCpu } from "./tools.js";
import { WORKER_NODE_ARGS } from "../supervisor/fleet/launcher.js";
const pinnedNode = (script, args, env, cpu) => pinnedBare(script, args, { NODE_OPTIONS: WORKER_NODE_ARGS.join(" "), ...env }, cpu);
const DIST = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const WORKER = join(DIST, "worker.cjs");
const BARE = join(DIST, "bench/bare-koa.js");
const SITES = [
  { sycode: "SYC1", name: "Site1", role: "thissite", pmax_kw: 11120, prm_id: "50048300262939" },
  { sycode: "SYC2", name: "Site2", role: "nearsite", pmax_kw: 8340 }
];
const POST_BODY = { set: "Psetpoint", site: "SYC1", psetpoint: 5e3, start_time: "2026-03-01T12:00:00Z", end_time: "2026-03-01T18:00:00Z" };
async function benchWorker(seconds) {
  const dir = mkdtempSync(join(tmpdir(), "mk6-bench-"));
  const lua = join(dir, "post.lua");
  writeFileSync(lua, `wrk.method = "POST"
wrk.body = '${JSON.stringify(POST_BODY)}'
wrk.headers["Content-Type"] = "application/json"
`);
  const workerEnv = (stateDir, port) => ({ MK6_SITES_JSON: JSON.stringify(SITES), MK6_STATE_DIR: stateDir, MK6_ID: "BENCH", MK6_PORT: String(port) });
  const getPath = "/api/v1/mk6/BENCH/monitoring/sites/SYC1";
  const postPath = "/api/v1/mk6/BENCH/requests";
  const cold = { worker: [], bare: [] };
  const samples = await sampleBodies(dir, workerEnv);
  for (let i = 0; i < 5; i++) {
    const wp2 = await freePort();
    const w2 = pinnedNode(WORKER, [], workerEnv(join(dir, `cold-${i}`), wp2));
    cold.worker.push(await waitFor200(`http://127.0.0.1:${wp2}${getPath}`));
    await stopProcess(w2);
    const bp2 = await freePort();
    const b2 = pinnedNode(BARE, [], { PORT: String(bp2), ...samples });
    cold.bare.push(await waitFor200(`http://127.0.0.1:${bp2}${getPath}`));
    await stopProcess(b2);
  }
  const wp = await freePort();
  const kp = await freePort();
  const bp = await freePort();
  const worker = pinnedNode(WORKER, [], workerEnv(join(dir, "state"), wp));
  const koaPath = pinnedNode(WORKER, [], { ...workerEnv(join(dir, "state-koa"), kp), MK6_FAST_LANE: "off" });
  const bare = pinnedNode(BARE, [], { PORT: String(bp), ...samples });
  const w = `http://127.0.0.1:${wp}`;
  const k = `http://127.0.0.1:${kp}`;
  const b = `http://127.0.0.1:${bp}`;
  try {
    await waitFor200(w + getPath);
    await waitFor200(k + getPath);
    await waitFor200(b + getPath);
    for (const url of [w, k]) await fetch(`${url}/mock/time`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"now":"2026-03-01T10:00:00Z"}' });
    const rows = [];
    for (const [name, path, luaFile] of [["GET site", getPath, void 0], ["POST request", postPath, lua]]) {
      for (const c of [1, 32]) {
        wrk(w + path, c, 1, luaFile);
        wrk(k + path, c, 1, luaFile);
        wrk(b + path, c, 1, luaFile);
        const all = [worker.pid, koaPath.pid, bare.pid];
        await untilQuiet(all);
        const mine = wrkWithCpu(worker.pid, w + path, c, seconds, luaFile);
        await untilQuiet(all);
        const viaKoa = wrkWithCpu(koaPath.pid, k + path, c, seconds, luaFile);
        await untilQuiet(all);
        const base = wrkWithCpu(bare.pid, b + path, c, seconds, luaFile);
        rows.push({
          case: `${name} c=${c}`,
          worker_rps: Math.round(mine.rps),
          bare_rps: Math.round(base.rps),
          ratio: fmt(mine.rps / base.rps),
          worker_p99_ms: fmt(mine.p99ms),
          bare_p99_ms: fmt(base.p99ms),
          // CPU per request: bare / worker is the throughput ratio a server-bound run would give
          worker_cpu_us: fmt(mine.cpuUsPerRequest, 1),
          bare_cpu_us: fmt(base.cpuUsPerRequest, 1),
          cpu_ratio: fmt(base.cpuUsPerRequest / mine.cpuUsPerRequest),
          koa_path_rps: Math.round(viaKoa.rps),
          koa_path_ratio: fmt(viaKoa.rps / base.rps),
          koa_path_cpu_us: fmt(viaKoa.cpuUsPerRequest, 1)
        });
      }
    }
    const rss = await rssAfter10k(dir, workerEnv, samples, getPath, postPath);
    return {
      load: rows,
      cold_start_ms: { worker: fmt(median(cold.worker), 0), bare: fmt(median(cold.bare), 0), ratio: fmt(median(cold.worker) / median(cold.bare)) },
      rss_after_10k_requests: rss
    };
  } finally {
    await stopProcess(worker);
    await stopProcess(koaPath);
    await stopProcess(bare);
    rmSync(dir, { recursive: true, force: true });
  }
}
async function sampleBodies(dir, workerEnv) {
  const port = await freePort();
  const w = pinnedNode(WORKER, [], workerEnv(join(dir, "sample"), port));
  const base = `http://127.0.0.1:${port}/api/v1/mk6/BENCH`;
  try {
    await waitFor200(`${base}/monitoring`);
    const get = await (await fetch(`${base}/monitoring/sites/SYC1`)).text();
    const post = await (await fetch(`${base}/requests`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(POST_BODY) })).text();
    writeFileSync(join(dir, "get.json"), get);
    writeFileSync(join(dir, "post.json"), post);
    return { BARE_GET_BODY: join(dir, "get.json"), BARE_POST_BODY: join(dir, "post.json") };
  } finally {
    await stopProcess(w);
  }
}
async function rssAfter10k(dir, workerEnv, samples, getPath, postPath) {
  const wp = await freePort();
  const bp = await freePort();
  const worker = pinnedNode(WORKER, [], workerEnv(join(dir, "rss"), wp));
  const bare = pinnedNode(BARE, [], { PORT: String(bp), ...samples });
  try {
    await waitFor200(`http://127.0.0.1:${wp}${getPath}`);
    await waitFor200(`http://127.0.0.1:${bp}${getPath}`);
    const post = { path: postPath, body: JSON.stringify(POST_BODY) };
    await sendExactly(`http://127.0.0.1:${wp}`, getPath, post, 1e4);
    await sendExactly(`http://127.0.0.1:${bp}`, getPath, post, 1e4);
    const w = rssMiB(worker.pid);
    const b = rssMiB(bare.pid);
    return { worker_mib: fmt(w, 1), bare_mib: fmt(b, 1), ratio: fmt(w / b) };
  } finally {
    await stopProcess(worker);
    await stopProcess(bare);
  }
}
export {
  benchWorker
};
