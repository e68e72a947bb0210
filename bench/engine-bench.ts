/**
 * The front with the external engine (issue 25, "scale on paper"): N workers started alone
 * (`node dist/worker.cjs --fleet … --mk6 …`), each in its own network namespace and address
 * (`--where netns`, needs root; as pods would be) or all on loopback (`--where loopback`), the
 * supervisor in `engine: external` adopting them. Measured at each N: the time until /readyz,
 * the /mock/time broadcast p50/p99 (20 in a row), the journal intake (N × 20 gateway calls
 * sent straight to the workers, which hand their entries to the front: the front's CPU per
 * entry, and the time until the fleet journal holds them all), the supervisor's and the
 * workers' PSS.
 *
 *   npm run bench -- --only engine --scale 50,250 [--where netns|loopback]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { tmpdir, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { createNetnsLab, netnsUnavailable, type NetnsLab } from '../test/helpers/netns.js';
import { freePorts, scaleFleet } from '../test/helpers/fleet.js';
import { cpuMs, fmt, median, stopProcess, untilQuiet } from './tools.js';
import { pssMiB } from './scale-bench.js';

const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SUPERVISOR = join(DIST, 'supervisor/main.js');
const WORKER = join(DIST, 'worker.cjs');
const CALLS_PER_WORKER = 20;

export type Where = 'netns' | 'loopback';

export async function benchEngine(sizes: number[], where: Where): Promise<Record<string, unknown>[]> {
  if (where === 'netns') {
    const why = netnsUnavailable();
    if (why) throw new Error(`--where netns: ${why} (try --where loopback)`);
  }
  const rows: Record<string, unknown>[] = [];
  for (const n of sizes) {
    // One size that fails (a machine too loaded) leaves the others' figures, and says why.
    const row = await oneSize(n, where).catch((err: Error) => ({ n, where, error: err.message.slice(0, 300) }));
    console.error(JSON.stringify(row));
    rows.push(row);
  }
  return rows;
}

async function oneSize(n: number, where: Where): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'mk6-engine-bench-'));
  const children: ChildProcess[] = [];
  let lab: NetnsLab | null = null;
  try {
    const load = loadavg()[0];
    let hosts: { host: string; port: number }[];
    let frontHost = '127.0.0.1';
    let frontPort: number;
    if (where === 'netns') {
      lab = createNetnsLab(n);
      frontHost = lab.gateway;
      frontPort = await lab.freeGatewayPort();
      hosts = lab.hosts.map((h) => ({ host: h.address, port: 8080 }));
    } else {
      const ports = await freePorts(n + 1);
      frontPort = ports[n];
      hosts = ports.slice(0, n).map((port) => ({ host: '127.0.0.1', port }));
    }
    const front = `http://${frontHost}:${frontPort}`;
    const secretFile = join(dir, 'internal.secret');
    writeFileSync(secretFile, randomBytes(32).toString('hex'));
    chmodSync(secretFile, 0o600);
    const fleetFile = join(dir, 'fleet.yaml');
    const mk6 = scaleFleet(n).map((m, i) => ({ ...m, ...hosts[i] }));
    writeFileSync(fleetFile, stringify({ name: `engine${n}`, seed: 1, engine: 'external', proxy: { host: frontHost, port: frontPort }, mk6 }));
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LOG_LEVEL: 'warn', MK6_INTERNAL_SECRET_FILE: secretFile };

    const t0 = performance.now();
    const sup = spawn(process.execPath, [SUPERVISOR, '--fleet', fleetFile, '--state-dir', join(dir, 'supervisor')], { env: { ...env, MK6_EXTERNAL_WAIT_MS: '600000' }, stdio: 'ignore' });
    children.push(sup);
    mk6.forEach((m, i) => {
      const args = ['--max-semi-space-size=2', WORKER, '--fleet', fleetFile, '--mk6', m.id];
      const wenv = { ...env, MK6_SUPERVISOR_URL: front, MK6_STATE_DIR: join(dir, `host-${i}`) };
      children.push(lab ? lab.spawnIn(i, args, wenv) : spawn(process.execPath, args, { env: wenv, stdio: 'ignore' }));
    });
    for (const c of children.slice(1)) c.stdout?.resume(), c.stderr?.resume();
    await until200(`${front}/readyz`, 900_000);
    const readyMs = performance.now() - t0;
    const pids = children.slice(1).map((c) => c.pid as number);
    await untilQuiet([sup.pid as number, ...pids], 300_000, 3 + n / 10);
    const loadAtBroadcast = loadavg()[0];

    // The clock broadcast, 20 in a row after one warm-up; a worker that misses one (2 s) is counted, not fatal.
    const times: number[] = [];
    let missed = 0;
    for (let i = 0; i < 21; i++) {
      const t = performance.now();
      const body = (await post(`${front}/mock/time`, { now: `2026-03-01T10:${String(i).padStart(2, '0')}:00Z` })) as { workers: { failed: unknown[] } };
      if (i > 0) missed += body.workers.failed.length;
      times.push(performance.now() - t);
    }
    const sorted = times.slice(1).sort((a, b) => a - b);
    await untilQuiet([sup.pid as number, ...pids], 60_000, 3 + n / 10);

    // The journal intake: N × 20 gateway calls straight to the workers; their entries reach the front by themselves.
    const before = await metricsJournal(front);
    const cpu0 = cpuMs(sup.pid as number);
    const t1 = performance.now();
    await gatewayCalls(mk6.map((m, i) => `http://${hosts[i].host}:${hosts[i].port}/api/v1/mk6/${m.id}/monitoring`), CALLS_PER_WORKER, 32);
    const sentMs = performance.now() - t1;
    const expected = n * CALLS_PER_WORKER;
    // Polled without flushing the workers (GET /mock/events would flush): the journal's own pace.
    let arrived = 0;
    for (const deadline = Date.now() + 120_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      arrived = (await metricsJournal(front)) - before;
      if (arrived >= expected) break;
    }
    const intakeMs = performance.now() - t1;
    const frontCpuMs = cpuMs(sup.pid as number) - cpu0;
    await untilQuiet([sup.pid as number, ...pids], 60_000, 3 + n / 10);

    return {
      n,
      where,
      load_1min: { at_start: fmt(load, 1), at_broadcast: fmt(loadAtBroadcast, 1) },
      ready_s: fmt(readyMs / 1000, 1),
      broadcast_ms: { p50: fmt(median(sorted), 1), p99: fmt(sorted[sorted.length - 1], 1), missed_of: `${missed}/${20 * n}` },
      journal: {
        calls: expected,
        arrived,
        calls_sent_s: fmt(sentMs / 1000, 2),
        all_in_front_s: fmt(intakeMs / 1000, 2),
        front_cpu_us_per_entry: fmt((frontCpuMs * 1000) / Math.max(1, arrived), 0),
      },
      pss_mib: { supervisor: fmt(pssMiB(sup.pid as number), 1), worker_median: fmt(median(pids.map(pssMiB)), 1) },
    };
  } finally {
    await Promise.all(children.map(stopProcess));
    lab?.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function until200(url: string, timeoutMs: number): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) }).catch(() => null);
    if (res?.status === 200) return;
    await res?.text();
  }
  throw new Error(`${url}: not ready in ${timeoutMs} ms`);
}

async function post(url: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return res.json();
}

/** The id of the front's newest journal entry (its /metrics gauge: read without flushing the workers). */
async function metricsJournal(front: string): Promise<number> {
  const text = await (await fetch(`${front}/metrics`)).text();
  const m = /^mk6_journal_last_id\s+(\d+)/m.exec(text);
  if (!m) throw new Error('no mk6_journal_last_id in /metrics');
  return Number(m[1]);
}

/** `perUrl` GETs on each URL, `concurrency` at a time, keep-alive. */
async function gatewayCalls(urls: string[], perUrl: number, concurrency: number): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const all = urls.flatMap((u) => Array.from({ length: perUrl }, () => u));
  let next = 0;
  const lane = async () => {
    while (next < all.length) {
      const url = all[next++];
      await new Promise<void>((ok, fail) => {
        http.get(url, { agent }, (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? ok() : fail(new Error(`${url}: ${res.statusCode}`))));
        }).on('error', fail);
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  agent.destroy();
}
