/**
 * Idle memory under pm2, against its anchor started the same way: N MK6 workers of a real fleet
 * (health polls and inventory served, as in use) beside N bare Koa processes run by pm2 with
 * the same start options and node flags, each having answered one GET. RSS and PSS per process,
 * and the CPU an idle process burns (ms per second): 250 idle workers must leave the cores to
 * the ones that work.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePorts, scaleFleet, startFleet } from '../test/helpers/fleet.js';
import { WORKER_NODE_ARGS } from '../supervisor/fleet/launcher.js';
import { ProcessManager } from '../supervisor/fleet/process-manager.js';
import { pssMiB } from './scale-bench.js';
import { cpuMs, fmt, median, rssMiB, waitFor200 } from './tools.js';

const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BARE = join(DIST, 'bench/bare-koa.js');
/** Idle long enough for a few of the supervisor's health and inventory rounds, and V8's start-up GCs. */
const SETTLE_MS = 15_000;
/** CPU used while idle, measured over this long after settling. */
const IDLE_CPU_MS = 10_000;

const settle = () => new Promise((r) => setTimeout(r, SETTLE_MS));

export async function benchIdle(n: number): Promise<Record<string, unknown>> {
  const fleet = await fleetIdle(n);
  const bare = await bareUnderPm2(n);
  return {
    n,
    rss_mib_per_process: { worker: fmt(fleet.rss, 1), bare_koa_pm2: fmt(bare.rss, 1), ratio: fmt(fleet.rss / bare.rss) },
    pss_mib_per_process: { worker: fmt(fleet.pss, 1), bare_koa_pm2: fmt(bare.pss, 1), ratio: fmt(fleet.pss / bare.pss) },
    idle_cpu_ms_per_s: { worker: fmt(fleet.cpu, 2), bare_koa_pm2: fmt(bare.cpu, 2) },
  };
}

async function fleetIdle(n: number) {
  const fleet = await startFleet({ name: `idle${n}`, mk6: scaleFleet(n) }, { timeoutMs: 120_000 });
  try {
    for (let i = 0; i < n; i++) await (await fetch(`${fleet.url}/api/v1/mk6/M${i + 1}/monitoring/sites/S${i + 1}`)).arrayBuffer();
    await settle();
    const inv = (await (await fetch(`${fleet.url}/mock/mk6`)).json()) as { mk6: { process: { pid: number } }[] };
    const pids = inv.mk6.map((m) => m.process.pid);
    return { rss: median(pids.map(rssMiB)), pss: median(pids.map(pssMiB)), cpu: await idleCpu(pids) };
  } finally {
    await fleet.stop();
  }
}

async function bareUnderPm2(n: number) {
  const dir = mkdtempSync(join(tmpdir(), 'mk6-idle-'));
  writeFileSync(join(dir, 'get.json'), JSON.stringify({ sycode: 'S1', pavailable: 1234.5 }));
  writeFileSync(join(dir, 'post.json'), JSON.stringify({ id: 'REQ-001' }));
  const pm2 = new ProcessManager(join(dir, 'pm2'));
  await pm2.connect();
  try {
    const ports = await freePorts(n);
    for (let i = 0; i < n; i++) {
      await pm2.start({
        name: `bare-${i}`,
        script: BARE,
        args: [],
        env: { PORT: String(ports[i]), BARE_GET_BODY: join(dir, 'get.json'), BARE_POST_BODY: join(dir, 'post.json') },
        nodeArgs: WORKER_NODE_ARGS,
      });
    }
    for (const port of ports) await waitFor200(`http://127.0.0.1:${port}/api/v1/mk6/M1/monitoring/sites/S1`);
    await settle();
    const pids = (await pm2.list('bare-')).map((a) => a.pid).filter((p): p is number => p !== null);
    if (pids.length !== n) throw new Error(`pm2 runs ${pids.length} of ${n} bare Koa processes`);
    return { rss: median(pids.map(rssMiB)), pss: median(pids.map(pssMiB)), cpu: await idleCpu(pids) };
  } finally {
    for (let i = 0; i < n; i++) await pm2.delete(`bare-${i}`).catch(() => undefined);
    await pm2.killDaemon().catch(() => undefined);
    pm2.disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Mean CPU per process while nobody calls, in ms per second. */
async function idleCpu(pids: number[]): Promise<number> {
  const before = pids.map(cpuMs);
  await new Promise((r) => setTimeout(r, IDLE_CPU_MS));
  const used = pids.reduce((sum, pid, i) => sum + cpuMs(pid) - before[i], 0);
  return used / pids.length / (IDLE_CPU_MS / 1000);
}
