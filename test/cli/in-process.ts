/**
 * `mk6-fleet` run in this process (supervisor/cli/main.ts's `main`), with the environment a
 * test gives and its output captured; and the check that a text is in one language only,
 * from marker words picked by hand from the catalogue (src/i18n/cli-messages.ts, cli-usage.ts)
 * and the API's (src/i18n/api-messages.ts), never from the product's own functions.
 */
import assert from 'node:assert/strict';
import { main } from '../../supervisor/cli/program.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export const FR_ENV = { LANG: 'fr_FR.UTF-8' } as const;
export const EN_ENV = { LANG: 'en_US.UTF-8' } as const;

/** One command line, in process: `env` is its whole environment (nothing of this process's). */
export async function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, env, { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`), write: (t) => (stdout += t) });
  return { code, stdout, stderr };
}

/** Words only French prints (accents kept): never in an English run. */
const FRENCH = new Set(
  `horloge figée simulée système prête prêt refusé injoignable manquant manquante attendu retirée retirées ajoutée événement événements
   déclenché déclenchés attente enregistrement appel appels octets commande inconnue inconnu utilisation défaut sans ligne arrêté
   redémarré marche réseau panne aucune aucun vidée illisible durée prochain valeur toutes pas sur les des une chaque invalide
   sortie fichier nom langue flotte arrêt`.split(/\s+/),
);
/** Words only English prints: never in a French run (command words, option names and values excluded: they are typed as is). */
const ENGLISH = new Set(
  `clock frozen simulated ready unreachable missing expected removed added fired pending calls call bytes command unknown usage default
   without every running killed restarted cleared invalid cannot subcommand until back number value the not of language file name
   stopping aliases`.split(/\s+/),
);

/** Machine text, the same in both languages: JSON objects (details, a condition), URLs and paths, codes, event kinds and field names (snake_case). */
function withoutMachineText(text: string): string {
  return text
    .replace(/\{[^\n]*\}/g, ' ')
    .replace(/\S*\/\S*/g, ' ')
    .replace(/[\w.-]+\.(yaml|har|json|xml|html)\b/g, ' ')
    .replace(/[\p{L}\d]+(?:_[\p{L}\d]+)+/gu, ' ');
}

/** The words of `text` that belong to the other language's markers. */
export function foreignWords(lang: 'fr' | 'en', text: string): string[] {
  const markers = lang === 'fr' ? ENGLISH : FRENCH;
  return [...new Set(withoutMachineText(text).toLowerCase().match(/\p{L}+/gu) ?? [])].filter((w) => markers.has(w));
}

/** `run`'s whole output is in `lang` only (ids, codes, command words aside), and matches `says` if given. */
export function assertOnly(lang: 'fr' | 'en', run: CliRun, what: string, says?: RegExp): void {
  const text = run.stdout + run.stderr;
  assert.deepEqual(foreignWords(lang, text), [], `${what} (${lang}): words of the other language in:\n${text}`);
  if (says) assert.match(text.trimEnd(), says, `${what} (${lang})`);
}
