/**
 * One worker against a bare Koa app, side by side in one run: GET site view and POST
 * request at 1 and 32 connections (requests/s, p99, ratio, CPU per request), cold start to
 * first 200, RSS after the load. The same worker with its fast lane off runs beside them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, freePort, median, pinnedNode as pinnedBare, rssMiB, sendExactly, stopProcess, untilQuiet, waitFor200, wrk, wrkWithCpu } from './tools.js';
import { WORKER_NODE_ARGS } from '../supervisor/fleet/launcher.js';

/** Worker and bare Koa started the same way: the node flags the fleet gives its workers, for both. */
const pinnedNode: typeof pinnedBare = (script, args, env, cpu) => pinnedBare(script, args, { NODE_OPTIONS: WORKER_NODE_ARGS.join(' '), ...env }, cpu);

const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WORKER = join(DIST, 'worker.cjs'); // what pm2 runs in a fleet
const BARE = join(DIST, 'bench/bare-koa.js');
const SITES = [
  { sycode: 'SYC1', name: 'Site1', role: 'thissite', pmax_kw: 11120, prm_id: '50048300262939' },
  { sycode: 'SYC2', name: 'Site2', role: 'nearsite', pmax_kw: 8340 },
];
const POST_BODY = { set: 'Psetpoint', site: 'SYC1', psetpoint: 5000, start_time: '2026-03-01T12:00:00Z', end_time: '2026-03-01T18:00:00Z' };

export async function benchWorker(seconds: number): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'mk6-bench-'));
  const lua = join(dir, 'post.lua');
  writeFileSync(lua, `wrk.method = "POST"\nwrk.body = '${JSON.stringify(POST_BODY)}'\nwrk.headers["Content-Type"] = "application/json"\n`);
  const workerEnv = (stateDir: string, port: number) => ({ MK6_SITES_JSON: JSON.stringify(SITES), MK6_STATE_DIR: stateDir, MK6_ID: 'BENCH', MK6_PORT: String(port) });
  const getPath = '/api/v1/mk6/BENCH/monitoring/sites/SYC1';
  const postPath = '/api/v1/mk6/BENCH/requests';

  // Cold start to first 200, five times each, fresh state each time.
  const cold = { worker: [] as number[], bare: [] as number[] };
  const samples = await sampleBodies(dir, workerEnv);
  for (let i = 0; i < 5; i++) {
    const wp = await freePort();
    const w = pinnedNode(WORKER, [], workerEnv(join(dir, `cold-${i}`), wp));
    cold.worker.push(await waitFor200(`http://127.0.0.1:${wp}${getPath}`));
    await stopProcess(w);
    const bp = await freePort();
    const b = pinnedNode(BARE, [], { PORT: String(bp), ...samples });
    cold.bare.push(await waitFor200(`http://127.0.0.1:${bp}${getPath}`));
    await stopProcess(b);
  }

  const wp = await freePort();
  const kp = await freePort();
  const bp = await freePort();
  const worker = pinnedNode(WORKER, [], workerEnv(join(dir, 'state'), wp));
  // The same worker with its fast lane off: every call through the Koa app (src/http/fast-lane.ts).
  const koaPath = pinnedNode(WORKER, [], { ...workerEnv(join(dir, 'state-koa'), kp), MK6_FAST_LANE: 'off' });
  const bare = pinnedNode(BARE, [], { PORT: String(bp), ...samples });
  const w = `http://127.0.0.1:${wp}`;
  const k = `http://127.0.0.1:${kp}`;
  const b = `http://127.0.0.1:${bp}`;
  try {
    await waitFor200(w + getPath);
    await waitFor200(k + getPath);
    await waitFor200(b + getPath);
    for (const url of [w, k]) await fetch(`${url}/mock/time`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"now":"2026-03-01T10:00:00Z"}' });
    const rows: Record<string, unknown>[] = [];
    for (const [name, path, luaFile] of [['GET site', getPath, undefined], ['POST request', postPath, lua]] as const) {
      for (const c of [1, 32]) {
        wrk(w + path, c, 1, luaFile); // warm-up
        wrk(k + path, c, 1, luaFile);
        wrk(b + path, c, 1, luaFile);
        const all = [worker.pid!, koaPath.pid!, bare.pid!];
        await untilQuiet(all);
        const mine = wrkWithCpu(worker.pid!, w + path, c, seconds, luaFile);
        await untilQuiet(all);
        const viaKoa = wrkWithCpu(koaPath.pid!, k + path, c, seconds, luaFile);
        await untilQuiet(all);
        const base = wrkWithCpu(bare.pid!, b + path, c, seconds, luaFile);
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
          koa_path_cpu_us: fmt(viaKoa.cpuUsPerRequest, 1),
        });
      }
    }
    const rss = await rssAfter10k(dir, workerEnv, samples, getPath, postPath);
    return {
      load: rows,
      cold_start_ms: { worker: fmt(median(cold.worker), 0), bare: fmt(median(cold.bare), 0), ratio: fmt(median(cold.worker) / median(cold.bare)) },
      rss_after_10k_requests: rss,
    };
  } finally {
    await stopProcess(worker);
    await stopProcess(koaPath);
    await stopProcess(bare);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Real answers of the worker, so the bare app serves bodies of exactly the same size. */
async function sampleBodies(dir: string, workerEnv: (d: string, p: number) => Record<string, string>) {
  const port = await freePort();
  const w = pinnedNode(WORKER, [], workerEnv(join(dir, 'sample'), port));
  const base = `http://127.0.0.1:${port}/api/v1/mk6/BENCH`;
  try {
    await waitFor200(`${base}/monitoring`);
    const get = await (await fetch(`${base}/monitoring/sites/SYC1`)).text();
    const post = await (await fetch(`${base}/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(POST_BODY) })).text();
    writeFileSync(join(dir, 'get.json'), get);
    writeFileSync(join(dir, 'post.json'), post);
    return { BARE_GET_BODY: join(dir, 'get.json'), BARE_POST_BODY: join(dir, 'post.json') };
  } finally {
    await stopProcess(w);
  }
}

/** Fresh processes, 10,000 requests each (half GET, half POST), then their resident memory. */
async function rssAfter10k(
  dir: string,
  workerEnv: (d: string, p: number) => Record<string, string>,
  samples: Record<string, string>,
  getPath: string,
  postPath: string,
) {
  const wp = await freePort();
  const bp = await freePort();
  const worker = pinnedNode(WORKER, [], workerEnv(join(dir, 'rss'), wp));
  const bare = pinnedNode(BARE, [], { PORT: String(bp), ...samples });
  try {
    await waitFor200(`http://127.0.0.1:${wp}${getPath}`);
    await waitFor200(`http://127.0.0.1:${bp}${getPath}`);
    const post = { path: postPath, body: JSON.stringify(POST_BODY) };
    await sendExactly(`http://127.0.0.1:${wp}`, getPath, post, 10_000);
    await sendExactly(`http://127.0.0.1:${bp}`, getPath, post, 10_000);
    const w = rssMiB(worker.pid!);
    const b = rssMiB(bare.pid!);
    return { worker_mib: fmt(w, 1), bare_mib: fmt(b, 1), ratio: fmt(w / b) };
  } finally {
    await stopProcess(worker);
    await stopProcess(bare);
  }
}
