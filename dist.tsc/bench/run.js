import { mkdirSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { execFileSync } from "node:child_process";
import { benchFleet } from "./fleet-bench.js";
import { benchWorker } from "./worker-bench.js";
import { benchScale } from "./scale-bench.js";
import { benchPlant } from "./plant-bench.js";
import { benchIdle } from "./idle-bench.js";
import { benchPage } from "./page-bench.js";
import { benchEngine } from "./engine-bench.js";
const { values } = parseArgs({ options: { seconds: { type: "string" }, only: { type: "string" }, scale: { type: "string" }, where: { type: "string" } } });
const seconds = Number(values.seconds ?? 5);
try {
  execFileSync("wrk", ["--version"], { stdio: "ignore" });
} catch (err) {
  if (err.code === "ENOENT") {
    console.error("wrk is missing: apt-get install -y wrk");
    process.exit(2);
  }
}
const results = { date: (/* @__PURE__ */ new Date()).toISOString(), node: process.version, seconds };
if (!values.only || values.only === "worker") results.worker_vs_bare_koa = await benchWorker(seconds);
if (!values.only || values.only === "fleet") results.fleet = await benchFleet(seconds);
if (!values.only || values.only === "plant") results.plant_dynamics = await benchPlant(seconds);
if (values.only === "engine") results.engine = await benchEngine((values.scale ?? "50,250").split(",").map(Number).filter((n) => n > 0), values.where ?? "netns");
if (values.only === "page") results.page = benchPage(Number(values.scale ?? 250));
if (!values.only || values.only === "idle") results.idle_under_pm2 = await benchIdle(5);
if (!values.only || values.only === "scale") {
  const sizes = (values.scale ?? "5,50,100").split(",").map(Number).filter((n) => Number.isInteger(n) && n > 0);
  results.scale = await benchScale(sizes, seconds);
}
const text = JSON.stringify(results, null, 2);
console.log(text);
mkdirSync("bench-results", { recursive: true });
writeFileSync(`bench-results/bench-${Date.now()}.json`, text + "\n");
process.exit(0);
