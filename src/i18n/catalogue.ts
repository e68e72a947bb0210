/**
 * A catalogue is one interface of messages (a sentence, or a function of its parameters) and one
 * object per language implementing it: the compiler refuses a language that lacks a message or
 * takes other parameters, so "complete in both" is checked at build time, with no runtime lookup
 * by string key and nothing added to the worker's bundle.
 */
import type { Lang } from './lang.js';

export type Catalogue<M> = { readonly [L in Lang]: M };

/** The messages of one language. */
export function messagesFor<M>(catalogue: Catalogue<M>, lang: Lang): M {
  return catalogue[lang];
}
