import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { grown, newObjectsRetainedBy, summarize, takeSnapshot } from "./heap-diff.js";
import { parseArgs } from "node:util";
import { startFleet, ROUVAI } from "../test/helpers/fleet.js";
const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: "30" },
    rate: { type: "string", default: "50" },
    sample: { type: "string", default: "60" },
    svg: { type: "string", default: "soak.svg" },
    /** Heap snapshots of the supervisor and one worker after warm-up and at the end, compared. */
    "heap-snapshots": { type: "string" }
  }
});
const SNAPSHOT_DIR = values["heap-snapshots"];
const MINUTES = Number(values.minutes);
const RATE = Number(values.rate);
const SAMPLE_S = Number(values.sample);
const MAX_IN_FLIGHT = 256;
function rssMiB(pid) {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? NaN) / 1024;
  } catch {
    return NaN;
  }
}
function compareHeaps(before, after) {
  for (const name of Object.keys(before)) {
    const a = summarize(before[name]);
    const b = summarize(after[name]);
    console.log(`
heap of ${name}: ${a.totalMiB.toFixed(1)} MiB after warm-up \u2192 ${b.totalMiB.toFixed(1)} MiB at the end (${((b.totalMiB - a.totalMiB) / a.totalMiB * 100).toFixed(1)} %)`);
    for (const row of grown(a, b)) console.log(`  ${row.kib >= 0 ? "+" : ""}${row.kib.toFixed(0).padStart(7)} KiB  ${row.count >= 0 ? "+" : ""}${row.count} nodes  ${row.kind.slice(0, 80)}`);
    console.log(`  objects made since warm-up and still alive, by what holds them:`);
    for (const { path, count } of newObjectsRetainedBy(before[name], after[name])) console.log(`  ${String(count).padStart(7)}  ${path}`);
  }
}
function quantile(sorted, q) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
}
if (SNAPSHOT_DIR) mkdirSync(SNAPSHOT_DIR, { recursive: true });
const snapshotEnv = SNAPSHOT_DIR ? { NODE_OPTIONS: `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${resolve(SNAPSHOT_DIR)}` } : void 0;
const fleet = await startFleet({ name: "soak", mk6: ROUVAI }, { timeoutMs: 12e4, env: snapshotEnv });
let stopped = false;
const stop = async () => {
  if (stopped) return;
  stopped = true;
  await fleet.stop();
};
process.on("SIGINT", () => void stop().then(() => process.exit(130)));
try {
  const daemonPid = Number(readFileSync(join(fleet.home, "pm2.pid"), "utf8"));
  const workerPids = async () => {
    const inv = await (await fetch(`${fleet.url}/mock/mk6`)).json();
    return Object.fromEntries(inv.mk6.map((m) => [m.mk6_id, m.process.pid]));
  };
  const pids = { supervisor: fleet.pid, pm2: daemonPid, ...await workerPids() };
  let latencies = [];
  let errors = 0;
  let inFlight = 0;
  let n = 0;
  const one = async () => {
    const m = ROUVAI[n % ROUVAI.length];
    const base = n % 2 === 0 ? fleet.url : fleet.worker(m.id);
    const kind = n % 10;
    n++;
    const started = performance.now();
    inFlight++;
    try {
      let res;
      if (kind < 3) {
        const now = Date.now();
        res = await fetch(`${base}/api/v1/mk6/${m.id}/requests`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ set: "Psetpoint", site: m.sites[0].sycode, psetpoint: n % 1e3, start_time: new Date(now).toISOString(), end_time: new Date(now + 5e3).toISOString(), reason: `soak-${n}` })
        });
      } else {
        res = await fetch(`${base}/api/v1/mk6/${m.id}/${kind === 3 ? "planning" : "monitoring"}`);
      }
      await res.arrayBuffer();
      if (res.status !== (kind < 3 ? 201 : 200)) errors++;
    } catch {
      errors++;
    } finally {
      inFlight--;
      latencies.push(performance.now() - started);
    }
  };
  const WARM_SAMPLES = Math.min(5, Math.max(1, Math.floor(MINUTES * 60 / SAMPLE_S) - 1));
  const watched = { supervisor: pids.supervisor, [ROUVAI[0].id]: pids[ROUVAI[0].id] };
  const snapshots = async () => {
    const out = {};
    for (const [name, pid] of Object.entries(watched)) out[name] = await takeSnapshot(pid, SNAPSHOT_DIR);
    return out;
  };
  let warmShots = null;
  const samples = [];
  const begin = Date.now();
  const end = begin + MINUTES * 6e4;
  let sent = 0;
  let dropped = 0;
  let nextSample = begin + SAMPLE_S * 1e3;
  console.log(`soak: ${ROUVAI.length} MK6, ${RATE} req/s for ${MINUTES} min, a sample every ${SAMPLE_S} s; pids ${JSON.stringify(pids)}`);
  while (Date.now() < end) {
    const due = Math.floor((Date.now() - begin) / 1e3 * RATE);
    while (sent < due) {
      sent++;
      if (inFlight >= MAX_IN_FLIGHT) dropped++;
      else void one();
    }
    if (Date.now() >= nextSample) {
      nextSample += SAMPLE_S * 1e3;
      const sorted = latencies.sort((a, b) => a - b);
      const current = await workerPids().catch(() => ({}));
      for (const [id, pid] of Object.entries(current)) if (pid && pid !== pids[id]) console.log(`! ${id} changed pid ${pids[id]} \u2192 ${pid}`);
      const journal = await (await fetch(`${fleet.url}/api/v1/debug/requests`)).json();
      const sample = {
        t_min: Math.round((Date.now() - begin) / 600) / 100,
        requests: sorted.length,
        errors,
        p50: quantile(sorted, 0.5),
        p99: quantile(sorted, 0.99),
        journal: journal.length,
        rss: Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, rssMiB(pid)]))
      };
      samples.push(sample);
      if (SNAPSHOT_DIR && samples.length === WARM_SAMPLES) warmShots = snapshots();
      latencies = [];
      errors = 0;
      const total2 = Object.values(sample.rss).reduce((a, b) => a + b, 0);
      console.log(`t=${sample.t_min} min  req ${sample.requests}  err ${sample.errors}  p50 ${sample.p50.toFixed(1)} ms  p99 ${sample.p99.toFixed(1)} ms  journal ${sample.journal}  RSS total ${total2.toFixed(1)} MiB`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  while (inFlight > 0) await new Promise((r) => setTimeout(r, 10));
  report(samples, Object.keys(pids), dropped);
  if (warmShots) compareHeaps(await warmShots, await snapshots());
} finally {
  await stop();
}
function report(samples, names, dropped) {
  const fmt = (v) => Number.isFinite(v) ? v.toFixed(1) : "-";
  const head = ["t (min)", "req", "err", "p50 ms", "p99 ms", "journal", ...names.map((x) => `${x} MiB`), "total MiB"];
  const rows = samples.map((s) => [s.t_min.toFixed(1), String(s.requests), String(s.errors), fmt(s.p50), fmt(s.p99), String(s.journal), ...names.map((x) => fmt(s.rss[x])), fmt(total(s))]);
  console.log(`
| ${head.join(" | ")} |
|${head.map(() => "---").join("|")}|`);
  for (const r of rows) console.log(`| ${r.join(" | ")} |`);
  if (samples.length >= 2) {
    const warm = samples[1];
    const last = samples[samples.length - 1];
    console.log(`
growth after warm-up (sample 2 \u2192 last):`);
    for (const x of [...names, "total"]) {
      const a = x === "total" ? total(warm) : warm.rss[x];
      const b = x === "total" ? total(last) : last.rss[x];
      console.log(`  ${x.padEnd(10)} ${fmt(a)} \u2192 ${fmt(b)} MiB  (${((b - a) / a * 100).toFixed(1)} %)`);
    }
    const p99s = samples.slice(1).map((s) => s.p99);
    console.log(`  p99 after warm-up: min ${fmt(Math.min(...p99s))} ms, max ${fmt(Math.max(...p99s))} ms; journal ${[...new Set(samples.map((s) => s.journal))].join(", ")}`);
  }
  console.log(`requests not sent because ${MAX_IN_FLIGHT} were in flight: ${dropped}`);
  console.log("\n" + asciiPlot(samples.map((s) => total(s)), "total RSS (MiB)") + "\n" + asciiPlot(samples.map((s) => s.p99), "p99 (ms)"));
  writeFileSync(values.svg, svgPlot(samples));
  console.log(`plot written to ${values.svg}`);
}
function total(s) {
  return Object.values(s.rss).reduce((a, b) => a + b, 0);
}
function asciiPlot(series, title, height = 8) {
  const max = Math.max(...series);
  const min = Math.min(...series) * 0.9;
  const lines = [];
  for (let row = height; row >= 1; row--) {
    const level = min + (max - min) * row / height;
    lines.push(`${level.toFixed(0).padStart(7)} |${series.map((v) => v >= level - (max - min) / height / 2 ? "\u2588" : " ").join("")}`);
  }
  lines.push(`        +${"-".repeat(series.length)}  ${title}, one column per sample`);
  return lines.join("\n");
}
function svgPlot(samples) {
  const W = 480;
  const H = 140;
  const panel = (series, y0, color, label) => {
    const max = Math.max(...series) * 1.1 || 1;
    const x = (i) => 40 + i * (W - 60) / Math.max(1, series.length - 1);
    const y = (v) => y0 + H - v / max * H;
    const points = series.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
    return `<text x="40" y="${y0 - 4}" font-size="11">${label} (max axis ${max.toFixed(0)})</text>
<line x1="40" y1="${y0 + H}" x2="${W - 20}" y2="${y0 + H}" stroke="#999"/><line x1="40" y1="${y0}" x2="40" y2="${y0 + H}" stroke="#999"/>
<polyline fill="none" stroke="${color}" stroke-width="2" points="${points}"/>`;
  };
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${2 * H + 70}" font-family="sans-serif">
${panel(samples.map(total), 20, "#1f77b4", "total RSS MiB (supervisor + pm2 + workers)")}
${panel(samples.map((s) => s.p99), H + 50, "#d62728", "p99 ms per sample")}
</svg>
`;
}
