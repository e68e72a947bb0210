import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { call, lostSetpoints, NOBODY_URL, ROUVAI, startFleet } from "../../helpers/fleet.js";
import { startFleet as startInProcess } from "../../helpers/fleet-app.js";
import { assertValidHar } from "../../helpers/har.js";
import { EN_ENV, runCli } from "../../cli/in-process.js";
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const TIMELINE = join(ROOT, "timelines/field-day.yaml");
const at = (hhmm) => `2026-03-01T${hhmm}:00Z`;
const PDL1 = "8FV898VMwWX0";
const PDL6 = "8FV8C98VwC40";
const VAI4 = "8FV897G6wGQ0";
const MK6 = ROUVAI.map((m) => m.id);
const BLOCKS = [["08:00", "08:02"], ["09:58", "10:06"], ["11:00", "11:02"], ["11:20", "11:21"], ["14:00", "14:02"]];
const FLEET_OPTIONS = { args: ["--timeline", TIMELINE], env: { MK6_BLACKHOLE_TIMEOUT_MS: "50" } };
const cli = (...args) => runCli(args, EN_ENV);
function minutes(from, to) {
  const out = [];
  for (let t = Date.parse(at(from)); t <= Date.parse(at(to)); t += 6e4) out.push(new Date(t).toISOString().slice(11, 16));
  return out;
}
class Gateway {
  constructor(url) {
    this.url = url;
  }
  url;
  plan = /* @__PURE__ */ new Map();
  get(id, sub) {
    return call(this.url(), "GET", `/api/v1/mk6/${id}/${sub}`);
  }
  async setpoint(id, site, psetpoint, from, to) {
    const req = { set: "Psetpoint", site, psetpoint, start_time: at(from), end_time: at(to), preset: "none" };
    this.plan.set(id, [...this.plan.get(id) ?? [], req]);
    assert.equal((await call(this.url(), "POST", `/api/v1/mk6/${id}/requests`, req)).status, 201);
  }
  async tick(t) {
    await Promise.all(MK6.map((id) => this.get(id, "monitoring")));
    await this.get("ROU2", "monitoring/sites");
    await this.get("ROU1.1", `monitoring/sites/${PDL1}`);
    await this.get("VAI", "monitoring/planning");
    if (t === "08:00") {
      await this.setpoint("ROU1.3", PDL6, 5e3, "15:00", "16:00");
      await this.setpoint("VAI", VAI4, 3e3, "08:01", "14:30");
    }
    if (t === "10:05") await this.setpoint("ROU1.1", PDL1, 3500, "10:05", "11:00");
    for (const [id, reqs] of this.plan) {
      const res = await this.get(id, "planning");
      if (res.status !== 200) continue;
      const held = res.body.planning;
      for (const req of lostSetpoints(reqs, held, at(t))) {
        assert.equal((await call(this.url(), "POST", `/api/v1/mk6/${id}/requests`, req)).status, 201);
      }
    }
  }
}
async function playBlocks(fleet, gw, blocks) {
  for (const [from, to] of blocks) {
    for (const t of minutes(from, to)) {
      assert.equal((await call(fleet.url, "POST", "/mock/time", { now: at(t) })).status, 200);
      await gw.tick(t);
    }
  }
}
describe("a recorded field day replays identically; another seed differs only in production", () => {
  let recorder;
  let out;
  const files = {};
  const counts = {};
  before(async () => {
    recorder = await startFleet({ mk6: ROUVAI }, FLEET_OPTIONS);
    out = mkdtempSync(join(tmpdir(), "mk6-replay-"));
    const record = async (name, middle) => {
      assert.equal((await call(recorder.url, "POST", "/mock/reset")).status, 200);
      assert.equal((await call(recorder.url, "POST", "/mock/recording", { on: true, name })).status, 200);
      const gw = new Gateway(() => recorder.url);
      await playBlocks(recorder, gw, BLOCKS.slice(0, 2));
      await middle?.();
      await playBlocks(recorder, gw, BLOCKS.slice(2));
      const view = (await call(recorder.url, "POST", "/mock/recording", { on: false })).body;
      assert.equal(view.on, false);
      files[name] = join(out, `${name}.har`);
      const fetched = await cli("record", "fetch", name, "--out", files[name], "--url", recorder.url);
      assert.equal(fetched.code, 0, fetched.stderr);
      counts[name] = view.entries;
    };
    await record("field-day");
    await record("field-day-restarted", async () => {
      await recorder.terminate();
      await recorder.respawn();
    });
  });
  after(async () => {
    await recorder?.stop();
    if (out) rmSync(out, { recursive: true, force: true });
  });
  it("the recordings are valid HAR with the blackholed calls the front answered", async () => {
    for (const file of Object.values(files)) {
      const har = JSON.parse(await import("node:fs").then((fs) => fs.readFileSync(file, "utf8")));
      await assertValidHar(har);
      const front = har.log.entries.filter((e) => e._source === "front");
      assert.ok(front.length >= 3 && front.every((e) => e.response.status === 504 && e._mk6_id === "ROU2"), JSON.stringify(front.map((e) => [e._source, e.response.status])));
      assert.ok(har.log.entries.some((e) => e.request.method === "POST" && e._mk6_id === "ROU1.3" && JSON.parse(e.response.content.text).id === "REQ-002"), "the re-send after the cold restart");
    }
    assert.equal(counts["field-day-restarted"], counts["field-day"]);
  });
  describe("on a fresh fleet, same seed", () => {
    let fresh;
    before(async () => {
      fresh = await startInProcess({ mk6: ROUVAI }, FLEET_OPTIONS);
    });
    after(() => fresh?.stop());
    for (const name of ["field-day", "field-day-restarted"]) {
      it(`${name}: M of M identical`, async () => {
        const started = Date.now();
        const r = await cli("replay", files[name], "--url", fresh.url, "--reset");
        assert.equal(r.code, 0, r.stdout + r.stderr);
        const [, n, total] = r.stdout.match(/^(\d+) of (\d+) identical/) ?? [];
        assert.equal(n, total, r.stdout);
        assert.ok(Number(total) > 100 && Number(total) <= counts[name], `${total} of ${counts[name]} recorded`);
        console.log(`# ${name}: ${r.stdout.split("\n")[0]} (${((Date.now() - started) / 1e3).toFixed(1)} s)`);
      });
    }
  });
  describe("on a fleet with another seed", () => {
    let other;
    before(async () => {
      other = await startInProcess({ mk6: ROUVAI, seed: 7 }, FLEET_OPTIONS);
    });
    after(() => other?.stop());
    it("replay reports exactly the production values as differences", async () => {
      const r = await cli("replay", files["field-day"], "--url", other.url, "--reset", "--json");
      assert.equal(r.code, 1, r.stdout + r.stderr);
      const report = JSON.parse(r.stdout);
      assert.ok(report.differences.length > 0);
      const leaves = new Set(report.differences.flatMap((d) => d.fields.map((f) => String(f.path.at(-1)))));
      assert.deepEqual([...leaves].sort(), ["pactive", "pavailable"], JSON.stringify(report.differences.slice(0, 3)));
      assert.ok(report.differences.every((d) => d.status[0] === d.status[1] && d.note === void 0));
      const text = await cli("replay", files["field-day"], "--url", other.url, "--reset", "--only", "ROU2");
      assert.equal(text.code, 1);
      assert.match(text.stdout, /^\d+ of \d+ identical/);
      assert.match(text.stdout, /GET \/api\/v1\/mk6\/ROU2\/monitoring\/sites @ 01\/03\/2026, \d\d:\d\d:00 UTC: status 200\n {2}sites\["8FV8CCX2w7X0"\]\.pavailable: [\d.]+ → [\d.]+/);
      assert.ok(!/ROU1\.1|VAI/.test(text.stdout), "only ROU2");
      const ignored = await cli("replay", files["field-day"], "--url", other.url, "--reset", "--ignore", "pavailable,pactive");
      assert.equal(ignored.code, 0, ignored.stdout);
    });
  });
  it("a plain MK6 API (no fleet clock) is replayed without clock control, its differences shown; unreachable exits 3; a bad file 2", async () => {
    const plain = http.createServer((req, res) => {
      if (!req.url?.startsWith("/api/v1/mk6/")) return void res.writeHead(404).end();
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ thissite: {}, nearsite: [], state: {} }));
    });
    await new Promise((ok) => plain.listen(0, "127.0.0.1", ok));
    try {
      const url = `http://127.0.0.1:${plain.address().port}`;
      const r = await cli("replay", files["field-day"], "--url", url, "--only", "ROU1.2");
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.match(r.stdout, /^\d+ of \d+ identical \(no fleet clock on the target: replayed without clock control\)/);
      assert.match(r.stdout, /thissite\["8FV899VJw7Q0"\]: "ROU1 PDL3" → \(absent\)/);
    } finally {
      plain.close();
    }
    const closed = await cli("replay", files["field-day"], "--url", NOBODY_URL);
    assert.equal(closed.code, 3, closed.stdout + closed.stderr);
    const bad = join(out, "bad.har");
    writeFileSync(bad, '{"not": "har"}');
    assert.equal((await cli("replay", bad, "--url", recorder.url)).code, 2);
    assert.equal((await cli("replay", "--url", recorder.url)).code, 2);
  });
});
