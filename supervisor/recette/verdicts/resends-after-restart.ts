/**
 * `resends_after_restart`: after a cold restart (a power cut: the MK6 comes back without its
 * planning), the gateway re-sends, within `within` on the fleet clock, each setpoint the MK6
 * lost that was still in force or to come (same set, site, value and end). A restart whose
 * deadline is past what was observed (the window's end, or now) is not judged yet.
 */
import type { Static } from '../../../src/contract/schema/kit.js';
import type { CHECKS } from '../../../src/contract/schema/recette.js';
import { parseDuration } from '../../../src/config/recette-file.js';
import { acceptedSetpoint, replayPlanning, type Setpoint } from './planning.js';
import { callEvidence, eventEvidence, inWindow, judge, scope, type CheckResult, type Ev, type Run } from './run.js';

export type ResendsParams = Static<typeof CHECKS.resends_after_restart>;

export function resendsAfterRestart(params: ResendsParams, run: Run): CheckResult {
  const within = parseDuration(params.within) ?? 0;
  const say = run.say.resends;
  const ids = new Set(scope(run, params.mk6));
  const observedUntil = Math.min(run.end.sim, run.window.to);
  const faults: { message: string; evidence: ReturnType<typeof callEvidence>[] }[] = [];
  const judged: string[] = [];
  const pending: string[] = [];
  let restarts = 0;
  const lostBy: { ev: Ev; lost: readonly Setpoint[] }[] = [];
  replayPlanning(run, { coldRestart: (ev, lost) => void lostBy.push({ ev, lost }) });
  for (const { ev, lost } of lostBy) {
    if (!ev.mk6 || !ids.has(ev.mk6) || !inWindow(run, ev.sim)) continue;
    restarts++;
    if (lost.length === 0) continue;
    const deadline = ev.sim + within;
    const resent = run.calls.map(acceptedSetpoint).filter((sp): sp is Setpoint => sp !== null && sp.mk6 === ev.mk6 && sp.call.wall > ev.wall && sp.call.sim <= deadline);
    const missing = lost.filter((old) => !resent.some((sp) => sp.set === old.set && sp.sycode === old.sycode && sp.psetpoint === old.psetpoint && sp.end === old.end));
    if (missing.length === 0) {
      judged.push(say.resent(ev.mk6, ev.sim, lost.length));
      continue;
    }
    if (deadline > observedUntil) {
      pending.push(say.pending(ev.mk6, ev.sim, deadline));
      continue;
    }
    for (const old of missing) {
      const setpoint = { set: old.set, kw: old.psetpoint, sycode: old.sycode, start: old.start, end: old.end };
      faults.push({
        message: say.lost({ mk6: ev.mk6, req: old.reqId, setpoint, at: ev.sim, within }),
        evidence: [eventEvidence(ev, say.coldRestart), callEvidence(old.call, say.acceptedThenLost(old.reqId))],
      });
    }
  }
  const pendingNote = pending.length ? `; ${say.notJudgedYet(pending)}` : '';
  if (faults.length) {
    const failed = judge(run, faults, '');
    return { ...failed, message: failed.message + pendingNote };
  }
  if (judged.length === 0) {
    const why = restarts === 0 ? say.noColdRestart : pending.length ? say.notJudgedYet(pending) : say.noPlanningLost;
    return { status: 'not_applicable', message: why, evidence: [] };
  }
  return { status: 'pass', message: say.pass(within, judged) + pendingNote, evidence: [] };
}
