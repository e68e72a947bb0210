import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { freePorts, scaleFleet, startFleet } from "../test/helpers/fleet.js";
import { WORKER_NODE_ARGS } from "../supervisor/fleet/launcher.js";
import { ProcessManager } from "../supervisor/fleet/process-manager.js";
import { pssMiB } from "./scale-bench.js";
import { cpuMs, fmt, median, rssMiB, waitFor200 } from "./tools.js";
const DIST = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const BARE = join(DIST, "bench/bare-koa.js");
const SETTLE_MS = 15e3;
const IDLE_CPU_MS = 1e4;
const settle = () => new Promise((r) => setTimeout(r, SETTLE_MS));
async function benchIdle(n) {
  const fleet = await fleetIdle(n);
  const bare = await bareUnderPm2(n);
  return {
    n,
    rss_mib_per_process: { worker: fmt(fleet.rss, 1), bare_koa_pm2: fmt(bare.rss, 1), ratio: fmt(fleet.rss / bare.rss) },
    pss_mib_per_process: { worker: fmt(fleet.pss, 1), bare_koa_pm2: fmt(bare.pss, 1), ratio: fmt(fleet.pss / bare.pss) },
    idle_cpu_ms_per_s: { worker: fmt(fleet.cpu, 2), bare_koa_pm2: fmt(bare.cpu, 2) }
  };
}
async function fleetIdle(n) {
  const fleet = await startFleet({ name: `idle${n}`, mk6: scaleFleet(n) }, { timeoutMs: 12e4 });
  try {
    for (let i = 0; i < n; i++) await (await fetch(`${fleet.url}/api/v1/mk6/M${i + 1}/monitoring/sites/S${i + 1}`)).arrayBuffer();
    await settle();
    const inv = await (await fetch(`${fleet.url}/mock/mk6`)).json();
    const pids = inv.mk6.map((m) => m.process.pid);
    return { rss: median(pids.map(rssMiB)), pss: median(pids.map(pssMiB)), cpu: await idleCpu(pids) };
  } finally {
    await fleet.stop();
  }
}
async function bareUnderPm2(n) {
  const dir = mkdtempSync(join(tmpdir(), "mk6-idle-"));
  writeFileSync(join(dir, "get.json"), JSON.stringify({ sycode: "S1", pavailable: 1234.5 }));
  writeFileSync(join(dir, "post.json"), JSON.stringify({ id: "REQ-001" }));
  const pm2 = new ProcessManager(join(dir, "pm2"));
  await pm2.connect();
  try {
    const ports = await freePorts(n);
    for (let i = 0; i < n; i++) {
      await pm2.start({
        name: `bare-${i}`,
        script: BARE,
        args: [],
        env: { PORT: String(ports[i]), BARE_GET_BODY: join(dir, "get.json"), BARE_POST_BODY: join(dir, "post.json") },
        nodeArgs: WORKER_NODE_ARGS
      });
    }
    for (const port of ports) await waitFor200(`http://127.0.0.1:${port}/api/v1/mk6/M1/monitoring/sites/S1`);
    await settle();
    const pids = (await pm2.list("bare-")).map((a) => a.pid).filter((p) => p !== null);
    if (pids.length !== n) throw new Error(`pm2 runs ${pids.length} of ${n} bare Koa processes`);
    return { rss: median(pids.map(rssMiB)), pss: median(pids.map(pssMiB)), cpu: await idleCpu(pids) };
  } finally {
    for (let i = 0; i < n; i++) await pm2.delete(`bare-${i}`).catch(() => void 0);
    await pm2.killDaemon().catch(() => void 0);
    pm2.disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}
async function idleCpu(pids) {
  const before = pids.map(cpuMs);
  await new Promise((r) => setTimeout(r, IDLE_CPU_MS));
  const used = pids.reduce((sum, pid, i) => sum + cpuMs(pid) - before[i], 0);
  return used / pids.length / (IDLE_CPU_MS / 1e3);
}
export {
  benchIdle
};
