import { cliUsage } from './cli-usage.js';
import { formatDuration, formatInstant, formatNumber } from './format.js';
/** `1 appel`, `2 appels` (French: 0 and 1 are singular) / `1 call`, `0 calls`, the number formatted. */
function plural(lang, n, one, other) {
    return `${formatNumber(lang, n)} ${new Intl.PluralRules(lang).select(n) === 'one' ? one : other}`;
}
const PROCESS_FR = { starting: 'démarrage', online: 'en marche', stopped: 'arrêté', errored: 'en erreur' };
const PROCESS_EN = { starting: 'starting', online: 'running', stopped: 'stopped', errored: 'errored' };
const TIMELINE_FR = { pending: 'en attente', fired: 'déclenché', failed: 'échoué' };
const TIMELINE_EN = { pending: 'pending', fired: 'fired', failed: 'failed' };
const fr = {
    usage: cliUsage.fr,
    missingCommand: 'commande manquante',
    unknownCommand: (command) => `commande inconnue: '${command}'`,
    badLang: (value) => `--lang: langue inconnue '${value}' (fr|en)`,
    unknownOption: (option) => `option inconnue: '${option}'`,
    badOptionValue: (option) => `${option}: valeur manquante, ou donnée à une option qui n'en prend pas`,
    unreachable: (url, reason) => `flotte injoignable sur ${url} (${reason})`,
    refused: (status, code, message) => `refusé (${status}${code ? ` ${code}` : ''})${message ? `: ${message}` : ''}`,
    numberExpected: (what, text) => `${what}: nombre attendu, pas '${text}'`,
    idMissing: (command) => `${command}: ID manquant`,
    unreadable: (file, code) => `${file}: illisible (${code ?? '?'})`,
    badDuration: (text) => `durée invalide: "${text}" (ex. 30s, 5m, 1h, 1h30m)`,
    unknownSubcommand: (command, sub, choices) => `${command}: sous-commande inconnue '${sub}' (${choices})`,
    noAnswer: 'pas de réponse',
    clock: (now, source, speed) => `horloge: ${formatInstant('fr', now)} (${source === 'mock' ? 'simulée' : 'système'}${speed ? ` ×${formatNumber('fr', speed, 3)}` : source === 'mock' ? ', figée' : ''})`,
    processStatus: (status) => PROCESS_FR[status] ?? status,
    online: (online) => (online ? 'en ligne' : 'HORS LIGNE'),
    outage: (kind) => `panne=${kind}`,
    network: (conditions) => `réseau=${conditions}`,
    timelineProgress: (fired, pending, nextAt) => `timeline: ${plural('fr', fired, 'déclenché', 'déclenchés')}, ${formatNumber('fr', pending)} en attente${nextAt ? `, prochain à ${formatInstant('fr', nextAt)}` : ''}`,
    isoMissing: 'time set: heure ISO manquante',
    clockReleased: 'horloge: système (temps réel)',
    killed: (id, kind, status) => `${id}: arrêté (${kind}) → ${fr.processStatus(status)}`,
    restarted: (id, kind, status) => `${id}: redémarré (${kind}) → ${fr.processStatus(status)}`,
    outageSet: (id, offline) => `${id}: ${offline ? 'hors ligne' : 'en ligne'}`,
    networkAddUsage: 'network ID add NOM TYPE [clé=valeur …]',
    noConditions: '(aucune condition)',
    conditionAdded: (id, name, type) => `${id}: condition ${name} (${type}) ajoutée`,
    conditionRemoved: (id, name) => `${id}: condition ${name} retirée`,
    conditionsRemoved: (id) => `${id}: toutes les conditions retirées`,
    badPair: (pair) => `paramètre invalide: '${pair}' (clé=valeur attendu)`,
    timelineLoadUsage: 'timeline load FICHIER',
    timelineSummary: (count, fired, pending) => `timeline: ${plural('fr', count, 'événement', 'événements')}, ${plural('fr', fired, 'déclenché', 'déclenchés')}, ${formatNumber('fr', pending)} en attente`,
    timelineStatus: (status) => TIMELINE_FR[status] ?? status,
    timelineCleared: 'timeline vidée',
    durationMs: (ms) => `${formatNumber('fr', ms)} ms`,
    fleetReady: (states) => `flotte prête: ${states.length} MK6 (${states.map(([id, s]) => `${id} ${s}`).join(', ')})`,
    notReady: (timeoutMs, waiting) => `flotte pas prête après ${formatDuration('fr', timeoutMs)}${waiting ? ':' : ''}`,
    readyState: (s) => {
        switch (s.is) {
            case 'ready': return 'prêt';
            case 'starting': return 'démarrage';
            case 'changing': return 'en changement';
            case 'stopped': return 'arrêté';
            case 'stopped-kill': return 'arrêté (kill)';
            case 'clock-differs': return "horloge différente de celle de la flotte";
            case 'errored': return `en erreur: ${s.problem}`;
            case 'not-answering': return `ne répond pas sur le port ${s.port}`;
            case 'port-held': return `port ${s.port} tenu par le pid ${s.pid}, pm2 fait tourner le pid ${s.pm2Pid}`;
            case 'mode': return `mode ${s.mode}, flotte ${s.fleet}`;
            case 'outage': return `panne ${s.kind} (kill)`;
            default: return s.text;
        }
    },
    verifyUsage: 'verify FICHIER',
    recetteInvalid: 'recette invalide:',
    recordUsage: 'record start [NOM] | stop | status | fetch [NOM] [--out FICHIER]',
    recording: (r) => `enregistrement ${r.on ? 'en cours' : 'arrêté'}${r.name ? `: ${r.name}` : ''}, ${plural('fr', r.entries, 'appel', 'appels')}, ${plural('fr', r.bytes, 'octet', 'octets')}${r.full ? ` (plafond atteint, ${formatNumber('fr', r.dropped)} écartés)` : ''}`,
    noRecording: 'aucun enregistrement: record fetch NOM',
    fetched: (file, calls) => `${file}: ${plural('fr', calls, 'appel', 'appels')}`,
    replayUsage: 'replay FICHIER.har [--url BASE] [--reset] [--only ID,…] [--ignore CHAMP,…]',
    notJson: (file) => `${file}: pas un fichier JSON`,
};
const en = {
    usage: cliUsage.en,
    missingCommand: 'missing command',
    unknownCommand: (command) => `unknown command: '${command}'`,
    badLang: (value) => `--lang: unknown language '${value}' (fr|en)`,
    unknownOption: (option) => `unknown option: '${option}'`,
    badOptionValue: (option) => `${option}: a value missing, or given to an option that takes none`,
    unreachable: (url, reason) => `fleet unreachable at ${url} (${reason})`,
    refused: (status, code, message) => `refused (${status}${code ? ` ${code}` : ''})${message ? `: ${message}` : ''}`,
    numberExpected: (what, text) => `${what}: a number expected, not '${text}'`,
    idMissing: (command) => `${command}: missing ID`,
    unreadable: (file, code) => `${file}: cannot be read (${code ?? '?'})`,
    badDuration: (text) => `invalid duration: "${text}" (e.g. 30s, 5m, 1h, 1h30m)`,
    unknownSubcommand: (command, sub, choices) => `${command}: unknown subcommand '${sub}' (${choices})`,
    noAnswer: 'no answer',
    clock: (now, source, speed) => `clock: ${formatInstant('en', now)} (${source === 'mock' ? 'simulated' : 'system'}${speed ? ` ×${formatNumber('en', speed, 3)}` : source === 'mock' ? ', frozen' : ''})`,
    processStatus: (status) => PROCESS_EN[status] ?? status,
    online: (online) => (online ? 'online' : 'OFFLINE'),
    outage: (kind) => `outage=${kind}`,
    network: (conditions) => `network=${conditions}`,
    timelineProgress: (fired, pending, nextAt) => `timeline: ${formatNumber('en', fired)} fired, ${formatNumber('en', pending)} pending${nextAt ? `, next at ${formatInstant('en', nextAt)}` : ''}`,
    isoMissing: 'time set: missing ISO time',
    clockReleased: 'clock: system (real time)',
    killed: (id, kind, status) => `${id}: killed (${kind}) → ${en.processStatus(status)}`,
    restarted: (id, kind, status) => `${id}: restarted (${kind}) → ${en.processStatus(status)}`,
    outageSet: (id, offline) => `${id}: ${offline ? 'offline' : 'online'}`,
    networkAddUsage: 'network ID add NAME TYPE [key=value …]',
    noConditions: '(no condition)',
    conditionAdded: (id, name, type) => `${id}: condition ${name} (${type}) added`,
    conditionRemoved: (id, name) => `${id}: condition ${name} removed`,
    conditionsRemoved: (id) => `${id}: every condition removed`,
    badPair: (pair) => `bad parameter: '${pair}' (key=value expected)`,
    timelineLoadUsage: 'timeline load FILE',
    timelineSummary: (count, fired, pending) => `timeline: ${plural('en', count, 'event', 'events')}, ${formatNumber('en', fired)} fired, ${formatNumber('en', pending)} pending`,
    timelineStatus: (status) => TIMELINE_EN[status] ?? status,
    timelineCleared: 'timeline cleared',
    durationMs: (ms) => `${formatNumber('en', ms)} ms`,
    fleetReady: (states) => `fleet ready: ${states.length} MK6 (${states.map(([id, s]) => `${id} ${s}`).join(', ')})`,
    notReady: (timeoutMs, waiting) => `fleet not ready after ${formatDuration('en', timeoutMs)}${waiting ? ':' : ''}`,
    readyState: (s) => {
        switch (s.is) {
            case 'ready': return 'ready';
            case 'starting': return 'starting';
            case 'changing': return 'changing';
            case 'stopped': return 'stopped';
            case 'stopped-kill': return 'stopped (kill)';
            case 'clock-differs': return 'clock differs from the fleet';
            case 'errored': return `errored: ${s.problem}`;
            case 'not-answering': return `not answering on port ${s.port}`;
            case 'port-held': return `port ${s.port} held by pid ${s.pid}, pm2 runs pid ${s.pm2Pid}`;
            case 'mode': return `mode ${s.mode}, fleet ${s.fleet}`;
            case 'outage': return `outage ${s.kind} (kill)`;
            default: return s.text;
        }
    },
    verifyUsage: 'verify FILE',
    recetteInvalid: 'invalid recette:',
    recordUsage: 'record start [NAME] | stop | status | fetch [NAME] [--out FILE]',
    recording: (r) => `recording ${r.on ? 'on' : 'off'}${r.name ? `: ${r.name}` : ''}, ${plural('en', r.entries, 'call', 'calls')}, ${plural('en', r.bytes, 'byte', 'bytes')}${r.full ? ` (cap reached, ${formatNumber('en', r.dropped)} dropped)` : ''}`,
    noRecording: 'no recording: record fetch NAME',
    fetched: (file, calls) => `${file}: ${plural('en', calls, 'call', 'calls')}`,
    replayUsage: 'replay FILE.har [--url BASE] [--reset] [--only ID,…] [--ignore FIELD,…]',
    notJson: (file) => `${file}: not a JSON file`,
};
export const cliMessages = { fr, en };
/** The CLI's messages in `lang`. */
export function cliSay(lang) {
    return cliMessages[lang];
}
