import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { DURATION_PATTERN, formatDuration, parseDuration } from "../../src/contract/duration.js";
const MS = { d: 864e5, h: 36e5, m: 6e4, s: 1e3 };
describe("the duration grammar", () => {
  it("reads the units the contract names", () => {
    assert.equal(parseDuration("250ms"), 250);
    assert.equal(parseDuration("30s"), 30 * MS.s);
    assert.equal(parseDuration("5m"), 5 * MS.m);
    assert.equal(parseDuration("1h"), MS.h);
    assert.equal(parseDuration("1h30m"), 90 * MS.m);
    assert.equal(parseDuration("1d2h3m4s5ms"), MS.d + 2 * MS.h + 3 * MS.m + 4 * MS.s + 5);
    assert.equal(parseDuration("0s"), 0);
  });
  it("formats then parses back to the same milliseconds, in the shortest writing", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * MS.d }), (ms) => {
        const text = formatDuration(ms);
        assert.equal(parseDuration(text), ms);
        assert.match(text, new RegExp(DURATION_PATTERN));
        assert.equal(formatDuration(parseDuration(text)), text);
      }),
      { numRuns: 1e3 }
    );
  });
  it("parses any unit combination written in order, and agrees with the schema pattern", () => {
    const part = fc.option(fc.integer({ min: 0, max: 1e4 }), { nil: void 0 });
    fc.assert(
      fc.property(fc.tuple(part, part, part, part, part), ([d, h, m, s, ms]) => {
        const text = [d !== void 0 ? `${d}d` : "", h !== void 0 ? `${h}h` : "", m !== void 0 ? `${m}m` : "", s !== void 0 ? `${s}s` : "", ms !== void 0 ? `${ms}ms` : ""].join("");
        const expected = text === "" ? null : (d ?? 0) * MS.d + (h ?? 0) * MS.h + (m ?? 0) * MS.m + (s ?? 0) * MS.s + (ms ?? 0);
        assert.equal(parseDuration(text), expected, text);
        assert.equal(new RegExp(DURATION_PATTERN).test(text), expected !== null, text);
      }),
      { numRuns: 1e3 }
    );
  });
  it("refuses anything else, as the schema pattern does, with a message that names the text and shows examples", () => {
    for (const bad of ["", "2 min", "5", "1.5h", "m", "-5m", "1m1h", "1s1s", "5M", " 5m", "5m ", "PT5M", "1e3s"]) {
      assert.equal(parseDuration(bad), null, bad);
      assert.equal(new RegExp(DURATION_PATTERN).test(bad), false, bad);
    }
    assert.equal(parseDuration(5), null);
    assert.equal(parseDuration(void 0), null);
    fc.assert(
      fc.property(fc.string(), (text) => {
        const ms = parseDuration(text);
        assert.equal(ms !== null, new RegExp(DURATION_PATTERN).test(text) && Number.isSafeInteger(ms), JSON.stringify(text));
      }),
      { numRuns: 2e3 }
    );
  });
  it("reads a bare number only where the caller names its unit (seconds or milliseconds)", () => {
    assert.equal(parseDuration("90", { bare: "s" }), 9e4);
    assert.equal(parseDuration("1.5", { bare: "s" }), 1500);
    assert.equal(parseDuration("90", { bare: "ms" }), 90);
    assert.equal(parseDuration("1.5", { bare: "ms" }), null, "not a whole millisecond");
    assert.equal(parseDuration("90"), null, "the recette file has no bare unit");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e7 }), (n) => {
        assert.equal(parseDuration(String(n), { bare: "s" }), n * 1e3);
        assert.equal(parseDuration(String(n), { bare: "ms" }), n);
      })
    );
  });
  it("reads a leading minus only where going back is allowed", () => {
    assert.equal(parseDuration("-5m", { negative: true }), -5 * MS.m);
    assert.equal(parseDuration("-250", { negative: true, bare: "ms" }), -250);
    assert.equal(parseDuration("-5m"), null);
    assert.equal(parseDuration("--5m", { negative: true }), null);
    fc.assert(
      fc.property(fc.integer({ min: -400 * MS.d, max: 400 * MS.d }), (ms) => {
        assert.equal(parseDuration(formatDuration(ms), { negative: true }), ms);
      })
    );
  });
});
