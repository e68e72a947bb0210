/**
 * A timeline of events on the simulated clock, pure: parsing and validation (with the
 * file's line numbers when it is YAML text), which events are due, and the HTTP call a
 * tester would make for each. The runner (timeline-runner.ts) does the I/O.
 *
 *   timeline:                      # or `events:`, or a bare list
 *     - at: 2026-03-01T10:00:00Z
 *       action: constraint_on      # see TIMELINE_EVENTS (src/schema/timeline.ts)
 *       mk6: VAI
 *       sycode: 8FV897G6wGQ0
 *       value_kw: 3000
 */
import { Mk6Error, errors } from '../contract/errors.js';
import { MAX_EVENTS, NetworkCondition, TIMELINE_EVENTS, TimelineEventHead } from '../contract/schema/index.js';
import { covers, plainDocument, schemaFaults, showPath } from '../contract/schema/validate.js';
import { formatIso, parseIsoTime } from '../domain/time.js';
import { conditionView, parseCondition } from '../worker/network/condition.js';
import { YamlSource } from './yaml-source.js';
import { say, verbatim } from '../i18n/api-messages.js';
import { fileMessages, problemList, sayFile } from '../i18n/file-messages.js';
import { readMk6Clock } from '../contract/mk6-clock.js';
export { MAX_EVENTS };
/** Every fault of a timeline, each `file:line events[i].field: message` in both languages; `.message` is French. */
export class TimelineError extends Error {
    problems;
    constructor(problems) {
        super(problemList('timelineInvalid', problems, 'fr'));
        this.problems = problems;
        this.name = 'TimelineError';
    }
    /** The faults under their heading, in `lang`. */
    render(lang) {
        return problemList('timelineInvalid', this.problems, lang);
    }
    /** The API's 400, its message and `details.problems` in the answer's language. */
    toMk6Error() {
        const [first] = this.problems;
        const more = this.problems.length - 1;
        return errors.badRequest((lang) => say('timelineInvalid', first(lang), more)(lang), { problems: this.problems.slice(0, 50) });
    }
}
const WORDING = {
    missing: () => sayFile('missing'),
    unknown: () => verbatim(''), // worded per action, below
};
/** YAML (or JSON) text: faults are reported as `file:line events[i].field: message`. */
export function parseTimelineText(text, file = 'timeline') {
    const source = new YamlSource(text, file);
    if (source.syntaxFaults.length)
        throw new TimelineError(source.syntaxFaults);
    const root = source.root;
    const key = isObject(root) ? (Array.isArray(root.timeline) ? 'timeline' : 'events') : null;
    return parseTimeline(root, (path) => `${file}:${source.lineOf(key ? [key, ...path] : path)} `);
}
/** A parsed body (`[…]`, `{timeline: […]}` or `{events: […]}`), validated whole: every fault is listed. */
export function parseTimeline(raw, where = () => '') {
    const list = Array.isArray(raw) ? raw : isObject(raw) ? (raw.timeline ?? raw.events) : undefined;
    const atRoot = (fault) => (lang) => `${where([])}${fileMessages[lang].root}: ${fault(lang)}`;
    if (!Array.isArray(list))
        throw new TimelineError([atRoot(sayFile('eventsListExpected'))]);
    if (list.length > MAX_EVENTS)
        throw new TimelineError([atRoot(sayFile('atMostEvents', MAX_EVENTS))]);
    const problems = [];
    const events = [];
    list.forEach((item, index) => {
        const { event, faults } = parseEvent(plainDocument(item), index);
        for (const f of faults)
            problems.push((lang) => `${where([index, ...f.path])}${showPath(['events', index, ...f.path])}: ${f.message(lang)}`);
        if (event)
            events.push(event);
    });
    if (problems.length)
        throw new TimelineError(problems);
    return events;
}
/** One event: its head (time, action), then its action's schema, then its network condition as the worker reads it. */
function parseEvent(item, index) {
    if (!isObject(item))
        return { event: null, faults: [{ path: [], message: sayFile('eventObjectExpected') }] };
    const head = schemaFaults(TimelineEventHead, item, WORDING);
    if (head.some((f) => covers(['action'], f.path)))
        return { event: null, faults: head };
    const action = item.action;
    const schema = TIMELINE_EVENTS[action];
    const allowed = Object.keys(schema.properties);
    const wording = { ...WORDING, unknown: () => sayFile('unknownForAction', action, allowed.join(', ')) };
    const faults = schemaFaults(schema, item, wording, [NetworkCondition]).filter((f) => !(item.condition !== undefined && covers(['condition'], f.path))); // a condition: below
    const fields = {};
    for (const k of allowed)
        if (k !== 'at' && k !== 'action' && k !== 'mk6' && item[k] !== undefined)
            fields[k] = item[k];
    if (action === 'network_add' && fields.condition !== undefined) {
        try {
            fields.condition = conditionView(parseCondition(fields.condition));
        }
        catch (err) {
            if (!(err instanceof Mk6Error))
                throw err;
            faults.push({ path: ['condition'], message: err.text });
        }
    }
    if (action === 'clock_skew' && faults.length === 0) {
        try {
            readMk6Clock(fields); // at least one of offset, drift_ppm; an offset within range: as the route reads it
        }
        catch (err) {
            if (!(err instanceof Mk6Error))
                throw err;
            faults.push({ path: err.details.field === undefined ? [] : [String(err.details.field)], message: err.text });
        }
    }
    if (faults.length)
        return { event: null, faults };
    return { event: { index, at: parseIsoTime(item.at), action, mk6: action === 'speed' ? null : item.mk6, fields }, faults };
}
/** In firing order: by time, then as written. */
export function inOrder(events) {
    return [...events].sort((a, b) => a.at - b.at || a.index - b.index);
}
/** Events not fired yet whose time has come (at <= now), in firing order: each fires exactly once. */
export function dueEvents(events, fired, now) {
    return inOrder(events.filter((e) => !fired.has(e.index) && e.at <= now));
}
/** When the next pending event is due (simulated ms), or null. */
export function nextPendingAt(events, fired) {
    let next = null;
    for (const e of events)
        if (!fired.has(e.index) && (next === null || e.at < next))
            next = e.at;
    return next;
}
/** The HTTP call a tester would make for an event, on the front. */
export function actionRequest(ev) {
    const f = ev.fields;
    const mk6 = `/mock/mk6/${encodeURIComponent(ev.mk6 ?? '')}`;
    const site = (s) => encodeURIComponent(String(s));
    switch (ev.action) {
        case 'site_state': return { method: 'POST', path: `${mk6}/site-state/${site(f.sycode)}`, body: { state: f.state } };
        case 'fault_on': return { method: 'POST', path: `${mk6}/fault/${site(f.sycode)}` };
        case 'fault_off': return { method: 'DELETE', path: `${mk6}/fault/${site(f.sycode)}` };
        case 'constraint_on': {
            const { sycode: _s, ...rest } = f;
            return { method: 'POST', path: `${mk6}/sites/${site(f.sycode)}/inject_external`, body: { source: 'DEIE', ...rest } };
        }
        case 'constraint_off': return { method: 'DELETE', path: `${mk6}/sites/${site(f.sycode)}/inject_external` };
        case 'offline': return { method: 'POST', path: `${mk6}/offline` };
        case 'online': return { method: 'POST', path: `${mk6}/online` };
        case 'kill': return { method: 'POST', path: `${mk6}/kill`, ...(f.kind ? { body: { kind: f.kind } } : {}) };
        case 'restart': return { method: 'POST', path: `${mk6}/restart`, ...(f.kind ? { body: { kind: f.kind } } : {}) };
        case 'network_add': return { method: 'POST', path: `${mk6}/network`, body: f.condition };
        case 'network_rm': return { method: 'DELETE', path: `${mk6}/network${f.name ? `/${encodeURIComponent(String(f.name))}` : ''}` };
        case 'clock_skew': return { method: 'POST', path: `${mk6}/clock`, body: { ...f } };
        case 'clock_reset': return { method: 'DELETE', path: `${mk6}/clock` };
        case 'speed': return { method: 'POST', path: '/mock/time', body: { speed: f.speed } };
    }
}
/** An event as GET /mock/timeline shows it. */
export function eventView(ev) {
    return { index: ev.index, at: formatIso(ev.at), action: ev.action, ...(ev.mk6 !== null ? { mk6: ev.mk6 } : {}), ...ev.fields };
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
