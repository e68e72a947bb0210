import { formatNumber } from './format.js';
const fr = {
    badTime: (field, value) => `${field}: heure HH:MM attendue, pas '${value}'`,
    windowEmpty: (from, to) => `fenêtre vide: ${from} → ${to} (--to doit suivre --from)`,
    badDate: (value) => `date: AAAA-MM-JJ attendue, pas '${value}'`,
    unknownFault: (value, known) => `faute inconnue: '${value}' (${known})`,
    notPlayable: (kind, action) => `${kind}: la timeline de cette version ne connaît pas l'action ${action}`,
    noFaults: 'aucune faute à tirer (--faults)',
    noTarget: "aucun MK6 dans la flotte: rien sur quoi tirer des fautes",
    badSeed: (value) => `seed: entier de 0 à 4294967295 attendu, pas '${value}'`,
    badChoice: (field, value, allowed) => `${field}: '${value}' invalide (${allowed})`,
    written: (file, events, faults) => `${file}: ${formatNumber('fr', faults)} fautes, ${formatNumber('fr', events)} événements`,
    narrowed: (file, kept, of, checks) => `${file}: ${formatNumber('fr', kept)} événements gardés sur ${formatNumber('fr', of)} (fautes en cause dans ${formatNumber('fr', checks)} contrôles en échec)`,
    narrowUsage: 'utilisation: chaos narrow JOURNÉE.yaml --verdict VERDICT.json [--out FICHIER]',
    seedMissing: 'chaos: --seed N manque (la graine de la journée)',
    unknownArgs: (args) => `chaos: argument inattendu '${args}' (chaos --seed N, ou chaos narrow JOURNÉE.yaml)`,
    narrowNothing: 'aucune faute en cause dans le verdict (aucun contrôle en échec, ou aucune faute à leurs preuves): rien à garder',
    verdictUnreadable: (file) => `${file}: verdict JSON illisible (mk6-fleet verify FILE --json > VERDICT.json)`,
    coverageTitle: 'Couverture des fautes (par MK6, par type: fois où la journée l’a exercée)',
    coverageNone: 'aucune faute exercée',
    candidatesTitle: 'fautes en cours ou finies depuis moins de 5 min',
    stillInForce: 'en cours',
};
const en = {
    badTime: (field, value) => `${field}: HH:MM expected, not '${value}'`,
    windowEmpty: (from, to) => `empty window: ${from} → ${to} (--to must follow --from)`,
    badDate: (value) => `date: YYYY-MM-DD expected, not '${value}'`,
    unknownFault: (value, known) => `unknown fault: '${value}' (${known})`,
    notPlayable: (kind, action) => `${kind}: this build's timeline does not know the action ${action}`,
    noFaults: 'no fault to draw (--faults)',
    noTarget: 'no MK6 in the fleet: nothing to draw faults on',
    badSeed: (value) => `seed: an integer from 0 to 4294967295 expected, not '${value}'`,
    badChoice: (field, value, allowed) => `${field}: '${value}' invalid (${allowed})`,
    written: (file, events, faults) => `${file}: ${formatNumber('en', faults)} faults, ${formatNumber('en', events)} events`,
    narrowed: (file, kept, of, checks) => `${file}: ${formatNumber('en', kept)} of ${formatNumber('en', of)} events kept (faults named by ${formatNumber('en', checks)} failing checks)`,
    narrowUsage: 'usage: chaos narrow DAY.yaml --verdict VERDICT.json [--out FILE]',
    seedMissing: 'chaos: --seed N missing (the day\'s seed)',
    unknownArgs: (args) => `chaos: unexpected argument '${args}' (chaos --seed N, or chaos narrow DAY.yaml)`,
    narrowNothing: 'no fault named by the verdict (no failing check, or no fault at their evidence): nothing to keep',
    verdictUnreadable: (file) => `${file}: unreadable JSON verdict (mk6-fleet verify FILE --json > VERDICT.json)`,
    coverageTitle: 'Fault coverage (per MK6, per kind: times the day exercised it)',
    coverageNone: 'no fault exercised',
    candidatesTitle: 'faults in force or ended less than 5 min before',
    stillInForce: 'in force',
};
export const chaosMessages = { fr, en };
export function chaosSay(lang) {
    return chaosMessages[lang];
}
