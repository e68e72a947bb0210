/**
 * The planning of an MK6, an aggregate: its requests (by id and by site), the counter that
 * numbers them, the gateway's commands on them (submit, patch, delete, main_reset), the
 * bound on their history, and the change set persistence writes. It knows the sites only
 * through `PlanningSites`: it asks them to resolve a site and tells them which site's
 * requests changed, so only that site's plant is told anew.
 */
import { take } from '../contract/commands.js';
import { errors, say } from '../contract/errors.js';
import { HistoryBound } from './history-bound.js';
import { byStartThenSeq, changeRequest, checkTransition, checkWindow, deleteRequest, requestId, requestState, viewRequest, } from './requests.js';
export class Planning {
    sites;
    counter;
    requests = new Map();
    bySite = new Map();
    history = new HistoryBound();
    changes = freshChanges();
    constructor(sites, stored, counter) {
        this.sites = sites;
        this.counter = counter;
        for (const req of [...stored].sort((a, b) => a.seq - b.seq))
            this.index(req);
    }
    /** The number of the last request created (only successful requests consume one). */
    get lastSeq() {
        return this.counter;
    }
    get nextRequestId() {
        return requestId(this.counter + 1);
    }
    stored(id) {
        return this.requests.get(id);
    }
    all() {
        return [...this.requests.values()];
    }
    /** A site's requests, in seq order. */
    ofSite(sycode) {
        return this.bySite.get(sycode) ?? [];
    }
    takeChanges() {
        const taken = this.changes;
        this.changes = freshChanges();
        return taken;
    }
    // ── views ────────────────────────────────────────────────────────────────
    view(id, now) {
        return this.viewOf(this.request(id), now);
    }
    /** Scheduled and active requests (of one site, or all), by start time. */
    live(now, sycode) {
        return (sycode === undefined ? this.all() : this.ofSite(sycode))
            .filter((r) => {
            const s = requestState(r, now);
            return s === 'scheduled' || s === 'active';
        })
            .sort(byStartThenSeq)
            .map((r) => this.viewOf(r, now));
    }
    /** Every request remembered, whatever its state, in seq order. */
    everything(now) {
        return this.all()
            .sort((a, b) => a.seq - b.seq)
            .map((r) => this.viewOf(r, now));
    }
    // ── the gateway's commands ───────────────────────────────────────────────
    submit(command, now) {
        if (command.set === 'main_reset')
            return { outcome: 'main_reset', result: this.mainReset(command, now) };
        const site = this.sites.accessible(command.site);
        const psetpoint = command.set === 'Psetpoint' ? checkedSetpoint(site, take(command.psetpoint)) : null;
        const window = take(command.window);
        const start = window.start?.at ?? now;
        const end = window.end?.at ?? null;
        checkWindow(start, end, window);
        const seq = ++this.counter;
        const req = { id: requestId(seq), seq, set: command.set, sycode: site.sycode, psetpoint, start, end, created_at: now, deleted_at: null, extras: command.extras };
        this.index(req);
        this.changed(req); // the counter is not meta's to persist: on load it is the highest seq stored
        this.prune(now);
        return { outcome: 'created', request: this.viewOf(req, now) };
    }
    /** Changes psetpoint, start or end of a scheduled request, with the checks of a new one. */
    patch(id, command, now) {
        const req = this.request(id);
        checkTransition(req, 'change', now);
        const site = this.sites.accessible(req.sycode);
        const fields = take(command);
        let psetpoint = req.psetpoint;
        if (fields.psetpoint !== undefined) {
            if (req.set === 'stop')
                throw errors.badRequest(say('psetpointForStop'), { field: 'psetpoint' });
            psetpoint = checkedSetpoint(site, take(fields.psetpoint));
        }
        const window = take(fields.window);
        const start = window.start === undefined ? req.start : (window.start?.at ?? now);
        const end = window.end === undefined ? req.end : (window.end?.at ?? null);
        checkWindow(start, end, window);
        changeRequest(req, { psetpoint, start, end, extras: fields.extras }, now);
        this.changed(req);
        return this.viewOf(req, now);
    }
    delete(id, now) {
        const req = this.request(id);
        deleteRequest(req, now);
        this.changed(req);
        return this.viewOf(req, now);
    }
    /** Forgets every request, as a controller does after a power cut; the counter goes on. */
    clear() {
        for (const sycode of this.bySite.keys())
            this.sites.invalidate(sycode);
        this.requests.clear();
        this.bySite.clear();
        this.history = new HistoryBound(); // else a cleared planning of 70,000 would wait 70,000 inserts for its next scan
        this.changes = { ...freshChanges(), reset: true };
    }
    /** Numbering starts again at REQ-001 (a reset of the MK6). */
    restartNumbering() {
        this.counter = 0;
    }
    /** Deletes every scheduled request (of one site if given), keeps the active ones. */
    mainReset(command, now) {
        const only = command.site === null ? null : this.sites.find(command.site).sycode;
        const deleted = [];
        let kept = 0;
        for (const req of this.requests.values()) {
            if (only !== null && req.sycode !== only)
                continue;
            const state = requestState(req, now);
            if (state === 'scheduled') {
                deleteRequest(req, now);
                this.changed(req);
                deleted.push(req.id);
            }
            else if (state === 'active') {
                kept++;
            }
        }
        return { deleted_count: deleted.length, kept_count: kept, reason: command.reason, deleted };
    }
    request(id) {
        const req = this.requests.get(id);
        if (!req)
            throw errors.requestNotFound(id.slice(0, 128));
        return req;
    }
    viewOf(req, now) {
        return viewRequest(req, this.sites.nameOf(req.sycode), now);
    }
    index(req) {
        this.requests.set(req.id, req);
        this.history.note(req);
        let list = this.bySite.get(req.sycode);
        if (!list)
            this.bySite.set(req.sycode, (list = []));
        list.push(req);
    }
    /** A request was created or changed: persisted with the next commit, its site's plant told anew. */
    changed(req) {
        this.history.note(req);
        this.sites.invalidate(req.sycode);
        this.changes.requests.add(req.id);
    }
    prune(now) {
        const drop = this.history.due(this.requests, now);
        if (drop.length === 0)
            return;
        const dropped = new Set(drop.map((r) => r.id));
        const sites = new Set(drop.map((r) => r.sycode));
        // The plants' past is about to lose requests: each keeps where it is and what it already received.
        for (const sycode of sites)
            this.sites.keepPlace(sycode, now);
        for (const id of dropped) {
            this.requests.delete(id);
            this.changes.requests.delete(id);
            this.changes.removed.add(id);
        }
        for (const sycode of sites) {
            this.bySite.set(sycode, this.ofSite(sycode).filter((r) => !dropped.has(r.id)));
            this.sites.invalidate(sycode);
        }
    }
}
/** 0..pmax of the site: the one bound the schema cannot know. */
function checkedSetpoint(site, value) {
    if (value < 0 || value > site.pmax_kw)
        throw errors.invalidValue(say('psetpointOutOfRange', site.pmax_kw, value), { max: site.pmax_kw, site: site.sycode });
    return value;
}
function freshChanges() {
    return { requests: new Set(), removed: new Set(), reset: false };
}
