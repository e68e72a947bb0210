/** HAR checks for tests: the HAR 1.2 JSON schema of npm's har-validator, and the CLI. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from '../../src/shared/package-root.js';

const ROOT = packageRoot(import.meta.url);
const CLI = join(ROOT, 'dist/supervisor/cli/main.js');
const harValidator = createRequire(import.meta.url)('har-validator') as { har: (data: unknown) => Promise<unknown> };

/** Valid HAR 1.2, or the validator's faults. */
export async function assertValidHar(har: unknown): Promise<void> {
  try {
    await harValidator.har(har); // rejects with the schema faults
  } catch (err) {
    assert.fail(`not valid HAR 1.2: ${JSON.stringify((err as { errors?: unknown }).errors ?? String(err)).slice(0, 2000)}`);
  }
}

/** `mk6-fleet …`: its exit code and output. */
export function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    execFile(process.execPath, [CLI, ...args], { timeout: 240_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
      ok({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}
