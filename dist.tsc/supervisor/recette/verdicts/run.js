/**
 * What every check reads, prepared once and pure: the gateway's calls from the journal,
 * the fleet's events since the last reset, the topology, the window, all on both clocks
 * (simulated `sim`, real `wall`, in ms) and in the order they happened (real time).
 */
import { parseIsoTime } from '../../../src/domain/time.js';
import { verdictMessages } from '../../../src/i18n/verdict-messages.js';
const obj = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
const time = (v) => (typeof v === 'string' ? parseIsoTime(v) : null);
/** Never throws on an odd journal: an entry without a usable time or MK6 is left out. */
export function prepare(input, lang) {
    const calls = [];
    for (const e of input.journal) {
        if ((e.source !== 'GW' && e.source !== 'front') || typeof e.mk6_id !== 'string' || typeof e.path !== 'string')
            continue;
        const answered = time(e.ts);
        if (answered === null)
            continue;
        const wall = answered - (Number(e.duration_ms) || 0);
        const sim = time(e.sim_time) ?? wall;
        calls.push({ id: e.id, mk6: e.mk6_id, method: String(e.method), path: e.path, endpoint: e.endpoint, status: Number(e.status), source: e.source, req: obj(e.req_body), resp: obj(e.resp_body), sim, wall, requestId: requestIdOf(e.req_headers) });
    }
    calls.sort((a, b) => a.wall - b.wall || a.id - b.id);
    dropSwallowedTwins(calls);
    let events = [];
    for (const e of input.events) {
        const sim = time(e.sim_time);
        const wall = time(e.wall_time);
        if (sim === null || wall === null)
            continue;
        events.push({ id: e.id, kind: e.kind, mk6: e.mk6_id, details: obj(e.details), sim, wall });
    }
    events.sort((a, b) => a.wall - b.wall || a.id - b.id);
    // The run is what follows the last reset: the journal was cleared there, every MK6 back to its fleet file.
    const lastReset = events.map((e) => e.kind).lastIndexOf('reset');
    if (lastReset >= 0)
        events = events.slice(lastReset);
    const firstCall = calls[0];
    const start = events[0] && (!firstCall || events[0].wall <= firstCall.wall) ? events[0] : (firstCall ?? null);
    const topology = new Map(input.topology.map((t) => [t.id, t]));
    return {
        calls,
        events,
        topology,
        window: { from: input.window.from ?? -Infinity, to: input.window.to ?? Infinity },
        start: !start ? null : 'kind' in start ? { sim: start.sim, wall: start.wall, eventId: start.id } : { sim: start.sim, wall: start.wall, journalId: start.id },
        end: { sim: input.now.sim, wall: input.now.wall },
        lang,
        say: verdictMessages[lang],
    };
}
/**
 * One call, journaled twice: through the front to a blackholed MK6, the front answers 504
 * (`front`) and the worker journals the attempt it swallowed (444). The front's entry stays.
 * The two share the front's x-request-id; their fleet-clock times differ on a running clock
 * (each is stamped as its side sees it), so the same time is asked only of entries without one.
 */
function dropSwallowedTwins(calls) {
    const fronts = calls.filter((c) => c.source === 'front');
    if (fronts.length === 0)
        return;
    const twins = new Set();
    for (const f of fronts) {
        const twin = calls.find((c) => c.source === 'GW' && c.status === 444 && !twins.has(c) && c.mk6 === f.mk6 && c.method === f.method && c.path === f.path && Math.abs(c.wall - f.wall) < 1000 && sameCall(c, f));
        if (twin)
            twins.add(twin);
    }
    if (twins.size)
        calls.splice(0, calls.length, ...calls.filter((c) => !twins.has(c)));
}
const sameCall = (a, b) => (a.requestId !== null && b.requestId !== null ? a.requestId === b.requestId : a.sim === b.sim);
function requestIdOf(headers) {
    const id = headers !== null && typeof headers === 'object' ? headers['x-request-id'] : undefined;
    return typeof id === 'string' ? id : null;
}
export const inWindow = (run, sim) => sim >= run.window.from && sim <= run.window.to;
/** The MK6s a check looks at: its `mk6` list, else every MK6 of the fleet (and any provisioned in the run). */
export function scope(run, mk6) {
    if (mk6?.length)
        return [...mk6];
    const ids = new Set(run.topology.keys());
    for (const e of run.events)
        if (e.kind === 'provision' && e.mk6)
            ids.add(e.mk6);
    return [...ids];
}
/** `*` any characters; the rest literal. */
export function glob(pattern) {
    return new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}
/** When an MK6 was down (killed in any kind until its restart, offline until online), in real-time order; they may overlap. */
export function downIntervals(run, mk6) {
    const out = [];
    const open = { kill: null, offline: null };
    const close = (which, e) => {
        const i = open[which];
        if (!i)
            return;
        i.to = e;
        i.eventIds.push(e.id);
        open[which] = null;
    };
    for (const e of run.events) {
        if (e.kind === 'reset') {
            close('kill', e);
            close('offline', e);
        }
        else if (e.mk6 !== mk6)
            continue;
        else if (e.kind === 'restart')
            close('kill', e);
        else if (e.kind === 'online')
            close('offline', e);
        else if ((e.kind === 'kill' || e.kind === 'offline') && !open[e.kind]) {
            const i = { from: e, to: null, cause: e.kind === 'kill' ? { kill: String(e.details.kind ?? 'refused') } : 'offline', eventIds: [e.id] };
            open[e.kind] = i;
            out.push(i);
        }
    }
    return out;
}
/** The down interval a real instant falls in, if any. */
export function downAt(intervals, wall) {
    return intervals.find((i) => i.from.wall <= wall && (i.to === null || wall < i.to.wall));
}
/** Sites of an MK6 as a call at `wall` saw them: the last provision before it, else the fleet's. */
export function sitesAt(run, mk6, wall) {
    let sites = run.topology.get(mk6)?.sites ?? [];
    for (const e of run.events) {
        if (e.wall > wall)
            break;
        if (e.kind === 'provision' && e.mk6 === mk6 && Array.isArray(e.details.sites))
            sites = e.details.sites;
    }
    return sites;
}
export function findSite(sites, site) {
    return sites.find((s) => s.sycode === site || s.name === site);
}
// ── evidence and judgement ──
/** An instant as evidence carries it (machine text: ISO 8601, whole seconds without millis). */
export function iso(t) {
    return new Date(t).toISOString().replace(/\.000Z$/, 'Z');
}
export function callEvidence(c, what) {
    return { what, mk6_id: c.mk6, journal_id: c.id, sim_time: iso(c.sim), wall_time: new Date(c.wall).toISOString() };
}
export function eventEvidence(e, what) {
    return { what, ...(e.mk6 ? { mk6_id: e.mk6 } : {}), event_id: e.id, sim_time: iso(e.sim), wall_time: new Date(e.wall).toISOString() };
}
const EVIDENCE_CAP = 50;
const MESSAGE_CAP = 5;
/** A verdict from the faults found: pass when none, with their count and the first few in the message (in the run's language). */
export function judge(run, faults, passMessage, notApplicable = null) {
    if (faults.length === 0)
        return notApplicable !== null ? { status: 'not_applicable', message: notApplicable, evidence: [] } : { status: 'pass', message: passMessage, evidence: [] };
    const shown = faults.slice(0, MESSAGE_CAP).map((f) => f.message);
    const more = faults.length > MESSAGE_CAP ? `; ${run.say.andMore(faults.length - MESSAGE_CAP)}` : '';
    return { status: 'fail', message: `${shown.join('; ')}${more}`, evidence: faults.flatMap((f) => f.evidence).slice(0, EVIDENCE_CAP) };
}
