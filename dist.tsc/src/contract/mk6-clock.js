/**
 * An MK6's own clock read at the edge (`POST /mock/mk6/{id}/clock`, the fleet file's
 * `clock:`, a timeline's `clock_skew`) into the domain's setting (../domain/mk6-clock.ts),
 * and shown back. The offset's grammar is the one duration grammar (./duration.ts) with a sign.
 */
import { parseDuration, formatDuration } from './duration.js';
import { errors } from './errors.js';
import { MAX_OFFSET_MS, Mk6ClockBody, OFFSET_HINT } from './schema/mk6-clock.js';
import { asBody, optional } from './schema/validate.js';
import { mk6Ahead, mk6Time } from '../domain/mk6-clock.js';
import { formatIso, formatOptional } from '../domain/time.js';
import { say } from '../i18n/api-messages.js';
/** `+90s` → 90 000, `-2m` → −120 000, `1h` → 3 600 000; null when not a signed duration. */
export function parseOffset(text) {
    if (typeof text !== 'string')
        return null;
    if (text.startsWith('+'))
        return /^\d/.test(text.slice(1)) ? parseDuration(text.slice(1)) : null;
    return parseDuration(text, { negative: true });
}
/** 90 000 → `+1m30s`, −120 000 → `-2m`, 0 → `+0s`. */
export function offsetText(ms) {
    const whole = Math.round(ms);
    return whole < 0 ? formatDuration(whole) : `+${formatDuration(whole)}`;
}
/** A body (or a fleet file's `clock:`): the setting it asks for, a field absent being 0. */
export function readMk6Clock(raw, field = '') {
    const body = asBody(raw);
    const offset = optional(Mk6ClockBody, body, 'offset');
    const driftPpm = optional(Mk6ClockBody, body, 'drift_ppm');
    if (offset === undefined && driftPpm === undefined)
        throw errors.badRequest(say('nothingToChange', 'offset, drift_ppm'), {});
    const offsetMs = offset === undefined ? 0 : parseOffset(offset);
    if (offsetMs === null)
        throw errors.badRequest(say('fieldInvalidHint', 'offset', OFFSET_HINT), { field: `${field}offset` });
    if (Math.abs(offsetMs) > MAX_OFFSET_MS) {
        throw errors.invalidValue(say('fieldInvalidHint', 'offset', `|offset| <= ${formatDuration(MAX_OFFSET_MS)}`), { field: `${field}offset`, max: formatDuration(MAX_OFFSET_MS) });
    }
    return { offsetMs, driftPpm: driftPpm ?? 0 };
}
/** The launcher hands a worker its fleet file's clock as `MK6_CLOCK_JSON` = `{offset_ms, drift_ppm}`. */
export function clockFromEnv(json) {
    if (!json)
        return null;
    const c = JSON.parse(json);
    if (!Number.isFinite(c.offset_ms) || !Number.isFinite(c.drift_ppm))
        throw new Error(`MK6_CLOCK_JSON invalide: ${json.slice(0, 80)}`);
    return { offsetMs: c.offset_ms, driftPpm: c.drift_ppm };
}
/** What the MK6 says of its clock at fleet time `fleetNow`. */
export function mk6ClockView(mk6Id, clock, fleetNow) {
    return {
        mk6_id: mk6Id,
        own: clock !== null,
        offset: offsetText(clock?.offsetMs ?? 0),
        offset_ms: Math.round(clock?.offsetMs ?? 0),
        drift_ppm: clock?.driftPpm ?? 0,
        since: formatOptional(clock?.since ?? null),
        ahead_ms: Math.round(mk6Ahead(clock, fleetNow)),
        now: formatIso(mk6Time(clock, fleetNow)),
        fleet_now: formatIso(fleetNow),
    };
}
