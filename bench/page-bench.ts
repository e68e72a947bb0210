/**
 * The supervision page on a fleet of N MK6 (250 by default): the browser test
 * test/browser/page-scale.test.ts run at that size, its figures kept (first render, search,
 * rows in the DOM, the page's calls per period). npm test runs the same file on 60.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function benchPage(n: number): Record<string, unknown> {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--test', join(DIST, 'test/browser/page-scale.test.js')], {
    env: { ...process.env, MK6_PAGE_FLEET_SIZE: String(n) },
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  const out = `${run.stdout}${run.stderr}`;
  // the test prints `# <n> MK6: …`; node's TAP reporter shows it as a comment (`# \# <n> MK6: …`)
  const figure = new RegExp(`^(?:# )?\\\\?# (${n} MK6: .*)$`);
  const figures = out.split('\n').flatMap((l) => figure.exec(l)?.[1] ?? []);
  const passed = run.status === 0;
  if (!passed) console.error(out.slice(-4000));
  return { n, passed, seconds: Math.round((performance.now() - started) / 1000), figures };
}
