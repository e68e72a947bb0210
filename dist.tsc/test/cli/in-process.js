import assert from "node:assert/strict";
import { main } from "../../supervisor/cli/main.js";
const FR_ENV = { LANG: "fr_FR.UTF-8" };
const EN_ENV = { LANG: "en_US.UTF-8" };
async function runCli(args, env) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, env, { out: (t) => stdout += `${t}
`, err: (t) => stderr += `${t}
`, write: (t) => stdout += t });
  return { code, stdout, stderr };
}
const FRENCH = new Set(
  `horloge fig\xE9e simul\xE9e syst\xE8me pr\xEAte pr\xEAt refus\xE9 injoignable manquant manquante attendu retir\xE9e retir\xE9es ajout\xE9e \xE9v\xE9nement \xE9v\xE9nements
   d\xE9clench\xE9 d\xE9clench\xE9s attente enregistrement appel appels octets commande inconnue inconnu utilisation d\xE9faut sans ligne arr\xEAt\xE9
   red\xE9marr\xE9 marche r\xE9seau panne aucune aucun vid\xE9e illisible dur\xE9e prochain valeur toutes pas sur les des une chaque invalide
   sortie fichier nom langue flotte arr\xEAt`.split(/\s+/)
);
const ENGLISH = new Set(
  `clock frozen simulated ready unreachable missing expected removed added fired pending calls call bytes command unknown usage default
   without every running killed restarted cleared invalid cannot subcommand until back number value the not of language file name
   stopping aliases`.split(/\s+/)
);
function withoutMachineText(text) {
  return text.replace(/\{[^\n]*\}/g, " ").replace(/\S*\/\S*/g, " ").replace(/[\w.-]+\.(yaml|har|json|xml|html)\b/g, " ").replace(/[\p{L}\d]+(?:_[\p{L}\d]+)+/gu, " ");
}
function foreignWords(lang, text) {
  const markers = lang === "fr" ? ENGLISH : FRENCH;
  return [...new Set(withoutMachineText(text).toLowerCase().match(new RegExp("\\p{L}+", "gu")) ?? [])].filter((w) => markers.has(w));
}
function assertOnly(lang, run, what, says) {
  const text = run.stdout + run.stderr;
  assert.deepEqual(foreignWords(lang, text), [], `${what} (${lang}): words of the other language in:
${text}`);
  if (says) assert.match(text.trimEnd(), says, `${what} (${lang})`);
}
export {
  EN_ENV,
  FR_ENV,
  assertOnly,
  foreignWords,
  runCli
};
