/**
 * Which language a person reads: French or English. Machine text (codes, field names, event
 * kinds, check ids, JSON log lines, metric names) never goes through here.
 */
export const LANGS = ['fr', 'en'];
/** `fr…` is French, anything else English (`C`, `POSIX`, `de_DE`…): a reader without French gets English. */
export function langOfTag(tag) {
    return /^fr(\b|[-_.@])/i.test(tag.trim()) || tag.trim().toLowerCase() === 'fr' ? 'fr' : 'en';
}
/**
 * The terminal's language: `--lang` > `MK6_LANG` > `LC_ALL` > `LC_MESSAGES` > `LANG`, the first
 * one set and not empty; none set → English. `flag` is the value of `--lang` if given.
 */
export function langFromEnvironment(flag, env = process.env) {
    for (const value of [flag, env.MK6_LANG, env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
        if (value !== undefined && value.trim() !== '')
            return langOfTag(value);
    }
    return 'en';
}
/** A `--lang` value a person typed: only `fr` or `en`; anything else is a usage error for the caller to report. */
export function parseLangFlag(value) {
    const v = value.trim().toLowerCase();
    return LANGS.includes(v) ? v : null;
}
/**
 * The API's language from `Accept-Language` (RFC 9110 §12.5.4): the acceptable tag of highest
 * weight among French and English; none of them (or no header) → French, the seed's language,
 * so every seed scenario answers as written.
 */
export function langFromAcceptLanguage(header) {
    if (!header)
        return 'fr';
    let best = null;
    for (const part of header.split(',')) {
        const [tag, ...params] = part.trim().split(';');
        const primary = tag.trim().toLowerCase().split('-')[0];
        if (primary !== 'fr' && primary !== 'en')
            continue;
        const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
        const q = qParam ? Number(qParam.slice(2)) : 1;
        if (!(q > 0))
            continue; // q=0 means "not this one"; NaN is a malformed weight, ignored
        if (!best || q > best.q)
            best = { lang: primary, q };
    }
    return best?.lang ?? 'fr';
}
/** The BCP 47 locale `Intl` formats with, per language. */
export function localeOf(lang) {
    return lang === 'fr' ? 'fr-FR' : 'en-GB';
}
