/**
 * The verdict's catalogue (the `message` of each check and the `what` of its evidence), as
 * an interface each language implements (verdict-fr.ts, verdict-en.ts; assembled in
 * verdict-messages.ts), and the words every language formats with. A message takes raw
 * values (counts, milliseconds, instants) and formats them for its reader through `Intl`;
 * ids, paths, methods, statuses, codes, kinds and the recette's own values stay as written.
 */
import { formatDuration, formatKw, formatNumber } from './format.js';
import { localeOf } from './lang.js';
const timeFormats = new Map();
const plurals = new Map();
/** The words of one language: numbers, powers, durations, times of day and plurals for its reader. */
export function wordsFor(lang) {
    return {
        n: (x) => formatNumber(lang, x),
        kw: (x) => formatKw(lang, x),
        /** A duration, `∞` when open. */
        dur: (ms) => (Number.isFinite(ms) ? formatDuration(lang, ms) : '∞'),
        /** Seconds, to a tenth: `9,4 s` / `9.4 s`. */
        seconds: (ms) => `${formatNumber(lang, ms / 1000, 1)} s`,
        /** A time of day on the fleet clock (UTC), `∞` when open. */
        time: (ms) => {
            if (ms === null || !Number.isFinite(ms))
                return '∞';
            let f = timeFormats.get(lang);
            if (!f)
                timeFormats.set(lang, (f = new Intl.DateTimeFormat(localeOf(lang), { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: 'UTC' })));
            return f.format(ms);
        },
        /** `one` or `other` by the language's plural rule for `count`. */
        plural: (count, one, other) => {
            let p = plurals.get(lang);
            if (!p)
                plurals.set(lang, (p = new Intl.PluralRules(localeOf(lang))));
            return p.select(count) === 'one' ? one : other;
        },
    };
}
