/**
 * `polls`: the gateway calls each MK6 (GET on `path`, default `*\/monitoring*`) at least every
 * `max_gap` on the fleet clock while the MK6 is up. Time the MK6 was down is not counted
 * (that is `max_rate_while_down`'s), nor a clock step longer than max_gap (no gateway can
 * poll inside a jump): a gap is the simulated time the gateway lived through, in the window.
 * An MK6 is judged only when it lived more than max_gap up in the window (else no gap could
 * fail: a clock that only stepped, 10:00 → 15:00 → 15:30, leaves nothing to judge); with
 * none judged the check is not applicable, and the message names those not judged.
 */
import type { Static } from '../../../src/contract/schema/kit.js';
import type { CHECKS } from '../../../src/contract/schema/recette.js';
import { parseDuration } from '../../../src/config/recette-file.js';
import { callEvidence, downIntervals, eventEvidence, glob, inWindow, judge, scope, type CheckResult, type Ev, type Mark, type Run } from './run.js';

export type PollsParams = Static<typeof CHECKS.polls>;
export const DEFAULT_POLL_PATH = '*/monitoring*';

interface Step extends Mark {
  type: 'start' | 'poll' | 'down' | 'up' | 'end';
  order: number;
  journalId?: number;
  eventId?: number;
}

export function polls(params: PollsParams, run: Run): CheckResult {
  const maxGap = parseDuration(params.max_gap) ?? 0;
  const pattern = params.path ?? DEFAULT_POLL_PATH;
  const match = glob(pattern);
  const label = pattern.replace(/\*/g, '').replace(/^\/+|\/+$/g, '') || pattern;
  const jumps = run.events.filter((e) => e.kind === 'clock_set' || e.kind === 'clock_release').map((e) => jumpOf(e)).filter((j) => j.to < j.from || j.to - j.from > maxGap);
  const faults: { message: string; evidence: ReturnType<typeof callEvidence>[] }[] = [];
  let watched = 0;
  let counted = 0;
  const unjudged: string[] = [];
  for (const mk6 of scope(run, params.mk6)) {
    const start = startOf(run, mk6);
    if (!start) continue;
    let livedUp = 0;
    const steps: Step[] = [{ ...start, type: 'start', order: 0 }];
    for (const c of run.calls) {
      if (c.mk6 === mk6 && c.method === 'GET' && match.test(c.path) && c.wall >= start.wall) steps.push({ sim: c.sim, wall: c.wall, type: 'poll', order: 2, journalId: c.id });
    }
    for (const i of downIntervals(run, mk6)) {
      steps.push({ ...i.from, type: 'down', order: 1, eventId: i.eventIds[0] });
      if (i.to) steps.push({ ...i.to, type: 'up', order: 1, eventId: i.eventIds[1] });
    }
    steps.push({ ...run.end, type: 'end', order: 3 });
    steps.sort((a, b) => a.wall - b.wall || a.order - b.order);
    let depth = 0;
    let prev: Step | null = null;
    const gap = (to: Step) => {
      if (!prev) return;
      const lived = livedTime(prev, to, jumps, run);
      livedUp += lived;
      if (lived > maxGap) {
        const stepsSkipped = jumps.some((j) => j.wall > prev!.wall && j.wall < to.wall);
        faults.push({
          message: run.say.polls.gap({ mk6, label, lived, from: prev.sim, to: to.sim, maxGap, stepsSkipped }),
          evidence: [stepEvidence(mk6, prev, run.say.polls.lastBefore(label)), stepEvidence(mk6, to, run.say.polls.nextAfter(label, lived))],
        });
      }
    };
    for (const s of steps) {
      if (s.type === 'poll') {
        if (depth > 0) continue;
        if (inWindow(run, s.sim)) counted++;
        gap(s);
        prev = s;
      } else if (s.type === 'down') {
        if (depth++ === 0) gap(s);
        prev = null;
      } else if (s.type === 'up') {
        depth = Math.max(0, depth - 1);
        if (depth === 0) prev = s;
      } else if (s.type === 'end') {
        if (depth === 0) gap(s);
      } else prev = s;
    }
    if (livedUp > maxGap) watched++;
    else unjudged.push(mk6);
  }
  if (watched === 0 && faults.length === 0) {
    return { status: 'not_applicable', message: unjudged.length ? run.say.polls.noneUpLongEnough(unjudged, maxGap) : run.say.polls.nothingObserved, evidence: [] };
  }
  return judge(run, faults, run.say.polls.pass({ watched, maxGap, counted, label }) + (unjudged.length ? run.say.polls.notJudged(unjudged, maxGap) : ''));
}

/** When an MK6 starts being watched: the run's start, or its provision if the fleet file does not have it. */
function startOf(run: Run, mk6: string): (Mark & { eventId?: number; journalId?: number }) | null {
  if (run.topology.has(mk6)) return run.start;
  const added = run.events.find((e) => e.kind === 'provision' && e.mk6 === mk6);
  return added ? { sim: added.sim, wall: added.wall, eventId: added.id } : null;
}

interface Jump {
  wall: number;
  from: number;
  to: number;
}
function jumpOf(e: Ev): Jump {
  const t = (v: unknown) => (typeof v === 'string' ? Date.parse(v) : NaN);
  const from = t(e.details.from);
  const to = t(e.details.to);
  return { wall: e.wall, from: Number.isFinite(from) ? from : e.sim, to: Number.isFinite(to) ? to : e.sim };
}

/** Simulated time lived between two instants, jumps taken out, clipped to the window. */
function livedTime(a: Mark, b: Mark, jumps: readonly Jump[], run: Run): number {
  const pieces: [number, number][] = [];
  let from = a.sim;
  for (const j of jumps) {
    if (j.wall <= a.wall || j.wall >= b.wall) continue;
    pieces.push([from, j.from]);
    from = j.to;
  }
  pieces.push([from, b.sim]);
  let total = 0;
  for (const [x, y] of pieces) total += Math.max(0, Math.min(y, run.window.to) - Math.max(x, run.window.from));
  return total;
}

function stepEvidence(mk6: string, s: Step, what: string) {
  if (s.journalId !== undefined) return callEvidence({ id: s.journalId, mk6, sim: s.sim, wall: s.wall } as never, what);
  if (s.eventId !== undefined) return eventEvidence({ id: s.eventId, mk6, sim: s.sim, wall: s.wall } as never, what);
  return { what, mk6_id: mk6, sim_time: new Date(s.sim).toISOString() };
}
