import { callEvidence, inWindow, judge, scope } from './run.js';
export function authenticated(params, run) {
    const ids = new Set(scope(run, params.mk6));
    const withAuth = [...ids].filter((id) => run.topology.get(id)?.authFromFile || run.events.some((e) => e.kind === 'auth' && e.mk6 === id && e.details.enabled === true));
    const refused = run.calls.filter((c) => ids.has(c.mk6) && c.status === 401 && inWindow(run, c.sim));
    const byMk6 = new Map();
    for (const c of refused)
        byMk6.set(c.mk6, [...(byMk6.get(c.mk6) ?? []), c]);
    const faults = [...byMk6].map(([mk6, calls]) => ({
        message: run.say.authenticated.refused({ mk6, count: calls.length, method: calls[0].method, path: calls[0].path, at: calls[0].sim, journal: calls[0].id }),
        evidence: calls.map((c) => callEvidence(c, run.say.authenticated.refused401(c.method, c.path))),
    }));
    if (withAuth.length === 0 && faults.length === 0)
        return { status: 'not_applicable', message: run.say.authenticated.noAuth, evidence: [] };
    const authCalls = run.calls.filter((c) => withAuth.includes(c.mk6) && inWindow(run, c.sim)).length;
    if (authCalls === 0 && faults.length === 0)
        return { status: 'not_applicable', message: run.say.authenticated.noCall(withAuth), evidence: [] };
    return judge(run, faults, run.say.authenticated.pass(withAuth, authCalls));
}
