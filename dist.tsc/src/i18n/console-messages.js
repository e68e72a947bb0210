import { formatDuration } from './format.js';
const STATUS_FR = { starting: 'démarrage', online: 'en marche', stopped: 'arrêté', errored: 'en erreur' };
const STATUS_EN = { starting: 'starting', online: 'running', stopped: 'stopped', errored: 'errored' };
const fr = {
    badLang: (value) => `--lang invalide: '${value}' (fr|en)`,
    badMode: (value) => `--mode invalide: '${value}' (mock|production)`,
    badPort: (value) => `--port invalide: ${value}`,
    badEngine: (value) => `--engine invalide: '${value}' (pm2|external)`,
    error: (message) => `Erreur: ${message}`,
    proxyUnavailable: (address, code) => `proxy: ${address} indisponible (${code ?? '?'})`,
    stopping: (signal) => `${signal}: arrêt de la flotte…`,
    stopFailed: (message) => `arrêt: ${message}`,
    mk6NotStarted: (problem) => `MK6 non démarré: ${problem}`,
    fleetReady: (name, file, ms, mode, engine) => `Flotte MK6 "${name}" (${file}) prête en ${formatDuration('fr', ms)}, mode ${mode}, moteur ${engine}`,
    proxyLine: (front) => `  proxy       ${front}   supervision ${front}/supervision`,
    member: (id, url, status, aliases) => `  ${id.padEnd(10)}  ${url}  ${STATUS_FR[status] ?? status}${aliases.length ? `  alias ${aliases.join(', ')}` : ''}`,
};
const en = {
    badLang: (value) => `invalid --lang: '${value}' (fr|en)`,
    badMode: (value) => `invalid --mode: '${value}' (mock|production)`,
    badPort: (value) => `invalid --port: ${value}`,
    badEngine: (value) => `invalid --engine: '${value}' (pm2|external)`,
    error: (message) => `Error: ${message}`,
    proxyUnavailable: (address, code) => `proxy: ${address} unavailable (${code ?? '?'})`,
    stopping: (signal) => `${signal}: stopping the fleet…`,
    stopFailed: (message) => `stopping: ${message}`,
    mk6NotStarted: (problem) => `MK6 not started: ${problem}`,
    fleetReady: (name, file, ms, mode, engine) => `MK6 fleet "${name}" (${file}) ready in ${formatDuration('en', ms)}, mode ${mode}, engine ${engine}`,
    proxyLine: (front) => `  proxy       ${front}   supervision ${front}/supervision`,
    member: (id, url, status, aliases) => `  ${id.padEnd(10)}  ${url}  ${STATUS_EN[status] ?? status}${aliases.length ? `  aliases ${aliases.join(', ')}` : ''}`,
};
export const consoleMessages = { fr, en };
/** `npm start`'s lines in `lang`. */
export function consoleSay(lang) {
    return consoleMessages[lang];
}
