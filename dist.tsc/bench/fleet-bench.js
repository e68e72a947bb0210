import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startFleet, ROUVAI } from "../test/helpers/fleet.js";
import { fmt, median, pin, rssMiB, wrk } from "./tools.js";
async function benchFleet(seconds) {
  const out = {};
  const five = await timedStart(ROUVAI);
  try {
    out.start_5_ms = five.ms;
    const fleet = five.fleet;
    const inv = await (await fetch(`${fleet.url}/mock/mk6`)).json();
    const rou2 = inv.mk6.find((m) => m.mk6_id === "ROU2").process.pid;
    pin(fleet.pid);
    pin(rou2);
    const path = "/api/v1/mk6/ROU2/monitoring/sites/8FV8CCX2w7X0";
    const rows = [];
    for (const c of [1, 32]) {
      wrk(fleet.worker("ROU2") + path, c, 1);
      wrk(fleet.url + path, c, 1);
      const direct = wrk(fleet.worker("ROU2") + path, c, seconds);
      const proxied = wrk(fleet.url + path, c, seconds);
      rows.push({
        case: `GET site c=${c}`,
        direct_rps: Math.round(direct.rps),
        proxy_rps: Math.round(proxied.rps),
        ratio: fmt(proxied.rps / direct.rps),
        direct_p99_ms: fmt(direct.p99ms),
        proxy_p99_ms: fmt(proxied.p99ms),
        added_p99_ms: fmt(proxied.p99ms - direct.p99ms)
      });
    }
    out.proxy_vs_direct = rows;
    out.broadcast_5_ms = await broadcastMs(fleet);
    const daemon = Number(readFileSync(join(fleet.home, "pm2.pid"), "utf8"));
    out.rss_mib = { supervisor: fmt(rssMiB(fleet.pid), 1), pm2_daemon: fmt(rssMiB(daemon), 1), worker: fmt(rssMiB(rou2), 1) };
  } finally {
    await five.fleet.stop();
  }
  const fifty = await timedStart(Array.from({ length: 50 }, (_, i) => ({
    id: `MK6-${String(i + 1).padStart(2, "0")}`,
    sites: [{ sycode: `SYC${i + 1}`, name: `Site ${i + 1}`, role: "thissite", pmax_kw: 1e4 }]
  })));
  try {
    out.start_50_ms = fifty.ms;
    out.broadcast_50_ms = await broadcastMs(fifty.fleet);
  } finally {
    await fifty.fleet.stop();
  }
  return out;
}
async function timedStart(mk6) {
  const t0 = performance.now();
  const fleet = await startFleet({ name: `bench${mk6.length}`, mk6 }, { timeoutMs: 12e4 });
  return { ms: Math.round(performance.now() - t0), fleet };
}
async function broadcastMs(fleet) {
  const times = [];
  for (let i = 0; i < 21; i++) {
    const t0 = performance.now();
    const res = await fetch(`${fleet.url}/mock/time`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ now: `2026-03-01T10:${String(i).padStart(2, "0")}:00Z` })
    });
    const body = await res.json();
    if (body.workers.failed.length) throw new Error(`broadcast failed: ${JSON.stringify(body.workers.failed)}`);
    times.push(performance.now() - t0);
  }
  return fmt(median(times.slice(1)), 1);
}
export {
  benchFleet
};
