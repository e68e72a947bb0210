/**
 * The fleet's event log: every action on the fleet (clock, reset, mode, kills, restarts, a
 * worker pm2 brought back, outages, network conditions, faults, site states, constraints,
 * auth, provisions, timeline firings), with the fleet clock and the real time of each. A
 * bounded ring like the journal, kept in `<state-dir>/events.jsonl` (one line per event,
 * compacted when it doubles) so it survives a restart of the supervisor.
 *
 * Actions the supervisor performs are recorded where it performs them (one `record` call);
 * actions a worker performs (fault, site state, constraint, offline, auth, network,
 * provision) are read from the worker's journal entry once it answered 2xx, whichever way
 * the call came (front or the worker's own port).
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simulatedNow } from '../../src/domain/clock.js';
import { formatIso } from '../../src/domain/time.js';
import { parseMk6Path } from '../../src/journal/mk6-path.js';
import { writeFileAtomic } from '../../src/persist/atomic.js';
import { mk6Time } from '../../src/domain/mk6-clock.js';
import { parseIsoTime } from '../../src/domain/time.js';
export const EVENTS_CAPACITY = 2000;
export class EventLog {
    host;
    capacity;
    events = [];
    lastId = 0;
    lines = 0;
    loaded = false;
    /** The newest pid seen per MK6, so a respawn noticed twice is recorded once. */
    pids = new Map();
    listeners = [];
    constructor(host, capacity = EVENTS_CAPACITY) {
        this.host = host;
        this.capacity = capacity;
    }
    get path() {
        return join(this.host.stateDir, 'events.jsonl');
    }
    /** Records an action now (fleet clock and real time), or at the times given (an action a worker journaled). */
    record(kind, mk6, details = {}, at) {
        this.load();
        const wall = Date.now();
        const sim = simulatedNow(this.host.clock, wall);
        const own = at ? null : (mk6 !== null && this.host.members?.get(mk6)?.clock) || null;
        const mk6At = at?.mk6 ?? (own ? formatIso(mk6Time(own, sim)) : undefined);
        const event = {
            id: ++this.lastId,
            sim_time: at?.sim ?? formatIso(sim),
            ...(mk6At !== undefined ? { mk6_time: mk6At } : {}),
            wall_time: at?.wall ?? new Date(wall).toISOString(),
            kind,
            mk6_id: mk6,
            details,
        };
        this.events.push(event);
        if (this.events.length > this.capacity)
            this.events = this.events.slice(-this.capacity);
        this.persist(event);
        for (const listener of this.listeners)
            listener(event);
        return event;
    }
    /** Called with each event as it is recorded (the front gives up on the calls a kill's blackhole holds). */
    onRecord(listener) {
        this.listeners.push(listener);
    }
    /** A move of the fleet clock: where it was and where it goes, on the fleet clock, at one real instant. */
    clock(from, to, realNow) {
        const details = { from: formatIso(simulatedNow(from, realNow)), to: formatIso(simulatedNow(to, realNow)), speed: to.source === 'mock' ? to.speed : null };
        return this.record(to.source === 'mock' ? 'clock_set' : 'clock_release', null, details);
    }
    /** A worker pm2 brought back behind the fleet's back (SIGKILL, crash): recorded once per new pid. */
    respawned(mk6, oldPid, newPid, engine = 'pm2') {
        const cause = engine === 'pm2' ? 'pm2 restarted the process (SIGKILL or crash)' : 'its engine restarted the process';
        if (this.pids.get(mk6) === newPid)
            return;
        this.pids.set(mk6, newPid);
        this.record('worker_respawned', mk6, { old_pid: oldPid, new_pid: newPid, cause });
    }
    /** An action a worker answered 2xx, from its journal entry (cheap for every other entry). */
    fromJournal(entry) {
        if (entry.source !== 'MOCK' || entry.method === 'GET' || entry.status < 200 || entry.status >= 300 || entry.mk6_id === null)
            return;
        const action = workerAction(entry);
        if (!action)
            return;
        if (action.kind === 'clock_skew' || action.kind === 'clock_reset')
            this.clockSaid(entry.mk6_id, entry.resp_body);
        this.record(action.kind, entry.mk6_id, action.details, { sim: entry.sim_time, wall: entry.ts, ...(entry.mk6_time ? { mk6: entry.mk6_time } : {}) });
    }
    /** An MK6's clock as its answer to a clock call says it (src/contract/mk6-clock.ts's view). */
    clockSaid(mk6, view) {
        const member = this.host.members?.get(mk6);
        if (!member)
            return;
        const v = (view ?? {});
        const since = typeof v.since === 'string' ? parseIsoTime(v.since) : null;
        member.clock = v.own === true && typeof v.offset_ms === 'number' && typeof v.drift_ppm === 'number' && since !== null ? { offsetMs: v.offset_ms, driftPpm: v.drift_ppm, since } : null;
    }
    /** Events with id > sinceId, oldest first. */
    since(sinceId = 0) {
        this.load();
        return this.events.filter((e) => e.id > sinceId);
    }
    get latestId() {
        this.load();
        return this.lastId;
    }
    load() {
        if (this.loaded)
            return;
        this.loaded = true;
        try {
            if (!existsSync(this.path))
                return;
            const lines = readFileSync(this.path, 'utf8').split('\n').filter(Boolean);
            this.lines = lines.length;
            for (const line of lines.slice(-this.capacity)) {
                try {
                    const e = JSON.parse(line);
                    if (Number.isSafeInteger(e.id) && e.id > this.lastId) {
                        this.events.push(e);
                        this.lastId = e.id;
                    }
                }
                catch {
                    /* a line cut by a crash: the others stand */
                }
            }
        }
        catch {
            /* the supervisor's own memo: an unreadable log starts afresh */
        }
    }
    persist(event) {
        try {
            if (++this.lines > 2 * this.capacity) {
                writeFileAtomic(this.path, this.events.map((e) => JSON.stringify(e) + '\n').join(''));
                this.lines = this.events.length;
            }
            else {
                appendFileSync(this.path, JSON.stringify(event) + '\n');
            }
        }
        catch {
            /* a log that cannot be written still answers from memory */
        }
    }
}
/** The event a worker's 2xx answer to a mock control call stands for. */
function workerAction(entry) {
    const named = parseMk6Path(entry.path);
    if (!named || named.scope !== 'mock')
        return null;
    const [action, arg, sub] = named.rest.split('/');
    const req = (entry.req_body ?? {});
    const resp = (entry.resp_body ?? {});
    const post = entry.method === 'POST';
    switch (action) {
        case 'site-state':
            return { kind: 'site_state', details: { sycode: arg, state: req.state } };
        case 'fault':
            return { kind: post ? 'fault_on' : 'fault_off', details: { sycode: arg } };
        case 'sites': {
            if (sub === 'plant' && post)
                return { kind: 'plant', details: { sycode: arg, dynamics: resp.dynamics ?? null, profile: resp.profile?.kind ?? null } };
            if (sub !== 'inject_external')
                return null;
            const c = (resp.external_constraint ?? null);
            if (!post)
                return { kind: 'constraint_off', details: { sycode: arg } };
            return {
                kind: 'constraint_on',
                details: { sycode: arg, source: c?.source ?? req.source, value_kw: c?.value_kw ?? req.value_kw, start_time: c?.start_time ?? null, end_time: c?.end_time ?? null },
            };
        }
        case 'offline':
        case 'online':
            return { kind: action, details: {} };
        case 'auth':
            return { kind: 'auth', details: { enabled: resp.auth?.enabled ?? req.enabled === true } };
        case 'clock':
            if (!post)
                return { kind: 'clock_reset', details: {} };
            return { kind: 'clock_skew', details: { offset_ms: resp.offset_ms, drift_ppm: resp.drift_ppm } };
        case 'network':
            if (post)
                return { kind: 'network_add', details: { name: req.name, type: req.type } };
            return { kind: 'network_rm', details: { name: arg ?? null } };
        case 'provision': {
            const sites = Array.isArray(req.sites) ? req.sites : [];
            return {
                kind: 'provision',
                details: { sites: sites.map((s) => ({ sycode: s.sycode, name: s.name, role: s.role, pmax_kw: s.pmax_kw })) },
            };
        }
        default:
            return null;
    }
}
