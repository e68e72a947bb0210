import { formatNumber } from './format.js';
import { localeOf } from './lang.js';
const TYPE_FR = { array: 'une liste', boolean: 'un booléen', integer: 'un entier', number: 'un nombre', object: 'un objet', string: 'un texte' };
const TYPE_EN = { array: 'a list', boolean: 'a boolean', integer: 'an integer', number: 'a number', object: 'an object', string: 'a text' };
/** `one` or `other` by the language's plural rule, for the larger bound. */
const unit = (lang, min, max, one, other) => new Intl.PluralRules(localeOf(lang)).select(max ?? min ?? 0) === 'one' ? one : other;
const range = (lang, min, max) => {
    const n = (x) => formatNumber(lang, x, 0);
    if (lang === 'fr')
        return min !== null && max !== null ? `entre ${n(min)} et ${n(max)}` : min !== null ? `au moins ${n(min)}` : `au plus ${n(max ?? 0)}`;
    return min !== null && max !== null ? `between ${n(min)} and ${n(max)}` : min !== null ? `at least ${n(min)}` : `at most ${n(max ?? 0)}`;
};
const fr = {
    root: '(racine)',
    rootNotObject: 'un objet {name, window?, checks: [...]} est attendu',
    checkNotObject: 'un objet {id, kind, …} est attendu',
    required: 'champ obligatoire',
    unknownField: 'champ inconnu',
    toNotAfterFrom: 'doit être après window.from',
    unknownKind: (shown, kinds) => `kind inconnu: ${shown} (${kinds})`,
    duplicateId: (i) => `id en double (déjà checks[${i}])`,
    unknownMk6: (id, known) => `MK6 inconnu: '${id}' (${known})`,
    durationInvalid: (shown, examples) => `durée invalide: ${shown} (ex. ${examples})`,
    instantInvalid: (shown) => `heure ISO 8601 invalide: ${shown}`,
    valueInvalid: (shown, allowed) => `valeur invalide: ${shown}${allowed ? ` (${allowed})` : ''}`,
    expected: (type, shown) => `attendu: ${TYPE_FR[type]} (${shown})`,
    atLeast: (min, shown) => `au moins ${formatNumber('fr', min)} (${shown})`,
    atMost: (max, shown) => `au plus ${formatNumber('fr', max)} (${shown})`,
    above: (min, shown) => `supérieur à ${formatNumber('fr', min)} attendu (${shown})`,
    below: (max, shown) => `inférieur à ${formatNumber('fr', max)} attendu (${shown})`,
    lengthBetween: (min, max, shown) => `longueur ${range('fr', min, max)} ${unit('fr', min, max, 'caractère', 'caractères')} (${shown})`,
    itemsBetween: (min, max) => `${range('fr', min, max)} ${unit('fr', min, max, 'élément', 'éléments')}`,
};
const en = {
    root: '(root)',
    rootNotObject: 'an object {name, window?, checks: [...]} is expected',
    checkNotObject: 'an object {id, kind, …} is expected',
    required: 'required field',
    unknownField: 'unknown field',
    toNotAfterFrom: 'must be after window.from',
    unknownKind: (shown, kinds) => `unknown kind: ${shown} (${kinds})`,
    duplicateId: (i) => `duplicate id (already checks[${i}])`,
    unknownMk6: (id, known) => `unknown MK6: '${id}' (${known})`,
    durationInvalid: (shown, examples) => `invalid duration: ${shown} (e.g. ${examples})`,
    instantInvalid: (shown) => `invalid ISO 8601 time: ${shown}`,
    valueInvalid: (shown, allowed) => `invalid value: ${shown}${allowed ? ` (${allowed})` : ''}`,
    expected: (type, shown) => `${TYPE_EN[type]} is expected (${shown})`,
    atLeast: (min, shown) => `at least ${formatNumber('en', min)} (${shown})`,
    atMost: (max, shown) => `at most ${formatNumber('en', max)} (${shown})`,
    above: (min, shown) => `greater than ${formatNumber('en', min)} expected (${shown})`,
    below: (max, shown) => `less than ${formatNumber('en', max)} expected (${shown})`,
    lengthBetween: (min, max, shown) => `length ${range('en', min, max)} ${unit('en', min, max, 'character', 'characters')} (${shown})`,
    itemsBetween: (min, max) => `${range('en', min, max)} ${unit('en', min, max, 'item', 'items')}`,
};
export const recetteFileMessages = { fr, en };
