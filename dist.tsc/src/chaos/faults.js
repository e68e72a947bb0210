import { parseDuration } from '../contract/duration.js';
const str = (v) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const lower = (v, fallback) => (typeof v === 'string' && v ? v.toLowerCase() : fallback);
/** The offset (ms) and drift (ppm) a clock_skew act sets: event details `{offset_ms, drift_ppm}`, or a timeline's `{offset: "+90s", drift_ppm}`. */
function skew(details) {
    let offset = Number(details.offset_ms ?? 0);
    if (typeof details.offset === 'string') {
        const text = details.offset.trim();
        offset = (text.startsWith('-') ? -1 : 1) * (parseDuration(text.replace(/^[+-]/, '')) ?? 0); // the one duration grammar
    }
    else if (typeof details.offset === 'number')
        offset = details.offset * 1000;
    return { offset: Number.isFinite(offset) ? offset : 0, drift: Number(details.drift_ppm ?? 0) || 0 };
}
/** The faults an act starts, each with the key of what ends it. */
export function faultsStarted(act) {
    const d = act.details;
    switch (act.kind) {
        case 'kill': return [{ fault: `kill.${lower(d.kind, 'refused')}`, key: 'kill' }];
        case 'offline': return [{ fault: 'offline', key: 'offline' }];
        case 'network_add': {
            const c = (d.condition && typeof d.condition === 'object' ? d.condition : d);
            return [{ fault: `network.${lower(c.type, 'latency')}`, key: `net:${str(c.name)}` }];
        }
        case 'fault_on': return [{ fault: 'site.fault', key: `fault:${str(d.sycode)}` }];
        case 'site_state': return Number(d.state) === 2 ? [] : [{ fault: 'site.state', key: `state:${str(d.sycode)}` }];
        case 'constraint_on': return [{ fault: `constraint.${lower(d.source, 'deie')}`, key: `constraint:${str(d.sycode)}` }];
        case 'auth': return d.enabled === true ? [{ fault: 'auth', key: 'auth' }] : [];
        case 'clock_skew': {
            const { offset, drift } = skew(d);
            return [...(offset !== 0 ? [{ fault: 'clock.skew', key: 'clock' }] : []), ...(drift !== 0 ? [{ fault: 'clock.drift', key: 'clock' }] : [])];
        }
        default: return [];
    }
}
/** The keys of the open faults an act ends (`*` every one of the MK6; a prefix ending in `:` every one under it). */
function faultsEnded(act) {
    const d = act.details;
    switch (act.kind) {
        case 'restart': return ['kill'];
        case 'online': return ['offline'];
        case 'network_rm': return [d.name ? `net:${str(d.name)}` : 'net:'];
        case 'fault_off': return [`fault:${str(d.sycode)}`];
        case 'site_state': return [`state:${str(d.sycode)}`];
        case 'constraint_on':
        case 'constraint_off': return [`constraint:${str(d.sycode)}`];
        case 'auth': return ['auth'];
        case 'clock_skew':
        case 'clock_reset': return ['clock'];
        default: return [];
    }
}
/** Every fault of a sequence of acts (in the order they happened), with when it started and ended. */
export function faultSpans(acts) {
    const spans = [];
    const open = new Map(); // `${mk6}|${key}`
    const close = (k, act) => {
        for (const o of open.get(k) ?? []) {
            o.span.to = o.until !== null && o.until < act.at ? o.until : act.at;
            o.span.refs.push(act.ref);
        }
        open.delete(k);
    };
    for (const act of acts) {
        if (act.kind === 'reset') {
            for (const k of [...open.keys()])
                close(k, act);
            continue;
        }
        if (act.mk6 === null)
            continue;
        let endedKill = false;
        for (const key of faultsEnded(act)) {
            for (const k of [...open.keys()]) {
                if (k === `${act.mk6}|${key}` || (key.endsWith(':') && k.startsWith(`${act.mk6}|${key}`))) {
                    if (key === 'kill')
                        endedKill = true;
                    close(k, act);
                }
            }
        }
        if (act.kind === 'restart') {
            const kind = lower(act.details.kind, 'warm');
            if (kind === 'cold' || !endedKill)
                spans.push({ fault: `restart.${kind}`, mk6: act.mk6, from: act.at, to: act.at, refs: [act.ref] });
            continue;
        }
        for (const { fault, key } of faultsStarted(act)) {
            const span = { fault, mk6: act.mk6, from: act.at, to: null, refs: [act.ref] };
            const until = act.kind === 'constraint_on' && typeof act.details.end_time === 'string' ? Date.parse(act.details.end_time) : NaN;
            spans.push(span);
            const k = `${act.mk6}|${key}`;
            open.set(k, [...(open.get(k) ?? []), { span, until: Number.isFinite(until) ? until : null }]);
        }
    }
    for (const list of open.values())
        for (const o of list)
            if (o.until !== null)
                o.span.to = o.until;
    return spans;
}
