/**
 * The catalogue of `npm start`'s console lines for people (supervisor/main.ts), in French and
 * English, chosen as the CLI's: `--lang` > `MK6_LANG` > `LC_ALL` > `LC_MESSAGES` > `LANG`.
 * The JSON lines (the `ready` line, every log line) are machine text, English, not here.
 */
import type { Catalogue } from './catalogue.js';
import { formatDuration } from './format.js';
import type { Lang } from './lang.js';

export interface ConsoleMessages {
  badLang: (value: string) => string;
  badMode: (value: string) => string;
  badPort: (value: string) => string;
  error: (message: string) => string;
  proxyUnavailable: (address: string, code: string | undefined) => string;
  stopping: (signal: string) => string;
  stopFailed: (message: string) => string;
  mk6NotStarted: (problem: string) => string;
  fleetReady: (name: string, file: string, ms: number, mode: string) => string;
  proxyLine: (front: string) => string;
  member: (id: string, url: string, status: string, aliases: string[]) => string;
}

const STATUS_FR: Record<string, string> = { starting: 'démarrage', online: 'en marche', stopped: 'arrêté', errored: 'en erreur' };
const STATUS_EN: Record<string, string> = { starting: 'starting', online: 'running', stopped: 'stopped', errored: 'errored' };

const fr: ConsoleMessages = {
  badLang: (value) => `--lang invalide: '${value}' (fr|en)`,
  badMode: (value) => `--mode invalide: '${value}' (mock|production)`,
  badPort: (value) => `--port invalide: ${value}`,
  error: (message) => `Erreur: ${message}`,
  proxyUnavailable: (address, code) => `proxy: ${address} indisponible (${code ?? '?'})`,
  stopping: (signal) => `${signal}: arrêt de la flotte…`,
  stopFailed: (message) => `arrêt: ${message}`,
  mk6NotStarted: (problem) => `MK6 non démarré: ${problem}`,
  fleetReady: (name, file, ms, mode) => `Flotte MK6 "${name}" (${file}) prête en ${formatDuration('fr', ms)}, mode ${mode}`,
  proxyLine: (front) => `  proxy       ${front}   supervision ${front}/supervision`,
  member: (id, url, status, aliases) => `  ${id.padEnd(10)}  ${url}  ${STATUS_FR[status] ?? status}${aliases.length ? `  alias ${aliases.join(', ')}` : ''}`,
};

const en: ConsoleMessages = {
  badLang: (value) => `invalid --lang: '${value}' (fr|en)`,
  badMode: (value) => `invalid --mode: '${value}' (mock|production)`,
  badPort: (value) => `invalid --port: ${value}`,
  error: (message) => `Error: ${message}`,
  proxyUnavailable: (address, code) => `proxy: ${address} unavailable (${code ?? '?'})`,
  stopping: (signal) => `${signal}: stopping the fleet…`,
  stopFailed: (message) => `stopping: ${message}`,
  mk6NotStarted: (problem) => `MK6 not started: ${problem}`,
  fleetReady: (name, file, ms, mode) => `MK6 fleet "${name}" (${file}) ready in ${formatDuration('en', ms)}, mode ${mode}`,
  proxyLine: (front) => `  proxy       ${front}   supervision ${front}/supervision`,
  member: (id, url, status, aliases) => `  ${id.padEnd(10)}  ${url}  ${STATUS_EN[status] ?? status}${aliases.length ? `  aliases ${aliases.join(', ')}` : ''}`,
};

export const consoleMessages: Catalogue<ConsoleMessages> = { fr, en };

/** `npm start`'s lines in `lang`. */
export function consoleSay(lang: Lang): ConsoleMessages {
  return consoleMessages[lang];
}
