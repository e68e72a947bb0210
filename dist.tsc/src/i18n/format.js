/**
 * Numbers, powers, durations and instants as a person of each language reads them, through
 * `Intl` (Node 20 has full ICU; it has no `Intl.DurationFormat` yet, so durations are built
 * from unit formats).
 */
import { localeOf } from './lang.js';
const numberFormats = new Map();
function numberFormat(lang, options = {}) {
    const key = `${lang}:${JSON.stringify(options)}`;
    let f = numberFormats.get(key);
    if (!f)
        numberFormats.set(key, (f = new Intl.NumberFormat(localeOf(lang), options)));
    return f;
}
/** `8 340` in French, `8,340` in English; at most `digits` decimals. */
export function formatNumber(lang, n, digits = 1) {
    return numberFormat(lang, { maximumFractionDigits: digits }).format(n);
}
/** `8 340 kW` / `8,340 kW`. */
export function formatKw(lang, kw) {
    return `${formatNumber(lang, kw)} kW`;
}
/** `1 h 30 min` / `1 hr 30 min`, down to the second; below a second, milliseconds. */
export function formatDuration(lang, ms) {
    if (Math.abs(ms) < 1000)
        return numberFormat(lang, { style: 'unit', unit: 'millisecond', unitDisplay: 'short', maximumFractionDigits: 0 }).format(ms);
    const sign = ms < 0 ? '-' : '';
    let s = Math.round(Math.abs(ms) / 1000);
    const parts = [];
    for (const [unit, size] of [['day', 86400], ['hour', 3600], ['minute', 60], ['second', 1]]) {
        const n = Math.floor(s / size);
        s -= n * size;
        if (n > 0)
            parts.push(numberFormat(lang, { style: 'unit', unit, unitDisplay: 'short' }).format(n));
    }
    return sign + parts.join(' ');
}
/** An instant as a date and time of the locale, in UTC (the fleet clock's zone), e.g. `01/03/2026 15:00:00 UTC`. */
export function formatInstant(lang, at) {
    const d = at instanceof Date ? at : new Date(at);
    if (Number.isNaN(d.getTime()))
        return String(at);
    return `${new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'short', timeStyle: 'medium', timeZone: 'UTC' }).format(d)} UTC`;
}
