/**
 * The language of an API answer that carries a person's text (an error's `message`, a
 * sentence such as "Log vidé"): the request's `Accept-Language`, French without one, said on
 * the answer by `Content-Language`. Read only when such a text is written, never on the hot path.
 */
import { apiMessages, type ApiMessages } from './api-messages.js';
import { langFromAcceptLanguage, type Lang } from './lang.js';

/** What a Koa context offers to read a request header and set an answer header. */
export interface HeaderContext {
  get(field: string): string;
  set(field: string, value: string): void;
}

/** The answer's language, from the request; `Content-Language` is set on the answer. */
export function answerLang(ctx: HeaderContext): Lang {
  const lang = langFromAcceptLanguage(ctx.get('accept-language') || undefined);
  ctx.set('Content-Language', lang);
  return lang;
}

type SentenceKey = { [K in keyof ApiMessages]: ApiMessages[K] extends string ? K : never }[keyof ApiMessages];

/** A sentence of the API catalogue in the answer's language (`Content-Language` set). */
export function sentence(ctx: HeaderContext, key: SentenceKey): string {
  return apiMessages[answerLang(ctx)][key];
}
