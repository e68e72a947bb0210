import { callEvidence, glob, inWindow, judge, scope } from './run.js';
export function noErrors(params, run) {
    const methods = params.methods ? new Set(params.methods) : null;
    const path = params.path ? glob(params.path) : null;
    const ids = new Set(scope(run, params.mk6));
    const calls = run.calls.filter((c) => c.source === 'GW' && ids.has(c.mk6) && inWindow(run, c.sim) && (!methods || methods.has(c.method)) && (!path || path.test(c.path)));
    const faults = calls
        .filter((c) => c.status >= 400 && c.status < 500 && c.status !== 444)
        .map((c) => {
        const code = typeof c.resp.error === 'string' ? c.resp.error : null;
        // The MK6's own message, as it answered the gateway (in the language the gateway asked for).
        const why = typeof c.resp.message === 'string' ? c.resp.message.slice(0, 120) : null;
        return {
            message: run.say.noErrors.answered({ mk6: c.mk6, method: c.method, path: c.path, status: c.status, code, why, at: c.sim, journal: c.id }),
            evidence: [callEvidence(c, run.say.noErrors.answeredStatus(c.status, code))],
        };
    });
    const what = methods ? [...methods].join('/') : null;
    if (calls.length === 0)
        return { status: 'not_applicable', message: run.say.noErrors.noCall(what), evidence: [] };
    return judge(run, faults, run.say.noErrors.pass(calls.length, what));
}
