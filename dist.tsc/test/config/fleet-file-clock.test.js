import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseFleet } from "../../src/config/fleet-file.js";
import { actionRequest, parseTimelineText, TimelineError } from "../../src/config/timeline-file.js";
import { fleetFileFaults } from "../helpers/file-faults.js";
const fleetWith = (clock) => `name: f
mk6:
  - id: A
    sites: [{sycode: S1, name: one, role: thissite, pmax_kw: 1000}]
    clock: ${clock}
`;
const problems = (text) => fleetFileFaults(text, "fleet.yaml", {});
describe("fleet file: clock", () => {
  it("reads offset (a signed duration) and drift_ppm; a field absent is 0; offset 0 and drift 0 is no clock of its own", () => {
    assert.deepEqual(parseFleet(fleetWith('{offset: "+90s", drift_ppm: 200}'), "fleet.yaml", {}).mk6[0].clock, { offsetMs: 9e4, driftPpm: 200 });
    assert.deepEqual(parseFleet(fleetWith("{offset: -2m}"), "fleet.yaml", {}).mk6[0].clock, { offsetMs: -12e4, driftPpm: 0 });
    assert.deepEqual(parseFleet(fleetWith("{drift_ppm: -35.5}"), "fleet.yaml", {}).mk6[0].clock, { offsetMs: 0, driftPpm: -35.5 });
    assert.equal(parseFleet(fleetWith("{offset: 0s, drift_ppm: 0}"), "fleet.yaml", {}).mk6[0].clock, void 0);
  });
  it("a bad clock is a fault at its line, named by its field", () => {
    assert.deepEqual(problems(fleetWith('{offset: "90 seconds"}')), ["fleet.yaml:5 mk6[0].clock.offset: offset invalide (+90s, -2m, 1h30m)"]);
    assert.deepEqual(problems(fleetWith("{drift_ppm: fast}")), ["fleet.yaml:5 mk6[0].clock.drift_ppm: drift_ppm doit \xEAtre un nombre"]);
    assert.match(problems(fleetWith("{drift_ppm: 2000000}"))[0], /^fleet\.yaml:5 mk6\[0\]\.clock\.drift_ppm: drift_ppm invalide: 2000000/);
    assert.match(problems(fleetWith("{offset: +90s, colour: red}"))[0], /^fleet\.yaml:5 mk6\[0\]\.clock\.colour: clé inconnue \(attendu: offset, drift_ppm\)/);
    assert.deepEqual(problems(fleetWith("{}")), ["fleet.yaml:5 mk6[0].clock: Rien \xE0 modifier (offset, drift_ppm)"]);
    assert.deepEqual(problems(fleetWith("+90s")), ["fleet.yaml:5 mk6[0].clock: un objet {offset, drift_ppm} est attendu"]);
    assert.match(problems(fleetWith("{offset: 40000d}"))[0], /^fleet\.yaml:5 mk6\[0\]\.clock\.offset: offset invalide \(\|offset\| <= 36500d\)/);
  });
});
describe("timeline: clock_skew and clock_reset", () => {
  it("become the calls a tester would make: POST and DELETE /mock/mk6/{mk6}/clock", () => {
    const events = parseTimelineText(`timeline:
  - {at: "2026-03-01T10:00:00Z", action: clock_skew, mk6: ROU2, offset: "+90s", drift_ppm: 200}
  - {at: "2026-03-01T11:00:00Z", action: clock_skew, mk6: ROU2, drift_ppm: -50}
  - {at: "2026-03-01T12:00:00Z", action: clock_reset, mk6: ROU2}
`);
    assert.deepEqual(events.map(actionRequest), [
      { method: "POST", path: "/mock/mk6/ROU2/clock", body: { offset: "+90s", drift_ppm: 200 } },
      { method: "POST", path: "/mock/mk6/ROU2/clock", body: { drift_ppm: -50 } },
      { method: "DELETE", path: "/mock/mk6/ROU2/clock" }
    ]);
  });
  it("a bad one is a fault at its line", () => {
    let faults = [];
    try {
      parseTimelineText(`timeline:
  - {at: "2026-03-01T10:00:00Z", action: clock_skew, mk6: ROU2, offset: soon}
  - {at: "2026-03-01T10:00:00Z", action: clock_skew, mk6: ROU2}
  - {at: "2026-03-01T10:00:00Z", action: clock_skew, mk6: ROU2, drift_ppm: "x"}
  - {at: "2026-03-01T10:00:00Z", action: clock_reset, mk6: ROU2, offset: "+1s"}
  - {at: "2026-03-01T10:00:00Z", action: clock_reset}
`, "day.yaml");
    } catch (err) {
      if (!(err instanceof TimelineError)) throw err;
      faults = err.problems.map((p) => p("fr"));
    }
    assert.deepEqual(faults, [
      "day.yaml:2 events[0].offset: offset invalide (+90s, -2m, 1h30m)",
      "day.yaml:3 events[1]: Rien \xE0 modifier (offset, drift_ppm)",
      "day.yaml:4 events[2].drift_ppm: drift_ppm doit \xEAtre un nombre",
      "day.yaml:5 events[3].offset: champ inconnu pour clock_reset (attendu: at, action, mk6)",
      "day.yaml:6 events[4].mk6: champ obligatoire (id du MK6)"
    ]);
  });
});
