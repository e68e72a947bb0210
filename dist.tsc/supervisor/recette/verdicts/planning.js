/**
 * The planning each MK6 held, replayed from the gateway's accepted calls and the fleet's
 * events in real-time order: what a cold restart lost, whether a setpoint was already
 * there. Pure; shared by the setpoint checks.
 */
import { parseIsoTime } from '../../../src/domain/time.js';
/** The setpoint a 201 answer to `POST requests` stands for. */
export function acceptedSetpoint(c) {
    if (c.method !== 'POST' || c.endpoint !== 'requests' || c.status !== 201)
        return null;
    const r = c.resp;
    const site = r.site && typeof r.site === 'object' ? Object.keys(r.site)[0] ?? null : null;
    const start = typeof r.start_time === 'string' ? parseIsoTime(r.start_time) : null;
    const end = typeof r.end_time === 'string' ? parseIsoTime(r.end_time) : null;
    return {
        call: c,
        mk6: c.mk6,
        reqId: typeof r.id === 'string' ? r.id : null,
        set: String(r.set ?? c.req.set ?? ''),
        sycode: site,
        psetpoint: typeof r.psetpoint === 'number' ? r.psetpoint : null,
        start: start ?? c.sim,
        end,
    };
}
export function replayPlanning(run, hooks) {
    const plans = new Map();
    const plan = (mk6) => plans.get(mk6) ?? plans.set(mk6, new Map()).get(mk6);
    let anon = 0;
    const stream = [...run.calls.map((call) => ({ call })), ...run.events.map((ev) => ({ ev }))];
    const wall = (x) => ('call' in x ? x.call.wall : x.ev.wall);
    stream.sort((a, b) => wall(a) - wall(b));
    for (const item of stream) {
        if ('ev' in item) {
            const e = item.ev;
            if (e.kind === 'reset')
                plans.clear();
            else if (e.kind === 'provision' && e.mk6)
                plans.delete(e.mk6);
            else if (e.kind === 'restart' && e.details.kind === 'cold' && e.mk6) {
                const lost = [...plan(e.mk6).values()].filter((sp) => sp.end === null || sp.end > e.sim);
                hooks.coldRestart?.(e, lost);
                plans.delete(e.mk6);
            }
            continue;
        }
        const c = item.call;
        if (c.status >= 300)
            continue;
        const p = plan(c.mk6);
        const sp = acceptedSetpoint(c);
        if (sp) {
            for (const [id, old] of p)
                if (old.end !== null && old.end <= c.sim)
                    p.delete(id); // expired
            hooks.accepted?.(sp, [...p.values()]);
            p.set(sp.reqId ?? `#${++anon}`, sp);
        }
        else if (c.method === 'POST' && c.endpoint === 'requests' && c.req.set === 'main_reset') {
            p.clear(); // scheduled ones deleted; an active one kept, but no longer to be re-sent
        }
        else if (c.endpoint === 'planning/{request_id}') {
            const id = decodeURIComponent(c.path.split('/').pop() ?? '');
            if (c.method === 'DELETE')
                p.delete(id);
            else if (c.method === 'PATCH' && p.has(id)) {
                const patched = acceptedSetpoint({ ...c, method: 'POST', endpoint: 'requests', status: 201 });
                if (patched)
                    p.set(id, { ...patched, call: c });
            }
        }
    }
}
