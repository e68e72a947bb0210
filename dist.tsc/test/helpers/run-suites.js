import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
const DIST_TEST = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const TIMED = [
  "worker/network/worker-conditions.test.js",
  "supervisor/session/stream.test.js",
  "supervisor/fleet/chaos.test.js",
  "supervisor/recette/chaos-day-at-speed.test.js",
  "browser/page-scale.test.js"
];
const LONG = [
  "supervisor/session/determinism.test.js",
  "browser/page-i18n.test.js",
  "cli/fleet-cli.test.js",
  "browser/page.test.js",
  "supervisor/fleet/startup-race.test.js",
  "supervisor/session/recording-stop.test.js",
  "supervisor/fleet/outage.test.js",
  "supervisor/fleet/interleavings.test.js",
  "supervisor/fleet/readiness.test.js",
  "supervisor/fleet/startup-config.test.js",
  "persist/state-files.test.js",
  "browser/page-controls.test.js",
  "supervisor/recette/chaos-day.test.js",
  "contract/portman-contract.test.js",
  "engine/netns.test.js"
];
function testFiles(path) {
  if (statSync(path).isFile()) return path.endsWith(".test.js") ? [path] : [];
  return readdirSync(path).sort().flatMap((name) => testFiles(join(path, name)));
}
const rank = (file) => {
  const i = LONG.indexOf(relative(DIST_TEST, file));
  return i < 0 ? LONG.length : i;
};
const timed = (file) => TIMED.includes(relative(DIST_TEST, file));
const roots = process.argv.length > 2 ? process.argv.slice(2).map((p) => resolve(p)) : [DIST_TEST];
const files = roots.flatMap(testFiles);
const runs = [
  [availableParallelism() + 1, files.filter((f) => !timed(f)).sort((a, b) => rank(a) - rank(b))],
  [1, files.filter(timed)]
];
let status = 0;
for (const [concurrency, group] of runs) {
  if (group.length === 0) continue;
  const run = spawnSync(process.execPath, ["--test", `--test-concurrency=${concurrency}`, ...group], { stdio: "inherit" });
  status ||= run.status ?? 1;
}
process.exitCode = status;
