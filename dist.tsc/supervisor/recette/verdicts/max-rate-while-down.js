import { callEvidence, downAt, downIntervals, eventEvidence, inWindow, judge, scope } from './run.js';
const MINUTE = 60_000;
export function maxRateWhileDown(params, run) {
    const faults = [];
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
                        eventEvidence({ ...interval.from, id: interval.eventIds[0], mk6 }, run.say.maxRate.downFrom(interval.cause)),
                        ...burst.map((c) => callEvidence(c, run.say.maxRate.callWhileDown(c.method, c.path, c.status))),
                    ],
                });
            }
        }
    }
    if (downs === 0)
        return { status: 'not_applicable', message: run.say.maxRate.noneDown, evidence: [] };
    return judge(run, faults, run.say.maxRate.pass(calls, downs, params.per_minute));
}
/** The most calls within one minute of each other on both clocks (two pointers over real time). */
function worstBurst(calls) {
    let best = [];
    for (let i = 0; i < calls.length; i++) {
        const burst = [calls[i]];
        for (let j = i + 1; j < calls.length && calls[j].wall - calls[i].wall < MINUTE; j++) {
            if (Math.abs(calls[j].sim - calls[i].sim) < MINUTE)
                burst.push(calls[j]);
        }
        if (burst.length > best.length)
            best = burst;
    }
    return best;
}
