import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { loadFleetFile } from "../../src/config/fleet-file.js";
import { parseTimelineText } from "../../src/config/timeline-file.js";
import { ChaosError, chaosOptions, generateChaos, PLAYABLE_FAULTS } from "../../src/chaos/generate.js";
import { faultSpans } from "../../src/chaos/faults.js";
import { FAULT_KINDS } from "../../src/contract/schema/chaos.js";
import { TIMELINE_EVENTS } from "../../src/contract/schema/timeline.js";
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const anyToken = new Proxy({}, { get: () => "token" });
const file = loadFleetFile(join(ROOT, "fleet.yaml"), anyToken);
const FLEET = { name: file.name, mk6: file.mk6.map((m) => ({ id: m.id, sites: m.sites.map((s) => ({ sycode: s.sycode, pmax_kw: s.pmax_kw })) })) };
const IDS = new Set(FLEET.mk6.map((m) => m.id));
const SYCODES = new Map(FLEET.mk6.map((m) => [m.id, new Set(m.sites.map((s) => s.sycode))]));
const clockKnown = Object.hasOwn(TIMELINE_EVENTS, "clock_skew");
const day = (raw) => generateChaos(FLEET, chaosOptions(raw));
function played(text) {
  const events = parseTimelineText(text, "chaos.yaml");
  const spans = faultSpans(events.map((e) => ({ kind: e.action, mk6: e.mk6, details: e.fields, at: e.at, ref: e.index })));
  return { events, spans };
}
function checkDay(raw) {
  const o = chaosOptions(raw);
  const d = generateChaos(FLEET, o);
  const from = Date.parse(`${o.date}T${o.from}:00Z`);
  const to = Date.parse(`${o.date}T${o.to}:00Z`);
  assert.ok(d.text.startsWith(`# mk6-fleet chaos --seed ${o.seed} --from ${o.from} --to ${o.to} --date ${o.date} --targets ${o.targets} --intensity ${o.intensity} --faults ${o.faults.join(",")}
`), d.text.slice(0, 200));
  const { events, spans } = played(d.text);
  assert.equal(events.length, d.events);
  for (const e of events) {
    assert.ok(e.at >= from && e.at <= to, `${e.action} at ${new Date(e.at).toISOString()} outside ${o.from}\u2013${o.to}`);
    assert.ok(e.mk6 !== null && IDS.has(e.mk6), `unknown MK6 ${e.mk6}`);
    if (typeof e.fields.sycode === "string") assert.ok(SYCODES.get(e.mk6)?.has(e.fields.sycode), `${e.fields.sycode} not a site of ${e.mk6}`);
  }
  assert.deepEqual(
    spans.map((s) => `${s.mk6} ${s.fault} ${new Date(s.from).toISOString()}`).sort(),
    d.faults.map((f) => `${f.mk6} ${f.kind} ${new Date(f.from).toISOString()}`).sort()
  );
  for (const s of spans) {
    assert.notEqual(s.to, null, `${s.mk6} ${s.fault} from ${new Date(s.from).toISOString()} never ends`);
    assert.ok(s.to <= to && s.to >= s.from);
    assert.ok(o.faults.includes(s.fault), `${s.fault} not asked for (${o.faults.join(",")})`);
  }
  for (const id of IDS) {
    const own = spans.filter((s) => s.mk6 === id).sort((a, b) => a.from - b.from);
    for (let i = 1; i < own.length; i++) assert.ok(own[i].from > own[i - 1].to, `${id}: ${own[i - 1].fault} and ${own[i].fault} overlap`);
  }
  const targets = new Set(spans.map((s) => s.mk6));
  const max = o.targets === "one" ? 1 : o.targets === "all" ? IDS.size : Math.max(1, Math.floor((IDS.size - 1) / 2));
  assert.ok(targets.size <= max, `${targets.size} MK6 took faults, ${o.targets} allows ${max}`);
}
describe("mk6-fleet chaos: the generator", () => {
  it("the same seed and options give the same bytes; other seeds and options differ", () => {
    const a = day({ seed: 7, intensity: "medium" });
    assert.equal(day({ seed: 7, intensity: "medium" }).text, a.text);
    assert.equal(day({ seed: "7", intensity: "medium", from: "08:00", to: "18:00" }).text, a.text, "the defaults are the defaults");
    assert.ok(a.faults.length > 5, `${a.faults.length} faults on a medium day`);
    const others = new Set([1, 2, 3, 8, 1e3, 4294967295].map((seed) => day({ seed, intensity: "medium" }).text));
    assert.equal(others.size, 6);
    assert.ok(!others.has(a.text));
    assert.notEqual(day({ seed: 7, intensity: "high" }).text, a.text);
    assert.notEqual(day({ seed: 7, intensity: "medium", targets: "all" }).text, a.text);
  });
  it("the header says the seed and options; each fault is named above its first event", () => {
    const d = day({ seed: 42, from: "09:30", to: "11:00", faults: ["kill", "restart.cold"], targets: "all", intensity: "high" });
    const [head] = d.text.split("\n");
    assert.equal(head, "# mk6-fleet chaos --seed 42 --from 09:30 --to 11:00 --date 2026-03-01 --targets all --intensity high --faults kill.refused,kill.blackhole,kill.reset,restart.cold");
    assert.match(d.text, /\n# Fleet "rouvai" \(5 MK6\); targets: /);
    for (const f of d.faults) assert.ok(d.text.includes(` ${f.mk6} ${f.kind}
`), `${f.mk6} ${f.kind} named`);
    checkDay({ seed: 42, from: "09:30", to: "11:00", faults: ["kill", "restart.cold"], targets: "all", intensity: "high" });
  });
  it("targets: one MK6, a minority (2 of 5), all", () => {
    const hit = (targets) => new Set(day({ seed: 3, targets, intensity: "high" }).faults.map((f) => f.mk6)).size;
    assert.equal(hit("one"), 1);
    assert.equal(hit("minority"), 2);
    assert.equal(hit("all"), 5);
  });
  it("refuses what it cannot draw, in both languages", () => {
    const refusal = (raw) => {
      try {
        chaosOptions(raw);
      } catch (err) {
        assert.ok(err instanceof ChaosError);
        return [err.text("fr"), err.text("en")];
      }
      assert.fail("accepted");
    };
    assert.deepEqual(refusal({ seed: -1 }), ["seed: entier de 0 \xE0 4294967295 attendu, pas '-1'", "seed: an integer from 0 to 4294967295 expected, not '-1'"]);
    assert.match(refusal({ seed: 1, from: "12:00", to: "11:00" })[1], /empty window/);
    assert.match(refusal({ seed: 1, faults: ["kill.gently"] })[1], /unknown fault: 'kill.gently'/);
    assert.match(refusal({ seed: 1, intensity: "wild" })[1], /intensity: 'wild' invalid \(low\|medium\|high\)/);
    assert.match(refusal({ seed: 1, faults: ["auth"] })[1], /auth: this build's timeline does not know the action auth/);
  });
  it("clock faults are drawn only when the timeline knows clock_skew and clock_reset", () => {
    assert.equal(PLAYABLE_FAULTS.includes("clock.skew"), clockKnown);
    assert.equal(PLAYABLE_FAULTS.includes("clock.drift"), clockKnown);
    assert.deepEqual(PLAYABLE_FAULTS, FAULT_KINDS.filter((k) => k !== "auth" && (clockKnown || !k.startsWith("clock."))));
    if (!clockKnown) {
      assert.throws(() => chaosOptions({ seed: 1, faults: ["clock"] }), ChaosError);
      return;
    }
    const d = day({ seed: 5, faults: ["clock"], targets: "all", intensity: "high" });
    const kinds = new Set(d.faults.map((f) => f.kind));
    assert.ok(kinds.has("clock.skew") && kinds.has("clock.drift"), [...kinds].join());
    checkDay({ seed: 5, faults: ["clock"], targets: "all", intensity: "high" });
  });
  it("over seeds and options (fast-check): every file loads, every fault ends in the window, options respected, bytes repeat", () => {
    const kinds = fc.subarray([...PLAYABLE_FAULTS], { minLength: 1 });
    const hhmm = fc.integer({ min: 0, max: 23 * 60 + 59 }).map((m) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4294967295 }),
        fc.tuple(hhmm, hhmm).filter(([a, b]) => a !== b).map(([a, b]) => a < b ? [a, b] : [b, a]),
        kinds,
        fc.constantFrom("one", "minority", "all"),
        fc.constantFrom("low", "medium", "high"),
        (seed, [from, to], faults, targets, intensity) => {
          const raw = { seed, from, to, faults, targets, intensity };
          checkDay(raw);
          assert.equal(day(raw).text, day(raw).text);
        }
      ),
      { numRuns: 150 }
    );
  });
});
