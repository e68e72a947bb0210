/**
 * The scaling curve: for each N, a fleet of N MK6 (one site each) against its anchor, N bare
 * Koa processes spawned by hand, in the same run. Time until every one answers, RSS and PSS
 * per process (PSS shares the node binary's pages fairly: what N of them really cost), the
 * /mock/time broadcast p50/p99, and GET on one MK6 through the proxy against GET on one bare
 * Koa (requests/s, p99).
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePorts, scaleFleet, startFleet } from '../test/helpers/fleet.js';
import { WORKER_NODE_ARGS } from '../supervisor/fleet/launcher.js';
import { fmt, median, pinnedNode, rssMiB, stopProcess, untilQuiet, wrk } from './tools.js';

const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BARE = join(DIST, 'bench/bare-koa.js');

export async function benchScale(sizes: number[], seconds: number): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for (const n of sizes) {
    const fleet = await fleetFigures(n, seconds);
    const bare = await bareFigures(n, seconds);
    rows.push({
      n,
      ready_s: { fleet: fmt(fleet.readyMs / 1000, 1), bare_koa: fmt(bare.readyMs / 1000, 1) },
      rss_mib_per_process: { fleet: fmt(fleet.rss, 1), bare_koa: fmt(bare.rss, 1), ratio: fmt(fleet.rss / bare.rss) },
      pss_mib_per_process: { fleet: fmt(fleet.pss, 1), bare_koa: fmt(bare.pss, 1), ratio: fmt(fleet.pss / bare.pss) },
      pss_mib_total: { fleet: Math.round(fleet.pss * n), bare_koa: Math.round(bare.pss * n) },
      broadcast_ms: fleet.broadcast,
      get_one_mk6: { proxy_rps: Math.round(fleet.rps), bare_rps: Math.round(bare.rps), proxy_p99_ms: fmt(fleet.p99), bare_p99_ms: fmt(bare.p99) },
    });
  }
  return rows;
}

async function fleetFigures(n: number, seconds: number) {
  const t0 = performance.now();
  const fleet = await startFleet({ name: `scale${n}`, mk6: scaleFleet(n) }, { timeoutMs: 600_000 });
  const readyMs = performance.now() - t0;
  try {
    const inv = (await (await fetch(`${fleet.url}/mock/mk6`)).json()) as { mk6: { process: { pid: number } }[] };
    const pids = inv.mk6.map((m) => m.process.pid);
    const rss = median(pids.map(rssMiB));
    const pss = median(pids.map(pssMiB));
    const times: number[] = [];
    for (let i = 0; i < 21; i++) {
      const t = performance.now();
      const res = await fetch(`${fleet.url}/mock/time`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: `2026-03-01T10:${String(i).padStart(2, '0')}:00Z` }) });
      const body = (await res.json()) as { workers: { failed: unknown[] } };
      if (body.workers.failed.length) throw new Error(`broadcast to ${n}: ${JSON.stringify(body.workers.failed).slice(0, 300)}`);
      times.push(performance.now() - t);
    }
    const sorted = times.slice(1).sort((a, b) => a - b);
    const broadcast = { p50: fmt(median(sorted), 1), p99: fmt(sorted[sorted.length - 1], 1) };
    // The last broadcast's tail (each worker writes the clock to its state file within a
    // second) is not the steady state the front's figures are about: wait for the fleet to be
    // idle again (250 idle workers still tick a few ms between them).
    await untilQuiet([fleet.pid, ...pids], 30_000, 3 + pids.length / 10);
    const path = `${fleet.url}/api/v1/mk6/M1/monitoring/sites/S1`;
    wrk(path, 8, 1);
    const load = wrk(path, 8, seconds);
    return { readyMs, rss, pss, broadcast, rps: load.rps, p99: load.p99ms };
  } finally {
    await fleet.stop();
  }
}

/** The anchor: N bare Koa processes started by hand, all at once, until each answers. */
async function bareFigures(n: number, seconds: number) {
  const dir = mkdtempSync(join(tmpdir(), 'mk6-bare-'));
  writeFileSync(join(dir, 'get.json'), JSON.stringify({ sycode: 'S1', pavailable: 1234.5 }));
  writeFileSync(join(dir, 'post.json'), JSON.stringify({ id: 'REQ-001' }));
  const children: ChildProcess[] = [];
  const ports: number[] = [];
  try {
    ports.push(...(await freePorts(n))); // distinct: the kernel may give one free port twice in a row
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const port = ports[i];
      children.push(pinnedNode(BARE, [], { PORT: String(port), BARE_GET_BODY: join(dir, 'get.json'), BARE_POST_BODY: join(dir, 'post.json'), NODE_OPTIONS: WORKER_NODE_ARGS.join(' ') }, '0-1'));
    }
    await Promise.all(ports.map((p) => answering(`http://127.0.0.1:${p}/api/v1/mk6/M1/monitoring/sites/S1`)));
    const readyMs = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 1000));
    const pids = children.map((c) => c.pid as number);
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

async function answering(url: string): Promise<void> {
  for (;;) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Proportional set size: the shared pages of the node binary divided among the processes that map them. */
export function pssMiB(pid: number): number {
  try {
    return Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? NaN) / 1024;
  } catch {
    return NaN;
  }
}
