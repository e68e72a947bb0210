import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { fleetClockMoved, mk6Time, setMk6Clock } from "../../src/domain/mk6-clock.js";
import { offsetText, parseOffset, readMk6Clock } from "../../src/contract/mk6-clock.js";
import { Mk6Error } from "../../src/contract/errors.js";
const T0 = Date.parse("2026-03-01T10:00:00Z");
const H = 36e5;
const contract = (fleet, offsetMs, ppm, setAt) => fleet + offsetMs + ppm * 1e-6 * (fleet - setAt);
test("an offset alone: the MK6 reads the fleet time plus its offset, whatever the fleet time", () => {
  const clock = setMk6Clock({ offsetMs: 9e4, driftPpm: 0 }, T0);
  for (const fleet of [T0, T0 + H, T0 - H, T0 + 864e5]) assert.equal(mk6Time(clock, fleet), fleet + 9e4);
  assert.equal(mk6Time(clock, Date.parse("2026-03-01T13:58:30Z")), Date.parse("2026-03-01T14:00:00Z"), "a 14:00 setpoint is due at fleet 13:58:30");
});
test("a drift grows with the fleet time elapsed since it was set (steps and speed carry it), as the formula says", () => {
  fc.assert(
    fc.property(fc.integer({ min: -864e5, max: 864e5 }), fc.double({ min: -1e5, max: 1e5, noNaN: true }), fc.integer({ min: 0, max: 30 * 864e5 }), (offsetMs, ppm, elapsed) => {
      const clock2 = setMk6Clock({ offsetMs, driftPpm: ppm }, T0);
      const got = mk6Time(clock2, T0 + elapsed);
      const want = offsetMs === 0 && ppm === 0 ? T0 + elapsed : contract(T0 + elapsed, offsetMs, ppm, T0);
      assert.ok(Math.abs(got - want) < 1e-3, `${got} vs ${want}`);
    })
  );
  const clock = setMk6Clock({ offsetMs: 0, driftPpm: 200 }, T0);
  assert.equal(mk6Time(clock, T0 + 864e5) - (T0 + 864e5), 17280, "200 ppm gains 17.28 s a day");
});
test("a frozen fleet clock freezes the MK6; its time never runs backwards while the fleet goes forward", () => {
  const clock = setMk6Clock({ offsetMs: -5e3, driftPpm: -99999 }, T0);
  assert.equal(mk6Time(clock, T0 + H), mk6Time(clock, T0 + H));
  let last = -Infinity;
  for (let t = T0; t < T0 + 10 * H; t += 6e4) {
    const now = mk6Time(clock, t);
    assert.ok(now > last);
    last = now;
  }
});
test("offset 0 and drift 0 is the fleet clock; a forward move keeps counting; back before it was set, or to or from real time, the drift counts afresh", () => {
  assert.equal(setMk6Clock({ offsetMs: 0, driftPpm: 0 }, T0), null);
  assert.equal(mk6Time(null, T0), T0);
  const clock = setMk6Clock({ offsetMs: 1e3, driftPpm: 1e3 }, T0);
  assert.equal(fleetClockMoved(clock, T0 + 5 * H, false), clock, "a step forward carries the drift");
  assert.equal(mk6Time(fleetClockMoved(clock, T0 + 5 * H, false), T0 + 5 * H), contract(T0 + 5 * H, 1e3, 1e3, T0));
  const back = fleetClockMoved(clock, T0 - H, false);
  assert.equal(mk6Time(back, T0 - H), T0 - H + 1e3, "back before it was set: the offset alone");
  assert.equal(mk6Time(back, T0), contract(T0, 1e3, 1e3, T0 - H), "and the drift counts from there");
  const real = fleetClockMoved(clock, T0 + 400 * 864e5, true);
  assert.equal(mk6Time(real, T0 + 400 * 864e5), T0 + 400 * 864e5 + 1e3, "to real time: the drift counts afresh");
  const offsetOnly = setMk6Clock({ offsetMs: 1e3, driftPpm: 0 }, T0);
  assert.equal(fleetClockMoved(offsetOnly, T0 - H, true), offsetOnly, "an offset alone never moves");
});
test("the offset is the one duration grammar with a sign; shown back signed", () => {
  assert.equal(parseOffset("+90s"), 9e4);
  assert.equal(parseOffset("90s"), 9e4);
  assert.equal(parseOffset("-2m"), -12e4);
  assert.equal(parseOffset("1h30m"), 54e5);
  assert.equal(parseOffset("+250ms"), 250);
  for (const bad of ["", "+", "++90s", "+-90s", "90", "90 s", "1.5m", "abc", "-", 90]) assert.equal(parseOffset(bad), null, String(bad));
  assert.equal(offsetText(9e4), "+1m30s");
  assert.equal(offsetText(-12e4), "-2m");
  assert.equal(offsetText(0), "+0s");
  fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (ms) => assert.equal(parseOffset(offsetText(ms)), ms)));
});
test("a body is read as the route reads it: a field absent is 0, nothing at all, a bad offset or a drift out of range refused with the contract errors", () => {
  assert.deepEqual(readMk6Clock({ offset: "+90s" }), { offsetMs: 9e4, driftPpm: 0 });
  assert.deepEqual(readMk6Clock({ drift_ppm: -12.5 }), { offsetMs: 0, driftPpm: -12.5 });
  const refused = (body, status, code, field) => assert.throws(() => readMk6Clock(body), (err) => err instanceof Mk6Error && err.status === status && err.code === code && err.details.field === field, JSON.stringify(body));
  assert.throws(() => readMk6Clock({}), (err) => err instanceof Mk6Error && err.status === 400 && err.code === "BAD_REQUEST");
  refused({ offset: "90 seconds" }, 400, "BAD_REQUEST", "offset");
  refused({ offset: 90 }, 400, "BAD_REQUEST", "offset");
  refused({ offset: "+36501d" }, 441, "INVALID_VALUE", "offset");
  refused({ drift_ppm: "fast" }, 400, "BAD_REQUEST", "drift_ppm");
  refused({ drift_ppm: 100001 }, 441, "INVALID_VALUE", "drift_ppm");
});
