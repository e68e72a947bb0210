/**
 * The catalogue of the files people write (fleet file, timeline, recorded day): each fault as
 * `file:line path: message`, in French and English. A parser builds its problems as texts of
 * both languages (`sayFile`), rendered where they are read: the console of `npm start` in the
 * terminal's language, an API answer in the request's (`Accept-Language`).
 */
import { textsOf } from './catalogue.js';
const fr = {
    fleetInvalid: 'Fichier de flotte invalide:',
    timelineInvalid: 'Timeline invalide:',
    unreadable: (reason) => `illisible (${reason})`,
    root: '(racine)',
    missingField: (field) => `Champ obligatoire manquant: ${field}`,
    missing: 'champ obligatoire',
    unknownKey: (allowed) => `clé inconnue (attendu: ${allowed})`,
    unknownForAction: (action, allowed) => `champ inconnu pour ${action} (attendu: ${allowed})`,
    fleetRootObject: 'un objet est attendu (name, seed, proxy, workers, mk6)',
    portNeedsAddresses: 'port va avec address_per_mk6 (sinon base_port)',
    basePortWithAddresses: 'base_port ne va pas avec address_per_mk6 (port commun: workers.port)',
    theProxy: 'le proxy',
    alreadyUsedBy: (what, by) => `${what} déjà utilisé par ${by}`,
    moreMk6ThanAddresses: (cidr, size) => `plus de MK6 que d'adresses dans ${cidr} (${size})`,
    envUndefined: (name) => `la variable d'environnement ${name} n'est pas définie`,
    conditionDefined: (name) => `condition '${name}' déjà définie`,
    portTakenHere: (port, id) => `port ${port} déjà pris sur cette machine (${id})`,
    externalNeedsPort: 'engine external: le port de chaque MK6 est donné (pas 0)',
    eventsListExpected: "une liste d'événements est attendue (timeline: [{at, action, …}])",
    atMostEvents: (max) => `au plus ${max} événements`,
    eventObjectExpected: 'un objet {at, action, …} est attendu',
    noPoints: 'aucun point (time,kW par ligne)',
    atMostPoints: (max) => `au plus ${max} points`,
    badTime: (shown) => `heure invalide: ${shown} ("HH:MM", "HH:MM:SS" ou ISO)`,
    kwOutOfRange: (pmax, kw) => `kW hors plage [0, ${pmax}]: ${kw}`,
    timeRepeated: (time, line) => `heure ${time} déjà donnée ligne ${line}`,
    twoColumns: (shown) => `deux colonnes attendues (time,kW): ${shown}`,
    badKw: (shown) => `kW invalide: ${shown}`,
    badJson: 'JSON invalide',
    pointsListExpected: 'une liste de [time, kW] est attendue (ou {points: […]})',
    pointExpected: (shown) => `[time, kW] attendu: ${shown}`,
};
const en = {
    fleetInvalid: 'Invalid fleet file:',
    timelineInvalid: 'Invalid timeline:',
    unreadable: (reason) => `unreadable (${reason})`,
    root: '(root)',
    missingField: (field) => `Missing required field: ${field}`,
    missing: 'required field',
    unknownKey: (allowed) => `unknown key (expected: ${allowed})`,
    unknownForAction: (action, allowed) => `unknown field for ${action} (expected: ${allowed})`,
    fleetRootObject: 'an object is expected (name, seed, proxy, workers, mk6)',
    portNeedsAddresses: 'port goes with address_per_mk6 (otherwise base_port)',
    basePortWithAddresses: 'base_port does not go with address_per_mk6 (shared port: workers.port)',
    theProxy: 'the proxy',
    alreadyUsedBy: (what, by) => `${what} already used by ${by}`,
    moreMk6ThanAddresses: (cidr, size) => `more MK6 than addresses in ${cidr} (${size})`,
    envUndefined: (name) => `the environment variable ${name} is not set`,
    conditionDefined: (name) => `condition '${name}' already defined`,
    portTakenHere: (port, id) => `port ${port} already taken on this machine (${id})`,
    externalNeedsPort: 'engine external: every MK6 is given its port (not 0)',
    eventsListExpected: 'a list of events is expected (timeline: [{at, action, …}])',
    atMostEvents: (max) => `at most ${max} events`,
    eventObjectExpected: 'an object {at, action, …} is expected',
    noPoints: 'no point (time,kW per line)',
    atMostPoints: (max) => `at most ${max} points`,
    badTime: (shown) => `invalid time: ${shown} ("HH:MM", "HH:MM:SS" or ISO)`,
    kwOutOfRange: (pmax, kw) => `kW out of range [0, ${pmax}]: ${kw}`,
    timeRepeated: (time, line) => `time ${time} already given on line ${line}`,
    twoColumns: (shown) => `two columns expected (time,kW): ${shown}`,
    badKw: (shown) => `invalid kW: ${shown}`,
    badJson: 'invalid JSON',
    pointsListExpected: 'a list of [time, kW] is expected (or {points: […]})',
    pointExpected: (shown) => `[time, kW] expected: ${shown}`,
};
export const fileMessages = { fr, en };
/** The text of one message with its parameters, in both languages. */
export const sayFile = textsOf(fileMessages);
/** A document's problems under their heading, one per line, in `lang`. */
export function problemList(heading, problems, lang) {
    return `${fileMessages[lang][heading]}\n  ${problems.map((p) => p(lang)).join('\n  ')}`;
}
/** `file:line where: fault`, in both languages. */
export function atLine(file, line, where, fault) {
    return (lang) => `${file}:${line} ${where}: ${fault(lang)}`;
}
