import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { call, lostSetpoints, ROUVAI, startFleet } from "../../helpers/fleet-app.js";
import { checkAgainstContract } from "../../helpers/contract.js";
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const CLI = join(ROOT, "dist/supervisor/cli/main.js");
const RECETTE = join(ROOT, "recettes/rouvai-day.yaml");
const at = (hhmm) => `2026-03-01T${hhmm}:00Z`;
const TOKEN = "gw-secret-13";
const PDL1 = "8FV898VMwWX0";
const PDL6 = "8FV8C98VwC40";
const VAI4 = "8FV897G6wGQ0";
const MK6 = ROUVAI.map((m) => m.id);
const BLOCKS = [["08:00", "08:00"], ["09:58", "10:10"], ["11:00", "11:05"], ["11:20", "11:23"], ["14:00", "14:06"]];
function minutes(from, to) {
  const out = [];
  for (let t = Date.parse(at(from)); t <= Date.parse(at(to)); t += 6e4) out.push(new Date(t).toISOString().slice(11, 16));
  return out;
}
class Gateway {
  constructor(url, faults = {}) {
    this.url = url;
    this.faults = faults;
  }
  url;
  faults;
  plan = /* @__PURE__ */ new Map();
  get(id, sub, token = id === "ROU1.2") {
    return call(this.url, "GET", `/api/v1/mk6/${id}/${sub}`, void 0, token ? { authorization: `Bearer ${TOKEN}` } : {});
  }
  async send(id, req) {
    const res = await call(this.url, "POST", `/api/v1/mk6/${id}/requests`, req, id === "ROU1.2" ? { authorization: `Bearer ${TOKEN}` } : {});
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res;
  }
  async setpoint(id, site, psetpoint, from, to) {
    const req = { set: "Psetpoint", site, psetpoint, start_time: at(from), end_time: at(to) };
    this.plan.set(id, [...this.plan.get(id) ?? [], req]);
    await this.send(id, req);
    if (this.faults.duplicate && id === "VAI") await this.send(id, req);
  }
  async tick(t) {
    const minute = Number(t.slice(3));
    if (!this.faults.slowPolling || minute % 5 === 0) await Promise.all(MK6.map((id) => this.get(id, "monitoring")));
    if (t === "08:00") {
      await this.setpoint("ROU1.3", PDL6, 5e3, "15:00", "16:00");
      await this.setpoint("VAI", VAI4, 3e3, "13:00", "14:30");
    }
    if (t === "10:05") await this.setpoint("ROU1.1", PDL1, this.faults.aboveConstraint ? 6e3 : 3500, "10:05", "11:00");
    if (t === "10:07" && this.faults.missingToken) assert.equal((await this.get("ROU1.2", "monitoring", false)).status, 401);
    if (t === "11:01" && this.faults.hammer) await Promise.all(Array.from({ length: 10 }, () => this.get("ROU2", "monitoring")));
    if (!this.faults.noResend) {
      for (const [id, reqs] of this.plan) {
        const res = await this.get(id, "planning");
        if (res.status !== 200) continue;
        const held = res.body.planning;
        for (const req of lostSetpoints(reqs, held, at(t))) await this.send(id, req);
      }
    }
  }
}
describe("the fleet judges the gateway over the field day (recettes/rouvai-day.yaml)", () => {
  let fleet;
  let out;
  before(async () => {
    fleet = await startFleet({ mk6: ROUVAI }, { args: ["--timeline", join(ROOT, "timelines/field-day.yaml")], env: { MK6_BLACKHOLE_TIMEOUT_MS: "300" } });
    out = mkdtempSync(join(tmpdir(), "mk6-verdict-"));
  });
  after(async () => {
    await fleet?.stop();
    if (out) rmSync(out, { recursive: true, force: true });
  });
  const playDay = async (gw) => {
    assert.equal((await call(fleet.url, "POST", "/mock/reset")).status, 200);
    assert.equal((await call(fleet.url, "POST", "/mock/mk6/ROU1.2/auth", { enabled: true, token: TOKEN })).status, 200);
    for (const [from, to] of BLOCKS) {
      for (const t of minutes(from, to)) {
        assert.equal((await call(fleet.url, "POST", "/mock/time", { now: at(t) })).status, 200);
        await gw.tick(t);
      }
    }
  };
  const verify = (...args) => new Promise((ok) => {
    execFile(
      process.execPath,
      [CLI, "verify", RECETTE, "--url", fleet.url, ...args],
      { timeout: 3e4, env: { ...process.env, MK6_LANG: "en" } },
      (err, stdout, stderr) => ok({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr })
    );
  });
  const verdictOf = async () => {
    const res = await call(fleet.url, "POST", "/mock/verdicts", JSON.parse(JSON.stringify(await import("yaml").then((y) => y.parse(readFileSync(RECETTE, "utf8"))))), { "accept-language": "en" });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    checkAgainstContract("POST", "/mock/verdicts", 200, res.body);
    return res.body;
  };
  it("a well-behaved gateway passes every check; the event log tells the day", async () => {
    await playDay(new Gateway(fleet.url));
    const v = await verdictOf();
    assert.deepEqual(v.checks.filter((c) => c.status !== "pass").map((c) => `${c.id}: ${c.message}`), []);
    const cli = await verify("--junit", join(out, "good.xml"), "--html", join(out, "good.html"));
    assert.equal(cli.code, 0, cli.stdout + cli.stderr);
    assert.match(readFileSync(join(out, "good.xml"), "utf8"), /<testsuites name="GW on ROUVAI, field day" tests="7" failures="0"/);
    const events = (await call(fleet.url, "GET", "/mock/events")).body;
    checkAgainstContract("GET", "/mock/events", 200, events);
    const day = events.slice(events.map((e) => e.kind).lastIndexOf("reset"));
    const seen = (kind, mk6, sim, details = {}) => assert.ok(day.some((e) => e.kind === kind && e.mk6_id === mk6 && e.sim_time === sim && Object.entries(details).every(([k, v2]) => e.details[k] === v2)), `${kind} ${mk6} ${sim} ${JSON.stringify(details)} in ${JSON.stringify(day.map((e) => [e.kind, e.mk6_id, e.sim_time]))}`);
    seen("auth", "ROU1.2", day.find((e) => e.kind === "auth").sim_time, { enabled: true });
    assert.ok(!JSON.stringify(events).includes(TOKEN), "never the token");
    seen("clock_set", null, at("08:00"));
    seen("constraint_on", "ROU1.1", at("10:00"), { sycode: PDL1, value_kw: 4e3, source: "DEIE" });
    seen("kill", "ROU2", at("11:00"), { kind: "blackhole" });
    seen("restart", "ROU2", at("11:20"), { kind: "warm" });
    seen("network_add", "VAI", at("14:00"), { name: "slow-link" });
    seen("restart", "ROU1.3", at("14:00"), { kind: "cold" });
    seen("timeline_fired", "ROU1.3", at("14:00"), { action: "restart", status: 200 });
    const since = day[day.length - 2].id;
    assert.deepEqual((await call(fleet.url, "GET", `/mock/events?since_id=${since}`)).body.map((e) => e.id), [day[day.length - 1].id]);
    const journal = (await call(fleet.url, "GET", "/api/v1/debug/requests")).body;
    const front = journal.filter((e) => e.source === "front");
    assert.ok(front.length >= 6 && front.every((e) => e.status === 504 && e.mk6_id === "ROU2"), JSON.stringify(front));
    assert.deepEqual([...new Set(front.map((e) => e.sim_time))], minutes("11:00", "11:05").map(at));
  });
  it("a faulty gateway fails exactly the checks of its faults, with their evidence", async () => {
    await playDay(new Gateway(fleet.url, { slowPolling: true, aboveConstraint: true, noResend: true, hammer: true, duplicate: true, missingToken: true }));
    const v = await verdictOf();
    const byId = Object.fromEntries(v.checks.map((c) => [c.id, c]));
    assert.deepEqual(
      v.checks.map((c) => `${c.id} ${c.status}`),
      ["writes-accepted pass", "cadence fail", "replan fail", "backoff fail", "limits fail", "no-dupes fail", "auth fail"],
      JSON.stringify(v.checks, null, 1)
    );
    const journal = (await call(fleet.url, "GET", "/api/v1/debug/requests")).body;
    const events = (await call(fleet.url, "GET", "/mock/events")).body;
    const ids = (c) => byId[c].evidence.map((e) => e.journal_id ?? e.event_id);
    assert.match(byId.cadence.message, /ROU1\.1: no monitoring call for 5 mins between 10:00:00 and 10:05:00, max 2 mins/);
    assert.ok(byId.cadence.evidence.every((e) => e.journal_id === void 0 || journal.find((j) => j.id === e.journal_id)?.path.endsWith("/monitoring")));
    const over = journal.find((e) => e.method === "POST" && e.mk6_id === "ROU1.1" && e.req_body?.psetpoint === 6e3);
    const deie = events.filter((e) => e.kind === "constraint_on").at(-1);
    assert.match(byId.limits.message, /^ROU1\.1: setpoint 6,000 kW on 8FV898VMwWX0 for 10:05:00–11:00:00, sent at 10:05:00, above the DEIE constraint 4,000 kW in force 10:00:00–12:00:00 \(accepted, journal #\d+\)$/);
    assert.deepEqual(ids("limits"), [deie.id, over.id]);
    const cold = events.filter((e) => e.kind === "restart" && e.mk6_id === "ROU1.3").at(-1);
    assert.equal(byId.replan.message, "ROU1.3: REQ-001 (Psetpoint 5,000 kW on 8FV8C98VwC40 15:00:00\u201316:00:00) lost in the cold restart at 14:00:00, not re-sent within 5 mins");
    assert.equal(ids("replan")[0], cold.id);
    const kill = events.filter((e) => e.kind === "kill" && e.mk6_id === "ROU2").at(-1);
    assert.match(byId.backoff.message, /^ROU2: 10 calls within a minute \(11:01:00–11:01:00 on the fleet clock, [\d.]+ s real\) while down \(blackhole kill since 11:00:00\), max 6$/);
    assert.equal(ids("backoff")[0], kill.id);
    const burst = byId.backoff.evidence.filter((e) => e.journal_id !== void 0).map((e) => journal.find((j) => j.id === e.journal_id));
    assert.ok(burst.every((e) => e.source === "front" && e.status === 504 && e.mk6_id === "ROU2"));
    const vai = journal.filter((e) => e.method === "POST" && e.path === "/api/v1/mk6/VAI/requests" && e.status === 201);
    assert.match(byId["no-dupes"].message, /^VAI: Psetpoint 3,000 kW on 8FV897G6wGQ0 13:00:00–14:30:00 accepted twice, REQ-001 \(journal #\d+, 08:00:00\) then REQ-002/);
    assert.deepEqual(ids("no-dupes"), vai.map((e) => e.id));
    const refused = journal.filter((e) => e.status === 401);
    assert.equal(refused.length, 1);
    assert.match(byId.auth.message, /^ROU1\.2: 1 call without a valid token while auth was on \(first GET \/api\/v1\/mk6\/ROU1\.2\/monitoring at 10:07:00/);
    assert.deepEqual(ids("auth"), [refused[0].id]);
    const cli = await verify("--junit", join(out, "faulty.xml"));
    assert.equal(cli.code, 1, cli.stdout + cli.stderr);
    const junit = readFileSync(join(out, "faulty.xml"), "utf8");
    assert.match(junit, /tests="7" failures="6"/);
    assert.equal((junit.match(/<testcase /g) ?? []).length, 7);
    for (const id of ["cadence", "replan", "backoff", "limits", "no-dupes", "auth"]) assert.match(junit, new RegExp(`name="${id} \\([a-z_]+\\)" time="0">\\s*<failure message=`), id);
    assert.match(junit, /journal #\d+\s+(?:GET|POST)/, "evidence in the failure");
  });
  it("a bad recette file: every fault with its line, exit 2; the fleet names an MK6 it does not have", async () => {
    const res = await call(fleet.url, "POST", "/mock/verdicts", "name: x\nchecks:\n  - { id: a, kind: polls, max_gap: 2 min }\n  - { id: b, kind: pollz }\n  - { id: c, kind: authenticated, mk6: [NOPE] }\n", { "content-type": "text/yaml" });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.details.problems, [
      'recette:3 checks[0].max_gap: dur\xE9e invalide: "2 min" (ex. 30s, 5m, 1h, 1h30m)',
      'recette:4 checks[1].kind: kind inconnu: "pollz" (no_errors|polls|resends_after_restart|max_rate_while_down|setpoints_within_limits|no_duplicate_setpoints|authenticated|coverage)',
      "recette:5 checks[2].mk6[0]: MK6 inconnu: 'NOPE' (ROU1.1, ROU1.2, ROU1.3, ROU2, VAI)"
    ]);
    const file = join(out, "unknown.yaml");
    (await import("node:fs")).writeFileSync(file, "name: x\nchecks:\n  - { id: c, kind: authenticated, mk6: [NOPE] }\n");
    const cli = await new Promise(
      (ok) => execFile(process.execPath, [CLI, "verify", file, "--url", fleet.url], { env: { ...process.env, MK6_LANG: "fr" } }, (err, _o, stderr) => ok({ code: err ? Number(err.code) : 0, stderr }))
    );
    assert.equal(cli.code, 2);
    assert.match(cli.stderr, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:3 checks\\[0\\]\\.mk6\\[0\\]: MK6 inconnu: 'NOPE'`));
    assert.doesNotMatch(cli.stderr, /at .*\.js:\d+/, "no stack trace");
  });
});
