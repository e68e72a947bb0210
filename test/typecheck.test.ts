/**
 * The whole tree type-checks (`npm run typecheck`: tsc, strict, no output). The build only
 * transpiles (esbuild, file by file, in about 2 s instead of tsc's 20), so this is where a type
 * error fails `npm test`; it runs beside the other files instead of before all of them.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TSC = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');

it('tsc finds no type error in src, supervisor, test and bench', { timeout: 300_000 }, async () => {
  const { code, output } = await new Promise<{ code: number | null; output: string }>((done) =>
    execFile(process.execPath, [TSC, '-p', join(ROOT, 'tsconfig.json'), '--noEmit', '--pretty', 'false'], { cwd: ROOT, maxBuffer: 16 << 20 }, (err, stdout, stderr) =>
      done({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, output: stdout + stderr }),
    ),
  );
  assert.equal(code, 0, `tsc --noEmit:\n${output}`);
  assert.equal(output.trim(), '');
});
