/**
 * `npm test`: every test file, in two runs of node's test runner. First the files that need
 * no process of their own (pure code, the worker and the supervisor in process on port 0),
 * two at a time; then, one at a time, the files that start real processes (pm2 fleets,
 * worker processes, the CLI, chromium) or measure time, which two cores would skew.
 *   node dist/test/helpers/run-suites.js [dist/test/<dir or file>…]
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST_TEST = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** What a file imports when it starts processes of its own. */
const REAL_PROCESSES = [/'playwright-core'/, /helpers\/fleet\.js'/, /helpers\/worker-process\.js'/, /helpers\/browser\.js'/, /'node:child_process'/, /from 'pm2'/];
/** In process, but timing: latency and bandwidth statistics, a slow reader's drop. */
const TIMED = ['worker/network/worker-conditions.test.js', 'supervisor/session/stream.test.js'];

function testFiles(path: string): string[] {
  if (statSync(path).isFile()) return path.endsWith('.test.js') ? [path] : [];
  return readdirSync(path)
    .sort()
    .flatMap((name) => testFiles(join(path, name)));
}

function serial(file: string): boolean {
  if (TIMED.includes(relative(DIST_TEST, file))) return true;
  const text = readFileSync(file, 'utf8');
  return REAL_PROCESSES.some((re) => re.test(text));
}

const roots = process.argv.length > 2 ? process.argv.slice(2).map((p) => resolve(p)) : [DIST_TEST];
const files = roots.flatMap(testFiles);
const runs: [number, string[]][] = [
  [2, files.filter((f) => !serial(f))],
  [1, files.filter(serial)],
];
let status = 0;
for (const [concurrency, group] of runs) {
  if (group.length === 0) continue;
  const run = spawnSync(process.execPath, ['--test', `--test-concurrency=${concurrency}`, ...group], { stdio: 'inherit' });
  status ||= run.status ?? 1;
}
process.exitCode = status;
