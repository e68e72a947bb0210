/**
 * The language of an API answer that carries a person's text (an error's `message`, a
 * sentence such as "Log vidé"): the request's `Accept-Language`, French without one, said on
 * the answer by `Content-Language`. Read only when such a text is written, never on the hot path.
 */
import { apiMessages } from './api-messages.js';
import { langFromAcceptLanguage } from './lang.js';
/** The answer's language, from the request; `Content-Language` is set on the answer. */
export function answerLang(ctx) {
    const lang = langFromAcceptLanguage(ctx.get('accept-language') || undefined);
    ctx.set('Content-Language', lang);
    return lang;
}
/** A sentence of the API catalogue in the answer's language (`Content-Language` set). */
export function sentence(ctx, key) {
    return apiMessages[answerLang(ctx)][key];
}
