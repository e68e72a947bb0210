import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { actionRequest, dueEvents, nextPendingAt, parseTimeline, parseTimelineText, TimelineError } from "../../src/config/timeline-file.js";
const T = (hhmm) => Date.parse(`2026-03-01T${hhmm}:00Z`);
const DAY = `timeline:
  - at: 2026-03-01T14:00:00Z
    action: restart
    mk6: ROU1.3
    kind: cold
  - {at: "2026-03-01T10:00:00Z", action: constraint_on, mk6: VAI, sycode: S1, value_kw: 3000}
  - {at: "2026-03-01T11:00:00Z", action: kill, mk6: ROU2, kind: blackhole}
  - {at: "2026-03-01T11:00:00Z", action: network_add, mk6: VAI, condition: {name: lag, type: slow, rate_bytes_per_s: 100}}
  - {at: "2026-03-01T11:20:00+00:00", action: restart, mk6: ROU2}
  - {at: "2026-03-01T12:00:00Z", action: speed, speed: 60}
`;
describe("timeline parsing", () => {
  it("reads a day of field trouble; YAML timestamps and offsets are times", () => {
    const events = parseTimelineText(DAY, "day.yaml");
    assert.equal(events.length, 6);
    assert.deepEqual(events.map((e) => e.at), [T("14:00"), T("10:00"), T("11:00"), T("11:00"), T("11:20"), T("12:00")]);
    assert.deepEqual(events[3].fields.condition, { name: "lag", type: "slow", rate_bytes_per_s: 100, probability: 1 });
    assert.equal(parseTimeline([{ at: "2026-03-01T10:00:00Z", action: "offline", mk6: "A" }]).length, 1, "a bare JSON list");
  });
  it("lists every fault with the file, the line and the field", () => {
    const text = `events:
  - {at: "2026-03-01T10:00:00Z", action: explode, mk6: A}
  - at: "yesterday"
    action: offline
    mk6: A
  - {at: "2026-03-01T10:00:00Z", action: kill, mk6: A, kind: nuke}
  - {at: "2026-03-01T10:00:00Z", action: network_add, mk6: A, condition: {name: x, type: latency}}
  - {at: "2026-03-01T10:00:00Z", action: site_state, sycode: S, state: 2, colour: red}
`;
    assert.throws(() => parseTimelineText(text, "bad.yaml"), (err) => {
      assert.ok(err instanceof TimelineError);
      assert.deepEqual(err.problems.map((p) => p("fr")), [
        'bad.yaml:2 events[0].action: action inconnue: "explode" (site_state|fault_on|fault_off|constraint_on|constraint_off|offline|online|kill|restart|network_add|network_rm|clock_skew|clock_reset|speed)',
        'bad.yaml:3 events[1].at: heure ISO 8601 invalide: "yesterday"',
        "bad.yaml:6 events[2].kind: kind invalide (refused|blackhole|reset)",
        "bad.yaml:7 events[3].condition: Champ obligatoire manquant: latency_ms",
        "bad.yaml:8 events[4].mk6: champ obligatoire (id du MK6)",
        "bad.yaml:8 events[4].colour: champ inconnu pour site_state (attendu: at, action, mk6, sycode, state)"
      ]);
      return true;
    });
  });
});
describe("which events are due", () => {
  const events = parseTimelineText(DAY, "day.yaml");
  const dueBetween = (list, t0, t1) => dueEvents(list, new Set(list.filter((e) => e.at <= t0).map((e) => e.index)), t1);
  it("a step from t0 to t1 fires the events in (t0, t1], by time then as written", () => {
    assert.deepEqual(dueBetween(events, T("09:00"), T("11:00")).map((e) => e.index), [1, 2, 3]);
    assert.deepEqual(dueBetween(events, T("11:00"), T("11:30")).map((e) => e.index), [4]);
    assert.deepEqual(dueBetween(events, T("11:30"), T("11:30")), []);
    assert.deepEqual(dueBetween(events, T("09:00"), T("23:00")).map((e) => e.index), [1, 2, 3, 4, 5, 0]);
  });
  it("each fires once: what has fired is never due again, even when the clock goes back", () => {
    const fired = /* @__PURE__ */ new Set();
    const step = (t) => dueEvents(events, fired, t).map((e) => (fired.add(e.index), e.index));
    assert.deepEqual(step(T("10:30")), [1]);
    assert.deepEqual(step(T("10:30")), []);
    assert.deepEqual(step(T("09:00")), []);
    assert.deepEqual(step(T("11:20")), [2, 3, 4]);
    assert.equal(nextPendingAt(events, fired), T("12:00"));
    assert.deepEqual(step(T("18:00")), [5, 0]);
    assert.equal(nextPendingAt(events, fired), null);
  });
  it("maps each action to the call a tester would make", () => {
    assert.deepEqual(events.map(actionRequest), [
      { method: "POST", path: "/mock/mk6/ROU1.3/restart", body: { kind: "cold" } },
      { method: "POST", path: "/mock/mk6/VAI/sites/S1/inject_external", body: { source: "DEIE", value_kw: 3e3 } },
      { method: "POST", path: "/mock/mk6/ROU2/kill", body: { kind: "blackhole" } },
      { method: "POST", path: "/mock/mk6/VAI/network", body: { name: "lag", type: "slow", rate_bytes_per_s: 100, probability: 1 } },
      { method: "POST", path: "/mock/mk6/ROU2/restart" },
      { method: "POST", path: "/mock/time", body: { speed: 60 } }
    ]);
    const more = parseTimeline([
      { at: "2026-03-01T10:00:00Z", action: "network_rm", mk6: "A" },
      { at: "2026-03-01T10:00:00Z", action: "network_rm", mk6: "A", name: "lag" },
      { at: "2026-03-01T10:00:00Z", action: "fault_off", mk6: "A", sycode: "S" },
      { at: "2026-03-01T10:00:00Z", action: "constraint_off", mk6: "A", sycode: "S" }
    ]);
    assert.deepEqual(more.map((e) => `${actionRequest(e).method} ${actionRequest(e).path}`), [
      "DELETE /mock/mk6/A/network",
      "DELETE /mock/mk6/A/network/lag",
      "DELETE /mock/mk6/A/fault/S",
      "DELETE /mock/mk6/A/sites/S/inject_external"
    ]);
  });
});
