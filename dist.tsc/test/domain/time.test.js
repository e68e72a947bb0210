import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { replay } from "../helpers/fuzz.js";
import { formatIso, formatIsoOffset, formatOptional, parseIsoTime } from "../../src/domain/time.js";
import { mockClock, simulatedNow, SYSTEM_CLOCK, isFleetClock } from "../../src/domain/clock.js";
const TEN = Date.UTC(2026, 2, 1, 10, 0, 0);
describe("parseIsoTime", () => {
  it("reads any instant as Date does, the first time and every time after (its answers are kept)", () => {
    const instant = fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) });
    const offsetMin = fc.integer({ min: -14 * 60, max: 14 * 60 });
    fc.assert(
      fc.property(fc.array(fc.tuple(instant, offsetMin), { minLength: 600, maxLength: 700 }), (cases) => {
        const texts = cases.map(([t, off]) => {
          const local = new Date(t + off * 6e4).toISOString().replace("Z", "");
          const sign = off < 0 ? "-" : "+";
          const abs = Math.abs(off);
          return [`${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`, t];
        });
        for (const round of [1, 2]) {
          for (const [text, t] of texts) {
            assert.equal(Date.parse(text), t, `the oracle reads ${text}`);
            assert.equal(parseIsoTime(text), t, `${text} (round ${round})`);
          }
        }
      }),
      { numRuns: 20, ...replay }
    );
  });
  it("reads Z and lowercase z", () => {
    assert.equal(parseIsoTime("2026-03-01T10:00:00Z"), TEN);
    assert.equal(parseIsoTime("2026-03-01T10:00:00z"), TEN);
  });
  it("reads offsets with and without a colon, both signs", () => {
    assert.equal(parseIsoTime("2026-03-01T11:00:00+01:00"), TEN);
    assert.equal(parseIsoTime("2026-03-01T11:30:00+0130"), TEN);
    assert.equal(parseIsoTime("2026-03-01T05:00:00-05:00"), TEN);
    assert.equal(parseIsoTime("2026-03-01T10:00:00+00:00"), TEN);
    assert.equal(parseIsoTime("2026-03-01T00:00:00-10:00"), TEN);
  });
  it("reads fractional seconds (dot or comma, up to nanoseconds)", () => {
    assert.equal(parseIsoTime("2026-03-01T10:00:00.5Z"), TEN + 500);
    assert.equal(parseIsoTime("2026-03-01T10:00:00.123Z"), TEN + 123);
    assert.equal(parseIsoTime("2026-03-01T10:00:00,250+00:00"), TEN + 250);
    assert.equal(parseIsoTime("2026-03-01T10:00:00.123456789Z"), TEN + 123);
  });
  it("takes a time without offset as UTC, whatever the local zone", () => {
    assert.equal(parseIsoTime("2026-03-01T10:00:00"), TEN);
    assert.equal(parseIsoTime("2026-03-01T10:00"), TEN);
    assert.equal(parseIsoTime("2026-03-01 10:00:00"), TEN);
    assert.equal(parseIsoTime("  2026-03-01T10:00:00Z  "), TEN);
  });
  it("returns null for anything invalid", () => {
    for (const bad of [
      "",
      "demain",
      "2026-03-01",
      "2026-13-01T10:00:00Z",
      "2026-02-30T10:00:00Z",
      "2026-03-00T10:00:00Z",
      "2026-03-01T24:00:00Z",
      "2026-03-01T10:60:00Z",
      "2026-03-01T10:00:60Z",
      "2026-03-01T10:00:00+25:00",
      "2026-03-01T10:00:00+01:60",
      "2026-03-01T10:00:00ZZ",
      "2026-03-01T10:00:00 UTC",
      "1772359200000"
    ]) {
      assert.equal(parseIsoTime(bad), null, bad);
    }
  });
  it("accepts 29 February only in a leap year", () => {
    assert.equal(parseIsoTime("2028-02-29T00:00:00Z"), Date.UTC(2028, 1, 29));
    assert.equal(parseIsoTime("2026-02-29T00:00:00Z"), null);
  });
});
describe("formatting", () => {
  it("answers UTC with Z to the second, dropping milliseconds", () => {
    assert.equal(formatIso(TEN), "2026-03-01T10:00:00Z");
    assert.equal(formatIso(TEN + 999), "2026-03-01T10:00:00Z");
    assert.equal(formatIso(parseIsoTime("2026-03-01T12:34:56+02:00")), "2026-03-01T10:34:56Z");
  });
  it("echoes /mock/time in the seed form +00:00, and null stays null", () => {
    assert.equal(formatIsoOffset(TEN), "2026-03-01T10:00:00+00:00");
    assert.equal(formatOptional(null), null);
    assert.equal(formatOptional(TEN), "2026-03-01T10:00:00Z");
  });
});
describe("fleet clock", () => {
  it("reads real time on the system clock", () => {
    assert.equal(simulatedNow(SYSTEM_CLOCK, 123), 123);
  });
  it("stays frozen at speed 0 and runs k times real time from its anchor", () => {
    assert.equal(simulatedNow(mockClock(TEN, 1e3), 999999), TEN);
    assert.equal(simulatedNow(mockClock(TEN, 1e3, 60), 2e3), TEN + 6e4);
    assert.equal(simulatedNow(mockClock(TEN, 1e3, 60), 500), TEN, "never before the anchor");
  });
  it("recognises valid clocks only", () => {
    assert.equal(isFleetClock(SYSTEM_CLOCK), true);
    assert.equal(isFleetClock(mockClock(TEN, 0, 2)), true);
    assert.equal(isFleetClock({ source: "mock", anchorSim: TEN, anchorReal: 0, speed: -1 }), false);
    assert.equal(isFleetClock({ source: "mock" }), false);
    assert.equal(isFleetClock(null), false);
  });
});
