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

/** A person's text in both languages, rendered where it is read (an answer, the console). */
export type Text = (lang: Lang) => string;

/** A message's parameters, as its French and English functions take them (none for a sentence). */
export type Params<V> = V extends (...args: infer P) => string ? P : [];

/** The maker of a catalogue's texts: `say(key, ...params)` is that message in both languages, rendered when read. */
export function textsOf<M>(catalogue: Catalogue<M>) {
  return <K extends keyof M>(key: K, ...params: Params<M[K]>): Text =>
    (lang) => {
      const message = catalogue[lang][key] as string | ((...args: unknown[]) => string);
      return typeof message === 'string' ? message : message(...params);
    };
}
