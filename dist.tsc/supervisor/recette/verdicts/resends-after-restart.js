import { parseDuration } from '../../../src/config/recette-file.js';
import { acceptedSetpoint, replayPlanning } from './planning.js';
import { callEvidence, eventEvidence, inWindow, judge, scope } from './run.js';
export function resendsAfterRestart(params, run) {
    const within = parseDuration(params.within) ?? 0;
    const say = run.say.resends;
    const ids = new Set(scope(run, params.mk6));
    const observedUntil = Math.min(run.end.sim, run.window.to);
    const faults = [];
    const judged = [];
    const pending = [];
    let restarts = 0;
    const lostBy = [];
    replayPlanning(run, { coldRestart: (ev, lost) => void lostBy.push({ ev, lost }) });
    for (const { ev, lost } of lostBy) {
        if (!ev.mk6 || !ids.has(ev.mk6) || !inWindow(run, ev.sim))
            continue;
        restarts++;
        if (lost.length === 0)
            continue;
        const deadline = ev.sim + within;
        const resent = run.calls.map(acceptedSetpoint).filter((sp) => sp !== null && sp.mk6 === ev.mk6 && sp.call.wall > ev.wall && sp.call.sim <= deadline);
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
