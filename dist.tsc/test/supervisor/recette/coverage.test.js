import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { evaluate } from "../../../supervisor/recette/verdicts/index.js";
import { parseRecette, parseRecetteText, RecetteError } from "../../../src/config/recette-file.js";
import { parseTimelineText } from "../../../src/config/timeline-file.js";
import { narrowDay } from "../../../src/chaos/narrow.js";
import { verdictHtml, verdictJunit, verdictText } from "../../../supervisor/cli/report.js";
import { checkAgainstContract } from "../../helpers/contract.js";
const checkAgainstSchema = (_, v) => checkAgainstContract("POST", "/mock/verdicts", 200, v);
const at = (hms) => `2026-03-01T${hms.length === 5 ? `${hms}:00` : hms}Z`;
const TOPOLOGY = ["ROU1.1", "ROU2", "VAI"].map((id) => ({ id, sites: [{ sycode: `S-${id}`, name: id, pmax_kw: 8e3 }], authFromFile: false }));
class Log {
  events = [];
  journal = [];
  wall = Date.parse("2026-11-27T08:00:00Z");
  event(kind, mk6, sim, details = {}) {
    this.wall += 1e3;
    const e = { id: this.events.length + 1, sim_time: at(sim), wall_time: new Date(this.wall).toISOString(), kind, mk6_id: mk6, details };
    this.events.push(e);
    return e;
  }
  call(mk6, sim, status) {
    this.wall += 1e3;
    this.journal.push({ id: this.journal.length + 1, ts: new Date(this.wall).toISOString(), method: "GET", path: `/api/v1/mk6/${mk6}/monitoring`, query: {}, source: status === 504 ? "front" : "GW", endpoint: "monitoring", mk6_id: mk6, req_body: null, status, resp_body: {}, duration_ms: 0, remote: null, sim_time: at(sim) });
  }
  verdict(recette, now) {
    return evaluate(parseRecette(recette, () => "", void 0, "en"), { journal: this.journal, events: this.events, topology: TOPOLOGY, now: { sim: Date.parse(at(now)), wall: this.wall + 1e3 } }, "en");
  }
}
function knownDay() {
  const d = new Log();
  d.event("kill", "ROU2", "07:00", { kind: "reset" });
  d.event("reset", null, "08:00");
  d.event("kill", "ROU2", "09:00", { kind: "blackhole" });
  d.event("restart", "ROU2", "09:20", { kind: "warm" });
  d.event("restart", "ROU2", "10:00", { kind: "warm" });
  d.event("restart", "ROU1.1", "10:00", { kind: "cold" });
  d.event("kill", "ROU1.1", "10:10", {});
  d.event("restart", "ROU1.1", "10:15", { kind: "cold" });
  d.event("offline", "VAI", "11:00");
  d.event("online", "VAI", "11:05");
  d.event("network_add", "VAI", "11:10", { name: "n1", type: "timeout" });
  d.event("network_add", "VAI", "11:10", { name: "n2", type: "latency" });
  d.event("network_rm", "VAI", "11:30", { name: null });
  d.event("site_state", "VAI", "12:00", { sycode: "S-VAI", state: 0 });
  d.event("site_state", "VAI", "12:10", { sycode: "S-VAI", state: 2 });
  d.event("fault_on", "ROU2", "12:00", { sycode: "S-ROU2" });
  d.event("fault_off", "ROU2", "12:30", { sycode: "S-ROU2" });
  d.event("constraint_on", "ROU1.1", "13:00", { sycode: "S-ROU1.1", source: "SCADA", value_kw: 3e3, start_time: null, end_time: null });
  d.event("constraint_on", "ROU1.1", "13:30", { sycode: "S-ROU1.1", source: "DEIE", value_kw: 2e3, start_time: null, end_time: at("14:00") });
  d.event("auth", "ROU2", "13:00", { enabled: true });
  d.event("auth", "ROU2", "13:10", { enabled: false });
  d.event("clock_skew", "VAI", "14:00", { offset_ms: 9e4, drift_ppm: 200 });
  d.event("clock_reset", "VAI", "15:00");
  d.event("kill", "VAI", "23:00", { kind: "refused" });
  return d;
}
describe("fault coverage", () => {
  it("counts each fault per MK6 and kind, from the events since the last reset, in the window", () => {
    const v = knownDay().verdict({ name: "cov", window: { to: at("20:00") }, checks: [{ id: "e", kind: "no_errors" }] }, "23:30");
    assert.deepEqual(v.coverage, {
      "ROU1.1": { "kill.refused": 1, "restart.cold": 2, "constraint.deie": 1, "constraint.scada": 1 },
      ROU2: { "kill.blackhole": 1, "restart.warm": 1, "site.fault": 1, auth: 1 },
      VAI: { offline: 1, "network.latency": 1, "network.timeout": 1, "site.state": 1, "clock.skew": 1, "clock.drift": 1 }
    });
    checkAgainstSchema("Verdict", v);
  });
  it("the coverage check fails on a required kind never exercised, passes when each was; `coverage: {require}` is that check", () => {
    const d = knownDay();
    const recette = { name: "cov", checks: [{ id: "e", kind: "no_errors" }], coverage: { require: ["kill.blackhole", "network.slow", "network.error"] } };
    const v = d.verdict(recette, "23:30");
    const c = v.checks.find((x) => x.id === "coverage");
    assert.equal(c?.kind, "coverage");
    assert.equal(c?.status, "fail");
    assert.equal(c?.message, "never exercised: network.slow, network.error");
    const ok = d.verdict({ ...recette, coverage: { require: ["kill.blackhole", "clock.drift"] } }, "23:30").checks.find((x) => x.id === "coverage");
    assert.equal(ok?.status, "pass", ok?.message);
    assert.equal(d.verdict({ ...recette, coverage: { require: ["kill.blackhole"], mk6: ["VAI"] } }, "23:30").checks[1].status, "fail", "on VAI only");
    assert.throws(() => parseRecetteText("name: x\nchecks: [{ id: a, kind: no_errors }]\ncoverage: { require: [kill.gently] }\n", "r.yaml", void 0, "en"), (err) => err instanceof RecetteError && /^r\.yaml:3 coverage\.require\[0\]/.test(err.problems[0]));
  });
  it("a failing check names the faults in force or ended at most 5 minutes before each piece of evidence", () => {
    const d = new Log();
    d.event("reset", null, "10:00");
    d.event("constraint_on", "ROU2", "10:00", { sycode: "S-ROU2", source: "DEIE", value_kw: 100, end_time: null });
    d.event("constraint_off", "ROU2", "10:50", { sycode: "S-ROU2" });
    d.event("network_add", "ROU2", "10:30", { name: "lag", type: "latency" });
    d.event("network_rm", "ROU2", "10:57", { name: "lag" });
    d.event("kill", "ROU2", "11:00", { kind: "blackhole" });
    for (let i = 0; i < 8; i++) d.call("ROU2", "11:01", 504);
    d.event("kill", "VAI", "11:00", { kind: "refused" });
    const v = d.verdict({ name: "n", checks: [{ id: "backoff", kind: "max_rate_while_down", per_minute: 6, mk6: ["ROU2"] }] }, "11:02");
    const c = v.checks[0];
    assert.equal(c.status, "fail");
    assert.deepEqual(c.candidates.map((x) => `${x.mk6_id} ${x.fault} ${x.from.slice(11, 16)}\u2013${x.to?.slice(11, 16) ?? "\u2026"}`), ["ROU2 network.latency 10:30\u201310:57", "ROU2 kill.blackhole 11:00\u2013\u2026", "VAI kill.refused 11:00\u2013\u2026"]);
    assert.deepEqual(c.candidates[1].evidence, c.evidence.map((_, i) => i), "the kill stands before every piece of evidence");
    assert.deepEqual(c.candidates[1].event_ids, [6]);
    checkAgainstSchema("Verdict", v);
    const text = verdictText(v, "en");
    assert.match(text, /faults in force or ended less than 5 min before:\n\s+ROU2 network\.latency 10:30:00–10:57:00 \(event #4, event #5\)\n\s+ROU2 kill\.blackhole 11:00:00–in force \(event #6\)/);
    assert.match(text, /Fault coverage \(per MK6, per kind: times the day exercised it\):\n\s+ROU2\s+kill\.blackhole ×1, network\.latency ×1, constraint\.deie ×1\n\s+VAI\s+kill\.refused ×1$/);
    assert.match(verdictJunit(v, "en"), /<properties>\n\s+<property name="coverage\.ROU2\.kill\.blackhole" value="1"\/>/);
    assert.match(verdictHtml(v, "en"), /<table class="coverage">.*<th>kill\.blackhole<\/th>/s);
    assert.match(verdictHtml(v, "en"), /<li>ROU2 kill\.blackhole 11:00:00–in force \(event #6\)<\/li>/);
  });
});
describe("chaos narrow", () => {
  const DAY = `# a day
timeline:
  # ROU2 blackholed
  - { at: ${at("11:00")}, action: kill, mk6: ROU2, kind: blackhole }
  - { at: ${at("11:20")}, action: restart, mk6: ROU2, kind: warm }
  - { at: ${at("11:00")}, action: speed, speed: 60 }
  # VAI slow
  - { at: ${at("12:00")}, action: network_add, mk6: VAI, condition: { name: slow-link, type: slow, rate_bytes_per_s: 500 } }
  - { at: ${at("13:00")}, action: network_rm, mk6: VAI, name: slow-link }
  - { at: ${at("14:00")}, action: restart, mk6: ROU1.1, kind: cold }
  - { at: ${at("15:00")}, action: kill, mk6: ROU2, kind: blackhole }
  - { at: ${at("15:10")}, action: restart, mk6: ROU2 }
`;
  const candidate = (mk6, fault, from) => ({ fault, mk6_id: mk6, from: at(from), to: null, event_ids: [1], evidence: [0] });
  it("keeps the faults the failing checks name (fired at or after their time), what ends them, and the rest of the day's shape", () => {
    const verdict = {
      checks: [
        { id: "backoff", status: "fail", candidates: [candidate("ROU2", "kill.blackhole", "11:00:30")] },
        { id: "replan", status: "fail", candidates: [candidate("ROU1.1", "restart.cold", "14:02")] },
        { id: "fine", status: "pass", candidates: [candidate("VAI", "network.slow", "12:00")] }
      ]
    };
    const out = narrowDay(DAY, "day.yaml", verdict);
    assert.deepEqual([out.kept, out.of, out.checks], [4, 8, ["backoff", "replan"]]);
    const events = parseTimelineText(out.text, "narrowed.yaml");
    assert.deepEqual(events.map((e) => `${e.at === Date.parse(at("11:00")) ? "11:00" : new Date(e.at).toISOString().slice(11, 16)} ${e.action} ${e.mk6 ?? ""}`.trim()), ["11:00 kill ROU2", "11:20 restart ROU2", "11:00 speed", "14:00 restart ROU1.1"]);
    assert.match(out.text, /^# mk6-fleet chaos narrow day\.yaml: 4 of 8 events, the faults named by backoff, replan\n\n?# a day\n/);
    assert.match(out.text, /# ROU2 blackholed\n/);
    assert.doesNotMatch(out.text, /VAI slow|slow-link/);
  });
  it("a verdict that names nothing keeps only what belongs to no fault", () => {
    const out = narrowDay(DAY, "day.yaml", { checks: [{ id: "x", status: "pass" }] });
    assert.deepEqual([out.kept, out.checks], [1, []]);
    assert.equal(parseTimelineText(out.text).length, 1);
  });
});
