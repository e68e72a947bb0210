import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const CLI = join(ROOT, "dist/supervisor/cli/main.js");
const harValidator = createRequire(import.meta.url)("har-validator");
async function assertValidHar(har) {
  try {
    await harValidator.har(har);
  } catch (err) {
    assert.fail(`not valid HAR 1.2: ${JSON.stringify(err.errors ?? String(err)).slice(0, 2e3)}`);
  }
}
function cli(...args) {
  return new Promise((ok) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { timeout: 24e4, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => ok({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr })
    );
  });
}
export {
  assertValidHar,
  cli
};
