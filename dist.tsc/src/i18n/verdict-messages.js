import { verdictEn } from './verdict-en.js';
import { verdictFr } from './verdict-fr.js';
export const verdictMessages = { fr: verdictFr, en: verdictEn };
