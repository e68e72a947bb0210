import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
const DIST = resolve(dirname(fileURLToPath(import.meta.url)), "..");
function benchPage(n) {
  const started = performance.now();
  const run = spawnSync(process.execPath, ["--test", join(DIST, "test/browser/page-scale.test.js")], {
    env: { ...process.env, MK6_PAGE_FLEET_SIZE: String(n) },
    encoding: "utf8",
    timeout: 15 * 6e4
  });
  const out = `${run.stdout}${run.stderr}`;
  const figure = new RegExp(`^(?:# )?\\\\?# (${n} MK6: .*)$`);
  const figures = out.split("\n").flatMap((l) => figure.exec(l)?.[1] ?? []);
  const passed = run.status === 0;
  if (!passed) console.error(out.slice(-4e3));
  return { n, passed, seconds: Math.round((performance.now() - started) / 1e3), figures };
}
export {
  benchPage
};
