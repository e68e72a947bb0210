// The page's languages: French and English, every text a person reads declared once here
// with its parameters ({name}), in both. The language comes from the tester's switch
// (remembered in localStorage), else from the browser (navigator.languages: fr* → French,
// anything else → English). Changing it sets <html lang>, translates every element marked
// `data-t`, then dispatches `langchange` on `document`: each module re-renders what it wrote.
//
// Interface for page code:
//   t(key, params)   → the text in the current language ({n} selects a plural form);
//   m(key, params)   → a message for h(): as an attribute value or a child, the element is
//                      marked `data-t` and follows a switch by itself;
//   lang(), locale() → 'fr' | 'en', and the Intl locale ('fr-FR' | 'en-US');
//   document.addEventListener('langchange', …) → re-render what was written with t().
// Static HTML: data-t="key" (text) or data-t="text:key;title:key;aria-label:key;placeholder:key".

import { MESSAGES } from './messages.js';

export const LANGS = ['fr', 'en'];
const STORE_KEY = 'mk6-supervision.lang';
const LOCALES = { fr: 'fr-FR', en: 'en-US' };

/** The browser's choice: its first preferred language, fr* → French, anything else → English. */
export function browserLang(list = navigator.languages?.length ? navigator.languages : [navigator.language]) {
  return /^fr\b/i.test(String(list[0] ?? '')) ? 'fr' : 'en';
}

function storedLang() {
  try {
    const v = localStorage.getItem(STORE_KEY);
    return LANGS.includes(v) ? v : null;
  } catch {
    return null;
  }
}

let current = storedLang() ?? browserLang();
// Set as this module loads (before any page module renders): code that reads <html lang> sees the page's language.
document.documentElement.lang = current;

export function lang() {
  return current;
}

export function locale() {
  return LOCALES[current];
}

/** A message of the catalogue with its parameters. Unknown key: the key itself (the tests fail on it first). */
export function t(key, params = {}) {
  let text = MESSAGES[current][key] ?? MESSAGES.fr[key] ?? key;
  if (typeof text === 'object') text = text[new Intl.PluralRules(locale()).select(Number(params.n))] ?? text.other;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** A message to be written by h() and kept translated. */
export class Msg {
  constructor(key, params) {
    this.key = key;
    this.params = params;
  }

  toString() {
    return t(this.key, this.params);
  }
}

export const m = (key, params) => new Msg(key, params);

/** Marks `el` so that its `attr` ('text' or an attribute) shows `msg`, now and after a switch. */
export function mark(el, attr, msg) {
  const spec = parseSpec(el.dataset.t).filter(([a]) => a !== attr);
  spec.push([attr, msg.key]);
  el.dataset.t = spec.map(([a, k]) => (a === 'text' ? k : `${a}:${k}`)).join(';');
  if (msg.params) el.dataset.tParams = JSON.stringify({ ...JSON.parse(el.dataset.tParams ?? '{}'), ...msg.params });
  apply(el);
}

function parseSpec(spec) {
  return (spec ?? '').split(';').map((s) => s.trim()).filter(Boolean).map((s) => (s.includes(':') ? s.split(':', 2) : ['text', s]));
}

function apply(el) {
  const params = el.dataset.tParams ? JSON.parse(el.dataset.tParams) : {};
  for (const [attr, key] of parseSpec(el.dataset.t)) {
    const text = t(key, params);
    if (attr === 'text') {
      if (el.textContent !== text) el.textContent = text;
    } else if (el.getAttribute(attr) !== text) {
      el.setAttribute(attr, text);
    }
  }
}

/** Translates every marked element under `root`. */
export function applyTree(root = document) {
  for (const el of root.querySelectorAll('[data-t]')) apply(el);
  if (root === document) document.title = t('page.title');
}

function showSwitch() {
  for (const button of document.querySelectorAll('[data-lang-choice]')) {
    button.setAttribute('aria-pressed', String(button.dataset.langChoice === current));
  }
}

/** The tester's choice: remembered, <html lang>, every text now, then `langchange` on document. */
export function setLang(next) {
  if (!LANGS.includes(next)) return;
  try {
    localStorage.setItem(STORE_KEY, next);
  } catch { /* private mode: not remembered */ }
  if (next === current && document.documentElement.lang === next) return;
  current = next;
  document.documentElement.lang = next;
  applyTree(document);
  showSwitch();
  document.dispatchEvent(new CustomEvent('langchange', { detail: { lang: next } }));
}

/** The FR | EN switch in the top bar, and the page's first translation. */
export function initLang() {
  document.documentElement.lang = current;
  applyTree(document);
  showSwitch();
  document.addEventListener('click', (ev) => {
    const button = ev.target.closest?.('[data-lang-choice]');
    if (button) setLang(button.dataset.langChoice);
  });
}
