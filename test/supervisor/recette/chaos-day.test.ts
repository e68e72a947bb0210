/**
 * Chaos days on the fleet in process (test/helpers/fleet-app.ts): `POST /mock/chaos` loads
 * the very bytes `mk6-fleet chaos` writes; the "done when" (seed 7, medium: its
 * verdict's coverage lists every kind the file holds, as many times); and two scripted
 * gateways over a generated `low` day, its clock stepped a minute at a time: a well-behaved
 * one fails no check, a broken one (it hammers a down MK6 and never re-sends after a cold
 * restart) fails backoff and replan with the day's faults named as candidates, and
 * `chaos narrow` cuts the day down to them, a timeline the fleet loads. The same day on the
 * running clock is chaos-day-at-speed.test.ts (alone: it depends on timing).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, type RunningFleet } from '../../helpers/fleet-app.js';
import { chaosFleetInProcess, Gateway, judge, LOW, loadChaos, lowDay, RECETTE, type Verdict } from '../../helpers/chaos-day.js';
import { checkAgainstContract } from '../../helpers/contract.js';
import { parseTimelineText } from '../../../src/config/timeline-file.js';
import { chaosOptions, generateChaos } from '../../../src/chaos/generate.js';
import { narrowDay } from '../../../src/chaos/narrow.js';

function minutes(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`2026-03-01T${from}:00Z`); t <= Date.parse(`2026-03-01T${to}:00Z`); t += 60_000) out.push(new Date(t).toISOString().replace('.000Z', 'Z'));
  return out;
}

describe('chaos days on the fleet', () => {
  let fleet: RunningFleet;
  let generate: (raw: Parameters<typeof chaosOptions>[0]) => ReturnType<typeof generateChaos>;
  before(async () => {
    ({ fleet, generate } = await chaosFleetInProcess());
  });
  after(async () => {
    await fleet?.stop();
  });

  const verdict = (text: string): Promise<Verdict> => judge(fleet, text);
  const load = (options: Record<string, unknown>) => loadChaos(fleet, options);

  it('POST /mock/chaos: the bytes mk6-fleet chaos writes, loaded as the timeline; a file posted as YAML too; bad options refused', async () => {
    const body = await load({ seed: 7, intensity: 'medium' });
    const day = generate({ seed: 7, intensity: 'medium' });
    assert.equal(body.yaml, day.text);
    assert.equal(body.seed, 7);
    assert.equal(body.timeline.count, day.events);
    const timeline = (await call(fleet.url, 'GET', '/mock/timeline')).body as { source: string; count: number };
    assert.equal(timeline.source, day.text.split('\n')[0].slice(2));
    const posted = await call(fleet.url, 'POST', '/mock/chaos', day.text, { 'content-type': 'text/yaml' });
    assert.equal(posted.status, 200);
    assert.equal((posted.body as { seed: null }).seed, null);
    for (const [bad, pattern] of [[{ seed: -1 }, /seed: an integer/], [{ seed: 1, intensity: 'wild' }, /intensity: 'wild' invalid/], [{ seed: 1, faults: ['kill.gently'] }, /unknown fault/]] as const) {
      const res = await call(fleet.url, 'POST', '/mock/chaos', bad, { 'accept-language': 'en' });
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.match((res.body as { message: string }).message, pattern);
      checkAgainstContract('POST', '/mock/chaos', 400, res.body);
    }
    const broken = await call(fleet.url, 'POST', '/mock/chaos', 'timeline:\n  - { at: nope, action: kill, mk6: ROU2 }\n', { 'content-type': 'text/yaml' });
    assert.equal(broken.status, 400);
  });

  it('seed 7, medium, driven through: the verdict\'s coverage lists every kind the file holds, as many times', async () => {
    const day = generate({ seed: 7, intensity: 'medium' });
    await load({ seed: 7, intensity: 'medium' });
    assert.equal((await call(fleet.url, 'POST', '/mock/reset')).status, 200);
    const times = [...new Set(parseTimelineText(day.text).map((e) => e.at))].sort((a, b) => a - b);
    for (const t of times) assert.equal((await call(fleet.url, 'POST', '/mock/time', { now: new Date(t).toISOString() })).status, 200);
    const tl = (await call(fleet.url, 'GET', '/mock/timeline')).body as { pending: number; events: { status: string; error?: string }[] };
    assert.equal(tl.pending, 0);
    assert.deepEqual(tl.events.filter((e) => e.status !== 'fired'), []);
    const expected: Record<string, Record<string, number>> = {};
    for (const f of day.faults) (expected[f.mk6] ??= {})[f.kind] = (expected[f.mk6][f.kind] ?? 0) + 1;
    const kinds = [...new Set(day.faults.map((f) => f.kind))];
    const v = await verdict(`${RECETTE}coverage: { require: [${kinds.join(', ')}] }\n`);
    assert.deepEqual(v.coverage, expected);
    assert.equal(v.checks.find((c) => c.id === 'coverage')?.status, 'pass');
    console.log(`seed 7 medium: ${day.faults.length} faults, ${kinds.length} kinds: ${kinds.join(', ')}`);
  });

  const drive = async (gw: Gateway) => {
    assert.equal((await call(fleet.url, 'POST', '/mock/reset')).status, 200);
    for (const t of minutes(LOW.from, LOW.to)) {
      assert.equal((await call(fleet.url, 'POST', '/mock/time', { now: t })).status, 200);
      await gw.tick(t);
    }
    return verdict(RECETTE);
  };

  it('a well-behaved gateway fails no check over a generated low day; a broken one fails backoff and replan, its faults named; narrow keeps them', async () => {
    const { seed, day, cold, down } = lowDay(generate);
    await load({ seed, ...LOW });
    const good = await drive(new Gateway(fleet.url));
    assert.deepEqual(good.checks.filter((c) => c.status === 'fail').map((c) => `${c.id}: ${c.message}`), [], `seed ${seed}`);
    assert.ok(good.checks.filter((c) => c.status === 'pass').length >= 4, JSON.stringify(good.checks.map((c) => [c.id, c.status, c.message])));

    const bad = await drive(new Gateway(fleet.url, true));
    const byId = Object.fromEntries(bad.checks.map((c) => [c.id, c]));
    assert.equal(byId.backoff.status, 'fail', byId.backoff.message);
    assert.equal(byId.replan.status, 'fail', byId.replan.message);
    assert.ok(byId.replan.candidates?.some((c) => c.fault === 'restart.cold' && c.mk6_id === cold.mk6), JSON.stringify(byId.replan.candidates));
    assert.ok(byId.backoff.candidates?.some((c) => /^(kill\.|offline)/.test(c.fault)), JSON.stringify(byId.backoff.candidates));
    assert.ok(down);
    for (const c of bad.checks.filter((x) => x.status !== 'fail')) assert.equal(c.candidates, undefined, c.id);

    const narrowed = narrowDay(day.text, 'low.yaml', bad as never);
    assert.ok(narrowed.kept < narrowed.of, `${narrowed.kept} of ${narrowed.of}`);
    assert.deepEqual(narrowed.checks.sort(), ['backoff', 'replan']);
    const res = await call(fleet.url, 'POST', '/mock/timeline', narrowed.text, { 'content-type': 'text/yaml' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const kept = parseTimelineText(narrowed.text);
    assert.ok(kept.some((e) => e.action === 'restart' && e.mk6 === cold.mk6 && e.fields.kind === 'cold'));
    console.log(`low day seed ${seed}: ${day.faults.length} faults; narrowed to ${narrowed.kept} of ${narrowed.of} events`);
  });
});
