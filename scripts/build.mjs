/**
 * The build: esbuild only (no type-check: test/typecheck.test.ts runs tsc), in one process, every
 * output at once. One process rather than a chain of `npm run`s: each nested npm cost a quarter
 * of a second, most of the build's time.
 *   node scripts/build.mjs product   dist/ emptied; src and supervisor transpiled file by file;
 *                                    the worker (dist/worker.cjs), the supervisor and the CLI bundled
 *   node scripts/build.mjs tests     test and bench transpiled (helpers, scripts tests spawn,
 *                                    benches); each test file bundled, shared chunks in dist/test/chunks/
 * Programs and test files run as bundles: loading hundreds of small modules was most of a start's
 * CPU (BENCHMARKS.md, session 10). Packages that read their own files stay external.
 */
import { build } from 'esbuild';
import { chmodSync, cpSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const parts = new Set(process.argv.slice(2));
if (parts.size === 0 || [...parts].some((p) => p !== 'product' && p !== 'tests')) {
  console.error('usage: node scripts/build.mjs product|tests…');
  process.exit(2);
}

/** The .ts files under `dirs`, but those `skip` says no to. */
const sources = (dirs, skip = () => false) =>
  dirs
    .flatMap((dir) => readdirSync(dir, { recursive: true }).map((f) => join(dir, f)))
    .filter((f) => f.endsWith('.ts') && !skip(f))
    .sort(); // the same order every build: the same chunk names

const common = { platform: 'node', target: 'node20', logLevel: 'warning' };
const transpile = (entryPoints) => build({ ...common, entryPoints, outdir: 'dist', outbase: '.', format: 'esm' });
/** Inlined but for what finds its own files at run time (pm2's daemon script, pino's transports…). */
const EXTERNAL = ['pm2', 'pino', 'pino-pretty', 'yaml', 'iconv-lite', 'mime-db'];
/** What the tests use that reads its own files too. */
const TEST_EXTERNAL = ['playwright-core', 'typescript', '@redocly/*', '@apideck/portman', 'newman', 'esbuild', 'openapi-typescript', 'har-validator', '@seriousme/openapi-schema-validator', 'axe-core', 'kubernetes-models'];
const bundle = (options) =>
  build({
    ...common,
    bundle: true,
    format: 'esm',
    // A bundled ESM file still meets CommonJS code that calls require().
    banner: { js: "import { createRequire as topLevelCreateRequire } from 'node:module'; const require = topLevelCreateRequire(import.meta.url);" },
    ...options,
    external: [...EXTERNAL, ...(options.external ?? [])],
  });

const builds = [];
if (parts.has('product')) {
  rmSync('dist', { recursive: true, force: true });
  builds.push(
    transpile(sources(['src', 'supervisor'])),
    // CommonJS, minified: pm2 requires it (dist/pm2-worker/worker.cjs), and a fleet starts one per MK6.
    build({ ...common, entryPoints: ['src/worker/main.ts'], bundle: true, format: 'cjs', minify: true, external: ['yaml', 'iconv-lite', 'mime-db'], outfile: 'dist/worker.cjs' }).then(() =>
      cpSync('src/worker/pm2', 'dist/pm2-worker', { recursive: true }),
    ),
    bundle({ entryPoints: ['supervisor/main.ts', 'supervisor/cli/main.ts'], outdir: 'dist/supervisor', outbase: 'supervisor' }).then(() => chmodSync('dist/supervisor/cli/main.js', 0o755)),
  );
}
if (parts.has('tests')) {
  const isTestFile = (f) => f.endsWith('.test.ts');
  builds.push(
    transpile(sources(['test', 'bench'], isTestFile)),
    bundle({ entryPoints: sources(['test']).filter(isTestFile), splitting: true, outdir: 'dist/test', outbase: 'test', chunkNames: 'chunks/[name]-[hash]', external: TEST_EXTERNAL }),
  );
}
await Promise.all(builds);
