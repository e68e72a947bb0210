import { errors } from '../../contract/errors.js';
import { asBody } from '../../contract/schema/validate.js';
import { KILL_KINDS } from '../../contract/schema/mock-control.js';
import { MAX_CONDITIONS, conditionView, parseCondition } from './condition.js';
import { planRequest } from './plan.js';
import { say } from '../../i18n/api-messages.js';
/** The kill kinds the process survives (`refused` stops it, so the worker never sees it): from the one list in the schema. */
export const IN_PROCESS_OUTAGES = KILL_KINDS.filter((k) => k !== 'refused');
export class NetworkState {
    random;
    conditions = [];
    counters = new Map();
    applied = new Map();
    outage = null;
    held = new Set();
    constructor(random = Math.random) {
        this.random = random;
    }
    list() {
        return this.conditions.map(conditionView);
    }
    /** With how many requests each matched and how many it acted on, for GET …/network. */
    report() {
        return this.conditions.map((c) => ({ ...conditionView(c), matched: this.counters.get(c.name) ?? 0, applied: this.applied.get(c.name) ?? 0 }));
    }
    /** Adds a condition, or replaces the one of the same name (its counters start again). */
    add(raw) {
        const c = parseCondition(raw);
        const at = this.conditions.findIndex((x) => x.name === c.name);
        if (at < 0 && this.conditions.length >= MAX_CONDITIONS) {
            throw errors.invalidValue(say('conditionTooMany', MAX_CONDITIONS), { field: 'name', max: MAX_CONDITIONS });
        }
        if (at >= 0)
            this.conditions[at] = c;
        else
            this.conditions.push(c);
        this.counters.delete(c.name);
        this.applied.delete(c.name);
        return conditionView(c);
    }
    remove(name) {
        const at = this.conditions.findIndex((x) => x.name === name);
        if (at < 0)
            throw errors.notFound(say('conditionNotFound', name.slice(0, 64)));
        const [gone] = this.conditions.splice(at, 1);
        this.counters.delete(name);
        this.applied.delete(name);
        return conditionView(gone);
    }
    /** Replaces every condition (state file, fleet file, reset); throws on the first bad one. */
    replaceAll(raws) {
        const parsed = raws.map(parseCondition);
        if (new Set(parsed.map((c) => c.name)).size !== parsed.length)
            throw errors.badRequest(say('conditionDuplicateNames'), { field: 'name' });
        this.conditions = parsed;
        this.counters.clear();
        this.applied.clear();
    }
    get size() {
        return this.conditions.length;
    }
    plan(method, path) {
        const plan = planRequest(this.conditions, this.counters, method, path, this.random);
        for (const name of plan.fired)
            this.applied.set(name, (this.applied.get(name) ?? 0) + 1);
        return plan;
    }
    setOutage(raw) {
        const kind = asBody(raw).kind;
        if (kind === null || kind === 'none')
            return (this.outage = null);
        if (!IN_PROCESS_OUTAGES.includes(kind)) {
            throw errors.invalidValue(say('fieldInvalidAmong', 'kind', String(JSON.stringify(kind)?.slice(0, 40)), 'blackhole|reset|none'), { field: 'kind', allowed: [...IN_PROCESS_OUTAGES, 'none'] });
        }
        this.outage = kind;
        return this.outage;
    }
    hold(socket) {
        if (socket.destroyed)
            return;
        this.held.add(socket);
        socket.once('close', () => this.held.delete(socket));
    }
    /** Drops every held connection: on worker shutdown, and when an outage is lifted. */
    releaseHeld() {
        for (const socket of this.held)
            socket.destroy();
        this.held.clear();
    }
}
export function parseConditionList(raw, where) {
    if (raw === undefined || raw === null)
        return [];
    if (!Array.isArray(raw))
        throw new Error(`${where}: une liste de conditions réseau est attendue`);
    return raw;
}
