/**
 * The verdict's catalogue: the `message` of each check and the `what` of its evidence, in
 * French and English (an interface, verdict-words.ts; one object per language). The verdict
 * API answers in the request's language (`Accept-Language`, French by default); check ids,
 * kinds, statuses and field names never go through here.
 */
import type { Catalogue } from './catalogue.js';
import { verdictEn } from './verdict-en.js';
import { verdictFr } from './verdict-fr.js';
import type { VerdictMessages } from './verdict-words.js';

export type { DownCause, SetpointWords, VerdictMessages } from './verdict-words.js';

export const verdictMessages: Catalogue<VerdictMessages> = { fr: verdictFr, en: verdictEn };
