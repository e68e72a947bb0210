/**
 * `setpoints_within_limits`: no setpoint the gateway sent (accepted or not) is above its
 * site's pmax, nor above a DEIE/SCADA constraint the fleet had injected before it was sent
 * and that is in force during the setpoint's window.
 */
import { parseIsoTime } from '../../../src/domain/time.js';
import { callEvidence, eventEvidence, findSite, inWindow, judge, scope, sitesAt } from './run.js';
export function setpointsWithinLimits(params, run) {
    const ids = new Set(scope(run, params.mk6));
    const constraints = constraintsOf(run);
    const say = run.say.limits;
    const faults = [];
    let sent = 0;
    const sites = new Map(); // request id → sycode, for a PATCH
    for (const c of run.calls) {
        if (c.status === 201 && c.endpoint === 'requests' && typeof c.resp.id === 'string' && c.resp.site && typeof c.resp.site === 'object') {
            sites.set(`${c.mk6}/${c.resp.id}`, Object.keys(c.resp.site)[0]);
        }
        if (!ids.has(c.mk6) || !inWindow(run, c.sim))
            continue;
        const sp = setpointOf(c, sites);
        if (!sp)
            continue;
        sent++;
        const site = findSite(sitesAt(run, c.mk6, c.wall), sp.site);
        const start = sp.start ?? c.sim;
        const end = sp.end ?? Infinity;
        const answered = c.status === 201 || c.status === 200 ? null : c.status;
        if (site && sp.psetpoint > site.pmax_kw) {
            faults.push({
                message: say.abovePmax({ mk6: c.mk6, kw: sp.psetpoint, sycode: site.sycode, at: c.sim, pmax: site.pmax_kw, answered, journal: c.id }),
                evidence: [callEvidence(c, say.overPmax(sp.psetpoint, site.pmax_kw))],
            });
            continue;
        }
        const sycode = site?.sycode ?? sp.site;
        const over = constraints.find((k) => k.mk6 === c.mk6 && k.sycode === sycode && k.ev.wall <= c.wall && c.wall < k.liftedAt && start < k.to && end > k.from && sp.psetpoint > k.value);
        if (over) {
            faults.push({
                message: say.aboveConstraint({ mk6: c.mk6, kw: sp.psetpoint, sycode, from: start, to: end, at: c.sim, source: over.source, value: over.value, inForce: [over.from, over.to], answered, journal: c.id }),
                evidence: [eventEvidence(over.ev, say.constraintInjected(over.source, over.value)), callEvidence(c, say.overConstraint(sp.psetpoint, over.source, over.value))],
            });
        }
    }
    if (sent === 0)
        return { status: 'not_applicable', message: say.noneSent, evidence: [] };
    return judge(run, faults, say.pass(sent));
}
/** The setpoint a call carries: a Psetpoint request, or a PATCH of one. */
function setpointOf(c, sites) {
    const psetpoint = c.req.psetpoint;
    if (typeof psetpoint !== 'number')
        return null;
    const time = (v) => (typeof v === 'string' ? parseIsoTime(v) : null);
    if (c.method === 'POST' && c.endpoint === 'requests' && c.req.set === 'Psetpoint' && typeof c.req.site === 'string') {
        return { site: c.req.site, psetpoint, start: time(c.req.start_time), end: time(c.req.end_time) };
    }
    if (c.method === 'PATCH' && c.endpoint === 'planning/{request_id}') {
        const site = sites.get(`${c.mk6}/${decodeURIComponent(c.path.split('/').pop() ?? '')}`);
        const r = c.resp;
        if (site)
            return { site, psetpoint, start: time(r.start_time ?? c.req.start_time), end: time(r.end_time ?? c.req.end_time) };
    }
    return null;
}
/** Every constraint injected in the run, with when it is in force on the fleet clock and when it was lifted. */
function constraintsOf(run) {
    const out = [];
    const open = new Map();
    const lift = (key, wall, sim) => {
        const k = open.get(key);
        if (!k)
            return;
        k.liftedAt = wall;
        k.to = Math.min(k.to, Math.max(k.from, sim));
        open.delete(key);
    };
    for (const e of run.events) {
        if (e.kind === 'reset')
            for (const key of [...open.keys()])
                lift(key, e.wall, e.sim);
        if (!e.mk6)
            continue;
        if (e.kind === 'provision')
            for (const key of [...open.keys()])
                if (key.startsWith(`${e.mk6}/`))
                    lift(key, e.wall, e.sim);
        if (e.kind !== 'constraint_on' && e.kind !== 'constraint_off')
            continue;
        const sycode = String(e.details.sycode ?? '');
        const key = `${e.mk6}/${sycode}`;
        lift(key, e.wall, e.sim);
        if (e.kind === 'constraint_off' || typeof e.details.value_kw !== 'number')
            continue;
        const start = typeof e.details.start_time === 'string' ? parseIsoTime(e.details.start_time) : null;
        const end = typeof e.details.end_time === 'string' ? parseIsoTime(e.details.end_time) : null;
        const k = { ev: e, mk6: e.mk6, sycode, source: String(e.details.source ?? 'DEIE'), value: e.details.value_kw, from: Math.max(e.sim, start ?? -Infinity), to: end ?? Infinity, liftedAt: Infinity };
        open.set(key, k);
        out.push(k);
    }
    return out;
}
