import { FAULT_KINDS } from '../../src/contract/schema/chaos.js';
import { faultSpans } from '../../src/chaos/faults.js';
import { inWindow, iso, scope } from './verdicts/run.js';
/** A fault "just ended" before a piece of evidence when it ended at most this long before it, on the fleet clock. */
export const JUST_ENDED_MS = 5 * 60_000;
/** Every fault of the run, from its events (the run starts at the last reset). */
export function runFaults(run) {
    return faultSpans(run.events.map((e) => ({ kind: e.kind, mk6: e.mk6, details: e.details, at: e.sim, ref: e.id })));
}
/** Per MK6, per kind (in the contract's order): how many faults started in the window. */
export function coverageOf(run, faults = runFaults(run)) {
    const counts = new Map();
    for (const f of faults) {
        if (!inWindow(run, f.from))
            continue;
        const m = counts.get(f.mk6) ?? new Map();
        m.set(f.fault, (m.get(f.fault) ?? 0) + 1);
        counts.set(f.mk6, m);
    }
    const out = {};
    for (const mk6 of [...counts.keys()].sort()) {
        const m = counts.get(mk6);
        out[mk6] = Object.fromEntries(FAULT_KINDS.filter((k) => m.has(k)).map((k) => [k, m.get(k)]));
    }
    return out;
}
/** The faults in force or just ended at each piece of evidence (by its simulated time), each with the evidence it stands before. */
export function candidatesFor(evidence, faults) {
    const found = new Map();
    evidence.forEach((e, i) => {
        const t = e.sim_time ? Date.parse(e.sim_time) : NaN;
        if (!Number.isFinite(t))
            return;
        for (const f of faults) {
            if (f.from <= t && (f.to === null || t - f.to <= JUST_ENDED_MS))
                found.set(f, [...(found.get(f) ?? []), i]);
        }
    });
    return [...found]
        .sort(([a], [b]) => a.from - b.from || a.mk6.localeCompare(b.mk6))
        .map(([f, idx]) => ({ fault: f.fault, mk6_id: f.mk6, from: iso(f.from), to: f.to === null ? null : iso(f.to), event_ids: f.refs, evidence: idx }));
}
/** The check `coverage`: each required kind exercised at least once on an MK6 in scope. */
export function coverageCheck(params, run) {
    const say = run.say.coverage;
    const ids = scope(run, params.mk6);
    if (ids.length === 0)
        return { status: 'not_applicable', message: say.notApplicable, evidence: [] };
    const coverage = coverageOf(run);
    const times = (k) => ids.reduce((s, id) => s + (coverage[id]?.[k] ?? 0), 0);
    const missing = params.require.filter((k) => times(k) === 0);
    if (missing.length)
        return { status: 'fail', message: say.missing(missing), evidence: [] };
    return { status: 'pass', message: say.met(params.require.length, params.require.reduce((s, k) => s + times(k), 0)), evidence: [] };
}
