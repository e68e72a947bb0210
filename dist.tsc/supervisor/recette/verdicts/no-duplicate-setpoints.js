import { replayPlanning } from './planning.js';
import { callEvidence, inWindow, judge, scope } from './run.js';
const same = (a, b) => a.set === b.set && a.sycode === b.sycode && a.psetpoint === b.psetpoint && a.start === b.start && a.end === b.end;
export function noDuplicateSetpoints(params, run) {
    const ids = new Set(scope(run, params.mk6));
    const faults = [];
    let accepted = 0;
    replayPlanning(run, {
        accepted: (sp, live) => {
            if (!ids.has(sp.mk6) || !inWindow(run, sp.call.sim))
                return;
            accepted++;
            const first = live.find((old) => same(old, sp));
            if (!first)
                return;
            const setpoint = { set: sp.set, kw: sp.psetpoint, sycode: sp.sycode, start: sp.start, end: sp.end };
            faults.push({
                message: run.say.noDuplicates.twice({ mk6: sp.mk6, setpoint, first: { req: first.reqId, journal: first.call.id, at: first.call.sim }, again: { req: sp.reqId, journal: sp.call.id, at: sp.call.sim } }),
                evidence: [callEvidence(first.call, run.say.noDuplicates.firstAccepted(first.reqId)), callEvidence(sp.call, run.say.noDuplicates.acceptedAgain(sp.reqId, sp.start))],
            });
        },
    });
    if (accepted === 0)
        return { status: 'not_applicable', message: run.say.noDuplicates.noneAccepted, evidence: [] };
    return judge(run, faults, run.say.noDuplicates.pass(accepted));
}
