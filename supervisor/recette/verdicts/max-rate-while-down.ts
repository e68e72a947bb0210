/**
 * `max_rate_while_down`: while an MK6 is down (killed in any kind, blackholed, offline), the
 * gateway backs off: at most `per_minute` calls within any minute. Calls count as within
 * a minute when they are on the fleet clock and in real time alike, so a stepped clock
 * (a minute per step) and a frozen one (real minutes) are both judged fairly.
 */
import type { Static } from '../../../src/contract/schema/kit.js';
import type { CHECKS } from '../../../src/contract/schema/recette.js';
import { callEvidence, downAt, downIntervals, eventEvidence, inWindow, judge, scope, type Call, type CheckResult, type Run } from './run.js';

export type MaxRateParams = Static<typeof CHECKS.max_rate_while_down>;
const MINUTE = 60_000;

export function maxRateWhileDown(params: MaxRateParams, run: Run): CheckResult {
  const faults: { message: string; evidence: ReturnType<typeof callEvidence>[] }[] = [];
  let downs = 0;
  let calls = 0;
  for (const mk6 of scope(run, params.mk6)) {
    const intervals = downIntervals(run, mk6).filter((i) => inWindow(run, i.from.sim) || (i.to !== null && inWindow(run, i.to.sim)) || (i.from.sim < run.window.from && (i.to === null || i.to.sim > run.window.to)));
    downs += intervals.length;
    for (const interval of intervals) {
      const during = run.calls.filter((c) => c.mk6 === mk6 && inWindow(run, c.sim) && downAt([interval], c.wall));
      calls += during.length;
      const burst = worstBurst(during);
      if (burst.length > params.per_minute) {
        const first = burst[0];
        const last = burst[burst.length - 1];
        faults.push({
          message: run.say.maxRate.burst({ mk6, count: burst.length, from: first.sim, to: last.sim, realMs: last.wall - first.wall, cause: interval.cause, since: interval.from.sim, max: params.per_minute }),
          evidence: [
            eventEvidence({ ...interval.from, id: interval.eventIds[0], mk6 } as never, run.say.maxRate.downFrom(interval.cause)),
            ...burst.map((c) => callEvidence(c, run.say.maxRate.callWhileDown(c.method, c.path, c.status))),
          ],
        });
      }
    }
  }
  if (downs === 0) return { status: 'not_applicable', message: run.say.maxRate.noneDown, evidence: [] };
  return judge(run, faults, run.say.maxRate.pass(calls, downs, params.per_minute));
}

/** The most calls within one minute of each other on both clocks (two pointers over real time). */
function worstBurst(calls: readonly Call[]): Call[] {
  let best: Call[] = [];
  for (let i = 0; i < calls.length; i++) {
    const burst = [calls[i]];
    for (let j = i + 1; j < calls.length && calls[j].wall - calls[i].wall < MINUTE; j++) {
      if (Math.abs(calls[j].sim - calls[i].sim) < MINUTE) burst.push(calls[j]);
    }
    if (burst.length > best.length) best = burst;
  }
  return best;
}
