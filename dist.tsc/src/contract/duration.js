/**
 * The one duration grammar, wherever a duration is read (the recette file, history's `step`,
 * `mk6-fleet time advance` and `wait --timeout`): whole numbers with units in this order,
 * each at most once: `d`, `h`, `m`, `s`, `ms`. E.g. `250ms`, `30s`, `5m`, `1h`, `1h30m`, `1d12h`.
 *
 * A bare number (no unit) is read only where it was before this grammar, in that caller's
 * unit: seconds for history's `step` and `wait --timeout`, milliseconds for `time advance`
 * (decimals allowed when they make whole milliseconds: `step=1.5` is 1500 ms). The recette
 * file has no bare unit: `max_gap: 30` is refused, its schema carries DURATION_PATTERN.
 * A leading `-` (going back) only where the caller allows it (`time advance`).
 */
/** The unit grammar as a JSON Schema pattern (the recette file's `Duration`); `m` is not the `m` of `ms`. */
export const DURATION_PATTERN = '^(?=\\d)(\\d+d)?(\\d+h)?(\\d+m(?!s))?(\\d+s)?(\\d+ms)?$';
export const DURATION_EXAMPLES = '30s, 5m, 1h, 1h30m';
const UNITS = /^(?=\d)(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+)s)?(?:(\d+)ms)?$/;
const BARE = /^\d+(?:\.\d+)?$/;
const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
/** Milliseconds, or null when `text` is not a duration under `rule`. */
export function parseDuration(text, rule = {}) {
    if (typeof text !== 'string')
        return null;
    const minus = rule.negative === true && text.startsWith('-');
    const body = minus ? text.slice(1) : text;
    let ms = null;
    const m = UNITS.exec(body);
    if (m) {
        const [, d, h, min, s, milli] = m.map((x) => Number(x ?? 0));
        ms = d * UNIT_MS.d + h * UNIT_MS.h + min * UNIT_MS.m + s * UNIT_MS.s + milli;
    }
    else if (rule.bare && BARE.test(body)) {
        ms = Number(body) * UNIT_MS[rule.bare];
        if (!Number.isInteger(ms))
            ms = Math.round(ms * 1000) / 1000; // 0.1 s × 1000 = 100.00000000000001
        if (!Number.isInteger(ms))
            return null;
    }
    if (ms === null || !Number.isSafeInteger(ms))
        return null;
    return minus ? -ms : ms;
}
/** The shortest writing in this grammar of a whole number of milliseconds: 5_400_000 → `1h30m`, 0 → `0s`. */
export function formatDuration(ms) {
    if (!Number.isSafeInteger(ms))
        throw new RangeError(`not a whole number of milliseconds: ${ms}`);
    if (ms < 0)
        return `-${formatDuration(-ms)}`;
    if (ms === 0)
        return '0s';
    let rest = ms;
    let out = '';
    for (const [unit, size] of Object.entries(UNIT_MS)) {
        const n = Math.floor(rest / size);
        if (n > 0)
            out += `${n}${unit}`;
        rest -= n * size;
    }
    return out;
}
