import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fmt, freePort, pinnedNode, stopProcess, waitFor200, wrk } from "./tools.js";
const DIST = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const WORKER = join(DIST, "worker.cjs");
const site = (sycode, role, plant) => ({
  sycode,
  name: `Site ${sycode}`,
  role,
  pmax_kw: 11120,
  ...plant ? { dynamics: { ramp_kw_per_min: 1e3, ramp_down_kw_per_min: 2e3, dead_time_s: 30 }, profile: { kind: "walk", min_kw: 2e3, max_kw: 11e3, step_kw: 300, interval_s: 10 } } : {}
});
const sites = (plant) => [site("SYC1", "thissite", plant), site("SYC2", "nearsite", plant), site("SYC3", "nearsite", plant), site("SYC4", "nearsite", plant)];
async function benchPlant(seconds) {
  const dir = mkdtempSync(join(tmpdir(), "mk6-bench-plant-"));
  const start = async (name, plant) => {
    const port = await freePort();
    const proc = pinnedNode(WORKER, [], { MK6_SITES_JSON: JSON.stringify(sites(plant)), MK6_STATE_DIR: join(dir, name), MK6_ID: "BENCH", MK6_PORT: String(port) });
    const url = `http://127.0.0.1:${port}`;
    await waitFor200(`${url}/api/v1/mk6/BENCH/monitoring`);
    const t0 = Date.parse("2026-03-01T08:00:00Z");
    for (let i = 0; i < 200; i++) {
      const now = new Date(t0 + i * 2e4).toISOString();
      await fetch(`${url}/mock/time`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ now }) });
      for (const s of ["SYC1", "SYC2", "SYC3", "SYC4"]) {
        const res = await fetch(`${url}/api/v1/mk6/BENCH/requests`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ set: "Psetpoint", site: s, psetpoint: 2e3 + i * 1237 % 9e3 }) });
        if (res.status !== 201) throw new Error(`setpoint refused: ${res.status}`);
      }
    }
    await fetch(`${url}/mock/time`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ now: new Date(t0 + 200 * 2e4 + 12e4).toISOString() }) });
    return { proc, url };
  };
  const plain = await start("plain", false);
  const dyn = await start("dynamics", true);
  try {
    const rows = [];
    const cases = [
      ["GET monitoring/sites/SYC1", "/api/v1/mk6/BENCH/monitoring/sites/SYC1", "frozen"],
      ["GET monitoring/sites (4 sites)", "/api/v1/mk6/BENCH/monitoring/sites", "frozen"],
      ["GET monitoring/sites (4 sites), clock x60", "/api/v1/mk6/BENCH/monitoring/sites", "running"]
    ];
    for (const [name, path, clock] of cases) {
      if (clock === "running") {
        for (const url of [dyn.url, plain.url]) await fetch(`${url}/mock/time`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ speed: 60 }) });
      }
      for (const c of [1, 32]) {
        wrk(dyn.url + path, c, 1);
        wrk(plain.url + path, c, 1);
        const d = wrk(dyn.url + path, c, seconds);
        const p = wrk(plain.url + path, c, seconds);
        rows.push({ case: `${name} c=${c}`, dynamics_rps: Math.round(d.rps), plain_rps: Math.round(p.rps), ratio: fmt(d.rps / p.rps), dynamics_p99_ms: fmt(d.p99ms), plain_p99_ms: fmt(p.p99ms) });
      }
    }
    return { load: rows };
  } finally {
    await stopProcess(plain.proc);
    await stopProcess(dyn.proc);
    rmSync(dir, { recursive: true, force: true });
  }
}
export {
  benchPlant
};
