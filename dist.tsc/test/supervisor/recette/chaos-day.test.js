import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { call } from "../../helpers/fleet-app.js";
import { chaosFleetInProcess, Gateway, judge, LOW, loadChaos, lowDay, RECETTE } from "../../helpers/chaos-day.js";
import { checkAgainstContract } from "../../helpers/contract.js";
import { parseTimelineText } from "../../../src/config/timeline-file.js";
import { chaosOptions, generateChaos } from "../../../src/chaos/generate.js";
import { narrowDay } from "../../../src/chaos/narrow.js";
function minutes(from, to) {
  const out = [];
  for (let t = Date.parse(`2026-03-01T${from}:00Z`); t <= Date.parse(`2026-03-01T${to}:00Z`); t += 6e4) out.push(new Date(t).toISOString().replace(".000Z", "Z"));
  return out;
}
describe("chaos days on the fleet", () => {
  let fleet;
  let generate;
  before(async () => {
    ({ fleet, generate } = await chaosFleetInProcess());
  });
  after(async () => {
    await fleet?.stop();
  });
  const verdict = (text) => judge(fleet, text);
  const load = (options) => loadChaos(fleet, options);
  it("POST /mock/chaos: the bytes mk6-fleet chaos writes, loaded as the timeline; a file posted as YAML too; bad options refused", async () => {
    const body = await load({ seed: 7, intensity: "medium" });
    const day = generate({ seed: 7, intensity: "medium" });
    assert.equal(body.yaml, day.text);
    assert.equal(body.seed, 7);
    assert.equal(body.timeline.count, day.events);
    const timeline = (await call(fleet.url, "GET", "/mock/timeline")).body;
    assert.equal(timeline.source, day.text.split("\n")[0].slice(2));
    const posted = await call(fleet.url, "POST", "/mock/chaos", day.text, { "content-type": "text/yaml" });
    assert.equal(posted.status, 200);
    assert.equal(posted.body.seed, null);
    for (const [bad, pattern] of [[{ seed: -1 }, /seed: an integer/], [{ seed: 1, intensity: "wild" }, /intensity: 'wild' invalid/], [{ seed: 1, faults: ["kill.gently"] }, /unknown fault/]]) {
      const res = await call(fleet.url, "POST", "/mock/chaos", bad, { "accept-language": "en" });
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.match(res.body.message, pattern);
      checkAgainstContract("POST", "/mock/chaos", 400, res.body);
    }
    const broken = await call(fleet.url, "POST", "/mock/chaos", "timeline:\n  - { at: nope, action: kill, mk6: ROU2 }\n", { "content-type": "text/yaml" });
    assert.equal(broken.status, 400);
  });
  it("seed 7, medium, driven through: the verdict's coverage lists every kind the file holds, as many times", async () => {
    const day = generate({ seed: 7, intensity: "medium" });
    await load({ seed: 7, intensity: "medium" });
    assert.equal((await call(fleet.url, "POST", "/mock/reset")).status, 200);
    const times = [...new Set(parseTimelineText(day.text).map((e) => e.at))].sort((a, b) => a - b);
    for (const t of times) assert.equal((await call(fleet.url, "POST", "/mock/time", { now: new Date(t).toISOString() })).status, 200);
    const tl = (await call(fleet.url, "GET", "/mock/timeline")).body;
    assert.equal(tl.pending, 0);
    assert.deepEqual(tl.events.filter((e) => e.status !== "fired"), []);
    const expected = {};
    for (const f of day.faults) (expected[f.mk6] ??= {})[f.kind] = (expected[f.mk6][f.kind] ?? 0) + 1;
    const kinds = [...new Set(day.faults.map((f) => f.kind))];
    const v = await verdict(`${RECETTE}coverage: { require: [${kinds.join(", ")}] }
`);
    assert.deepEqual(v.coverage, expected);
    assert.equal(v.checks.find((c) => c.id === "coverage")?.status, "pass");
    console.log(`seed 7 medium: ${day.faults.length} faults, ${kinds.length} kinds: ${kinds.join(", ")}`);
  });
  const drive = async (gw) => {
    assert.equal((await call(fleet.url, "POST", "/mock/reset")).status, 200);
    for (const t of minutes(LOW.from, LOW.to)) {
      assert.equal((await call(fleet.url, "POST", "/mock/time", { now: t })).status, 200);
      await gw.tick(t);
    }
    return verdict(RECETTE);
  };
  it("a well-behaved gateway fails no check over a generated low day; a broken one fails backoff and replan, its faults named; narrow keeps them", async () => {
    const { seed, day, cold, down } = lowDay(generate);
    await load({ seed, ...LOW });
    const good = await drive(new Gateway(fleet.url));
    assert.deepEqual(good.checks.filter((c) => c.status === "fail").map((c) => `${c.id}: ${c.message}`), [], `seed ${seed}`);
    assert.ok(good.checks.filter((c) => c.status === "pass").length >= 4, JSON.stringify(good.checks.map((c) => [c.id, c.status, c.message])));
    const bad = await drive(new Gateway(fleet.url, true));
    const byId = Object.fromEntries(bad.checks.map((c) => [c.id, c]));
    assert.equal(byId.backoff.status, "fail", byId.backoff.message);
    assert.equal(byId.replan.status, "fail", byId.replan.message);
    assert.ok(byId.replan.candidates?.some((c) => c.fault === "restart.cold" && c.mk6_id === cold.mk6), JSON.stringify(byId.replan.candidates));
    assert.ok(byId.backoff.candidates?.some((c) => /^(kill\.|offline)/.test(c.fault)), JSON.stringify(byId.backoff.candidates));
    assert.ok(down);
    for (const c of bad.checks.filter((x) => x.status !== "fail")) assert.equal(c.candidates, void 0, c.id);
    const narrowed = narrowDay(day.text, "low.yaml", bad);
    assert.ok(narrowed.kept < narrowed.of, `${narrowed.kept} of ${narrowed.of}`);
    assert.deepEqual(narrowed.checks.sort(), ["backoff", "replan"]);
    const res = await call(fleet.url, "POST", "/mock/timeline", narrowed.text, { "content-type": "text/yaml" });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const kept = parseTimelineText(narrowed.text);
    assert.ok(kept.some((e) => e.action === "restart" && e.mk6 === cold.mk6 && e.fields.kind === "cold"));
    console.log(`low day seed ${seed}: ${day.faults.length} faults; narrowed to ${narrowed.kept} of ${narrowed.of} events`);
  });
});
