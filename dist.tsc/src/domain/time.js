/** ISO 8601 in and out. Times are epoch milliseconds inside the domain. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}:?\d{2})?$/;
/**
 * Parses an ISO 8601 date-time; a time without an offset is UTC. Returns null if invalid. A
 * gateway sends the same few instants again and again (its windows' bounds), so the last
 * answers are kept, as formatIso keeps its strings.
 */
export function parseIsoTime(text) {
    let t = parsed.get(text);
    if (t === undefined) {
        t = parseIsoText(text);
        if (text.length <= PARSED_KEY_MAX) {
            if (parsed.size >= PARSED_MAX)
                parsed.clear();
            parsed.set(text, t);
        }
    }
    return t;
}
const parsed = new Map();
const PARSED_MAX = 512;
/** Longer texts are parsed every time: a cache of 64 KiB bodies would be memory for nothing. */
const PARSED_KEY_MAX = 40;
function parseIsoText(text) {
    const m = ISO.exec(text.trim());
    if (!m)
        return null;
    const [, y, mo, d, h, mi, s = '0', frac = '', offset = 'Z'] = m;
    const year = Number(y), month = Number(mo), day = Number(d);
    const hour = Number(h), minute = Number(mi), second = Number(s);
    if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59)
        return null;
    const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
    let t = Date.UTC(year, month - 1, day, hour, minute, second, ms);
    if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day)
        return null;
    if (offset !== 'Z' && offset !== 'z') {
        const sign = offset[0] === '-' ? -1 : 1;
        const digits = offset.slice(1).replace(':', '');
        const oh = Number(digits.slice(0, 2)), om = Number(digits.slice(2));
        if (oh > 23 || om > 59)
            return null;
        t -= sign * (oh * 60 + om) * 60_000;
    }
    return t;
}
/**
 * `2026-03-01T10:00:00Z`: UTC to the second, the contract's answer form. Every answer and
 * journal entry formats the same few seconds (the clock, a window's bounds) again and again,
 * so the last strings are kept (a small map, emptied when full).
 */
const formatted = new Map();
const FORMATTED_MAX = 512;
export function formatIso(t) {
    const second = Math.floor(t / 1000);
    let text = formatted.get(second);
    if (text === undefined) {
        text = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
        if (formatted.size >= FORMATTED_MAX)
            formatted.clear();
        formatted.set(second, text);
    }
    return text;
}
/** `2026-03-01T10:00:00+00:00`: the seed's echo form of POST /mock/time. */
export function formatIsoOffset(t) {
    return formatIso(t).replace(/Z$/, '+00:00');
}
export function formatOptional(t) {
    return t === null ? null : formatIso(t);
}
