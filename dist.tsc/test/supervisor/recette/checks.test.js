import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { evaluate } from "../../../supervisor/recette/verdicts/index.js";
import { parseRecette } from "../../../src/config/recette-file.js";
const at = (hms) => Date.parse(`2026-03-01T${hms.length === 5 ? `${hms}:00` : hms}Z`);
const TOPOLOGY = [
  { id: "ROU1.1", sites: [{ sycode: "PDL1", name: "ROU1 PDL1", pmax_kw: 8340 }], authFromFile: false },
  { id: "ROU2", sites: [{ sycode: "PDL10", name: "ROU2 PDL10", pmax_kw: 11120 }], authFromFile: false }
];
class Day {
  journal = [];
  events = [];
  wall = Date.parse("2026-11-27T08:00:00Z");
  tick() {
    this.wall += 1e3;
    return this.wall;
  }
  call(mk6, method, rest, status, sim, o = {}) {
    if (o.wallStep) this.wall += o.wallStep - 1e3;
    const wall = this.tick();
    const endpoint = rest.startsWith("planning/") ? "planning/{request_id}" : rest.startsWith("monitoring/sites/") ? "monitoring/sites/{sycode}" : rest;
    const e = { id: this.journal.length + 1, ts: new Date(wall).toISOString(), method, path: `/api/v1/mk6/${mk6}/${rest}`, query: {}, source: o.source ?? "GW", endpoint, mk6_id: mk6, req_body: o.req ?? null, status, resp_body: o.resp ?? {}, duration_ms: 0, remote: null, sim_time: new Date(at(sim)).toISOString(), ...o.requestId ? { req_headers: { "x-request-id": o.requestId } } : {} };
    this.journal.push(e);
    return e;
  }
  poll(mk6, sim, o = {}) {
    return this.call(mk6, "GET", "monitoring", 200, sim, o);
  }
  setpoint(mk6, sim, site, psetpoint, start, end, req = "REQ-001") {
    const body = { set: "Psetpoint", site, psetpoint, start_time: new Date(at(start)).toISOString(), end_time: new Date(at(end)).toISOString() };
    return this.call(mk6, "POST", "requests", 201, sim, { req: body, resp: { id: req, set: "Psetpoint", site: { [site]: site }, psetpoint, start_time: body.start_time, end_time: body.end_time } });
  }
  event(kind, mk6, sim, details = {}) {
    const e = { id: this.events.length + 1, sim_time: new Date(at(sim)).toISOString(), wall_time: new Date(this.tick()).toISOString(), kind, mk6_id: mk6, details };
    this.events.push(e);
    return e;
  }
  step(from, to) {
    return this.event("clock_set", null, to, { from: new Date(at(from)).toISOString(), to: new Date(at(to)).toISOString(), speed: 0 });
  }
  /** The first check's verdict, its messages in English unless `lang` says otherwise. */
  verdict(checks, now, window = {}, lang = "en") {
    const recette = parseRecette({ name: "t", window, checks: checks.map((c, i) => ({ id: `c${i}`, ...c })) }, () => "", void 0, lang);
    return evaluate(recette, { journal: this.journal, events: this.events, topology: TOPOLOGY, now: { sim: at(now), wall: this.wall + 1e3 } }, lang).checks[0];
  }
}
describe("polls", () => {
  const cadence = { kind: "polls", max_gap: "2m", mk6: ["ROU2"] };
  it("passes when every gap is under max_gap, and says how far apart the calls were when not", () => {
    const d = new Day();
    d.event("reset", null, "10:00");
    for (const t of ["10:00", "10:01", "10:03"]) d.poll("ROU2", t);
    assert.equal(d.verdict([cadence], "10:04").status, "pass");
    const late = d.poll("ROU2", "10:10:12");
    const v = d.verdict([cadence], "10:10:12");
    assert.equal(v.status, "fail");
    assert.equal(v.message, "ROU2: no monitoring call for 7 mins 12 secs between 10:03:00 and 10:10:12, max 2 mins");
    assert.deepEqual(v.evidence.map((e) => e.journal_id), [3, late.id]);
    const fr = d.verdict([cadence], "10:10:12", {}, "fr");
    assert.equal(fr.message.replace(/\s/g, " "), "ROU2: aucun appel monitoring pendant 7 min 12 s entre 10:03:00 et 10:10:12, max 2 min");
    assert.deepEqual({ ...fr, message: "", evidence: fr.evidence.map((e) => ({ ...e, what: "" })) }, { ...v, message: "", evidence: v.evidence.map((e) => ({ ...e, what: "" })) }, "only the words differ");
    assert.match(fr.evidence[0].what, /^dernier appel monitoring/);
  });
  it("counts only the simulated time inside the window", () => {
    const d = new Day();
    d.event("reset", null, "10:00");
    d.poll("ROU2", "10:00");
    d.poll("ROU2", "10:10");
    assert.equal(d.verdict([cadence], "10:10", { to: "2026-03-01T10:01:30Z" }).status, "not_applicable");
    assert.equal(d.verdict([cadence], "10:10", { from: "2026-03-01T10:07:00Z" }).message, "ROU2: no monitoring call for 3 mins between 10:00:00 and 10:10:00, max 2 mins");
  });
  it("does not count a clock step longer than max_gap, nor the time the MK6 was down", () => {
    const d = new Day();
    d.event("reset", null, "10:00");
    d.poll("ROU2", "10:00");
    d.step("10:00", "11:00");
    d.poll("ROU2", "11:01");
    d.event("kill", "ROU2", "11:02", { kind: "blackhole" });
    d.call("ROU2", "GET", "monitoring", 504, "11:30", { source: "front" });
    d.event("restart", "ROU2", "11:40", { kind: "warm" });
    d.poll("ROU2", "11:41");
    assert.equal(d.verdict([cadence], "11:42").status, "pass");
    d.step("11:42", "11:43");
    d.step("11:43", "11:44");
    d.poll("ROU2", "11:44");
    assert.match(d.verdict([cadence], "11:44").message, /^ROU2: no monitoring call for 3 mins between 11:41:00 and 11:44:00/);
  });
  it("watches an MK6 added mid-run from its provision on", () => {
    const d = new Day();
    d.event("reset", null, "10:00");
    d.poll("ROU2", "10:00");
    d.event("provision", "NEW", "10:30", { sites: [{ sycode: "N1", name: "N1", pmax_kw: 1e3 }] });
    d.poll("NEW", "10:31");
    d.poll("ROU2", "10:31");
    const v = d.verdict([{ kind: "polls", max_gap: "2m" }], "10:31");
    assert.equal(v.status, "fail");
    assert.match(v.message, /ROU2: no monitoring call for 31 mins/);
    assert.doesNotMatch(v.message, /NEW/);
    assert.match(v.message, /ROU1\.1/);
  });
  it("a frozen clock does not age: no gap, however long in real time (nothing to judge: not applicable)", () => {
    const d = new Day();
    d.event("clock_set", null, "10:00", { from: "2026-11-27T08:00:00Z", to: "2026-03-01T10:00:00Z", speed: 0 });
    d.poll("ROU2", "10:00", { wallStep: 6e5 });
    d.poll("ROU2", "10:00", { wallStep: 6e5 });
    assert.equal(d.verdict([cadence], "10:00").status, "not_applicable");
  });
  it('a day whose clock only stepped (10:00 \u2192 15:00 \u2192 15:30) leaves nothing to judge: never "5 MK6 polled"', () => {
    const d = new Day();
    d.event("reset", null, "10:00");
    d.poll("ROU2", "10:00");
    d.step("10:00", "15:00");
    d.poll("ROU2", "15:00");
    d.step("15:00", "15:30");
    d.poll("ROU2", "15:30");
    const v = d.verdict([{ kind: "polls", max_gap: "2m" }], "15:30");
    assert.equal(v.status, "not_applicable", v.message);
    assert.match(v.message, /^nothing to judge: no MK6 was up more than 2 mins .*: ROU1\.1, ROU2$/);
    d.step("15:30", "15:31");
    d.step("15:31", "15:32");
    d.step("15:32", "15:33");
    d.poll("ROU2", "15:33");
    const w = d.verdict([{ kind: "polls", max_gap: "2m", mk6: ["ROU2"] }], "15:33");
    assert.equal(w.status, "fail");
    assert.match(w.message, /^ROU2: no monitoring call for 3 mins between 15:30:00 and 15:33:00/);
  });
});
describe("max_rate_while_down", () => {
  const backoff = { kind: "max_rate_while_down", per_minute: 6 };
  it("fails on a burst at an MK6 that is down, with the outage and the calls as evidence", () => {
    const d = new Day();
    const kill = d.event("kill", "ROU2", "11:00", { kind: "blackhole" });
    for (let i = 0; i < 10; i++) d.call("ROU2", "GET", "monitoring", 504, "11:01", { source: "front" });
    const v = d.verdict([backoff], "11:05");
    assert.equal(v.status, "fail");
    assert.match(v.message, /^ROU2: 10 calls within a minute \(11:01:00–11:01:00 on the fleet clock, 9 s real\) while down \(blackhole kill since 11:00:00\), max 6$/);
    assert.equal(v.evidence[0].event_id, kill.id);
    assert.equal(v.evidence.filter((e) => e.journal_id).length, 10);
    const fr = d.verdict([backoff], "11:05", {}, "fr");
    assert.match(fr.message, /^ROU2: 10 appels en une minute \(11:01:00–11:01:00 à l'horloge de la flotte, 9 s réelles\) alors qu'il était indisponible \(arrêt blackhole depuis 11:00:00\), max 6$/);
    assert.equal(fr.evidence[0].what, "arr\xEAt blackhole: indisponible \xE0 partir d'ici");
  });
  it("passes at one call per simulated minute (stepped clock) and on a frozen clock at one call per real 15 s", () => {
    const d = new Day();
    d.event("offline", "ROU2", "11:00");
    for (const t of ["11:00", "11:01", "11:02", "11:03"]) d.call("ROU2", "GET", "monitoring", 503, t);
    for (let i = 0; i < 6; i++) d.call("ROU2", "GET", "monitoring", 503, "11:04", { wallStep: 15e3 });
    d.event("online", "ROU2", "11:04");
    for (let i = 0; i < 10; i++) d.call("ROU2", "GET", "monitoring", 200, "11:05");
    assert.equal(d.verdict([backoff], "11:06").status, "pass");
  });
  it("counts a call through the front to a blackholed MK6 once, though the worker journals it too (444), at another fleet time on a running clock", () => {
    const d = new Day();
    d.event("kill", "ROU2", "11:00", { kind: "blackhole" });
    for (const [i, t] of ["11:01:00", "11:01:15", "11:01:30", "11:01:45"].entries()) {
      d.call("ROU2", "GET", "monitoring", 444, t.replace(/:(\d\d)$/, (_, s) => `:${String(Number(s) + 4).padStart(2, "0")}`), { requestId: `rid-${i}` });
      d.call("ROU2", "GET", "monitoring", 504, t, { source: "front", requestId: `rid-${i}`, wallStep: 30 });
    }
    assert.equal(d.verdict([backoff], "11:05").status, "pass");
    const strict = d.verdict([{ ...backoff, per_minute: 3 }], "11:05");
    assert.equal(strict.status, "fail");
    assert.match(strict.message, /^ROU2: 4 calls within a minute/);
    assert.deepEqual(strict.evidence.filter((e) => e.journal_id).map((e) => e.journal_id), [2, 4, 6, 8], "the front's entries");
  });
  it("is not applicable when no MK6 was down", () => {
    const d = new Day();
    d.poll("ROU2", "11:00");
    assert.equal(d.verdict([backoff], "11:06").status, "not_applicable");
  });
});
describe("resends_after_restart", () => {
  const replan = { kind: "resends_after_restart", within: "5m" };
  const day = () => {
    const d = new Day();
    d.event("reset", null, "08:00");
    d.setpoint("ROU1.1", "08:00", "PDL1", 5e3, "15:00", "16:00");
    d.setpoint("ROU1.1", "08:01", "PDL1", 4e3, "09:00", "10:00", "REQ-002");
    const restart = d.event("restart", "ROU1.1", "14:00", { kind: "cold" });
    return { d, restart };
  };
  it("passes when the lost setpoint comes back within the delay", () => {
    const { d } = day();
    d.setpoint("ROU1.1", "14:02", "PDL1", 5e3, "15:00", "16:00", "REQ-003");
    assert.equal(d.verdict([replan], "14:10").status, "pass");
  });
  it("fails when it does not, naming the request lost", () => {
    const { d, restart } = day();
    d.setpoint("ROU1.1", "14:06", "PDL1", 5e3, "15:00", "16:00", "REQ-003");
    const v = d.verdict([replan], "14:10");
    assert.equal(v.status, "fail");
    assert.equal(v.message, "ROU1.1: REQ-001 (Psetpoint 5,000 kW on PDL1 15:00:00\u201316:00:00) lost in the cold restart at 14:00:00, not re-sent within 5 mins");
    assert.deepEqual(v.evidence.map((e) => e.event_id ?? e.journal_id), [restart.id, 1]);
    const fr = d.verdict([replan], "14:10", {}, "fr").message.replace(/\s/g, " ");
    assert.equal(fr, "ROU1.1: REQ-001 (Psetpoint 5 000 kW sur PDL1 15:00:00\u201316:00:00) perdue au red\xE9marrage \xE0 froid de 14:00:00, pas renvoy\xE9e sous 5 min");
  });
  it("does not judge a restart at the window end whose delay has not run out", () => {
    const { d } = day();
    assert.equal(d.verdict([replan], "14:03").status, "not_applicable");
    assert.match(d.verdict([replan], "14:10", { to: "2026-03-01T14:02:00Z" }).message, /not judged yet: ROU1\.1 at 14:00:00/);
    assert.equal(d.verdict([replan], "14:10").status, "fail");
  });
  it("a warm restart loses nothing", () => {
    const d = new Day();
    d.setpoint("ROU1.1", "08:00", "PDL1", 5e3, "15:00", "16:00");
    d.event("restart", "ROU1.1", "14:00", { kind: "warm" });
    assert.equal(d.verdict([replan], "15:00").status, "not_applicable");
  });
});
describe("setpoints_within_limits", () => {
  const limits = { kind: "setpoints_within_limits" };
  it("fails on a setpoint above a constraint known when it was sent, in force in its window", () => {
    const d = new Day();
    d.setpoint("ROU1.1", "09:00", "PDL1", 6e3, "10:30", "11:00");
    const deie = d.event("constraint_on", "ROU1.1", "10:00", { sycode: "PDL1", source: "DEIE", value_kw: 4e3, start_time: null, end_time: "2026-03-01T12:00:00Z" });
    d.setpoint("ROU1.1", "10:05", "PDL1", 3500, "10:05", "11:00", "REQ-002");
    d.setpoint("ROU1.1", "10:06", "PDL1", 6e3, "12:00", "13:00", "REQ-003");
    assert.equal(d.verdict([limits], "10:10").status, "pass");
    const over = d.setpoint("ROU1.1", "10:07", "ROU1 PDL1", 6e3, "10:07", "11:00", "REQ-004");
    const v = d.verdict([limits], "10:10");
    assert.equal(v.status, "fail");
    assert.equal(v.message, "ROU1.1: setpoint 6,000 kW on PDL1 for 10:07:00\u201311:00:00, sent at 10:07:00, above the DEIE constraint 4,000 kW in force 10:00:00\u201312:00:00 (accepted, journal #4)");
    assert.deepEqual(v.evidence.map((e) => e.event_id ?? e.journal_id), [deie.id, over.id]);
  });
  it("fails on a setpoint above pmax, even refused", () => {
    const d = new Day();
    d.call("ROU1.1", "POST", "requests", 441, "10:00", { req: { set: "Psetpoint", site: "PDL1", psetpoint: 9e3 } });
    assert.match(d.verdict([limits], "10:10").message, /above pmax 8,340 kW \(answered 441/);
  });
});
describe("no_duplicate_setpoints", () => {
  const dupes = { kind: "no_duplicate_setpoints" };
  it("fails on the same setpoint accepted twice, not on a re-send after a cold restart or a delete", () => {
    const d = new Day();
    d.setpoint("ROU1.1", "10:00", "PDL1", 5e3, "15:00", "16:00");
    d.event("restart", "ROU1.1", "11:00", { kind: "cold" });
    d.setpoint("ROU1.1", "11:00", "PDL1", 5e3, "15:00", "16:00", "REQ-002");
    d.call("ROU1.1", "DELETE", "planning/REQ-002", 200, "11:01");
    d.setpoint("ROU1.1", "11:02", "PDL1", 5e3, "15:00", "16:00", "REQ-003");
    assert.equal(d.verdict([dupes], "12:00").status, "pass");
    const again = d.setpoint("ROU1.1", "11:03", "PDL1", 5e3, "15:00", "16:00", "REQ-004");
    const v = d.verdict([dupes], "12:00");
    assert.equal(v.status, "fail");
    assert.match(v.message, /^ROU1\.1: Psetpoint 5,000 kW on PDL1 15:00:00–16:00:00 accepted twice, REQ-003 \(journal #4, 11:02:00\) then REQ-004/);
    assert.deepEqual(v.evidence.map((e) => e.journal_id), [4, again.id]);
  });
});
describe("authenticated and no_errors", () => {
  it("authenticated: a 401 fails, no auth at all is not applicable", () => {
    const d = new Day();
    d.poll("ROU2", "10:00");
    assert.equal(d.verdict([{ kind: "authenticated" }], "10:10").status, "not_applicable");
    d.event("auth", "ROU1.1", "10:01", { enabled: true });
    assert.equal(d.verdict([{ kind: "authenticated" }], "10:10").status, "not_applicable", "auth on, no call: nothing to judge");
    d.poll("ROU1.1", "10:02");
    assert.equal(d.verdict([{ kind: "authenticated" }], "10:10").status, "pass");
    d.call("ROU1.1", "GET", "monitoring", 401, "10:03", { resp: { error: "UNAUTHORIZED" } });
    assert.match(d.verdict([{ kind: "authenticated" }], "10:10").message, /^ROU1\.1: 1 call without a valid token while auth was on \(first GET \/api\/v1\/mk6\/ROU1\.1\/monitoring at 10:03:00, journal #3\)$/);
  });
  it("no_errors: a 4xx to a write fails; outages and other methods are not counted", () => {
    const d = new Day();
    d.call("ROU2", "GET", "monitoring/sites/X", 404, "10:00");
    d.call("ROU2", "POST", "requests", 504, "10:01", { source: "front" });
    d.call("ROU2", "POST", "requests", 503, "10:02");
    d.setpoint("ROU2", "10:03", "PDL10", 100, "11:00", "12:00");
    const writes = { kind: "no_errors", methods: ["POST", "PATCH", "DELETE"] };
    assert.equal(d.verdict([writes], "10:10").status, "pass");
    d.call("ROU2", "PATCH", "planning/REQ-001", 409, "10:04", { resp: { error: "REQUEST_LOCKED", message: "verrouill\xE9e" } });
    assert.equal(d.verdict([writes], "10:10").message, "ROU2: PATCH /api/v1/mk6/ROU2/planning/REQ-001 answered 409 REQUEST_LOCKED (\u201Cverrouill\xE9e\u201D) at 10:04:00 (journal #5)");
  });
});
describe("the verdict", () => {
  it("never throws on an odd journal, and counts pass, fail and not applicable", () => {
    const odd = [{ id: 1 }, { id: 2, source: "GW", mk6_id: "ROU2", path: "/api/v1/mk6/ROU2/requests", ts: "nope" }, { id: 3, source: "GW", mk6_id: "ROU2", path: "/api/v1/mk6/ROU2/requests", method: "POST", endpoint: "requests", status: 201, ts: "2026-03-01T10:00:00Z", req_body: "text", resp_body: [1] }];
    const events = [{ id: 1, kind: "kill", sim_time: "x" }, { id: 2, kind: "constraint_on", mk6_id: "ROU2", sim_time: "2026-03-01T10:00:00Z", wall_time: "2026-03-01T10:00:00Z", details: null }];
    const kinds = ["no_errors", "polls", "resends_after_restart", "max_rate_while_down", "setpoints_within_limits", "no_duplicate_setpoints", "authenticated"];
    const recette = parseRecette({ name: "odd", checks: kinds.map((kind) => ({ id: kind, kind, ...kind === "polls" ? { max_gap: "1m" } : kind === "resends_after_restart" ? { within: "1m" } : kind === "max_rate_while_down" ? { per_minute: 1 } : {} })) }, () => "", void 0, "en");
    const v = evaluate(recette, { journal: odd, events, topology: TOPOLOGY, now: { sim: at("11:00"), wall: Date.parse("2026-03-01T11:00:00Z") } }, "en");
    assert.equal(v.checks.length, 7);
    assert.equal(v.passed + v.failed + v.not_applicable, 7);
    assert.ok(v.checks.every((c) => !c.message.startsWith("check could not be evaluated")), JSON.stringify(v.checks));
  });
  it("judges a 1000-entry journal in well under a second", () => {
    const d = new Day();
    d.event("reset", null, "08:00");
    for (let i = 0; i < 1e3; i++) {
      const t = new Date(at("08:00") + i * 3e4).toISOString().slice(11, 19);
      if (i % 50 === 0) d.setpoint("ROU2", t, "PDL10", 1e3 + i, "20:00", "21:00", `REQ-${i}`);
      else d.poll(i % 2 ? "ROU2" : "ROU1.1", t);
    }
    const kinds = [{ kind: "no_errors" }, { kind: "polls", max_gap: "2m" }, { kind: "resends_after_restart", within: "5m" }, { kind: "max_rate_while_down", per_minute: 6 }, { kind: "setpoints_within_limits" }, { kind: "no_duplicate_setpoints" }, { kind: "authenticated" }];
    const recette = parseRecette({ name: "big", checks: kinds.map((c, i) => ({ id: `c${i}`, ...c })) }, () => "", void 0, "en");
    const v = evaluate(recette, { journal: d.journal, events: d.events, topology: TOPOLOGY, now: { sim: at("16:20"), wall: d.wall } }, "en");
    assert.equal(v.failed, 0, JSON.stringify(v.checks.filter((c) => c.status === "fail")));
    assert.ok(v.duration_ms < 1e3, `${v.duration_ms} ms`);
    console.log(`verdict over ${d.journal.length} journal entries: ${v.duration_ms} ms`);
  });
});
