import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { call, startFleet } from "../helpers/fleet-app.js";
const CLI = resolve(dirname(fileURLToPath(import.meta.url)), "../../supervisor/cli/main.js");
const FRENCH = { ...process.env, MK6_LANG: "fr" };
const site = (sycode) => [{ sycode, name: `Site ${sycode}`, role: "thissite", pmax_kw: 1e4 }];
describe("mk6-fleet CLI", () => {
  let fleet;
  let dir;
  const cli = (...args) => new Promise(
    (ok) => execFile(
      process.execPath,
      [CLI, "--url", fleet.url, ...args],
      { timeout: 3e4, env: FRENCH },
      (err, stdout, stderr) => ok({ code: err ? typeof err.code === "number" ? err.code : -1 : 0, stdout, stderr })
    )
  );
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "mk6-cli-"));
    fleet = await startFleet({ mk6: [{ id: "A", sites: site("SYCA") }, { id: "B", sites: site("SYCB") }] });
  });
  after(async () => {
    await fleet?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  it("status lists the MK6s and the clock", async () => {
    const r = await cli("status");
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^horloge: .*\(système\)/);
    assert.match(r.stdout, /\nA +http:\/\/127\.0\.0\.1:\d+ +en marche +en ligne/);
    const json = await cli("--json", "status");
    assert.equal(JSON.parse(json.stdout).inventory.count, 2);
  });
  it("time set, advance, speed and release move the fleet clock", async () => {
    assert.equal((await cli("time", "set", "2026-03-01T10:00:00Z")).code, 0);
    const adv = await cli("time", "advance", "1h30m");
    assert.equal(adv.code, 0, adv.stderr);
    assert.equal((await call(fleet.url, "GET", "/supervision/api/time")).body.now, "2026-03-01T11:30:00Z");
    assert.equal((await cli("time", "speed", "10")).code, 0);
    assert.equal((await call(fleet.url, "GET", "/supervision/api/time")).body.speed, 10);
    assert.equal((await cli("time", "release")).code, 0);
    assert.equal((await call(fleet.url, "GET", "/supervision/api/time")).body.source, "system");
    assert.equal((await cli("time", "advance", "soon")).code, 2);
  });
  it("kill and restart with their kinds, offline and online", async () => {
    const kill = await cli("kill", "B", "--kind", "reset");
    assert.equal(kill.code, 0, kill.stderr);
    const inv = (await call(fleet.url, "GET", "/mock/mk6")).body.mk6.find((m) => m.mk6_id === "B");
    assert.equal(inv.outage, "reset");
    assert.equal((await cli("restart", "B", "--kind", "cold")).code, 0);
    assert.equal((await call(fleet.url, "GET", "/api/v1/mk6/B/monitoring")).status, 200);
    assert.equal((await cli("kill", "B", "--kind", "nuke")).code, 1, "refused by the fleet: 441");
    assert.equal((await cli("kill", "NOPE")).code, 1, "404 MK6_NOT_FOUND");
    assert.equal((await cli("offline", "A")).code, 0);
    assert.equal((await call(fleet.url, "GET", "/api/v1/mk6/A/monitoring")).status, 503);
    assert.equal((await cli("online", "A")).code, 0);
    assert.equal((await call(fleet.url, "GET", "/api/v1/mk6/A/monitoring")).status, 200);
  });
  it("network add, ls and rm", async () => {
    const add = await cli("network", "A", "add", "flaky", "error", "status=503", "probability=1", "methods=get");
    assert.equal(add.code, 0, add.stderr);
    assert.equal((await call(fleet.url, "GET", "/api/v1/mk6/A/monitoring")).status, 503);
    assert.match((await cli("network", "A", "ls")).stdout, /^flaky\terror\t/);
    const bad = await cli("network", "A", "add", "x", "latency", "latency_ms=-1");
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /441 INVALID_VALUE/);
    assert.equal((await cli("network", "A", "rm", "flaky")).code, 0);
    assert.equal((await call(fleet.url, "GET", "/api/v1/mk6/A/monitoring")).status, 200);
    assert.equal((await cli("network", "A", "rm", "flaky")).code, 1, "already gone: 404");
    assert.equal((await cli("network", "A", "add", "x")).code, 2);
  });
  it("timeline load FILE, then show", async () => {
    const file = join(dir, "day.yaml");
    writeFileSync(file, 'timeline:\n  - {at: "2026-03-01T10:00:00Z", action: offline, mk6: A}\n  - {at: "2026-03-01T11:00:00Z", action: online, mk6: A}\n');
    const load = await cli("timeline", "load", file);
    assert.equal(load.code, 0, load.stderr);
    assert.match(load.stdout, /2 événements, 0 déclenché, 2 en attente/);
    await cli("time", "set", "2026-03-01T10:30:00Z");
    assert.match((await cli("timeline", "show")).stdout, /2026-03-01T10:00:00Z {2}déclenché +offline A/);
    writeFileSync(file, "timeline:\n  - {at: nope, action: offline, mk6: A}\n");
    const bad = await cli("timeline", "load", file);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /timeline:2 events\[0\]\.at/);
    assert.equal((await cli("timeline", "load", join(dir, "missing.yaml"))).code, 2);
  });
  it("journal prints the entries; --follow prints new ones as they come", async () => {
    await call(fleet.url, "DELETE", "/api/v1/debug/requests");
    await call(fleet.url, "GET", "/api/v1/mk6/B/monitoring");
    const r = await cli("journal");
    assert.equal(r.code, 0);
    assert.match(r.stdout, /\tB\tGET \/api\/v1\/mk6\/B\/monitoring\t200\t/);
    const child = execFile(process.execPath, [CLI, "--url", fleet.url, "journal", "--follow"], { env: FRENCH });
    let out = "";
    child.stdout.on("data", (c) => out += c);
    const printed = async (path) => {
      const deadline = Date.now() + 1e4;
      while (!out.includes(path) && Date.now() < deadline) await new Promise((r2) => setTimeout(r2, 50));
    };
    await printed("GET /api/v1/mk6/B/monitoring	");
    await call(fleet.url, "GET", "/api/v1/mk6/A/planning");
    await printed("/api/v1/mk6/A/planning");
    const code = new Promise((ok) => child.once("exit", (c) => ok(c)));
    child.kill("SIGINT");
    assert.match(out, /GET \/api\/v1\/mk6\/A\/planning\t\d{3}\t/);
    assert.equal(await code, 0);
  });
  it("usage errors exit 2, an unreachable fleet exits 3", async () => {
    assert.equal((await cli()).code, 2);
    assert.equal((await cli("fly")).code, 2);
    assert.equal((await cli("--nope", "status")).code, 2);
    const down = await new Promise(
      (ok) => execFile(process.execPath, [CLI, "--url", "http://127.0.0.1:1", "status"], { env: FRENCH }, (err, stdout, stderr) => ok({ code: err?.code ?? 0, stdout, stderr }))
    );
    assert.equal(down.code, 3);
    assert.match(down.stderr, /injoignable/);
  });
});
