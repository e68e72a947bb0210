/**
 * What a site could produce (`pavailable`), by its production profile: the built-in model
 * with parameters, a seeded random walk, or a recorded day. Each is a pure function of
 * (fleet seed, sycode, profile, simulated time): a replay gives the same numbers, a frozen
 * clock freezes them. Profiles are checked here against their site (bounds within pmax,
 * recorded times), with the field at fault named.
 */
import { errors, say } from '../contract/errors.js';
import { MAX_RECORDED_POINTS } from '../contract/schema/plant.js';
import { availableFraction, hashString } from './production.js';
import { parseIsoTime } from './time.js';
const DAY = 86_400_000;
/** A recorded day's time: "HH:MM", "HH:MM:SS" or an ISO time (its UTC time of day), as ms of the day. */
export function timeOfDay(text) {
    const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
    if (m) {
        const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
        if (h > 23 || mi > 59 || s > 59)
            return null;
        return ((h * 60 + mi) * 60 + s) * 1000;
    }
    const t = parseIsoTime(text);
    return t === null ? null : ((t % DAY) + DAY) % DAY;
}
/**
 * A profile (already of the schema's shape) checked against its site: bounds within pmax,
 * recorded times readable and distinct. Throws the contract's error naming the field.
 */
export function checkedProfile(def, pmaxKw, field = 'profile') {
    if (def.kind === 'model') {
        const low = def.low ?? 0;
        const high = def.high ?? 1;
        if (low > high)
            throw errors.invalidValue(say('profileLowAboveHigh', field, low, high), { field: `${field}.low`, max: high });
    }
    else if (def.kind === 'walk') {
        if (def.max_kw > pmaxKw)
            throw errors.invalidValue(say('profileMaxAbovePmax', field, def.max_kw, pmaxKw), { field: `${field}.max_kw`, max: pmaxKw });
        if (def.min_kw > def.max_kw)
            throw errors.invalidValue(say('profileMinAboveMax', field, def.min_kw, def.max_kw), { field: `${field}.min_kw`, max: def.max_kw });
    }
    else {
        if (def.file !== undefined && def.points === undefined) {
            throw errors.badRequest(say('profileFileFromFleetOnly', field), { field: `${field}.file` });
        }
        if (def.points === undefined)
            throw errors.missingField(`${field}.points`);
        if (def.points.length > MAX_RECORDED_POINTS)
            throw errors.badRequest(say('profileTooManyPoints', field, MAX_RECORDED_POINTS), { field: `${field}.points` });
        recordedDay(def.points, pmaxKw, field);
    }
    return def;
}
/** A recorded day's points as [ms of the day, kW] sorted by time; a fault names the point. */
export function recordedDay(points, pmaxKw, field = 'profile') {
    const seen = new Map();
    const day = [];
    points.forEach(([time, kw], i) => {
        const at = `${field}.points[${i}]`;
        const t = typeof time === 'string' ? timeOfDay(time) : null;
        if (t === null)
            throw errors.badRequest(say('profileTimeInvalid', at, JSON.stringify(time).slice(0, 40)), { field: at, index: i });
        if (!(typeof kw === 'number' && Number.isFinite(kw)) || kw < 0 || kw > pmaxKw) {
            throw errors.invalidValue(say('profileKwOutOfRange', at, pmaxKw, kw), { field: at, index: i, min: 0, max: pmaxKw });
        }
        if (seen.has(t))
            throw errors.badRequest(say('profileTimeRepeated', at, String(time), seen.get(t)), { field: at, index: i });
        seen.set(t, i);
        day.push([t, kw]);
    });
    return day.sort((a, b) => a[0] - b[0]);
}
/** The evaluable form of a checked profile definition. */
export function compileProfile(def, pmaxKw) {
    if (def.kind === 'model')
        return { kind: 'model', low: def.low ?? 0, high: def.high ?? 1, variability: def.variability ?? 1, seed: def.seed ?? null };
    if (def.kind === 'walk')
        return { kind: 'walk', min_kw: def.min_kw, max_kw: def.max_kw, step_kw: def.step_kw, interval_s: def.interval_s, seed: def.seed ?? null };
    return { kind: 'recorded', day: recordedDay(def.points ?? [], pmaxKw) };
}
/** pavailable of a site at t, by its profile (null: the built-in model), in 0..pmax. */
export function profilePower(profile, seed, sycode, t, pmaxKw) {
    if (profile === null)
        return Math.round(pmaxKw * availableFraction(seed, sycode, t));
    if (profile.kind === 'model') {
        const f = availableFraction(profile.seed ?? seed, sycode, t);
        const g = Math.min(1, Math.max(0, 0.5 + (f - 0.5) * profile.variability));
        return Math.round(pmaxKw * (profile.low + (profile.high - profile.low) * g));
    }
    if (profile.kind === 'walk')
        return walkPower(profile, profile.seed ?? seed, sycode, t);
    return recordedPower(profile.day, t);
}
/** A recorded day at t: linear between points, wrapping over midnight (the day repeats). */
export function recordedPower(day, t) {
    const x = ((t % DAY) + DAY) % DAY;
    const n = day.length;
    if (n === 1)
        return day[0][1];
    let i = 0;
    while (i < n && day[i][0] <= x)
        i++;
    // between day[i-1] and day[i], with the wrap: before the first point, after the last
    const [ta, va] = i === 0 ? [day[n - 1][0] - DAY, day[n - 1][1]] : day[i - 1];
    const [tb, vb] = i === n ? [day[0][0] + DAY, day[0][1]] : day[i];
    return round3(va + ((vb - va) * (x - ta)) / (tb - ta));
}
// ── the random walk ──
/** The walk of one UTC day, value per interval, computed once and kept (a few days per site). */
const walkDays = new Map();
const WALK_CACHE = 256;
/**
 * Seed 001's generation random walk on the simulated clock: every `interval_s` the value
 * moves by a uniform draw in [-step, +step], kept in [min, max]. Each UTC day it starts
 * again at 00:00 from a seeded value, so any instant is computed without its whole past.
 */
export function walkPower(p, seed, sycode, t) {
    const dayIndex = Math.floor(t / DAY);
    const intervalMs = p.interval_s * 1000;
    const k = Math.floor((t - dayIndex * DAY) / intervalMs);
    const last = p.lastDay;
    if (last && last.day === dayIndex && last.seed === seed && last.sycode === sycode)
        return round3(last.values[Math.min(k, last.values.length - 1)]);
    const key = `${seed}|${sycode}|${p.min_kw}|${p.max_kw}|${p.step_kw}|${p.interval_s}|${dayIndex}`;
    let values = walkDays.get(key);
    if (!values) {
        values = walkDay(p, seed, sycode, dayIndex);
        if (walkDays.size >= WALK_CACHE)
            walkDays.delete(walkDays.keys().next().value);
        walkDays.set(key, values);
    }
    p.lastDay = { day: dayIndex, seed, sycode, values };
    return round3(values[Math.min(k, values.length - 1)]);
}
/** The day's walk, a pure function of its inputs (the cache above only saves the work). */
export function walkDay(p, seed, sycode, dayIndex) {
    const steps = Math.ceil(DAY / (p.interval_s * 1000));
    const next = mulberry32((hashString(sycode) ^ Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(dayIndex | 0, 0x85ebca6b)) >>> 0);
    const values = new Float64Array(steps);
    let v = p.min_kw + (p.max_kw - p.min_kw) * next();
    for (let i = 0; i < steps; i++) {
        if (i > 0)
            v = Math.min(p.max_kw, Math.max(p.min_kw, v + (next() * 2 - 1) * p.step_kw));
        values[i] = v;
    }
    return values;
}
function mulberry32(a) {
    return () => {
        a = (a + 0x6d2b79f5) | 0;
        let z = Math.imul(a ^ (a >>> 15), 1 | a);
        z = (z + Math.imul(z ^ (z >>> 7), 61 | z)) ^ z;
        return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
    };
}
export function round3(x) {
    return Math.round(x * 1000) / 1000;
}
