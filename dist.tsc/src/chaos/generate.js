/**
 * A seeded chaos day, pure: the seed draws the day's fault rates (a weight per fault kind,
 * a rate per target MK6), then the faults, one after another on each target (a fault, a
 * pause, the next), each ending within the window, written as a timeline file
 * (src/config/timeline-file.ts) with its seed and options in a header comment. The same
 * seed, options and fleet give the same bytes (src/chaos/prng.ts, no other randomness).
 */
import { FAULT_KINDS } from '../contract/schema/chaos.js';
import { TIMELINE_EVENTS } from '../contract/schema/timeline.js';
import { chaosSay as say } from '../i18n/chaos-messages.js';
import { Prng } from './prng.js';
/** A refusal of the options, in the reader's language. */
export class ChaosError extends Error {
    text;
    constructor(text) {
        super(text('en'));
        this.text = text;
        this.name = 'ChaosError';
    }
}
/** The timeline action each family needs; a kind whose action this build's timeline does not know is not drawn. */
const ACTION_OF = { clock: 'clock_skew', auth: 'auth' };
const knows = (action) => Object.hasOwn(TIMELINE_EVENTS, action);
/** The kinds a generated day can hold: every kind whose timeline action exists (auth has none: a token is the gateway's secret). */
export const PLAYABLE_FAULTS = FAULT_KINDS.filter((k) => {
    if (k === 'auth')
        return false;
    const action = ACTION_OF[k.split('.')[0]];
    return action === undefined || (knows(action) && (action !== 'clock_skew' || knows('clock_reset')));
});
export const CHAOS_DEFAULTS = { from: '08:00', to: '18:00', date: '2026-03-01', targets: 'minority', intensity: 'medium' };
/** Faults per hour on one target, before the seed draws around it (× 0.5–1.5). */
const PER_HOUR = { low: 0.5, medium: 1.5, high: 4 };
/** How long a fault of each family lasts (minutes, drawn uniformly); a restart is an instant. */
const MINUTES = { kill: [1, 15], offline: [1, 15], network: [3, 30], site: [5, 45], constraint: [15, 120], clock: [30, 180] };
const MIN_FAULT_S = 60;
const MIN_PAUSE_S = 30;
/** Options as given (CLI or body) → checked and complete; every refusal worded in both languages. */
export function chaosOptions(raw) {
    const seed = typeof raw.seed === 'string' && /^\d+$/.test(raw.seed) ? Number(raw.seed) : raw.seed;
    if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
        throw new ChaosError((l) => say(l).badSeed(String(raw.seed)));
    const from = raw.from ?? CHAOS_DEFAULTS.from;
    const to = raw.to ?? CHAOS_DEFAULTS.to;
    for (const [field, v] of [['from', from], ['to', to]])
        if (minutesOf(v) === null)
            throw new ChaosError((l) => say(l).badTime(field, v));
    if (minutesOf(to) <= minutesOf(from))
        throw new ChaosError((l) => say(l).windowEmpty(from, to));
    const date = raw.date ?? CHAOS_DEFAULTS.date;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
        throw new ChaosError((l) => say(l).badDate(date));
    const targets = choice('targets', raw.targets ?? CHAOS_DEFAULTS.targets, ['one', 'minority', 'all']);
    const intensity = choice('intensity', raw.intensity ?? CHAOS_DEFAULTS.intensity, ['low', 'medium', 'high']);
    return { seed, from, to, date, faults: faultList(raw.faults), targets, intensity };
}
/** `kill.blackhole`, or a family (`kill`, `network`): in the contract's order, each once. */
function faultList(given) {
    if (!given || given.length === 0)
        return [...PLAYABLE_FAULTS];
    const wanted = new Set();
    for (const g of given) {
        const matched = FAULT_KINDS.filter((k) => k === g || k.split('.')[0] === g);
        if (matched.length === 0)
            throw new ChaosError((l) => say(l).unknownFault(g, FAULT_KINDS.join('|')));
        for (const k of matched) {
            if (!PLAYABLE_FAULTS.includes(k))
                throw new ChaosError((l) => say(l).notPlayable(k, ACTION_OF[k.split('.')[0]] ?? k));
            wanted.add(k);
        }
    }
    return FAULT_KINDS.filter((k) => wanted.has(k));
}
export function generateChaos(fleet, o) {
    if (fleet.mk6.length === 0)
        throw new ChaosError((l) => say(l).noTarget);
    if (o.faults.length === 0)
        throw new ChaosError((l) => say(l).noFaults);
    const rng = new Prng(o.seed);
    const day = Date.parse(`${o.date}T00:00:00Z`);
    const from = day + minutesOf(o.from) * 60_000;
    const to = day + minutesOf(o.to) * 60_000;
    // First the day's rates: a weight per kind, the targets, a rate per target.
    const weights = o.faults.map((kind) => ({ kind, w: round2(rng.between(0.2, 2)) }));
    const total = weights.reduce((s, k) => s + k.w, 0);
    const n = fleet.mk6.length;
    const count = o.targets === 'one' ? 1 : o.targets === 'all' ? n : Math.max(1, Math.floor((n - 1) / 2));
    const targets = rng.shuffle(fleet.mk6).slice(0, count).map((m) => ({ ...m, perHour: round2(PER_HOUR[o.intensity] * rng.between(0.5, 1.5)) }));
    // Then the faults, target by target.
    const faults = [];
    let names = 0;
    for (const m of targets) {
        let t = from + pause(rng, m.perHour);
        while (t < to) {
            let pick = rng.next() * total;
            const kind = (weights.find((k) => (pick -= k.w) < 0) ?? weights[weights.length - 1]).kind;
            const family = kind.split('.')[0];
            const span = MINUTES[family];
            let end = span ? t + rng.int(span[0] * 60, span[1] * 60) * 1000 : t;
            if (end > to)
                end = to;
            if (span && end - t < MIN_FAULT_S * 1000)
                break;
            faults.push({ kind, mk6: m.id, start: t, end, events: faultEvents(kind, m, rng, () => `chaos-${++names}`) });
            t = end + pause(rng, m.perHour);
        }
    }
    return { text: write(fleet, o, targets, weights, faults, from, to), faults: faults.map((f) => ({ kind: f.kind, mk6: f.mk6, from: iso(f.start), to: iso(f.end) })), events: faults.reduce((s, f) => s + f.events.length, 0) };
}
/** An exponential pause of mean 1/rate, whole seconds, at least MIN_PAUSE_S. */
function pause(rng, perHour) {
    return Math.max(MIN_PAUSE_S, Math.round(rng.exponential(perHour / 3600))) * 1000;
}
/** The timeline events of one fault: what starts it, and what ends it (a restart is both). */
function faultEvents(kind, m, rng, name) {
    const [family, sub] = kind.split('.');
    const site = () => rng.pick(m.sites);
    switch (family) {
        case 'kill': return [{ action: 'kill', kind: sub }, { action: 'restart', kind: 'warm' }];
        case 'restart': return [{ action: 'restart', kind: sub }];
        case 'offline': return [{ action: 'offline' }, { action: 'online' }];
        case 'network': {
            const c = { name: name(), ...condition(sub, rng) };
            return [{ action: 'network_add', condition: c }, { action: 'network_rm', name: c.name }];
        }
        case 'site': {
            const s = site();
            return sub === 'fault'
                ? [{ action: 'fault_on', sycode: s.sycode }, { action: 'fault_off', sycode: s.sycode }]
                : [{ action: 'site_state', sycode: s.sycode, state: rng.int(0, 1) }, { action: 'site_state', sycode: s.sycode, state: 2 }];
        }
        case 'constraint': {
            const s = site();
            const value = Math.round((s.pmax_kw * rng.between(0.2, 0.8)) / 10) * 10;
            return [{ action: 'constraint_on', sycode: s.sycode, source: sub.toUpperCase(), value_kw: value }, { action: 'constraint_off', sycode: s.sycode }];
        }
        case 'clock': {
            const sign = rng.next() < 0.5 ? '-' : '+';
            const start = sub === 'skew' ? { action: 'clock_skew', offset: `${sign}${rng.int(5, 600)}s` } : { action: 'clock_skew', drift_ppm: Number(`${sign}${rng.int(50, 2000)}`) };
            return [start, { action: 'clock_reset' }];
        }
        default: throw new Error(`no timeline for ${kind}`);
    }
}
function condition(type, rng) {
    const probability = round2(rng.int(6, 20) / 20);
    switch (type) {
        case 'latency': return { type, latency_ms: rng.int(4, 60) * 50, jitter_ms: rng.int(0, 10) * 20 };
        case 'slow': return { type, rate_bytes_per_s: rng.int(2, 40) * 50 };
        case 'error': return { type, status: rng.pick([500, 502, 503]), probability };
        default: return { type, probability }; // timeout, reset
    }
}
function write(fleet, o, targets, weights, faults, from, to) {
    const lines = [
        `# mk6-fleet chaos --seed ${o.seed} --from ${o.from} --to ${o.to} --date ${o.date} --targets ${o.targets} --intensity ${o.intensity} --faults ${o.faults.join(',')}`,
        `# A chaos day drawn from its seed: the same seed, options and fleet give these very bytes.`,
        `# Fleet ${JSON.stringify(fleet.name)} (${fleet.mk6.length} MK6); targets: ${targets.map((t) => `${t.id} (${t.perHour} faults/h)`).join(', ')}.`,
        `# Weights drawn per kind: ${weights.map((k) => `${k.kind} ${k.w}`).join(', ')}.`,
        `# ${faults.length} faults between ${hms(from)} and ${hms(to)}; every fault that starts ends by ${hms(to)}.`,
        'timeline:',
    ];
    const events = faults
        .flatMap((f, i) => f.events.map((e, j) => ({ at: j === 0 ? f.start : f.end, order: i * 2 + j, fault: j === 0 ? f : null, e: { at: iso(j === 0 ? f.start : f.end), action: e.action, mk6: f.mk6, ...e } })))
        .sort((a, b) => a.at - b.at || a.order - b.order);
    if (events.length === 0)
        lines[lines.length - 1] = 'timeline: []';
    for (const ev of events) {
        if (ev.fault)
            lines.push(`  # ${hms(ev.fault.start)}${ev.fault.end > ev.fault.start ? `–${hms(ev.fault.end)}` : ''} ${ev.fault.mk6} ${ev.fault.kind}`);
        lines.push(`  - ${flow(ev.e)}`);
    }
    return lines.join('\n') + '\n';
}
/** A YAML flow value: plain where YAML reads it back as the same string, else JSON's quoting (valid YAML). */
function flow(v) {
    if (typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    if (typeof v === 'string')
        return /^[A-Za-z_][A-Za-z0-9_.:-]*$/.test(v) && !/^(true|false|null|yes|no|on|off|~)$/i.test(v) ? v : /^\d{4}-\d\d-\d\dT[\d:]+Z$/.test(v) ? v : JSON.stringify(v);
    if (v && typeof v === 'object')
        return `{ ${Object.entries(v).map(([k, x]) => `${k}: ${flow(x)}`).join(', ')} }`;
    return JSON.stringify(v);
}
function choice(field, v, allowed) {
    if (!allowed.includes(v))
        throw new ChaosError((l) => say(l).badChoice(field, v, allowed.join('|')));
    return v;
}
function minutesOf(hhmm) {
    const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
    return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}
const round2 = (x) => Math.round(x * 100) / 100;
const iso = (t) => new Date(t).toISOString().replace(/\.000Z$/, 'Z');
const hms = (t) => new Date(t).toISOString().slice(11, 19);
