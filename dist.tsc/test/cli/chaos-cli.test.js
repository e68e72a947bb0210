import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { after, describe, it } from "node:test";
import { parseTimelineText } from "../../src/config/timeline-file.js";
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const CLI = join(ROOT, "dist/supervisor/cli/main.js");
const dir = mkdtempSync(join(tmpdir(), "mk6-chaos-cli-"));
const env = { ...process.env, MK6_LANG: "en" };
delete env.MK6_FLEET;
delete env.MOCK_MK6_CONFIG_PATH;
const run = (...args) => new Promise(
  (ok) => execFile(process.execPath, [CLI, ...args], { cwd: ROOT, env, timeout: 3e4 }, (err, stdout, stderr) => ok({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }))
);
describe("mk6-fleet chaos", () => {
  after(() => rmSync(dir, { recursive: true, force: true }));
  it("--seed 7 --intensity medium twice gives identical files; --out writes the same bytes", async () => {
    const [a, b] = await Promise.all([run("chaos", "--seed", "7", "--intensity", "medium"), run("chaos", "--seed", "7", "--intensity", "medium", "--out", join(dir, "day.yaml"))]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    assert.equal(readFileSync(join(dir, "day.yaml"), "utf8"), a.stdout);
    assert.match(b.stderr, /day\.yaml: \d+ faults, \d+ events/);
    assert.equal((await run("chaos", "--seed", "7", "--intensity", "medium", "--fleet", "fleet.yaml")).stdout, a.stdout);
    assert.match(a.stdout, /^# mk6-fleet chaos --seed 7 --from 08:00 --to 18:00 --date 2026-03-01 --targets minority --intensity medium --faults /);
    assert.ok(parseTimelineText(a.stdout).length > 10);
    assert.notEqual((await run("chaos", "--seed", "8", "--intensity", "medium")).stdout, a.stdout);
  });
  it("usage errors exit 2 with the reason", async () => {
    for (const [args, pattern] of [
      [["chaos"], /chaos --seed N/],
      [["chaos", "--seed", "x"], /seed: an integer/],
      [["chaos", "--seed", "1", "--faults", "kill.gently"], /unknown fault: 'kill\.gently'/],
      [["chaos", "--seed", "1", "--from", "12:00", "--to", "11:00"], /empty window/],
      [["chaos", "narrow", "x.yaml"], /chaos narrow DAY\.yaml --verdict VERDICT\.json/]
    ]) {
      const r = await run(...args);
      assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
      assert.match(r.stderr, pattern);
    }
  });
  it("narrow: the day with only the faults the verdict names, a timeline that loads", async () => {
    const day = join(dir, "narrow-day.yaml");
    assert.equal((await run("chaos", "--seed", "7", "--intensity", "medium", "--out", day)).code, 0);
    const events = parseTimelineText(readFileSync(day, "utf8"));
    const kill = events.find((e) => e.action === "kill");
    const verdict = join(dir, "verdict.json");
    writeFileSync(verdict, JSON.stringify({ checks: [{ id: "backoff", status: "fail", candidates: [{ fault: `kill.${kill.fields.kind}`, mk6_id: kill.mk6, from: new Date(kill.at + 2e4).toISOString(), to: null, event_ids: [1], evidence: [0] }] }] }));
    const r = await run("chaos", "narrow", day, "--verdict", verdict, "--out", join(dir, "narrow.yaml"));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /narrow\.yaml: 2 of \d+ events kept \(faults named by 1 failing checks\)/);
    const kept = parseTimelineText(readFileSync(join(dir, "narrow.yaml"), "utf8"));
    assert.deepEqual(kept.map((e) => [e.action, e.mk6]), [["kill", kill.mk6], ["restart", kill.mk6]]);
    writeFileSync(verdict, "not json");
    assert.equal((await run("chaos", "narrow", day, "--verdict", verdict)).code, 2);
  });
});
