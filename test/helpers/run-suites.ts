/**
 * `npm test`: every test file, in two runs of node's test runner. First every file that does not
 * measure time or load, one more at a time than the machine has cores (each file waits on its
 * processes, ports and browser part of the time): pure code, the worker and the supervisor in
 * process on port 0, and the files that start real processes (pm2 fleets with their own
 * PM2_HOME, worker processes, the CLI, chromium, network namespaces; every port ephemeral), the
 * longest first so that the slots end together. Then, one at a time, the files that measure time
 * or load, which a neighbour would skew. The browser files share one chromium started here.
 *   node dist/test/helpers/run-suites.js [dist/test/<dir or file>…]
 */
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { fileURLToPath } from 'node:url';
import { launchChromiumServer, SHARED_CHROMIUM_ENV } from './chromium.js';

const DIST_TEST = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/**
 * Timing or load: latency and bandwidth statistics, kills under load. (The page on 60 MK6 and the
 * chaos day at speed run beside the others: the page held its bounds there, first render 1.4 s of 5
 * and search 135 ms of 1 s; the chaos day's clock runs at 90× so that a stall of 1.5 s still
 * passes. BENCHMARKS.md, session 10. The stream's slow reader waits on the drop, not on a time,
 * and its real-fleet case on B's first sample, not a sleep: it runs beside the others too.)
 */
const TIMED = [
  'worker/network/worker-conditions.test.js',
  'supervisor/fleet/chaos.test.js',
];
/** The longest files (about 10 s or more each, three at a time on two cores), started first, longest first (as measured in one npm test). */
const LONG = [
  'supervisor/recette/chaos-day-at-speed.test.js',
  'persist/state-files.test.js',
  'browser/page-controls.test.js',
  'supervisor/fleet/readiness.test.js',
  'supervisor/fleet/startup-config.test.js',
  'browser/page-i18n.test.js',
  'supervisor/session/determinism.test.js',
  'supervisor/fleet/startup-race.test.js',
  'typecheck.test.js',
  'supervisor/session/recording-stop.test.js',
  'browser/page-scale.test.js',
  'supervisor/fleet/interleavings.test.js',
  'supervisor/fleet/outage.test.js',
  'supervisor/fleet/lifecycle.test.js',
  'contract/portman-contract.test.js',
  'supervisor/session/har-recording.test.js',
  'browser/page.test.js',
  'browser/docs.test.js',
  'persist/state-file.test.js',
  'supervisor/recette/chaos-day.test.js',
  'supervisor/fleet/mk6-clock-restart.test.js',
  'supervisor/fleet/persist-behind.test.js',
  'supervisor/fleet/mode-journal.test.js',
  'supervisor/fleet/seed.test.js',
  'browser/chaos.test.js',
  'worker/fast-lane.test.js',
  'supervisor/recette/timeline.test.js',
  'engine/netns.test.js',
  'supervisor/fleet/supervisor-crash.test.js',
  'contract/fleet-contract.test.js',
  'browser/clock-badge.test.js',
  'supervisor/recette/field-day-verdict.test.js',
];

function testFiles(path: string): string[] {
  if (statSync(path).isFile()) return path.endsWith('.test.js') ? [path] : [];
  return readdirSync(path)
    .sort()
    .flatMap((name) => testFiles(join(path, name)));
}

const rank = (file: string) => {
  const i = LONG.indexOf(relative(DIST_TEST, file));
  return i < 0 ? LONG.length : i;
};
const timed = (file: string) => TIMED.includes(relative(DIST_TEST, file));

const roots = process.argv.length > 2 ? process.argv.slice(2).map((p) => resolve(p)) : [DIST_TEST];
const files = roots.flatMap(testFiles);
const runs: [number, string[]][] = [
  [availableParallelism() + 1, files.filter((f) => !timed(f)).sort((a, b) => rank(a) - rank(b))],
  [1, files.filter(timed)],
];
// One chromium for every browser file (each connects and works in its own contexts) instead of
// seven launches beside the fleets: about 3 cpu-s a run. The files inherit the endpoint.
const chromium = files.some((f) => relative(DIST_TEST, f).startsWith('browser/')) ? await launchChromiumServer() : undefined;
if (chromium) process.env[SHARED_CHROMIUM_ENV] = chromium.wsEndpoint();
// node's runner API, not `node --test FILES`: the command line sorts the files by name (Node 20),
// which undoes the longest-first order; run() keeps the order given.
let failed = false;
for (const [concurrency, group] of runs) {
  if (group.length === 0) continue;
  const tests = run({ files: group, concurrency });
  tests.on('test:fail', () => (failed = true));
  await pipeline(tests.compose(new spec()), process.stdout, { end: false });
}
await chromium?.close();
process.exitCode = failed ? 1 : 0;
